using Parley.Actors.Documents;
using Parley.Core;
using Parley.Linguistics;
using Parley.Linguistics.Entities;
using Parley.Linguistics.Parsing;

namespace Parley.Actors.Tests;

public class DocumentActorTests
{
    private static readonly Lazy<Pipeline> LazyPipeline = new(() =>
    {
        var models = new LinguisticModels(Path.Combine(TestSupport.RepoRoot, "models"));
        return new PipelineBuilder()
            .Add(new Tokenizer())
            .Add(new SyntaxAnnotator(models))
            .Add(new EntityTagger(models))
            .Add(new DocumentActorTagger(TestSupport.Resolver))
            .Build();
    });

    internal static (Document Document, ActorLayer Layer) Annotate(string text, DateOnly? published = null)
    {
        var metadata = new DocumentMetadata
        {
            Published = published is { } d ? new PublicationTime(d, null, null, DatePrecision.Day, DateSource.HeaderLine, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "test") : null,
        };
        var document = new Document("test", text, metadata);
        LazyPipeline.Value.Process(document);
        return (document, document.Get(Layers.Actors));
    }

    /// <summary>The mention overlapping the n-th occurrence (1-based, whole words) of <paramref name="mention"/>.</summary>
    private static ActorMention Find(Document document, ActorLayer layer, string mention, int occurrence = 1)
    {
        var matches = System.Text.RegularExpressions.Regex.Matches(document.Text, $@"(?<!\w){System.Text.RegularExpressions.Regex.Escape(mention)}(?!\w)");
        Assert.True(matches.Count >= occurrence, $"'{mention}' occurs {matches.Count} times");
        var span = new TextSpan(matches[occurrence - 1].Index, matches[occurrence - 1].Index + matches[occurrence - 1].Length);
        var found = layer.Mentions.Where(m => m.Span.Overlaps(span)).OrderByDescending(m => Math.Min(m.Span.End, span.End) - Math.Max(m.Span.Start, span.Start)).FirstOrDefault();
        Assert.True(found is not null, $"no actor mention at '{mention}' #{occurrence}; mentions: {string.Join(", ", layer.Mentions.Select(m => document.Slice(m.Span)))}");
        return found!;
    }

    private static string Describe(ActorMention m) =>
        m.Actors.Count == 0 ? "unresolved: " + m.Reason : string.Join(" + ", m.Actors.Select(a => $"{a.Country ?? a.Org}/{a.Sector}/{a.Name}")) + " via " + m.How;

