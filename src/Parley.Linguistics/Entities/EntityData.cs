using System.Globalization;
using System.Text;
using Parley.Core;

namespace Parley.Linguistics.Entities;

/// <summary>A typed span of words of one sentence: words <c>[Start, End)</c>.</summary>
/// <param name="Start">First word (0-based, inclusive).</param>
/// <param name="End">One past the last word.</param>
/// <param name="Type">Entity type (<c>PER</c>, <c>ORG</c>, <c>LOC</c>).</param>
public readonly record struct EntitySpan(int Start, int End, string Type);

/// <summary>One sentence with an IOB2 entity tag per word (<c>O</c>, <c>B-PER</c>, <c>I-PER</c>…).</summary>
/// <param name="Forms">Words.</param>
/// <param name="Tags">IOB2 tags, one per word.</param>
/// <param name="SentId">The sentence id, or null.</param>
/// <param name="Text">The sentence text, or null.</param>
public sealed record EntitySentence(string[] Forms, string[] Tags, string? SentId = null, string? Text = null)
{
    /// <summary>The gold mentions encoded by <see cref="Tags"/>.</summary>
    public IReadOnlyList<EntitySpan> Spans => EntityLabels.SpansFromIob2(Tags);
}

/// <summary>Conversions between IOB2 tags, BILOU tags and spans.</summary>
public static class EntityLabels
{
    /// <summary>The entity types Parley tags, in label order.</summary>
    public static IReadOnlyList<string> Types { get; } = ["PER", "ORG", "LOC"];

    /// <summary>
    /// Spans of an IOB2 sequence, read leniently as conlleval does: an <c>I-X</c> that does not continue an
    /// <c>X</c> mention starts a new one.
    /// </summary>
    public static IReadOnlyList<EntitySpan> SpansFromIob2(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var result = new List<EntitySpan>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var prefix = tag.Length >= 2 && tag[1] == '-' ? tag[0] : 'O';
            var t = prefix == 'O' ? null : tag[2..];
            var continues = prefix == 'I' && type is not null && t == type;
            if (!continues && type is not null)
            {
                result.Add(new EntitySpan(start, i, type));
                type = null;
            }

            if (prefix is 'B' or 'I' && !continues)
            {
                start = i;
                type = t;
            }
        }

        return result;
    }

    /// <summary>The IOB2 tags of <paramref name="count"/> words with the given (non-overlapping) spans.</summary>
    public static string[] ToIob2(IEnumerable<EntitySpan> spans, int count)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var tags = Enumerable.Repeat("O", count).ToArray();
        foreach (var s in spans)
        {
            for (var i = s.Start; i < s.End; i++)
            {
                tags[i] = (i == s.Start ? "B-" : "I-") + s.Type;
            }
        }

        return tags;
    }

    /// <summary>The BILOU tags (<c>B-</c>, <c>I-</c>, <c>L-</c>, <c>U-</c>, <c>O</c>) of the given spans.</summary>
    public static string[] ToBilou(IEnumerable<EntitySpan> spans, int count)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var tags = Enumerable.Repeat("O", count).ToArray();
        foreach (var s in spans)
        {
            for (var i = s.Start; i < s.End; i++)
            {
                var p = s.End - s.Start == 1 ? "U-" : i == s.Start ? "B-" : i == s.End - 1 ? "L-" : "I-";
                tags[i] = p + s.Type;
            }
        }

        return tags;
    }

    /// <summary>Spans of a well-formed BILOU sequence (a malformed one is read leniently, never dropped).</summary>
    public static IReadOnlyList<EntitySpan> SpansFromBilou(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var iob = tags.Select(t => t.Length > 2 && t[0] is 'L' ? "I" + t[1..] : t.Length > 2 && t[0] is 'U' ? "B" + t[1..] : t).ToArray();
        var result = new List<EntitySpan>();
        foreach (var s in SpansFromIob2(iob))
        {
            // a U- or L- closes its mention even when the next word continues the type
            var start = s.Start;
            for (var i = s.Start; i < s.End; i++)
            {
                if (tags[i][0] is 'U' or 'L' || i == s.End - 1)
                {
                    result.Add(new EntitySpan(start, i + 1, s.Type));
                    start = i + 1;
                }
            }
        }

        return result;
    }
}

