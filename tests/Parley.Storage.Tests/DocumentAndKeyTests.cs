namespace Parley.Storage.Tests;

public sealed class DocumentAndKeyTests
{
    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Documents_ListNewestFirst_AndOneWithItsMentionsAndCalendar(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store);
        var list = store.Documents(10);
        Assert.Equal(["ar-1", "no-2", "se-1", "no-1"], list.Select(d => d.DocId));
        Assert.Equal([1L, 1, 2, 1], list.Select(d => d.Mentions));
        Assert.Equal(["no-2", "se-1"], store.Documents(2, 1).Select(d => d.DocId));
        Assert.Equal(["se-1", "no-1"], store.Documents(10, 0, "2023-04", "2023-04").Select(d => d.DocId));

        var doc = store.Document("se-1")!;
        Assert.True(doc.IsCurrent);
        Assert.StartsWith("Sweden accused Norway", doc.Text, StringComparison.Ordinal);
        Assert.Equal(["se-1#e1", "se-1#e2"], doc.Mentions.Select(m => m.RecordId));
        Assert.Equal("MOBILIZE", doc.Mentions[1].Event);
        Assert.Equal("SWE", doc.Mentions[0].Source[0].Country);
        Assert.Contains("\"id\":\"se-1#e1\"", doc.Mentions[0].RecordJson.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var planned = Assert.Single(store.Document("no-1")!.Calendar);
        Assert.Equal("2023-05-15", planned.ExpectedDate);
        Assert.Null(store.Document("nowhere"));
        Assert.Null(store.Document("se-1", 2));

        var e = store.Event(doc.Mentions[0].EventId)!;
        Assert.Equal("ACCUSE", e.Event);
        Assert.Equal("se-1", Assert.Single(e.Mentions).DocId);
        Assert.Null(store.Event(999_999));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void ApiKeys_CreateVerifyRevoke_StoreOnlyTheHash(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        var made = store.CreateApiKey("newsroom importer");
        Assert.Matches("^prl_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", made.Key);
        Assert.Equal(made.Info.KeyId, store.VerifyApiKey(made.Key)?.KeyId);
        Assert.Null(store.VerifyApiKey(made.Key[..^1] + (made.Key[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(store.VerifyApiKey("prl_" + made.Info.KeyId));
        Assert.Null(store.VerifyApiKey("not a key"));
        Assert.Null(store.VerifyApiKey(null));
        using (var cmd = store.Command("SELECT key_hash FROM api_keys"))
        {
            var hash = (string)cmd.ExecuteScalar()!;
            Assert.Equal(64, hash.Length);
            // the secret is everything after "prl_<12 hex>_" (it may itself contain '_')
            Assert.DoesNotContain(made.Key["prl_0123456789ab_".Length..], hash, StringComparison.Ordinal);
        }

        var other = store.CreateApiKey("second");
        Assert.True(store.RevokeApiKey(made.Info.KeyId));
        Assert.False(store.RevokeApiKey(made.Info.KeyId));
        Assert.Null(store.VerifyApiKey(made.Key));
        Assert.NotNull(store.VerifyApiKey(other.Key));
        var keys = store.ApiKeys();
        Assert.Equal([false, true], keys.Select(k => k.Active));
        Assert.Equal(["newsroom importer", "second"], keys.Select(k => k.Name));
    }
}
