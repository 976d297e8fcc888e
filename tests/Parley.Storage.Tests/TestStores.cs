using Npgsql;
using Parley.Cli.Tests;

namespace Parley.Storage.Tests;

/// <summary>
/// Real databases for the tests: an SQLite file in a temp folder, and a fresh database on the PostgreSQL server named by
/// <c>PARLEY_TEST_POSTGRES</c> (scripts/test starts a throw-away one). Without that variable the PostgreSQL rows are left
/// out locally, and <see cref="PostgresFactAttribute"/> reports one skipped test saying why; with <c>CI=true</c> they are
/// kept and fail.
/// </summary>
internal sealed class TestStore : IDisposable
{
    public const string PostgresVariable = "PARLEY_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _database;

    private TestStore(string value, string? folder, string? database)
    {
        Value = value;
        _folder = folder;
        _database = database;
    }

    /// <summary>The <c>--store</c> value.</summary>
    public string Value { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } v ? v : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The backends to run: SQLite always, PostgreSQL when a server is configured or in CI (where its absence fails).</summary>
    public static TheoryData<string> Backends
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (PostgresServer is not null || InCi)
            {
                data.Add("postgres");
            }

            return data;
        }
    }

    public static TestStore Create(string backend)
    {
        if (backend == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("parley-store-test-").FullName;
            return new TestStore(Path.Combine(folder, "store.db"), folder, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set: the PostgreSQL tests need a server (bash scripts/test starts one).");
        var name = "parley_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {name}";
            cmd.ExecuteNonQuery();
        }

        return new TestStore(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, name);
    }

    public EventStore Open() => EventStore.Open(Value);

    public void Dispose()
    {
        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        if (_database is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)";
            cmd.ExecuteNonQuery();
        }
    }
}

/// <summary>A fact that runs when a PostgreSQL server is configured, fails in CI without one, and is skipped with the reason otherwise.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestStore.PostgresServer is null && !TestStore.InCi)
        {
            Skip = $"{TestStore.PostgresVariable} is not set, so the PostgreSQL rows of the storage tests did not run: bash scripts/test starts a throw-away server.";
        }
    }
}

/// <summary>Inputs for the tests that run the real <c>./parley</c> (through Parley.Cli.Tests' <see cref="CliRunner"/>).</summary>
internal static class DevSet
{
    /// <summary>The dev articles with the given ids as JSONL (through the shared converter), in a temp file.</summary>
    public static string Articles(string folder, params string[] ids)
    {
        var lines = CliRunner.DevArticlesJsonl().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => ids.Any(id => l.Contains($"\"id\": \"{id}\"", StringComparison.Ordinal) || l.Contains($"\"id\":\"{id}\"", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(ids.Length, lines.Count);
        var path = Path.Combine(folder, "articles.jsonl");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
