using System.Security.Cryptography;
using System.Text;

namespace Parley.Storage;

/// <summary>An API key as the store knows it (never the key itself: only its hash is stored).</summary>
/// <param name="KeyId">The public part of the key (<c>prl_KEYID_…</c>), used to name it in lists and revocations.</param>
/// <param name="Name">The label given when it was made.</param>
/// <param name="CreatedAt">When it was made (UTC, ISO 8601).</param>
/// <param name="RevokedAt">When it was revoked, or null while it is valid.</param>
public sealed record ApiKeyInfo(string KeyId, string Name, string CreatedAt, string? RevokedAt)
{
    /// <summary>True while the key has not been revoked.</summary>
    public bool Active => RevokedAt is null;
}

/// <summary>A key just made: <see cref="Key"/> is shown once and cannot be recovered from the store.</summary>
/// <param name="Info">What the store keeps about it.</param>
/// <param name="Key">The whole key, <c>prl_KEYID_SECRET</c> (SECRET: 32 random bytes, base64url).</param>
public sealed record ApiKeyCreated(ApiKeyInfo Info, string Key);

/// <content>API keys for the web API's writes.</content>
public sealed partial class EventStore
{
    private const string KeyPrefix = "prl_";

    /// <summary>
    /// Makes a key labelled <paramref name="name"/>: a random 12-hex-digit id and 32 random bytes, stored as the SHA-256 of
    /// the whole key (the secret is high-entropy, so a plain hash suffices; a slow hash protects guessable passwords).
    /// </summary>
    public ApiKeyCreated CreateApiKey(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = $"{KeyPrefix}{keyId}_{secret}";
        var created = Now();
        Execute("INSERT INTO api_keys (key_id, name, key_hash, created_at) VALUES (@k, @n, @h, @t)", ("k", keyId), ("n", name.Trim()), ("h", HashKey(key)), ("t", created));
        return new ApiKeyCreated(new ApiKeyInfo(keyId, name.Trim(), created, null), key);
    }

    /// <summary>Every key ever made, revoked ones included, oldest first.</summary>
    public IReadOnlyList<ApiKeyInfo> ApiKeys()
    {
        var keys = new List<ApiKeyInfo>();
        using var cmd = Command("SELECT key_id, name, created_at, revoked_at FROM api_keys ORDER BY id");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            keys.Add(new ApiKeyInfo(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        }

        return keys;
    }

    /// <summary>Revokes the key with id <paramref name="keyId"/>; false when no active key has that id.</summary>
    public bool RevokeApiKey(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return Execute("UPDATE api_keys SET revoked_at = @t WHERE key_id = @k AND revoked_at IS NULL", ("t", Now()), ("k", keyId)) > 0;
    }

    /// <summary>The active key matching <paramref name="presented"/>, or null (malformed, unknown, wrong secret or revoked); the hashes are compared in constant time.</summary>
    public ApiKeyInfo? VerifyApiKey(string? presented)
    {
        if (presented is null || !presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        var rest = presented[KeyPrefix.Length..];
        var underscore = rest.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0)
        {
            return null;
        }

        var keyId = rest[..underscore];
        using var cmd = Command("SELECT name, created_at, revoked_at, key_hash FROM api_keys WHERE key_id = @k", ("k", keyId));
        using var r = cmd.ExecuteReader();
        if (!r.Read() || !r.IsDBNull(2))
        {
            return null;
        }

        var stored = Encoding.ASCII.GetBytes(r.GetString(3));
        var given = Encoding.ASCII.GetBytes(HashKey(presented));
        return CryptographicOperations.FixedTimeEquals(stored, given) ? new ApiKeyInfo(keyId, r.GetString(0), r.GetString(1), null) : null;
    }

    private static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
