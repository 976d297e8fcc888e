using System.Text.Json;

namespace Parley.Cli.Tests;

public sealed class TimexCommandTests
{
    [Fact]
    public void Timex_TextWithDct_WritesTempEval3TimeMl()
    {
        var r = CliRunner.Run("The envoys of Laos and Fiji met on Monday & agreed to meet again next year.\n", "timex", "--dct", "2022-09-21");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2022-09-21\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-09-19\">Monday</TIMEX3> &amp; agreed", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2023\">next year</TIMEX3>", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Timex_TimeMlInput_StripsGoldAndAnnotatesAfresh()
    {
        var path = Path.Combine(Path.GetTempPath(), "parley-timex-" + Guid.NewGuid().ToString("N") + ".tml");
        File.WriteAllText(path, """
            <?xml version="1.0" ?>
            <TimeML>
            <DOCID>T1</DOCID>
            <DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-04" temporalFunction="false" functionInDocument="CREATION_TIME">20010504</TIMEX3></DCT>
            <TEXT>
            Talks in Oslo <EVENT eid="e1" class="OCCURRENCE">ended</EVENT> <TIMEX3 tid="t9" type="DATE" value="WRONG">yesterday</TIMEX3>.
            </TEXT>
            </TimeML>
            """);
        try
        {
            var r = CliRunner.Run(null, "timex", "--input-format", "timeml", "--output", "jsonl", path);
            Assert.Equal(0, r.ExitCode);
            var record = JsonDocument.Parse(r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
            Assert.Equal("yesterday", record.GetProperty("text").GetString());
            Assert.Equal("2001-05-03", record.GetProperty("value").GetString());
            Assert.Equal("end", record.GetProperty("clause").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Timex_BadDct_IsAUsageError()
    {
        var r = CliRunner.Run("Hello on Monday.\n", "timex", "--dct", "next tuesday");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PRL3001", r.StdErr, StringComparison.Ordinal);
    }
}