/// <summary>
/// UniversalNER's IOB2 files: one word per line with columns id, form, tag, and two more (<c>-</c>), sentences
/// separated by blank lines, <c># sent_id</c> and <c># text</c> comments.
/// </summary>
public static class Iob2Corpus
{
    /// <summary>Reads a file; a malformed line is PRL1014.</summary>
    public static List<EntitySentence> Load(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    /// <summary>Reads IOB2 sentences; a malformed line is PRL1014.</summary>
    public static List<EntitySentence> Read(TextReader reader, string source = "-")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new List<EntitySentence>();
        var forms = new List<string>();
        var tags = new List<string>();
        string? sentId = null, text = null;
        var lineNo = 0;
        void Flush()
        {
            if (forms.Count > 0)
            {
                result.Add(new EntitySentence([.. forms], [.. tags], sentId, text));
            }

            forms.Clear();
            tags.Clear();
            sentId = null;
            text = null;
        }

        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            if (line.StartsWith('#'))
            {
                if (forms.Count > 0)
                {
                    Flush();
                }

                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    var key = line[1..eq].Trim();
                    var value = line[(eq + 1)..].Trim();
                    if (key == "sent_id")
                    {
                        sentId = value;
                    }
                    else if (key == "text")
                    {
                        text = value;
                    }
                }

                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length < 3 || !int.TryParse(cols[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) || !IsTag(cols[2]))
            {
                throw new ParleyException(Errors.InvalidAnnotatedInput, "Not an IOB2 line (id, form, tag…)", new SourceLocation(source, lineNo));
            }

            forms.Add(cols[1]);
            tags.Add(cols[2]);
        }

        Flush();
        return result;
    }

    private static bool IsTag(string t) => t == "O" || (t.Length > 2 && t[0] is 'B' or 'I' && t[1] == '-');

    /// <summary>Writes sentences in the same layout, with <paramref name="tags"/> in the third column.</summary>
    public static void Write(TextWriter output, EntitySentence sentence, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(tags);
        if (sentence.SentId is not null)
        {
            output.Write("# sent_id = ");
            output.Write(sentence.SentId);
            output.Write('\n');
        }

        if (sentence.Text is not null)
        {
            output.Write("# text = ");
            output.Write(sentence.Text);
            output.Write('\n');
        }

        for (var i = 0; i < sentence.Forms.Length; i++)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture, $"{i + 1}\t{sentence.Forms[i]}\t{tags[i]}\t-\t-\n"));
        }

        output.Write('\n');
    }
}

/// <summary>
/// Named mentions of GUM's CoNLL-U files, from the MISC <c>Entity=</c> brackets: <c>(id-type-…</c> opens a
/// mention on a word, <c>id)</c> closes it, <c>(id-type-…)</c> is a one-word mention; mentions nest. A mention
/// of type person, organization or place whose head (the word whose governor lies outside it) is a proper noun
/// is a named mention (PER, ORG, LOC), cut down to its name: the proper nouns around the head with the
/// function words between them ("Council of the Republic"), without a leading title ("President").
/// Named mentions inside another named mention are dropped (the outer name is kept).
/// </summary>
public static class GumEntities
{
    private static readonly HashSet<string> Connectors = new(["of", "the", "and", "&", "for", "de", "on", "-", "du", "del", "la", "von", "van", "der", "al", "bin"], StringComparer.Ordinal);

    private static readonly HashSet<string> Titles = new(
        ["president", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "senator", "sen.", "king", "queen", "prince", "princess", "minister", "prime", "general", "gen.", "governor", "gov.",
         "chairman", "secretary", "pope", "sir", "lord", "lady", "judge", "justice", "rep.", "representative", "chancellor", "ambassador", "mayor", "captain", "capt.", "lieutenant", "lt.",
         "colonel", "col.", "sheikh", "professor", "prof.", "director", "ceo", "chief", "emperor", "empress", "saint", "st.", "bishop", "archbishop", "cardinal", "father", "rev.", "reverend",
         "vice", "deputy", "commissioner", "sergeant", "sgt.", "major", "admiral", "officer", "coach", "rabbi", "imam", "duke", "count", "countess", "baron", "premier", "speaker", "chair"],
        StringComparer.Ordinal);

    /// <summary>Maps a GUM entity type to Parley's, or null for the types Parley does not tag.</summary>
    public static string? MapType(string gumType) => gumType switch
    {
        "person" => "PER",
        "organization" => "ORG",
        "place" => "LOC",
        _ => null,
    };

    /// <summary>The sentences of GUM CoNLL-U files with IOB2 tags of their named mentions.</summary>
    public static List<EntitySentence> Load(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.SelectMany(f => Conllu.ConlluReader.ReadFile(f).SelectMany(d => d.Sentences)).Select(FromConllu).ToList();
    }

    /// <summary>One sentence with IOB2 tags of its named mentions.</summary>
    public static EntitySentence FromConllu(Conllu.ConlluSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var words = sentence.Words;
        var forms = words.Select(w => w.Form).ToArray();
        var mentions = Mentions(words);
        var named = new List<EntitySpan>();
        foreach (var (start, end, gumType) in mentions)
        {
            if (MapType(gumType) is not { } type)
            {
                continue;
            }

            var head = Head(words, start, end);
            if (words[head].Upos != "PROPN")
            {
                continue;
            }

            named.Add(Trim(words, start, end, head, type));
        }

        // outermost first; drop names nested in (or overlapping) a name already kept
        var kept = new List<EntitySpan>();
        foreach (var s in named.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (!kept.Any(k => s.Start < k.End && k.Start < s.End))
            {
                kept.Add(s);
            }
        }

        return new EntitySentence(forms, EntityLabels.ToIob2(kept, forms.Length), sentence.SentId, sentence.Text);
    }

