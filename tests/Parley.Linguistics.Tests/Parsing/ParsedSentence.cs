using Parley.Core;
using Parley.Linguistics.Parsing;

namespace Parley.Linguistics.Tests.Parsing;

/// <summary>Parses a pre-tokenised sentence (tokens separated by single spaces) with the shipped models.</summary>
internal sealed class ParsedSentence
{
    private static readonly Lazy<SyntaxAnnotator> Annotator = new(() => new SyntaxAnnotator(new LinguisticModels(Path.Combine(TestData.RepoRoot, "models"))));

    public ParsedSentence(string tokenised)
    {
        var forms = tokenised.Split(' ');
        Text = tokenised;
        var words = new Word[forms.Length];
        var pos = 0;
        for (var i = 0; i < forms.Length; i++)
        {
            words[i] = new Word(TextSpan.FromLength(pos, forms[i].Length), forms[i], i < forms.Length - 1);
            pos += forms[i].Length + 1;
        }

        Tokens = new TokenLayer(words, [], [new Sentence(new TextSpan(0, Text.Length), 0, words.Length)], "test");
        Syntax = Annotator.Value.Annotate(Tokens);
        Clauses = ClauseBuilder.Build(Tokens, Syntax).Clauses;
    }

    public string Text { get; }

    public TokenLayer Tokens { get; }

    public SyntaxLayer Syntax { get; }

    public IReadOnlyList<Clause> Clauses { get; }

    public Clause Clause(string lemma) =>
        Clauses.SingleOrDefault(c => c.Lemma == lemma) ?? throw new Xunit.Sdk.XunitException($"no clause '{lemma}' in: {Describe()}");

    public string Form(int word) => Tokens.Words[word].Form;

    public string[] Heads(Clause clause, ArgumentRole role) =>
        clause.Arguments.Where(a => a.Role == role).Select(a => Form(a.Head)).ToArray();

    public string Describe() => string.Join(" | ", Clauses.Select(c =>
        $"{c.Lemma}[{c.Relation}] " + string.Join(", ", c.Arguments.Select(a => $"{a.Role}:{Form(a.Head)}{(a.Preposition is null ? string.Empty : "/" + a.Preposition)}"))))
        + " || " + string.Join(' ', Enumerable.Range(0, Tokens.Words.Count).Select(i => $"{Form(i)}/{Syntax.XPos[i]}->{(Syntax.Heads[i] < 0 ? "ROOT" : Form(Syntax.Heads[i]))}:{Syntax.Relations[i]}"));
}
