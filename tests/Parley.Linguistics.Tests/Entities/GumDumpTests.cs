using Parley.Linguistics.Entities;

namespace Parley.Linguistics.Tests.Entities;

public sealed class GumDumpTests
{
    [Fact]
    public void Dump()
    {
        var files = Directory.GetFiles(TestData.Corpus("gum-news"), "GUM_news_*.conllu").Order().Take(6);
        using var w = new StreamWriter("/tmp/gum-dump.txt");
        foreach (var s in GumEntities.Load(files))
        {
            foreach (var sp in s.Spans)
            {
                w.WriteLine($"{sp.Type}\t{string.Join(' ', s.Forms[sp.Start..sp.End])}\t|| {string.Join(' ', s.Forms)}");
            }
        }
    }
}
