namespace Parley.Storage.Tests;

/// <summary>Hand-written documents and events about countries outside the evaluation articles.</summary>
internal static class Samples
{
    public static StoredActor A(string country, string? sector = null, string? name = null) => new(name ?? country, name, country, null, sector, "test");

    /// <summary>A person the actor dictionaries resolved (their <c>how</c> starts with <c>person</c>).</summary>
    public static StoredActor Person(string country, string sector, string name) => new(name, name, country, null, sector, "person-dated: test dictionary: " + name);

    public static StoredLocation Lima { get; } = new("Lima", "Lima", 3936456, "PER", "LMA", -12.0432, -77.0282, "city", "oblique \"in\" of \"met\"");

    public static StoredLocation Stockholm { get; } = new("Stockholm", "Stockholm", 2673730, "SWE", "26", 59.3326, 18.0649, "city", "oblique \"in\" of \"met\"");

    public static StoredActor Org(string org, string? name = null) => new(name ?? org, name, null, org, "IGO", "test");

    public static DocumentRecord Doc(string id, string text, string? published = "2023-03-01", string? title = null) =>
        new(id, text, title ?? "Title of " + id, "https://news.example.org/" + id, published, "en", "jsonl", "news.example.org", "{\"title\":\"" + (title ?? "Title of " + id) + "\"}");

    public static EventMention Event(string record, string type, string cameo, double? goldstein, int quad, string? date, StoredActor[] source, StoredActor[] recipient, string evidence, int sentence = 0) =>
        new(record, type, null, [], cameo, goldstein, quad, date, "{\"value\":\"" + date + "\",\"how\":\"clause\"}", source, recipient, sentence, evidence, 0, evidence.Length,
            evidence.Split(' ')[1], 0, 5, 0.5, "parley.events.v1", "plover-0.8", "asserted", "{\"id\":\"" + record + "\"}");

    /// <summary>Two stories of one meeting between Chile and Peru, published two days apart, told from each side.</summary>
    public static (DocumentRecord Doc, EventMention[] Events) ChileStory() =>
        (Doc("cl-1", "The foreign minister of Chile met her Peruvian counterpart in Lima on Monday.", "2023-03-06"),
        [
            Event("cl-1#e1", "CONSULT", "040", 1.0, 1, "2023-03-06", [A("CHL", "GOV")], [A("PER", "GOV")], "The foreign minister of Chile met her Peruvian counterpart in Lima on Monday.") with { Location = Lima },
        ]);

    public static (DocumentRecord Doc, EventMention[] Events) PeruStory() =>
        (Doc("pe-1", "Peru's foreign minister received the Chilean foreign minister in Lima for talks on fisheries.", "2023-03-08"),
        [
            Event("pe-1#e1", "CONSULT", "040", 1.0, 1, "2023-03-08", [A("PER", "GOV")], [A("CHL", "GOV")], "Peru's foreign minister received the Chilean foreign minister in Lima for talks on fisheries."),
            Event("pe-1#e2", "COOPERATE", "057", 8.0, 2, "2023-03-08", [A("PER", "GOV"), A("CHL", "GOV")], [], "The two ministers signed a fisheries agreement.", 1),
        ]);

    /// <summary>A small store's worth of stories: Norway and Sweden over two months, plus an Argentine statement.</summary>
    public static IEnumerable<(DocumentRecord Doc, EventMention[] Events, CalendarEntry[] Calendar)> Corpus()
    {
        yield return (Doc("no-1", "Norway's prime minister praised Sweden for its help during the floods. The two governments will hold talks in Oslo on 15 May 2023.", "2023-04-03"),
        [
            Event("no-1#e1", "SUPPORT", "051", 3.4, 1, "2023-04-03", [A("NOR", "GOV", "Prime Minister of Norway")], [A("SWE", "GOV")], "Norway's prime minister praised Sweden for its help during the floods."),
        ],
        [
            new CalendarEntry("planned", "CONSULT", "040", [A("NOR", "GOV"), A("SWE", "GOV")], "2023-05-15", null, "The two governments will hold talks in Oslo on 15 May 2023.", 72, 131, "talks", "announced by \"will\"", "parley.events.v1"),
        ]);
        yield return (Doc("se-1", "Sweden accused Norway of blocking the pipeline project. Swedish troops were deployed near the border.", "2023-04-12"),
        [
            Event("se-1#e1", "ACCUSE", "112", -2.0, 3, "2023-04-12", [Person("SWE", "GOV", "Karin Lindqvist")], [A("NOR", "GOV")], "Sweden accused Norway of blocking the pipeline project."),
            Event("se-1#e2", "MOBILIZE", "150", -7.2, 4, "2023-04-13", [A("SWE", "MIL")], [A("NOR")], "Swedish troops were deployed near the border.", 1),
        ],
        []);
        yield return (Doc("no-2", "Norwegian and Swedish diplomats met in Stockholm to ease tensions.", "2023-05-02"),
        [
            Event("no-2#e1", "CONSULT", "040", 1.0, 1, "2023-05-02", [A("NOR", "GOV")], [A("SWE", "GOV"), Person("SWE", "GOV", "Karin Lindqvist")], "Norwegian and Swedish diplomats met in Stockholm to ease tensions.") with { Location = Stockholm },
        ],
        []);
        yield return (Doc("ar-1", "Argentina asked the United Nations to mediate the dispute over fishing rights.", "2023-05-20"),
        [
            Event("ar-1#e1", "REQUEST", "0241", -0.1, 1, "2023-05-20", [A("ARG", "GOV")], [Org("UNO", "United Nations")], "Argentina asked the United Nations to mediate the dispute over fishing rights."),
        ],
        []);
    }

    public static void Fill(EventStore store, DedupPolicy? policy = null)
    {
        foreach (var (doc, events, calendar) in Corpus())
        {
            store.Store(doc, events, calendar, policy ?? DedupPolicy.None);
        }
    }
}