    [Theory]
    // titles before names, apposition either side, possessives
    [InlineData("Finnish Foreign Minister Anna Virtanen arrived in Lima on Monday.", "Anna Virtanen", 1, "FIN", "GOV", "Anna Virtanen")]
    [InlineData("Anna Virtanen, Minister for Foreign Affairs of Finland, arrived in Lima on Monday.", "Anna Virtanen", 1, "FIN", "GOV", "Anna Virtanen")]
    [InlineData("The Minister for Foreign Affairs of Finland, Anna Virtanen, arrived in Lima on Monday.", "Anna Virtanen", 1, "FIN", "GOV", "Anna Virtanen")]
    [InlineData("Chile's President Gabriel Fuentes opened the summit.", "Gabriel Fuentes", 1, "CHL", "GOV", "Gabriel Fuentes")]
    [InlineData("The Chairman of the Committee on Foreign Affairs of the Senate of the Republic of Chile, Juan Pérez, visited Helsinki.", "Juan Pérez", 1, "CHL", "LEG", "Juan Pérez")]
    [InlineData("Kenyan Senator Mary Achieng met students in Nairobi.", "Mary Achieng", 1, "KEN", "LEG", "Mary Achieng")]
    [InlineData("The Speaker of the National Assembly of Vietnam, Nguyen Thi Lan, opened the session.", "Nguyen Thi Lan", 1, "VNM", "LEG", "Nguyen Thi Lan")]
    [InlineData("Portuguese Ambassador Rui Costa presented his credentials in Hanoi.", "Rui Costa", 1, "PRT", "GOV", "Rui Costa")]
    [InlineData("The Ambassador of Norway to Kenya, Erik Lund, visited a school.", "Erik Lund", 1, "NOR", "GOV", "Erik Lund")]
    [InlineData("Peruvian Defence Minister Jorge Quispe inspected the troops.", "Jorge Quispe", 1, "PER", "GOV", "Jorge Quispe")]
    [InlineData("Mongolian Prime Minister Bat-Erdene Tsend met investors.", "Bat-Erdene Tsend", 1, "MNG", "GOV", "Bat-Erdene Tsend")]
    [InlineData("Uruguay's Minister of Foreign Affairs, Martín Silva, spoke to reporters.", "Martín Silva", 1, "URY", "GOV", "Martín Silva")]
    // the title travels with the person through the document
    [InlineData("Finnish Foreign Minister Anna Virtanen met students. Ms. Virtanen answered questions.", "Ms. Virtanen", 1, "FIN", "GOV", "Anna Virtanen")]
    [InlineData("Finnish Foreign Minister Anna Virtanen met students. Later Virtanen answered questions.", "Virtanen", 2, "FIN", "GOV", "Anna Virtanen")]
    [InlineData("Finnish Foreign Minister Anna Virtanen met students. Anna Virtanen answered questions.", "Anna Virtanen", 2, "FIN", "GOV", "Anna Virtanen")]
    [InlineData("Kenyan Senator Mary Achieng met students. Mrs. Achieng praised the school.", "Mrs. Achieng", 1, "KEN", "LEG", "Mary Achieng")]
    [InlineData("Polish Deputy Prime Minister Piotr Zielinski visited Ottawa. Mr. Zielinski met business leaders.", "Mr. Zielinski", 1, "POL", "GOV", "Piotr Zielinski")]
    [InlineData("Ghanaian Minister of Health Dr. Ama Owusu opened a clinic. Dr. Owusu thanked the nurses.", "Dr. Owusu", 1, "GHA", "GOV", "Ama Owusu")]
    // role nominals
    [InlineData("Finnish Foreign Minister Anna Virtanen met students in Lima. The minister spoke about climate change.", "minister", 1, "FIN", "GOV", "Anna Virtanen")]
    [InlineData("Chilean Senator Juan Pérez visited Helsinki. The senator met local officials.", "senator", 1, "CHL", "LEG", "Juan Pérez")]
    [InlineData("The Ambassador of Norway to Kenya, Erik Lund, visited a school. The ambassador donated books.", "ambassador", 1, "NOR", "GOV", "Erik Lund")]
    [InlineData("The Chairman of the Committee on Foreign Affairs of the Senate of Chile, Juan Pérez, visited Helsinki. The chairman praised Finnish schools.", "chairman", 1, "CHL", "LEG", "Juan Pérez")]
    [InlineData("Peruvian Defence Minister Jorge Quispe met Brazilian Senator Ana Lima. The Peruvian minister proposed joint patrols.", "Peruvian minister", 1, "PER", "GOV", "Jorge Quispe")]
    [InlineData("Egyptian Foreign Minister Ahmed Farouk met Uruguayan Senator Laura Ríos. The Egyptian diplomat praised her.", "Egyptian diplomat", 1, "EGY", "GOV", "Ahmed Farouk")]
    // pronouns
    [InlineData("Finnish Foreign Minister Anna Virtanen arrived in Lima. She met the mayor.", "She", 1, "FIN", "GOV", "Anna Virtanen")]
    [InlineData("Chilean Senator Juan Pérez arrived in Helsinki. He visited a school.", "He", 1, "CHL", "LEG", "Juan Pérez")]
    [InlineData("Peruvian Defence Minister Jorge Quispe said his ministry would buy new ships.", "his", 1, "PER", "GOV", "Jorge Quispe")]
    [InlineData("Ms. Anna Virtanen, Minister for Foreign Affairs of Finland, met Mr. Juan Pérez, a Chilean senator. She invited him to Helsinki.", "She", 1, "FIN", "GOV", "Anna Virtanen")]
    [InlineData("Ms. Anna Virtanen, Minister for Foreign Affairs of Finland, met Mr. Juan Pérez, a Chilean senator. She invited him to Helsinki.", "him", 1, "CHL", "LEG", "Juan Pérez")]
    [InlineData("Kenyan Senator Mary Achieng thanked Norwegian Ambassador Erik Lund. The ambassador gave her a book.", "her", 1, "KEN", "LEG", "Mary Achieng")]
    // sides and delegations
    [InlineData("Finland and Chile held talks in Helsinki. The Finnish side proposed a new agreement.", "Finnish side", 1, "FIN", null, null)]
    [InlineData("Finland and Chile held talks in Helsinki. The Chilean delegation welcomed the proposal.", "Chilean delegation", 1, "CHL", null, null)]
    [InlineData("Vietnam and Portugal held consultations. The delegation of Portugal presented a draft.", "delegation of Portugal", 1, "PRT", null, null)]
    // groups
    [InlineData("Finland and Chile held talks in Helsinki. Both countries agreed to expand trade.", "Both countries", 1, "CHL,FIN", null, null)]
    [InlineData("Finland and Chile held talks in Helsinki. The two countries agreed to expand trade.", "two countries", 1, "CHL,FIN", null, null)]
    [InlineData("Kenya and Norway signed a memorandum. Both sides praised the agreement.", "Both sides", 1, "KEN,NOR", null, null)]
    [InlineData("Kenyan Senator Mary Achieng met Norwegian MP Erik Lund in Oslo. The parliamentarians discussed wind energy.", "parliamentarians", 1, "KEN,NOR", "LEG", null)]
    [InlineData("Peru and Indonesia met in Lima. The parties reviewed the trade agreement.", "parties", 1, "IDN,PER", null, null)]
    [InlineData("Serbia and Greece signed a plan. The two ministers then visited an academy.", "two ministers", 1, "GRC,SRB", "GOV", null)]
    [InlineData("Mongolia and Japan opened a hospital. Both delegations attended the ceremony.", "Both delegations", 1, "JPN,MNG", null, null)]
    // the country, demonyms, institutions
    [InlineData("Kenya hosted the conference. The country has invested in geothermal power.", "country", 1, "KEN", null, null)]
    [InlineData("Chilean Senator Juan Pérez visited Hanoi and Bangkok. He said his country wanted more trade with Asia.", "his country", 1, "CHL", null, null)]
    [InlineData("Officials discussed Peruvian exports of copper.", "Peruvian", 1, "PER", null, null)]
    [InlineData("The Belgian economy grew in the spring.", "Belgian", 1, "BEL", null, null)]
    [InlineData("Delegates from the Polish Sejm visited Ottawa.", "Polish Sejm", 1, "POL", "LEG", null)]
    [InlineData("Chilean Senator Juan Pérez addressed the Senate on Tuesday.", "Senate", 1, "CHL", "LEG", null)]
    [InlineData("The Kenyan government announced new measures.", "Kenyan government", 1, "KEN", "GOV", null)]
    [InlineData("The Peruvian navy rescued a crew. Police in Hanoi detained two men.", "Police", 1, "VNM", "COP", null)]
    [InlineData("The Moldovan Foreign Ministry summoned the Turkish ambassador.", "Moldovan Foreign Ministry", 1, "MDA", "GOV", null)]
    [InlineData("The Moldovan Foreign Ministry summoned the Turkish ambassador.", "Turkish ambassador", 1, "TUR", "GOV", null)]
    public void Annotate_Mention_ResolvesToTheDocumentsActor(string text, string mention, int occurrence, string countries, string? sector, string? person)
    {
        var (document, layer) = Annotate(text);
        var m = Find(document, layer, mention, occurrence);
        var expected = countries.Split(',').Order(StringComparer.Ordinal).ToList();
        var actual = m.Actors.Select(a => a.Country).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual), $"'{mention}': expected {countries}, got {Describe(m)}");
        if (sector is not null)
        {
            Assert.True(m.Actors.All(a => a.Sector == sector), $"'{mention}': expected sector {sector}, got {Describe(m)}");
        }

        if (person is not null)
        {
            Assert.True(m.Actors.Any(a => a.Name == person), $"'{mention}': expected {person}, got {Describe(m)}");
        }
    }

    [Fact]
    public void Annotate_StaleDictionaryRole_DocumentTitleOverrides()
    {
        // the dictionary knows her as a Chilean head of government; this document makes her a UN official
        var (document, layer) = Annotate("UN High Commissioner for Human Rights Michelle Bachelet visited Caracas. Ms. Bachelet met civil society groups.", new DateOnly(2019, 6, 21));
        foreach (var occurrence in new[] { 1, 2 })
        {
            var m = Find(document, layer, occurrence == 1 ? "Michelle Bachelet" : "Ms. Bachelet");
            var actor = Assert.Single(m.Actors);
            Assert.Equal("OHCHR", actor.Org); // the codebook's organisation for the UN human rights office
            Assert.Null(actor.Country);
            Assert.Null(actor.Sector); // not the stale GOV of her Chilean entry
        }

        Assert.Contains("overrides the dictionary", Find(document, layer, "Michelle Bachelet").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotate_PersonWithoutTitleInDictionary_UsesDictionary()
    {
        var (document, layer) = Annotate("Sergey Lavrov arrived in Hanoi on Monday.", new DateOnly(2020, 5, 1));
        var actor = Assert.Single(Find(document, layer, "Sergey Lavrov").Actors);
        Assert.Equal("RUS", actor.Country);
        Assert.Equal("GOV", actor.Sector);
    }

    [Fact]
    public void Annotate_ChainsGroupEveryMentionOfOnePerson()
    {
        var (document, layer) = Annotate("Finnish Foreign Minister Anna Virtanen arrived in Lima. Ms. Virtanen met students. She praised them. The minister left on Friday.");
        var chain = Find(document, layer, "Anna Virtanen").Chain;
        Assert.NotEqual(0, chain);
        foreach (var mention in new[] { "Ms. Virtanen", "She", "minister" })
        {
            Assert.Equal(chain, Find(document, layer, mention).Chain);
        }

        var summary = Assert.Single(layer.Chains, c => c.Id == chain);
        Assert.Equal("person", summary.Type);
        Assert.Equal("Anna Virtanen", summary.Name);
        Assert.Equal("Finnish Foreign Minister", summary.Role);
    }

    [Fact]
    public void Annotate_PronounWithoutAntecedent_IsUnresolvedWithReason()
    {
        var (document, layer) = Annotate("He said the talks were useful.");
        var m = Find(document, layer, "He");
        Assert.Empty(m.Actors);
        Assert.Equal(0, m.Chain);
        Assert.False(string.IsNullOrEmpty(m.Reason));
    }

    [Fact]
    public void Annotate_AntecedentSpanPointsToAnEarlierMention()
    {
        var (document, layer) = Annotate("Chilean Senator Juan Pérez arrived in Helsinki. Mr. Pérez visited a school.");
        var m = Find(document, layer, "Mr. Pérez");
        Assert.NotNull(m.Antecedent);
        Assert.True(m.Antecedent!.Value.End <= m.Span.Start);
        Assert.Equal("honorific-surname", m.How);
    }

    [Fact]
    public void Annotate_IsAPipelineComponentWithItsRequirements()
    {
        var tagger = new DocumentActorTagger(TestSupport.Resolver);
        Assert.Equal([LayerNames.Tokens, LayerNames.Syntax, LayerNames.Entities], tagger.Descriptor.Requires);
        Assert.Equal([LayerNames.Actors], tagger.Descriptor.Assigns);
        var error = Assert.Throws<ParleyException>(() => new PipelineBuilder().Add(new Tokenizer()).Add(tagger).Build());
        Assert.Equal(Errors.MissingRequirement, error.Error);
    }

    [Fact]
    public void EvalCoref_AccuracyOnTheHandAnnotatedSet_StaysAboveTheFloor()
    {
        var dir = Path.Combine(TestSupport.RepoRoot, "data", "eval-coref");
        var gold = CorefEvaluation.LoadGold(Path.Combine(dir, "gold.tsv"));
        var documents = new Dictionary<string, (string Text, ActorLayer Layer)>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir, "*.txt"))
        {
            var (document, layer) = Annotate(File.ReadAllText(file));
            documents[Path.GetFileNameWithoutExtension(file)] = (document.Text, layer);
        }

        Assert.True(documents.Count >= 10);
        var verdicts = CorefEvaluation.Score(documents, gold);
        var accuracy = (double)verdicts.Count(v => v.Correct) / verdicts.Count;
        Assert.True(accuracy >= 0.93, $"accuracy {accuracy:P1}; wrong: {string.Join("; ", verdicts.Where(v => !v.Correct).Select(v => $"{v.Gold.Document} {v.Gold.Mention}: {v.Predicted}"))}");
    }
}
