using Parley.Core;

namespace Parley.Linguistics.Tests.Parsing;

public sealed class ClauseViewTests
{
    [Fact]
    public void Passive_WithByAgent_GivesPatientSubjectAndAgent()
    {
        var s = new ParsedSentence("In Minsk , the agreement was signed by the two ministers .");
        var sign = s.Clause("sign");
        Assert.True(sign.Passive, s.Describe());
        Assert.Equal(["agreement"], s.Heads(sign, ArgumentRole.PassiveSubject));
        Assert.Equal(["ministers"], s.Heads(sign, ArgumentRole.Agent));
        var minsk = Assert.Single(sign.Arguments, a => a.Role == ArgumentRole.Oblique);
        Assert.Equal("in", minsk.Preposition);
    }

    [Fact]
    public void CoordinatedSubjects_AreExpandedAndControlTheInfinitive()
    {
        var s = new ParsedSentence("Russia and China agreed to expand trade .");
        var agree = s.Clause("agree");
        Assert.Equal(["Russia", "China"], s.Heads(agree, ArgumentRole.Subject));
        Assert.All(agree.Arguments, a => Assert.True(a.Coordinated));
        var expand = s.Clause("expand");
        Assert.Equal("xcomp", expand.Relation);
        Assert.Equal(["Russia", "China"], s.Heads(expand, ArgumentRole.Subject));
        Assert.All(expand.Arguments.Where(a => a.Role == ArgumentRole.Subject), a => Assert.Equal("control", a.Inherited));
        Assert.Equal(["trade"], s.Heads(expand, ArgumentRole.Object));
    }

    [Fact]
    public void Apposition_StaysInsideTheSubjectPhrase()
    {
        var s = new ParsedSentence("Sergei Rachkov , Chairman of the Standing Committee , met the ambassador .");
        var meet = s.Clause("meet");
        var subject = Assert.Single(meet.Arguments, a => a.Role == ArgumentRole.Subject);
        Assert.Equal("Sergei Rachkov , Chairman of the Standing Committee", subject.Span.Slice(s.Text));
        Assert.Equal(["ambassador"], s.Heads(meet, ArgumentRole.Object));
    }

    [Fact]
    public void QuotationWithSpeechVerb_IsReportedByTheSpeaker()
    {
        var s = new ParsedSentence("“ Belarus considers Kazakhstan a key partner , ” Mr. Rachkov said .");
        var view = s.Clause("consider");
        var say = s.Clause("say");
        Assert.Equal(["Rachkov"], s.Heads(say, ArgumentRole.Subject));
        Assert.True(s.Clauses.ToList().IndexOf(say) == view.ReportedBy, s.Describe());
        Assert.Equal(["Belarus"], s.Heads(view, ArgumentRole.Subject));
    }

    [Fact]
    public void ThatComplementOfSpeechVerb_IsReportedAndFuture()
    {
        var s = new ParsedSentence("The minister said that Russia will impose new sanctions .");
        var impose = s.Clause("impose");
        Assert.Equal(s.Clauses.ToList().IndexOf(s.Clause("say")), impose.ReportedBy);
        Assert.True(impose.Future);
        Assert.Equal(["will"], impose.Modals);
        Assert.Equal(["Russia"], s.Heads(impose, ArgumentRole.Subject));
    }

    [Fact]
    public void Negation_MarksTheClause()
    {
        var s = new ParsedSentence("The government did not recognize the results of the referendum .");
        Assert.True(s.Clause("recognize").Negated, s.Describe());
        Assert.False(new ParsedSentence("The government recognized the results of the referendum .").Clause("recognize").Negated);
    }

    [Fact]
    public void InfinitivalChain_PassesTheSubjectDown()
    {
        var s = new ParsedSentence("The parliamentarians agreed to consider holding a meeting of the commission .");
        Assert.Equal(["parliamentarians"], s.Heads(s.Clause("agree"), ArgumentRole.Subject));
        var consider = s.Clause("consider");
        Assert.Equal(["parliamentarians"], s.Heads(consider, ArgumentRole.Subject));
        var hold = s.Clause("hold");
        Assert.Equal(["parliamentarians"], s.Heads(hold, ArgumentRole.Subject));
        Assert.Equal(["meeting"], s.Heads(hold, ArgumentRole.Object));
    }

    [Fact]
    public void ObjectControl_TheObjectIsTheSubjectOfTheInfinitive()
    {
        var s = new ParsedSentence("The council urged Israel to halt the operation .");
        Assert.Equal(["Israel"], s.Heads(s.Clause("halt"), ArgumentRole.Subject));
    }

    [Fact]
    public void ObliqueWithPreposition_KeepsThePreposition()
    {
        var s = new ParsedSentence("The president met with the prime minister of Armenia on Monday .");
        var meet = s.Clause("meet");
        var with = Assert.Single(meet.Arguments, a => a.Preposition == "with");
        Assert.Equal("minister", s.Form(with.Head));
    }

    [Fact]
    public void Modal_IsRecordedWithoutFuture()
    {
        var s = new ParsedSentence("The sides may sign the treaty next year .");
        var sign = s.Clause("sign");
        Assert.Equal(["may"], sign.Modals);
        Assert.False(sign.Future);
    }

    [Fact]
    public void CoordinatedObjects_AreExpanded()
    {
        var s = new ParsedSentence("The minister thanked Kazakhstan and Belarus for their support .");
        var thank = s.Clause("thank");
        Assert.Equal(["Kazakhstan", "Belarus"], s.Heads(thank, ArgumentRole.Object));
        Assert.All(thank.Arguments.Where(a => a.Role == ArgumentRole.Object), a => Assert.True(a.Coordinated));
    }
}