    /// <summary>Every bracketed mention of a sentence as (first word, end word exclusive, GUM type).</summary>
    public static List<(int Start, int End, string Type)> Mentions(IReadOnlyList<Conllu.ConlluWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var result = new List<(int, int, string)>();
        var open = new List<(string Id, int Start, string Type)>();
        for (var i = 0; i < words.Count; i++)
        {
            var value = MiscValue(words[i].Misc, "Entity");
            if (value is null)
            {
                continue;
            }

            var p = 0;
            while (p < value.Length)
            {
                if (value[p] == '(')
                {
                    var q = p + 1;
                    while (q < value.Length && value[q] is not '(' and not ')')
                    {
                        q++;
                    }

                    var fields = value[(p + 1)..q].Split('-');
                    var id = fields[0];
                    var type = fields.Length > 1 ? fields[1] : "";
                    if (q < value.Length && value[q] == ')')
                    {
                        result.Add((i, i + 1, type));
                        q++;
                    }
                    else
                    {
                        open.Add((id, i, type));
                    }

                    p = q;
                }
                else
                {
                    var q = p;
                    while (q < value.Length && value[q] is not '(' and not ')')
                    {
                        q++;
                    }

                    var id = value[p..q];
                    var k = open.FindLastIndex(o => o.Id == id);
                    if (k >= 0)
                    {
                        result.Add((open[k].Start, i + 1, open[k].Type));
                        open.RemoveAt(k);
                    }

                    p = q < value.Length && value[q] == ')' ? q + 1 : q;
                }
            }
        }

        return result;
    }

    private static string? MiscValue(string misc, string key)
    {
        foreach (var part in misc.Split('|'))
        {
            if (part.Length > key.Length && part.StartsWith(key, StringComparison.Ordinal) && part[key.Length] == '=')
            {
                return part[(key.Length + 1)..];
            }
        }

        return null;
    }

    private static int Head(IReadOnlyList<Conllu.ConlluWord> words, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var inside = int.TryParse(words[i].Head, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h - 1 >= start && h - 1 < end && h != 0;
            if (!inside && words[i].Upos != "PUNCT")
            {
                return i;
            }
        }

        return start;
    }

    private static EntitySpan Trim(IReadOnlyList<Conllu.ConlluWord> words, int start, int end, int head, string type)
    {
        bool Proper(int i) => words[i].Upos == "PROPN" && !(type == "PER" && Titles.Contains(words[i].Form.ToLowerInvariant()));
        var left = head;
        while (true)
        {
            var j = left - 1;
            while (j >= start && Connectors.Contains(words[j].Form) && words[j].Upos != "PROPN")
            {
                j--;
            }

            if (j >= start && Proper(j))
            {
                left = j;
            }
            else
            {
                break;
            }
        }

        var right = head;
        while (true)
        {
            var j = right + 1;
            while (j < end && Connectors.Contains(words[j].Form) && words[j].Upos != "PROPN")
            {
                j++;
            }

            if (j < end && words[j].Upos == "PROPN")
            {
                right = j;
            }
            else
            {
                break;
            }
        }

        return new EntitySpan(left, right + 1, type);
    }
}

/// <summary>
/// The entity corpora in the shared data folder: UNER English EWT (dev for training, test for evaluation
/// only) and GUM's named mentions (training documents; GUM's test documents for evaluation).
/// </summary>
public static class EntityCorpora
{
    /// <summary>UNER EWT dev plus GUM's training documents (neither its test nor its dev list).</summary>
    public static List<EntitySentence> Train(string shared)
    {
        var result = Iob2Corpus.Load(Path.Combine(shared, "corpora", "uner-english-ewt", "en_ewt-ud-dev.iob2"));
        result.AddRange(GumEntities.Load(GumTrainFiles(shared)));
        return result;
    }

    /// <summary>UNER EWT test.</summary>
    public static List<EntitySentence> UnerTest(string shared) => Iob2Corpus.Load(Path.Combine(shared, "corpora", "uner-english-ewt", "en_ewt-ud-test.iob2"));

    /// <summary>GUM's test documents.</summary>
    public static List<EntitySentence> GumTest(string shared) => GumEntities.Load(Tagging.TrainingSets.Files(shared, "gum-test"));

    private static IEnumerable<string> GumTrainFiles(string shared)
    {
        var held = Tagging.TrainingSets.Files(shared, "gum-test").Concat(Tagging.TrainingSets.Files(shared, "gum-dev")).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        return Directory.GetFiles(Path.Combine(shared, "corpora", "gum-news"), "*.conllu").Order(StringComparer.Ordinal).Where(f => !held.Contains(Path.GetFileName(f)));
    }
}
