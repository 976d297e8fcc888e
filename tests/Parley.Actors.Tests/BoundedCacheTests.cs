namespace Parley.Actors.Tests;

public class BoundedCacheTests
{
    [Fact]
    public void Add_BelowTheBound_KeepsEveryEntry()
    {
        var cache = new BoundedCache<string, int>(10, StringComparer.Ordinal);
        for (var i = 0; i < 10; i++)
        {
            cache.Add("k" + i, i);
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.True(cache.TryGetValue("k" + i, out var v));
            Assert.Equal(i, v);
        }
    }

    [Fact]
    public void Add_BeyondTheBound_EmptiesTheMemoAndKeepsTheNewEntry()
    {
        var cache = new BoundedCache<string, int>(3);
        cache.Add("a", 1);
        cache.Add("b", 2);
        cache.Add("c", 3);
        cache.Add("d", 4);
        Assert.False(cache.TryGetValue("a", out _));
        Assert.True(cache.TryGetValue("d", out var d));
        Assert.Equal(4, d);
    }

    [Fact]
    public void Add_SameKeyTwice_CountsOnce()
    {
        var cache = new BoundedCache<string, int>(2);
        cache.Add("a", 1);
        cache.Add("a", 1);
        cache.Add("b", 2);
        Assert.True(cache.TryGetValue("a", out _));
        Assert.True(cache.TryGetValue("b", out _));
    }

    [Fact]
    public void IsAgent_AskedTwice_SameAnswer()
    {
        // the second answer comes from the memo
        var r = TestSupport.Resolver;
        var first = r.IsAgent("minister", out var sector1);
        var second = r.IsAgent("minister", out var sector2);
        Assert.True(first);
        Assert.Equal(first, second);
        Assert.Equal(sector1, sector2);
        Assert.False(r.IsAgent("banana", out _));
        Assert.False(r.IsAgent("banana", out _));
    }
}
