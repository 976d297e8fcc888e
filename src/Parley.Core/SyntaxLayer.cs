namespace Parley.Core;

/// <summary>
/// Morphosyntax of every word of a <see cref="TokenLayer"/>, index for index: tags, lemma, features and a
/// dependency tree. Heads are document word indices; <c>-1</c> marks the root of a sentence. Immutable.
/// </summary>
public sealed class SyntaxLayer
{
    /// <summary>Creates the layer; arrays are taken as they are (one entry per word).</summary>
    public SyntaxLayer(string[] upos, string[] xpos, string[] lemmas, string[] feats, int[] heads, string[] relations, string producer)
    {
        UPos = upos ?? throw new ArgumentNullException(nameof(upos));
        XPos = xpos ?? throw new ArgumentNullException(nameof(xpos));
        Lemmas = lemmas ?? throw new ArgumentNullException(nameof(lemmas));
        Feats = feats ?? throw new ArgumentNullException(nameof(feats));
        Heads = heads ?? throw new ArgumentNullException(nameof(heads));
        Relations = relations ?? throw new ArgumentNullException(nameof(relations));
        Producer = producer ?? throw new ArgumentNullException(nameof(producer));
        if (new[] { xpos.Length, lemmas.Length, feats.Length, heads.Length, relations.Length }.Any(l => l != upos.Length))
        {
            throw new ArgumentException("All syntax arrays must have one entry per word.");
        }
    }

    /// <summary>Universal POS tags.</summary>
    public IReadOnlyList<string> UPos { get; }

    /// <summary>Penn Treebank tags.</summary>
    public IReadOnlyList<string> XPos { get; }

    /// <summary>Lemmas.</summary>
    public IReadOnlyList<string> Lemmas { get; }

    /// <summary>UD morphological features (<c>_</c> when none).</summary>
    public IReadOnlyList<string> Feats { get; }

    /// <summary>Head of each word as a document word index; -1 for a sentence root.</summary>
    public IReadOnlyList<int> Heads { get; }

    /// <summary>UD dependency relation of each word (with subtypes, e.g. <c>obl:agent</c>).</summary>
    public IReadOnlyList<string> Relations { get; }

    /// <summary>Versioned names of the models that produced the layer.</summary>
    public string Producer { get; }
}

/// <summary>The grammatical role of a clause argument.</summary>
public enum ArgumentRole
{
    /// <summary>Active subject (<c>nsubj</c>), or the controller of an infinitive ("Russia agreed to meet": Russia for meet).</summary>
    Subject,

    /// <summary>Subject of a passive predicate (<c>nsubj:pass</c>): semantically the patient.</summary>
    PassiveSubject,

    /// <summary>The by-phrase of a passive (<c>obl:agent</c>): semantically the actor.</summary>
    Agent,

    /// <summary>Direct object.</summary>
    Object,

    /// <summary>Indirect object ("gave Ukraine aid").</summary>
    IndirectObject,

    /// <summary>An oblique with its preposition ("met with X", "sanctions against Y").</summary>
    Oblique,
}

/// <summary>
/// One argument of a clause: the head word of the phrase, the phrase's span, its preposition for obliques.
/// Coordinated arguments are expanded: "Russia and China agreed" gives two subjects, both marked
/// <see cref="Coordinated"/>.
/// </summary>
/// <param name="Role">Grammatical role.</param>
/// <param name="Head">Document word index of the phrase's head.</param>
/// <param name="Span">Characters of the phrase (the head's subtree without relative clauses and leading punctuation).</param>
/// <param name="Preposition">Lower-cased preposition of an oblique or agent (<c>with</c>, <c>by</c>, <c>in front of</c>), else null.</param>
/// <param name="Coordinated">True when this argument is one conjunct of a coordination.</param>
/// <param name="Inherited">How the argument was found when it is not a direct dependent: <c>control</c>, <c>conjunct</c>, <c>relative</c>; null when direct.</param>
public sealed record ClauseArgument(ArgumentRole Role, int Head, TextSpan Span, string? Preposition, bool Coordinated, string? Inherited);

/// <summary>
/// The clause view over a parse: one entry per verbal (or copular/nominal) predicate with its arguments,
/// polarity, modality and embedding, the form in which event coding reads the syntax.
/// </summary>
/// <param name="Predicate">Document word index of the predicate.</param>
/// <param name="Lemma">Lemma of the predicate, with a particle when it has one (<c>carry out</c>).</param>
/// <param name="Sentence">Index of the sentence in <see cref="TokenLayer.Sentences"/>.</param>
/// <param name="Passive">True for a passive predicate.</param>
/// <param name="Negated">True when negated (<c>not</c>, <c>n't</c>, <c>never</c>, <c>no longer</c>).</param>
/// <param name="Modals">Modal auxiliaries (<c>may</c>, <c>could</c>, <c>should</c>…), lower-cased.</param>
/// <param name="Future">True for <c>will</c>/<c>shall</c> or <c>be going to</c>.</param>
/// <param name="Arguments">Arguments, coordination expanded.</param>
/// <param name="Governor">Index (in the clause list) of the clause this one is embedded in, or -1.</param>
/// <param name="Relation">How it is embedded: <c>xcomp</c>, <c>ccomp</c>, <c>advcl</c>, <c>conj</c>, <c>acl</c>, <c>parataxis</c>…, or <c>root</c>.</param>
/// <param name="ReportedBy">Index of the speech clause whose content this clause is ("X said Y will…"), or -1.</param>
public sealed record Clause(
    int Predicate,
    string Lemma,
    int Sentence,
    bool Passive,
    bool Negated,
    IReadOnlyList<string> Modals,
    bool Future,
    IReadOnlyList<ClauseArgument> Arguments,
    int Governor,
    string Relation,
    int ReportedBy);

/// <summary>The clauses of a document in text order of their predicates.</summary>
/// <param name="Clauses">The clauses.</param>
/// <param name="Producer">Versioned name of the component.</param>
public sealed record ClauseLayer(IReadOnlyList<Clause> Clauses, string Producer);
