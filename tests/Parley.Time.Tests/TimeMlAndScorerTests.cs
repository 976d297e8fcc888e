using Parley.Core;

namespace Parley.Time.Tests;

public sealed class TimeMlAndScorerTests
{
    private const string Sample = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>X1</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-04" temporalFunction="false" functionInDocument="CREATION_TIME">20010504</TIMEX3></DCT>
        <TEXT>
        Talks in Oslo <EVENT eid="e1" class="OCCURRENCE">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="2001-05-03">yesterday</TIMEX3> &amp; will resume <TIMEX3 tid="t2" value="P2D" type="DURATION">in two days</TIMEX3>.
        </TEXT>
        </TimeML>
        """;

    [Fact]
    public void Parse_StripsTagsDecodesEntitiesAndKeepsSpans()
    {
        var doc = TimeMlDocument.Parse(Sample, "x.tml");
        Assert.Equal("X1", doc.Id);
        Assert.Equal("2001-05-04", doc.Dct);
        Assert.DoesNotContain("<", doc.Text, StringComparison.Ordinal);
        Assert.Contains("yesterday & will", doc.Text, StringComparison.Ordinal);
        Assert.Equal(2, doc.Timexes.Count);
        Assert.Equal("yesterday", doc.Timexes[0].Span.Slice(doc.Text));
        Assert.Equal("DURATION", doc.Timexes[1].Type);
        Assert.Equal("P2D", doc.Timexes[1].Value);
    }

    [Fact]
    public void Parse_NoTextElement_ThrowsPrl1014()
    {
        var ex = Assert.Throws<ParleyException>(() => TimeMlDocument.Parse("<TimeML><DOCID>a</DOCID></TimeML>", "bad.tml"));
        Assert.Equal("PRL1014", ex.Error.Code);
    }

    [Fact]
    public void Write_ThenParse_RoundTripsTextAndAnnotations()
    {
        const string text = "Envoys met <on> Monday & again today.";
        var timexes = new List<Timex>
        {
            new(new TextSpan(16, 22), "DATE", "2022-09-19", null, null, "weekday", "dct", null, 2, 1, -1, -1),
            new(new TextSpan(31, 36), "DATE", "2022-09-21", "START", null, "today", "dct", null, 6, 1, -1, -1),
        };
        using var writer = new StringWriter();
        TimeMlDocument.Write(writer, "d1", text, "2022-09-21", timexes);
        var back = TimeMlDocument.Parse(writer.ToString(), "d1.tml");
        Assert.Equal(text, back.Text);
        Assert.Equal("2022-09-21", back.Dct);
        Assert.Equal([timexes[0].Span, timexes[1].Span], back.Timexes.Select(t => t.Span));
        Assert.Equal("START", back.Timexes[1].Mod);
    }

    [Fact]
    public void Scorer_RelaxedStrictAndValue_FollowTempEval3()
    {
        var gold = new List<TimeMlTimex>
        {
            new(new TextSpan(0, 10), "DATE", "2001", null),
            new(new TextSpan(20, 30), "DURATION", "P2D", null),
            new(new TextSpan(40, 50), "DATE", "2002", null),
        };
        var predicted = new List<TimeMlTimex>
        {
            new(new TextSpan(0, 10), "DATE", "2001", null), // strict, right value
            new(new TextSpan(22, 30), "DURATION", "P3D", null), // relaxed only, wrong value
            new(new TextSpan(60, 65), "DATE", "2003", null), // spurious
        };
        var e = new TimexEvaluation();
        e.Add("d", gold, predicted);
        var s = e.Score(TimexEvaluation.All);
        Assert.Equal(2.0 / 3, s.RelaxedPrecision, 6);
        Assert.Equal(2.0 / 3, s.RelaxedRecall, 6);
        Assert.Equal(1.0 / 3, s.StrictF1, 6);
        Assert.Equal(0.5, s.ValueAccuracy, 6);
        Assert.Equal(s.RelaxedF1 * 0.5, s.ValueF1, 6);
        Assert.Contains(e.Errors, x => x.Kind == "missed" && x.Gold!.Value == "2002");
        Assert.Contains(e.Errors, x => x.Kind == "spurious" && x.Predicted!.Value == "2003");
    }

    /// <summary>Regression floor on a TimeBank sample (the development set), a little below the measured scores.</summary>
    [Fact]
    public void TimeBankSample_ScoresAboveFloor()
    {
        var s = Evaluate("TimeBank", 30);
        Assert.True(s.RelaxedF1 >= 0.94, $"relaxed F1 {s.RelaxedF1:F4}");
        Assert.True(s.ValueF1 >= 0.82, $"value F1 {s.ValueF1:F4}");
    }

    /// <summary>Regression floor on an AQUAINT sample (the report set: rules are never tuned on it).</summary>
    [Fact]
    public void AquaintSample_ScoresAboveFloor()
    {
        var s = Evaluate("AQUAINT", 20);
        Assert.True(s.RelaxedF1 >= 0.92, $"relaxed F1 {s.RelaxedF1:F4}");
        Assert.True(s.ValueF1 >= 0.68, $"value F1 {s.ValueF1:F4}");
    }

    private static TimexScore Evaluate(string set, int files)
    {
        var e = new TimexEvaluation();
        foreach (var file in Directory.GetFiles(TestSupport.TempEval(set), "*.tml").Order(StringComparer.Ordinal).Take(files))
        {
            var tml = TimeMlDocument.Read(file);
            var (_, layer) = TestSupport.Annotate(tml.Text, tml.Dct);
            e.Add(tml.Id, tml.Timexes, TimexEvaluation.FromLayer(layer));
        }

        return e.Score(TimexEvaluation.All);
    }
}
