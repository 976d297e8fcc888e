namespace Parley.Linguistics;

/// <summary>
/// Articles for throughput benchmarks, recombined from corpus stories so that every article is distinct while keeping the
/// length of a real article.
/// </summary>
public static class SyntheticArticles
{
    /// <summary>
    /// One generated article from two stories: the first half of <paramref name="first"/>'s sentences (rounded up) and the
    /// second half of <paramref name="second"/>'s (rounded up), so an article is about one story long (the NGEC stories
    /// average 205 words, the 30 real articles of the evaluation 226); with <paramref name="whole"/> both whole stories.
    /// </summary>
    /// <param name="first">The story whose first half opens the article.</param>
    /// <param name="second">The story whose second half closes it.</param>
    /// <param name="whole">Join both whole stories instead.</param>
    /// <param name="sentences">The article's sentence count (by <see cref="Tokenizer"/>).</param>
    /// <returns>The article's text; the two parts are separated by a blank line. A story without sentences is joined whole.</returns>
    public static string Recombine(string first, string second, bool whole, out int sentences)
    {
        if (whole)
        {
            sentences = Tokenizer.Tokenize(first).Sentences.Count + Tokenizer.Tokenize(second).Sentences.Count;
            return first + "\n\n" + second;
        }

        var a = Tokenizer.Tokenize(first).Sentences;
        var b = Tokenizer.Tokenize(second).Sentences;
        if (a.Count == 0 || b.Count == 0)
        {
            sentences = a.Count + b.Count;
            return first + "\n\n" + second;
        }

        var headEnd = a[((a.Count + 1) / 2) - 1].Span.End;
        var tailStart = b[b.Count / 2].Span.Start;
        sentences = ((a.Count + 1) / 2) + (b.Count - (b.Count / 2));
        return first[..headEnd] + "\n\n" + second[tailStart..];
    }
}
