using Parley.Core;
using Parley.Linguistics.Entities;
using Parley.Linguistics.Parsing;

namespace Parley.Linguistics.Tests.Entities;

public sealed class EntityRecognizerTests
{
    private static readonly Lazy<List<EntitySentence>> UnerDev = new(() => EntityCorpora.UnerDev(TestData.SharedRoot));

    private static readonly Lazy<EntityRecognizer> Shipped = new(() =>
    {
        using var s = File.OpenRead(Path.Combine(TestData.RepoRoot, "models", "ner", "en-ner.bin"));
        return EntityRecognizer.Load(s);
    });

    private static byte[] Bytes(EntityRecognizer model)
    {
        var ms = new MemoryStream();
        model.Save(ms);
        return ms.ToArray();
    }

    [Fact]
    public void Train_SmallSample_LearnsAndIsByteIdentical()
    {
        var train = UnerDev.Value.Take(1200).ToList();
        var held = UnerDev.Value.Skip(1200).Take(400).ToList();
        var tagger = ShippedModels.Tagger.Value;
        var a = EntityRecognizer.Train(train, tagger, iterations: 4, seed: 5);
        var b = EntityRecognizer.Train(train, tagger, iterations: 4, seed: 5);
        Assert.Equal(Bytes(a), Bytes(b));

        // predicting nothing scores 0; 1,200 sentences of web text (no name lists) give about 31%
        var micro = EntityEvaluation.Evaluate(a, tagger, held)[EntityEvaluation.Micro];
        Assert.True(micro.Gold > 100);
        Assert.True(micro.F1 > 0.25, $"F1 {micro.F1:P1}");
    }

    [Fact]
    public void SaveLoad_RoundTrip_TagsIdentically()
    {
        var tagger = ShippedModels.Tagger.Value;
        var model = EntityRecognizer.Train(UnerDev.Value.Take(300).ToList(), tagger, iterations: 2, seed: 1).WithOutsidePenalty(3f);
        var reloaded = EntityRecognizer.Load(new MemoryStream(Bytes(model)));
        Assert.Equal(3f, reloaded.OutsidePenalty);
        foreach (var s in UnerDev.Value.Skip(300).Take(50))
        {
            var xpos = tagger.Tag(s.Forms).XPos;
            // the file keeps half-precision weights: the same mentions, confidences within rounding
            var before = model.Recognize(s.Forms, xpos);
            var after = reloaded.Recognize(s.Forms, xpos);
            Assert.Equal(before.Select(e => (e.Start, e.End, e.Type)), after.Select(e => (e.Start, e.End, e.Type)));
            Assert.All(before.Zip(after), p => Assert.Equal(p.First.Confidence, p.Second.Confidence, 0.01));
        }
    }

    [Fact]
    public void Save_FeatureSet_ChoosesTheFormat()
    {
        var tagger = ShippedModels.Tagger.Value;
        var sample = UnerDev.Value.Take(200).ToList();
        static int Version(byte[] bytes)
        {
            using var r = new BinaryReader(new MemoryStream(bytes));
            r.ReadString();
            return r.ReadInt32();
        }

        // the original feature set without a penalty keeps format 1 (the shipped model's); other feature groups or a penalty need format 3
        var original = EntityRecognizer.Train(sample, tagger, iterations: 1, seed: 1, features: EntityFeatures.Original);
        Assert.Equal(1, Version(Bytes(original)));
        Assert.Equal(3, Version(Bytes(original.WithOutsidePenalty(2f))));
        Assert.Equal(3, Version(Bytes(EntityRecognizer.Train(sample, tagger, iterations: 1, seed: 1))));
        var partial = EntityRecognizer.Train(sample, tagger, iterations: 1, seed: 1, features: EntityFeatures.ActorLists | EntityFeatures.DocumentProfile);
        Assert.Equal(EntityFeatures.ActorLists | EntityFeatures.DocumentProfile, EntityRecognizer.Load(new MemoryStream(Bytes(partial))).Features);
    }

