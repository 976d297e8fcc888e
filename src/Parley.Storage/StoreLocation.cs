using Npgsql;
using Parley.Core;

namespace Parley.Storage;

/// <summary>The database engine behind a store.</summary>
public enum StoreBackend
{
    /// <summary>An SQLite file (the default): WAL journal, foreign keys on, FTS5 full-text index.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database reached through a connection string: jsonb columns, tsvector full-text index.</summary>
    Postgres,
}

/// <summary>
/// Where a store lives, parsed from the <c>--store</c> value: a <c>postgres://user:password@host:port/db</c> URI or a
/// <c>Host=…;Database=…</c> connection string selects PostgreSQL; anything else is the path of an SQLite file (created
/// with its folder when absent). Without a value, <c>PARLEY_STORE</c>, else <c>parley.db</c> in the current folder.
/// </summary>
/// <param name="Backend">The engine.</param>
/// <param name="ConnectionString">The ADO.NET connection string for that engine.</param>
/// <param name="Display">What to show the user: the file path, or host/database without the password.</param>
public sealed record StoreLocation(StoreBackend Backend, string ConnectionString, string Display)
{
    /// <summary>The SQLite file used when neither <c>--store</c> nor <c>PARLEY_STORE</c> names a store.</summary>
    public const string DefaultFile = "parley.db";

    /// <summary>Parses a <c>--store</c> value (null or empty: <c>PARLEY_STORE</c>, else <see cref="DefaultFile"/>).</summary>
    /// <exception cref="ParleyException">PRL3001 when a PostgreSQL URI or connection string cannot be understood.</exception>
    public static StoreLocation Parse(string? value)
    {
        value = string.IsNullOrWhiteSpace(value) ? Environment.GetEnvironmentVariable("PARLEY_STORE") : value;
        value = string.IsNullOrWhiteSpace(value) ? DefaultFile : value.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUri(value);
        }

        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(value);
                return new StoreLocation(StoreBackend.Postgres, builder.ConnectionString, $"postgres {builder.Host}:{builder.Port}/{builder.Database}");
            }
            catch (ArgumentException ex)
            {
                throw new ParleyException(Errors.InvalidOption, $"--store: not a PostgreSQL connection string ({ex.Message})");
            }
        }

        var path = Path.GetFullPath(value);
        return new StoreLocation(StoreBackend.Sqlite, path, path);
    }

    private static StoreLocation FromUri(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ParleyException(Errors.InvalidOption, "--store: a PostgreSQL URI reads postgres://user:password@host:port/database");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
            var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (database.Length > 0)
            {
                builder.Database = database;
            }

            if (uri.UserInfo.Length > 0)
            {
                var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
                builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
                if (colon >= 0)
                {
                    builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
                }
            }

            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = eq < 0 ? "true" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            }

            return new StoreLocation(StoreBackend.Postgres, builder.ConnectionString, $"postgres {builder.Host}:{builder.Port}/{builder.Database}");
        }
        catch (ArgumentException ex)
        {
            throw new ParleyException(Errors.InvalidOption, $"--store: {ex.Message}");
        }
    }
}
