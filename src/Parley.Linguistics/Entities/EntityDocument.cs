namespace Parley.Linguistics.Entities;

/// <summary>
/// What a whole document says about its words, for <see cref="EntityRecognizer"/>'s document-level features: for each
/// lower-cased word, how often the document writes it capitalised away from a sentence start, how often in lower case,
/// and how often in all. A name at the start of a sentence ("Firefox crashed.") or in a headline is recognised by
/// being capitalised mid-sentence elsewhere in the same document; a common word is written in lower case somewhere.
/// </summary>
public sealed class EntityDocument
{
    private readonly Dictionary<string, (int Capitalized, int Lower, int All)> _words;

    private EntityDocument(Dictionary<string, (int Capitalized, int Lower, int All)> words)
    {
        _words = words;
    }

    /// <summary>The profile of a document given the words of each of its sentences.</summary>
    public static EntityDocument From(IEnumerable<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var words = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Count; i++)
            {
                var w = s[i];
                if (w.Length == 0 || !char.IsLetter(w[0]))
                {
                    continue;
                }

                var key = w.ToLowerInvariant();
                var (cap, low, all) = words.GetValueOrDefault(key);
                var capitalized = i > 0 && char.IsUpper(w[0]);
                var lower = !w.Any(char.IsUpper);
                words[key] = (cap + (capitalized ? 1 : 0), low + (lower ? 1 : 0), all + 1);
            }
        }

        return new EntityDocument(words);
    }

    /// <summary>
    /// Splits sentences into documents by their <see cref="EntitySentence.SentId"/> (consecutive sentences with the
    /// same <see cref="EntityCorpora.DocumentId"/>); a sentence without an id is a document of its own.
    /// </summary>
    /// <returns>For each sentence, its document's profile.</returns>
    public static EntityDocument[] ForSentences(IReadOnlyList<EntitySentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new EntityDocument[sentences.Count];
        var start = 0;
        while (start < sentences.Count)
        {
            var id = sentences[start].SentId is null ? null : EntityCorpora.DocumentId(sentences[start].SentId);
            var end = start + 1;
            while (id is not null && end < sentences.Count && sentences[end].SentId is not null && EntityCorpora.DocumentId(sentences[end].SentId) == id)
            {
                end++;
            }

            var document = From(Enumerable.Range(start, end - start).Select(i => (IReadOnlyList<string>)sentences[i].Forms));
            for (var i = start; i < end; i++)
            {
                result[i] = document;
            }

            start = end;
        }

        return result;
    }

    /// <summary>A small feature id for a word: capitalised mid-sentence 0, 1 or more times; ever in lower case; 1, 2–3 or more occurrences.</summary>
    internal ulong Profile(string word)
    {
        if (word.Length == 0 || !char.IsLetter(word[0]) || !_words.TryGetValue(word.ToLowerInvariant(), out var p))
        {
            return 7999UL;
        }

        var cap = p.Capitalized == 0 ? 0 : p.Capitalized == 1 ? 1 : 2;
        var low = p.Lower == 0 ? 0 : 1;
        var all = p.All == 1 ? 0 : p.All <= 3 ? 1 : 2;
        return 7000UL + (ulong)((cap * 6) + (low * 3) + all);
    }
}