    [Fact]
    public void Load_NotAModel_ThrowsPrl2004()
    {
        var ex = Assert.Throws<ParleyException>(() => EntityRecognizer.Load(new MemoryStream("not a model at all"u8.ToArray())));
        Assert.Equal("PRL2004", ex.Error.Code);
    }

    [Fact]
    public void ShippedModel_Iob2Output_IsWellFormed()
    {
        var tagger = ShippedModels.Tagger.Value;
        foreach (var s in EntityCorpora.UnerTest(TestData.SharedRoot).Take(400))
        {
            var tags = Shipped.Value.TagIob2(s.Forms, tagger.Tag(s.Forms).XPos);
            for (var i = 0; i < tags.Length; i++)
            {
                if (tags[i].StartsWith("I-", StringComparison.Ordinal))
                {
                    Assert.True(i > 0 && tags[i - 1] != "O" && tags[i - 1][2..] == tags[i][2..], $"{string.Join(' ', tags)}");
                }
            }
        }
    }

    [Fact]
    public void ShippedModel_WrittenSentence_FindsPersonOrganisationAndPlace()
    {
        string[] words = ["Sergei", "Rachkov", ",", "a", "member", "of", "the", "Council", "of", "the", "Republic", ",", "held", "talks", "in", "Kazakhstan", "on", "Wednesday", "."];
        var found = Shipped.Value.Recognize(words, ShippedModels.Tagger.Value.Tag(words).XPos)
            .Select(e => (string.Join(' ', words[e.Start..e.End]), e.Type)).ToList();
        Assert.Contains(("Sergei Rachkov", "PER"), found);
        Assert.Contains(("Council of the Republic", "ORG"), found);
        Assert.Contains(("Kazakhstan", "LOC"), found);
        Assert.All(Shipped.Value.Recognize(words, ShippedModels.Tagger.Value.Tag(words).XPos), e => Assert.InRange(e.Confidence, 0, 1));
    }

    [Fact]
    public void ShippedModel_OnUnerTestSample_KeepsF1AboveFloor()
    {
        // Regression floor a little below the measured figure: UNER EWT test, first 500 sentences (204 gold
        // mentions), exact-span micro F1 58.66% with the acronym and document repairs (see models/README.md for the whole set: 70.12%).
        var gold = EntityCorpora.UnerTest(TestData.SharedRoot).Take(500).ToList();
        var micro = EntityEvaluation.Evaluate(Shipped.Value, ShippedModels.Tagger.Value, gold)[EntityEvaluation.Micro];
        Assert.True(micro.F1 >= FloorUner500, $"F1 {micro.F1:P2} (P {micro.Precision:P2}, R {micro.Recall:P2}, {micro.Gold} gold)");
    }

    private const double FloorUner500 = 0.57;

    [Fact]
    public void EntityTagger_Pipeline_AddsMentionsWithTextSpans()
    {
        var models = new LinguisticModels(Path.Combine(TestData.RepoRoot, "models"));
        var pipeline = new PipelineBuilder().Add(new Tokenizer()).Add(new SyntaxAnnotator(models)).Add(new EntityTagger(models)).Build();
        var document = new Document("t", "Sergei Rachkov, a member of the Council of the Republic, held talks in Kazakhstan on Wednesday.", new DocumentMetadata());
        pipeline.Process(document);
        var layer = document.Get(Layers.Entities);
        Assert.Equal("parley.entities.v1", layer.Producer);
        Assert.Contains(layer.Mentions, m => m.Type == "PER" && document.Slice(m.Span) == "Sergei Rachkov" && m.WordCount == 2);
        Assert.Contains(layer.Mentions, m => m.Type == "LOC" && document.Slice(m.Span) == "Kazakhstan");
        Assert.All(layer.Mentions, m => Assert.Equal(EntityRecognizer.Producer, m.Producer));
    }

    [Fact]
    public void EntityTagger_WithoutSyntax_IsRejectedByThePipelineBuilder()
    {
        var models = new LinguisticModels(Path.Combine(TestData.RepoRoot, "models"));
        var ex = Assert.Throws<ParleyException>(() => new PipelineBuilder().Add(new Tokenizer()).Add(new EntityTagger(models)).Build());
        Assert.Equal("PRL2001", ex.Error.Code);
    }
}
