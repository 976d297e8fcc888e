namespace Parley.Linguistics.Entities;

/// <summary>How <see cref="EntityRecognizer.RecognizeDocument"/> makes a document's mentions agree with each other.</summary>
public enum DocumentConsistency
{
    /// <summary>None: every sentence is decoded on its own (with the document's profile).</summary>
    None,

    /// <summary>Mentions of the same words share their majority type, and other occurrences of the words left outside every mention become mentions.</summary>
    SameWords,

    /// <summary>As <see cref="SameWords"/>, and the first or last word alone of a person's name of two or three words ("Arafat" after "Yasser Arafat") counts as that person wherever it is left outside every mention.</summary>
    PartialNames,

    /// <summary>
    /// As <see cref="SameWords"/>, after an acronym repair: a capitalised name followed by an acronym of its initials in
    /// parentheses ("Housing Authority of New Orleans ( HANO )") becomes one mention, of the type the recogniser gave
    /// that exact span or else ORG, and the acronym a mention of the same type (so that its other occurrences follow).
    /// </summary>
    Acronyms,
}

/// <summary>
/// One-sense-per-document repair of a document's mentions after sentence-by-sentence decoding: a name the recogniser
/// found in one sentence is usually the same name, of the same type, wherever else the document writes it.
/// <list type="bullet">
/// <item>Type: mentions of the same words (case-sensitive) take the type most of them have, when one type has a strict majority.</item>
/// <item>Propagation: another occurrence of those words that the recogniser left outside every mention becomes a
/// mention of that type, unless a capitalised word joins it on either side (then it is likely part of a longer name:
/// "Mozilla" in "Mozilla Firefox") or the words contain no capital letter (lower-case words repeat by chance).</item>
/// <item>Partial names (<see cref="DocumentConsistency.PartialNames"/>): the first or last word of a person's name of two or three words, alone and capitalised, is that person.</item>
/// </list>
/// The repaired mentions keep their confidence; a propagated one takes the highest confidence of its source mentions.
/// </summary>
internal static class MentionConsistency
{
    /// <summary>The repaired mentions of each sentence of one document.</summary>
    /// <param name="sentences">The document's sentences (words).</param>
    /// <param name="mentions">The recogniser's mentions of each sentence.</param>
    /// <param name="mode">What is repaired (<see cref="DocumentConsistency.None"/>: nothing).</param>
    public static List<List<RecognizedEntity>> Apply(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<RecognizedEntity>> mentions, DocumentConsistency mode)
    {
        if (mode == DocumentConsistency.None)
        {
            return [.. mentions.Select(m => m.ToList())];
        }

        if (mode == DocumentConsistency.Acronyms)
        {
            mentions = [.. sentences.Select((words, s) => DefinedAcronyms(words, mentions[s]))];
        }

        var votes = new Dictionary<string, Dictionary<string, (int Count, double Confidence)>>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var m in mentions[s])
            {
                var key = Key(sentences[s], m.Start, m.End);
                if (!votes.TryGetValue(key, out var byType))
                {
                    votes[key] = byType = new Dictionary<string, (int, double)>(StringComparer.Ordinal);
                }

                var (count, confidence) = byType.GetValueOrDefault(m.Type);
                byType[m.Type] = (count + 1, Math.Max(confidence, m.Confidence));
            }
        }

        // the majority type of each mentioned word sequence (null: a tie)
        var majority = new Dictionary<string, (string? Type, double Confidence, int Length)>(StringComparer.Ordinal);
        foreach (var (key, byType) in votes)
        {
            var ranked = byType.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            var tie = ranked.Count > 1 && ranked[1].Value.Count == ranked[0].Value.Count;
            majority[key] = (tie ? null : ranked[0].Key, ranked[0].Value.Confidence, key.Count(c => c == ' ') + 1);
        }

        if (mode == DocumentConsistency.PartialNames)
        {
            foreach (var (key, (type, confidence, length)) in majority.ToList())
            {
                if (type != "PER" || length is < 2 or > 3)
                {
                    continue;
                }

                var parts = key.Split(' ');
                foreach (var part in new[] { parts[0], parts[^1] })
                {
                    if (part.Length > 1 && char.IsUpper(part[0]) && part.All(char.IsLetter))
                    {
                        majority.TryAdd(part, (type, confidence, 1));
                    }
                }
            }
        }

        var longest = majority.Count == 0 ? 0 : majority.Values.Max(v => v.Length);
        var result = new List<List<RecognizedEntity>>(sentences.Count);
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = sentences[s];
            var list = mentions[s].Select(m => majority.GetValueOrDefault(Key(words, m.Start, m.End)).Type is { } t && t != m.Type ? m with { Type = t } : m).ToList();
            var covered = new bool[words.Count];
            foreach (var m in list)
            {
                for (var i = m.Start; i < m.End; i++)
                {
                    covered[i] = true;
                }
            }

            for (var start = 0; start < words.Count; start++)
            {
                for (var length = Math.Min(longest, words.Count - start); length >= 1; length--)
                {
                    var end = start + length;
                    if (covered.AsSpan(start, length).Contains(true)
                        || !majority.TryGetValue(Key(words, start, end), out var source) || source.Type is null
                        || !words.Skip(start).Take(length).Any(w => w.Any(char.IsUpper))
                        || (start > 0 && IsCapitalized(words[start - 1]))
                        || (end < words.Count && IsCapitalized(words[end])))
                    {
                        continue;
                    }

                    list.Add(new RecognizedEntity(start, end, source.Type, source.Confidence));
                    for (var i = start; i < end; i++)
                    {
                        covered[i] = true;
                    }

                    break;
                }
            }

            list.Sort((a, b) => a.Start.CompareTo(b.Start));
            result.Add(list);
        }

        return result;
    }

    private static bool IsCapitalized(string w) => w.Length > 0 && char.IsUpper(w[0]);

    // lower-case words that may join the capitalised words of a long name without giving a letter to its acronym
    private static readonly HashSet<string> AcronymJoiners = new(["of", "and", "for", "the", "on", "in", "de", "&", "-"], StringComparer.Ordinal);

    /// <summary>
    /// The mentions of one sentence after the acronym repair (<see cref="DocumentConsistency.Acronyms"/>): for every
    /// <c>( ACRONYM )</c> of 2 to 8 capital letters right after capitalised words whose initials spell it (joined by
    /// "of", "and", "the"…), the long name and the acronym become mentions of one type, replacing the mentions that overlap them.
    /// </summary>
    internal static List<RecognizedEntity> DefinedAcronyms(IReadOnlyList<string> words, IReadOnlyList<RecognizedEntity> mentions)
    {
        var result = mentions.ToList();
        for (var j = 3; j + 1 < words.Count; j++)
        {
            var acronym = words[j];
            if (words[j - 1] != "(" || words[j + 1] != ")" || acronym.Length is < 2 or > 8 || !acronym.All(char.IsAsciiLetterUpper) || !IsCapitalized(words[j - 2]))
            {
                continue;
            }

            // walk back from the word before "(", collecting the initials of capitalised words until they spell the acronym
            var letters = 0;
            var start = -1;
            for (var k = j - 2; k >= 0 && k >= j - 2 - 12; k--)
            {
                var w = words[k];
                if (IsCapitalized(w))
                {
                    letters++;
                    if (letters > acronym.Length || char.ToUpperInvariant(w[0]) != acronym[^letters])
                    {
                        break;
                    }

                    if (letters == acronym.Length)
                    {
                        start = k;
                        break;
                    }
                }
                else if (!AcronymJoiners.Contains(w))
                {
                    break;
                }
            }

            if (start < 0)
            {
                continue;
            }

            var end = j - 1;
            var exact = result.FirstOrDefault(m => m.Start == start && m.End == end);
            var type = exact.Type ?? "ORG";
            var confidence = exact.Type is null ? 0.5 : exact.Confidence;
            result.RemoveAll(m => (m.Start < end && start < m.End) || (m.Start <= j && j < m.End));
            result.Add(new RecognizedEntity(start, end, type, confidence));
            result.Add(new RecognizedEntity(j, j + 1, type, confidence));
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    private static string Key(IReadOnlyList<string> words, int start, int end) => string.Join(' ', words.Skip(start).Take(end - start));
}
