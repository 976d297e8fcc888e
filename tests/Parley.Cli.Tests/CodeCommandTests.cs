using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Parley.Cli.Tests;

public sealed class CodeCommandTests
{
    private const string Example = "examples/belarus-kazakhstan-2022-06-08.txt";

    /// <summary>
    /// Strict F1 measured on all 30 dev articles when this floor was set: 0.623 (`./parley code` + score_events.py).
    /// The floor sits a little below it so accuracy cannot silently drop.
    /// </summary>
    private const double DevStrictF1Floor = 0.58;

    /// <summary>Calendar F1 measured on the dev articles when this floor was set: 0.786 (`./parley calendar` + score_calendar.py).</summary>
    private const double DevCalendarF1Floor = 0.72;

    [Fact]
    public void Code_ReferenceExample_MatchesGoldenJsonl()
    {
        var r = CliRunner.Run(null, "code", Example);
        Assert.Equal(0, r.ExitCode);
        GoldenFile.AssertMatches("code-example.jsonl", r.StdOut);
    }

    [Fact]
    public void Code_ReferenceExample_RecordsFollowTheContract()
    {
        var r = CliRunner.Run(null, "code", "--explain", Example);
        Assert.Equal(0, r.ExitCode);
        var text = JsonDocument.Parse(CliRunner.Run(null, "read", Example).StdOut).RootElement.GetProperty("text").GetString()!;
        var lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var e = JsonDocument.Parse(line).RootElement;
            Assert.Equal("belarus-kazakhstan-2022-06-08", e.GetProperty("doc_id").GetString());
            Assert.Matches("^[0-9]{2,4}$", e.GetProperty("cameo").GetString());
            Assert.InRange(e.GetProperty("quad").GetInt32(), 1, 4);
            Assert.Equal("2022-06-08", e.GetProperty("date").GetString());
            Assert.Equal("dct", e.GetProperty("date_trace").GetProperty("how").GetString());
            Assert.Equal("parley.events.v1", e.GetProperty("coder").GetString());
            Assert.Equal("plover-0.8", e.GetProperty("codebook").GetString());
            Assert.NotEmpty(e.GetProperty("explain").EnumerateArray());
            foreach (var actor in e.GetProperty("source").EnumerateArray())
            {
                Assert.True(actor.GetProperty("country").ValueKind == JsonValueKind.String || actor.GetProperty("org").ValueKind == JsonValueKind.String);
            }

            foreach (var pair in e.GetProperty("evidence_offsets").EnumerateArray())
            {
                var (start, end) = (pair[0].GetInt32(), pair[1].GetInt32());
                var evidence = e.GetProperty("evidence");
                var expected = evidence.ValueKind == JsonValueKind.Array ? evidence.EnumerateArray().Select(x => x.GetString()) : [evidence.GetString()];
                Assert.Contains(text[start..end], expected);
            }
        }

        Assert.Contains("discarded", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_SeveralThreads_WritesTheSameJsonlAsOne()
    {
        var eval = Path.Combine(CliRunner.SharedDir, "eval");
        var jsonl = Python(Path.Combine(eval, "articles_to_jsonl.py"), Path.Combine(eval, "diplomatic-dev", "articles"));
        var one = CliRunner.Run(jsonl, "code", "--threads", "1");
        var three = CliRunner.Run(jsonl, "code", "--threads", "3");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, three.ExitCode);
        var documents = one.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("doc_id").GetString()).Distinct().Count();
        Assert.True(documents >= 10, $"only {documents} documents have events");
        Assert.Equal(one.StdOut, three.StdOut);
    }

    [Fact]
    public void Code_ZeroThreads_IsAnOptionError()
    {
        var r = CliRunner.Run("Peru and Chile signed a trade agreement.", "code", "--threads", "0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PRL", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("--threads", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_Events_CarryALocationOrItsReason()
    {
        var r = CliRunner.Run("Japanese Prime Minister Fumio Kishida met with Indian Prime Minister Narendra Modi in New Delhi on Monday.", "code", "--explain");
        Assert.Equal(0, r.ExitCode);
        var e = JsonDocument.Parse(r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        var place = e.GetProperty("location");
        Assert.Equal("New Delhi", place.GetProperty("name").GetString());
        Assert.Equal("IND", place.GetProperty("country").GetString());
        Assert.Equal("city", place.GetProperty("precision").GetString());
        Assert.Equal(JsonValueKind.Number, place.GetProperty("geonames_id").ValueKind);
        Assert.Equal(JsonValueKind.Number, place.GetProperty("lat").ValueKind);
        Assert.Equal(JsonValueKind.Null, e.GetProperty("location_reason").ValueKind);
        Assert.Contains(e.GetProperty("explain").EnumerateArray(), x => x.GetString()!.StartsWith("location: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Code_DevArticles_StrictF1AboveFloor()
    {
        var (f1, score) = ScoreDev("code", "score_events.py", "gold", "F1=");
        Assert.True(f1 >= DevStrictF1Floor, $"strict F1 {f1} fell below {DevStrictF1Floor}:\n{score}");
    }

    [Fact]
    public void Calendar_DevArticles_F1AboveFloor()
    {
        var (f1, score) = ScoreDev("calendar", "score_calendar.py", "calendar", "calendar_f1=");
        Assert.True(f1 >= DevCalendarF1Floor, $"calendar F1 {f1} fell below {DevCalendarF1Floor}:\n{score}");
    }

    [Fact]
    public void Calendar_ReferenceExample_HasTheAnniversaryWithItsOrigin()
    {
        var r = CliRunner.Run(null, "calendar", Example);
        Assert.Equal(0, r.ExitCode);
        var items = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var anniversary = Assert.Single(items, i => i.GetProperty("kind").GetString() == "anniversary");
        Assert.Equal("2022-09-16", anniversary.GetProperty("expected_date").GetString());
        Assert.Equal("1992-09-16", anniversary.GetProperty("origin_date").GetString());
        var planned = Assert.Single(items, i => i.GetProperty("kind").GetString() == "planned");
        Assert.Equal("CONSULT", planned.GetProperty("event").GetString());
        Assert.Equal(["BLR", "KAZ"], planned.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("country").GetString()).Order());
    }

    /// <summary>Runs a command over the dev articles and scores it with the shared scorer; returns the figure on its last line and the whole report.</summary>
    private static (double F1, string Report) ScoreDev(string command, string scorer, string goldFolder, string lastLinePrefix)
    {
        var eval = Path.Combine(CliRunner.SharedDir, "eval");
        var jsonl = Python(Path.Combine(eval, "articles_to_jsonl.py"), Path.Combine(eval, "diplomatic-dev", "articles"));
        var r = CliRunner.Run(jsonl, command);
        Assert.Equal(0, r.ExitCode);
        var predicted = Path.GetTempFileName();
        try
        {
            File.WriteAllText(predicted, r.StdOut);
            var score = Python(Path.Combine(eval, scorer), Path.Combine(eval, "diplomatic-dev", goldFolder), predicted);
            var last = score.Trim().Split('\n')[^1];
            Assert.StartsWith(lastLinePrefix, last, StringComparison.Ordinal);
            return (double.Parse(last[lastLinePrefix.Length..], CultureInfo.InvariantCulture), score);
        }
        finally
        {
            File.Delete(predicted);
        }
    }

    private static string Python(params string[] args)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"python3 {string.Join(' ', args)} failed: {stderr}");
        return stdout.Result;
    }
}
