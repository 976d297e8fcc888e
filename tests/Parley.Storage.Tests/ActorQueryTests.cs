using Parley.Cli.Tests;

namespace Parley.Storage.Tests;

/// <summary><see cref="EventStore.Actors"/> and <c>./parley query actors</c>.</summary>
public sealed class ActorQueryTests
{
    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Actors_SampleStore_CountsRolesDatesAndPeople(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store);
        var actors = store.Actors(new ActorQuery());
        Assert.Equal(["NOR-GOV", "SWE-GOV", "ARG-GOV", "NOR", "SWE-MIL", "UNO-IGO"], actors.Select(a => a.Code));
        var sweden = actors[1];
        Assert.Equal(("SWE", (string?)null, "GOV"), (sweden.Country, sweden.Org, sweden.Sector));
        Assert.Equal((3L, 1L, 2L), (sweden.Events, sweden.AsSource, sweden.AsRecipient));
        Assert.Equal(("2023-04-03", "2023-05-02"), (sweden.FirstDate, sweden.LastDate));
        var person = Assert.Single(sweden.People);
        Assert.Equal(new PersonSeen("Karin Lindqvist", "GOV", 2, 1, 1, "2023-04-12", "2023-05-02"), person);
        Assert.Empty(actors[0].People); // "Prime Minister of Norway" is a title, not a person of the dictionaries
        var un = actors.Single(a => a.Org == "UNO");
        Assert.Equal((1L, 0L, 1L, "2023-05-20"), (un.Events, un.AsSource, un.AsRecipient, un.FirstDate));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Actors_FilteredByDatesTextAndLimit_CountOnlyWhatMatches(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store);
        Assert.Equal(["NOR-GOV", "SWE-GOV"], store.Actors(new ActorQuery { From = "2023-05", To = "2023-05-10" }).Select(a => a.Code));
        var named = Assert.Single(store.Actors(new ActorQuery { Text = "lindqvist" }));
        Assert.Equal(("SWE-GOV", 2L), (named.Code, named.Events));
        Assert.Equal(["UNO-IGO"], store.Actors(new ActorQuery { Text = "uno" }).Select(a => a.Code));
        Assert.Equal(["NOR-GOV", "NOR"], store.Actors(new ActorQuery { Text = "NOR" }).Select(a => a.Code));
        Assert.Equal(["NOR-GOV", "SWE-GOV"], store.Actors(new ActorQuery { Limit = 2 }).Select(a => a.Code));
        Assert.Empty(store.Actors(new ActorQuery { From = "2030" }));
    }

    [Fact]
    public void QueryActorsCommand_SampleStore_MatchesTheGoldenFile()
    {
        using var t = TestStore.Create("sqlite");
        using (var store = t.Open())
        {
            Samples.Fill(store);
        }

        var json = CliRunner.Run(null, "query", "actors", "--store", t.Value, "--json");
        Assert.True(json.ExitCode == 0, json.StdErr);
        GoldenFile.AssertMatches("query-actors.jsonl", json.StdOut, "Parley.Storage.Tests");
        var csv = CliRunner.Run(null, "query", "actors", "--store", t.Value, "--csv", "--text", "Lindqvist");
        Assert.True(csv.ExitCode == 0, csv.StdErr);
        Assert.Equal("actor,events,as_source,as_recipient,first_date,last_date,people\nSWE-GOV,2,1,1,2023-04-12,2023-05-02,\"Karin Lindqvist (2, 2023-04-12–2023-05-02)\"\n", csv.StdOut.ReplaceLineEndings("\n"));
    }
}
