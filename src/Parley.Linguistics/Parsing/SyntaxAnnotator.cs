using Parley.Core;
using Parley.Linguistics.Entities;
using Parley.Linguistics.Tagging;

namespace Parley.Linguistics.Parsing;

/// <summary>
/// The trained linguistic models of a model folder (<c>pos/en-pos.bin</c>, <c>pos/en-morph.bin</c>,
/// <c>parser/en-parser.bin</c>, <c>ner/en-ner.bin</c>), each loaded lazily on first use and then shared by all threads.
/// </summary>
public sealed class LinguisticModels
{
    private readonly Lazy<PosTagger> _tagger;
    private readonly Lazy<Morphology> _morphology;
    private readonly Lazy<DependencyParser> _parser;
    private readonly Lazy<EntityRecognizer> _entities;

    /// <summary>Models under <paramref name="modelsRoot"/> (the repository's <c>models</c> folder).</summary>
    public LinguisticModels(string modelsRoot)
    {
        ArgumentNullException.ThrowIfNull(modelsRoot);
        Root = modelsRoot;
        _tagger = new Lazy<PosTagger>(() => Load(Path.Combine(modelsRoot, "pos", "en-pos.bin"), PosTagger.Load));
        _morphology = new Lazy<Morphology>(() => Load(Path.Combine(modelsRoot, "pos", "en-morph.bin"), Morphology.Load));
        _parser = new Lazy<DependencyParser>(() => Load(Path.Combine(modelsRoot, "parser", "en-parser.bin"), DependencyParser.Load));
        _entities = new Lazy<EntityRecognizer>(() => Load(Path.Combine(modelsRoot, "ner", "en-ner.bin"), EntityRecognizer.Load));
    }

    /// <summary>The models folder.</summary>
    public string Root { get; }

    /// <summary>The POS tagger.</summary>
    public PosTagger Tagger => _tagger.Value;

    /// <summary>The lemma and FEATS lexicon.</summary>
    public Morphology Morphology => _morphology.Value;

    /// <summary>The dependency parser.</summary>
    public DependencyParser Parser => _parser.Value;

    /// <summary>The named-entity recogniser.</summary>
    public EntityRecognizer Entities => _entities.Value;

    private static T Load<T>(string path, Func<Stream, T> load)
    {
        if (!File.Exists(path))
        {
            throw new ParleyException(Errors.DataFile, $"Model file '{path}' is missing; rebuild it with './parley train pos' / 'parser' / 'ner'.");
        }

        using var stream = new BufferedStream(File.OpenRead(path), 1 << 20);
        return load(stream);
    }
}

/// <summary>
/// Pipeline component that tags, lemmatises and parses every sentence (<c>syntax</c> layer), then builds
/// the clause view (<c>clauses</c> layer).
/// </summary>
public sealed class SyntaxAnnotator : IPipelineComponent
{
    private readonly LinguisticModels _models;

    /// <summary>Creates the component over shared models.</summary>
    public SyntaxAnnotator(LinguisticModels models)
    {
        _models = models ?? throw new ArgumentNullException(nameof(models));
    }

    /// <inheritdoc/>
    public ComponentDescriptor Descriptor { get; } = new("parley.syntax", "1", [LayerNames.Tokens], [LayerNames.Syntax, LayerNames.Clauses]);

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Get(Layers.Tokens);
        var syntax = Annotate(tokens, cancellationToken);
        document.Set(Layers.Syntax, syntax);
        document.Set(Layers.Clauses, ClauseBuilder.Build(tokens, syntax));
    }

    /// <summary>Tags, lemmatises and parses the sentences of a token layer.</summary>
    public SyntaxLayer Annotate(TokenLayer tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var n = tokens.Words.Count;
        var upos = new string[n];
        var xpos = new string[n];
        var lemmas = new string[n];
        var feats = new string[n];
        var heads = new int[n];
        var rels = new string[n];
        foreach (var sentence in tokens.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var forms = new string[sentence.WordCount];
            for (var i = 0; i < forms.Length; i++)
            {
                forms[i] = tokens.Words[sentence.FirstWord + i].Form;
            }

            var (u, x) = _models.Tagger.Tag(forms);
            RootRepair.RetagFiniteVerb(forms, u, x);
            RootRepair.RetagParticiples(forms, u, x);
            var tail = AttributionTail.Find(forms, x);
            var (h, r) = tail < 0 ? _models.Parser.Parse(forms, x, u) : AttributionTail.Parse(_models.Parser, forms, x, u, tail);
            RootRepair.Repair(forms, u, x, h, r);
            RootRepair.RepairPrepositionHeads(u, h, r);
            RootRepair.RepairWithMarker(forms, u, x, h, r);
            RootRepair.RepairInfinitiveConjuncts(x, forms, h, r);
            for (var i = 0; i < forms.Length; i++)
            {
                var w = sentence.FirstWord + i;
                upos[w] = u[i];
                xpos[w] = x[i];
                lemmas[w] = _models.Morphology.Lemma(forms[i], u[i], x[i]);
                feats[w] = _models.Morphology.Feats(forms[i], x[i]);
                heads[w] = h[i] == 0 ? -1 : sentence.FirstWord + h[i] - 1;
                rels[w] = r[i];
            }
        }

        return new SyntaxLayer(upos, xpos, lemmas, feats, heads, rels, "parley.pos.v1+parley.parser.v1");
    }
}
