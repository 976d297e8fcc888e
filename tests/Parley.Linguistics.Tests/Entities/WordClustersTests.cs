using Parley.Linguistics.Entities;

namespace Parley.Linguistics.Tests.Entities;

public sealed class WordClustersTests
{
    private static List<IReadOnlyList<string>> Text()
    {
        // towns and weekdays in fixed frames, repeated: words used alike should share coarse classes
        string[] towns = ["Tartu", "Narva", "Parnu", "Viljandi", "Rakvere", "Haapsalu"];
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
        var result = new List<IReadOnlyList<string>>();
        for (var r = 0; r < 6; r++)
        {
            foreach (var t in towns)
            {
                foreach (var d in days)
                {
                    result.Add(["She", "travelled", "to", t, "on", d, "."]);
                    result.Add(["The", "mayor", "of", t, "spoke", "on", d, "evening", "."]);
                }
            }
        }

        return result;
    }

    [Fact]
    public void Build_SameText_GivesSameClasses()
    {
        Assert.Equal(WordClusters.Build(Text()).OrderBy(kv => kv.Key, StringComparer.Ordinal), WordClusters.Build(Text()).OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Build_WordsUsedAlike_ShareTheirCoarseClass()
    {
        var classes = WordClusters.Build(Text());
        Assert.Equal(WordClusters.Prefix(classes["tartu"], 1), WordClusters.Prefix(classes["narva"], 1));
        Assert.Equal(WordClusters.Prefix(classes["monday"], 1), WordClusters.Prefix(classes["friday"], 1));
        Assert.NotEqual(WordClusters.Prefix(classes["tartu"], 2), WordClusters.Prefix(classes["monday"], 2));
        Assert.InRange(WordClusters.Prefix(classes["tartu"], 1), 0, WordClusters.Branching - 1);
    }
}
