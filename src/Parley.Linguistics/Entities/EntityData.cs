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
    /// <summary>
    /// Predicted Penn tags to train with instead of the training tagger's, or null: set for sentences the shipped
    /// tagger was trained on (GUM), so that their POS features are as noisy as on unseen text.
    /// </summary>
    public string[]? XPos { get; init; }

    /// <summary>Instance weight in training (the perceptron's step for this sentence's updates); 1 by default.</summary>
    public float Weight { get; init; } = 1f;

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
/// is a named mention (PER, ORG, LOC), cut down to its name: the head with its name-internal dependents
/// (flat, compound, fixed, proper "of" modifiers: "Council of the Republic", proper adjectival modifiers tagged NNP:
/// "United States", "New York") and the words between them, without
/// leading lower-case words or a title ("President"). Person mentions that are groups (plural proper nouns:
/// "Muslims") or bare titles are dropped.
/// A name that still overlaps a longer one after this cut is dropped (the outer name is kept).
/// </summary>
public static class GumEntities
{
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
        foreach (var (start, end, gumType, _) in mentions)
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

            if (Trim(words, start, end, head, type) is { } name)
            {
                named.Add(name);
            }
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
    /// <remarks>MinSpan is GUM's minimal span: 1-based word positions inside the mention (<c>1,2</c>), or empty.</remarks>
    public static List<(int Start, int End, string Type, string MinSpan)> Mentions(IReadOnlyList<Conllu.ConlluWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var result = new List<(int, int, string, string)>();
        var open = new List<(string Id, int Start, string Type, string MinSpan)>();
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
                    var min = fields.Length > 5 ? fields[5] : "";
                    if (q < value.Length && value[q] == ')')
                    {
                        result.Add((i, i + 1, type, min));
                        q++;
                    }
                    else
                    {
                        open.Add((id, i, type, min));
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
                        result.Add((open[k].Start, i + 1, open[k].Type, open[k].MinSpan));
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

    private static readonly HashSet<string> NameRelations = new(["flat", "flat:name", "flat:foreign", "compound", "fixed", "goeswith"], StringComparer.Ordinal);

    private static EntitySpan? Trim(IReadOnlyList<Conllu.ConlluWord> words, int start, int end, int head, string type)
    {
        if (type == "PER" && (words[head].Xpos == "NNPS" || Titles.Contains(words[head].Form.ToLowerInvariant())))
        {
            return null; // groups ("Muslims") and bare titles ("the President") are not named persons
        }

        // the head with its name-internal dependents (flat, compound…, and proper "of" modifiers), transitively
        var inName = new bool[words.Count];
        inName[head] = true;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = start; i < end; i++)
            {
                if (inName[i] || !int.TryParse(words[i].Head, NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h < 1 || !inName[h - 1])
                {
                    continue;
                }

                var rel = words[i].Deprel;
                var ofModifier = type != "PER" && rel == "nmod" && words[i].Upos == "PROPN" && i > h - 1
                    && Enumerable.Range(h, i - h).Any(j => words[j].Form is "of" or "de" or "for");
                // proper adjectival modifiers are part of the name: GUM tags "United" (States, Nations), "New" (York) and
                // "National" (Guard) as amod with XPOS NNP; without them the cut would teach "States" alone
                var properModifier = rel == "amod" && words[i].Xpos is "NNP" or "NNPS" && i < h - 1;
                if (NameRelations.Contains(rel) || ofModifier || properModifier)
                {
                    inName[i] = true;
                    changed = true;
                }
            }
        }

        var left = Enumerable.Range(start, end - start).First(i => inName[i]);
        var right = Enumerable.Range(start, end - start).Last(i => inName[i]);

        // a comma inside ("Aceh, Indonesia") separates two names: keep the head's
        for (var i = left; i <= right; i++)
        {
            if (words[i].Form == ",")
            {
                (left, right) = i < head ? (i + 1, right) : (left, i - 1);
            }
        }
        if (type == "PER")
        {
            for (var i = right - 1; i >= left; i--)
            {
                if (Titles.Contains(words[i].Form.ToLowerInvariant()))
                {
                    left = i + 1;
                    break;
                }
            }
        }

        while (left < right && !char.IsUpper(words[left].Form[0]) && !char.IsDigit(words[left].Form[0]))
        {
            left++;
        }

        while (right > left && (words[right].Upos == "PUNCT" || words[right].Form is "'s" or "’s"))
        {
            right--;
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
    public static List<EntitySentence> Train(string shared) => [.. UnerDev(shared), .. GumTrain(shared)];

    /// <summary>UNER EWT dev (training data: the test file is for evaluation only).</summary>
    public static List<EntitySentence> UnerDev(string shared) => Iob2Corpus.Load(Path.Combine(shared, "corpora", "uner-english-ewt", "en_ewt-ud-dev.iob2"));

    /// <summary>The named mentions of GUM's training documents (neither its test nor its dev list).</summary>
    public static List<EntitySentence> GumTrain(string shared) => GumEntities.Load(GumTrainFiles(shared));

    /// <summary>
    /// Unannotated sentences for the word profiles (casing and context signatures): the words of UD EWT train and
    /// GUM's training documents, and the NGEC synthetic news stories tokenised by Parley.
    /// </summary>
    public static List<IReadOnlyList<string>> Unlabelled(string shared)
    {
        var result = Tagging.TrainingSets.Train(shared).Select(s => (IReadOnlyList<string>)s.Forms).ToList();
        foreach (var text in NgecTexts(shared))
        {
            var tokens = Tokenizer.Tokenize(text);
            result.AddRange(tokens.Sentences.Select(s => (IReadOnlyList<string>)Enumerable.Range(s.FirstWord, s.WordCount).Select(i => tokens.Words[i].Form).ToArray()));
        }

        return result;
    }

    /// <summary>The texts (column <c>text</c>) of the NGEC synthetic news stories, files in ordinal order.</summary>
    public static List<string> NgecTexts(string shared)
    {
        var result = new List<string>();
        var ngec = Directory.GetFiles(Path.Combine(shared, "corpora", "ngec-synthetic"), "*.csv").Order(StringComparer.Ordinal);
        foreach (var file in ngec)
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            var rows = CsvRows(reader).ToList();
            var textColumn = rows.Count > 0 ? rows[0].IndexOf("text") : -1;
            result.AddRange(rows.Skip(1).Where(r => textColumn >= 0 && r.Count > textColumn).Select(r => r[textColumn]));
        }

        return result;
    }

    /// <summary>The records of an RFC 4180 CSV stream (quoted fields may hold commas, quotes and line breaks).</summary>
    internal static IEnumerable<List<string>> CsvRows(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return row;
                row = [];
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }

    /// <summary>
    /// The fixed tuning split of UNER EWT dev used to choose features and hyperparameters: the sentences' documents
    /// (the <c># sent_id</c> without its final <c>-NNNN</c>) in file order, every fifth document (the 5th, 10th…)
    /// held out. Whole documents are held out so that a name repeated within a document cannot leak across.
    /// Folds 0 to 3 hold out the documents 5k+1, … 5k+4 instead (for cross-validation over the five folds).
    /// </summary>
    /// <param name="sentences">UNER EWT dev.</param>
    /// <param name="fold">Which fifth to hold out, 0 to 4; 4 (every fifth document) is the documented tuning set.</param>
    /// <returns>The sentences to train on and the held-out tuning sentences, both in file order.</returns>
    public static (List<EntitySentence> Train, List<EntitySentence> Tune) SplitTuning(IReadOnlyList<EntitySentence> sentences, int fold = 4)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var train = new List<EntitySentence>();
        var tune = new List<EntitySentence>();
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var id = DocumentId(s.SentId);
            if (!documents.TryGetValue(id, out var index))
            {
                index = documents.Count;
                documents[id] = index;
            }

            (index % 5 == fold ? tune : train).Add(s);
        }

        return (train, tune);
    }

    /// <summary>The document of a UNER/UD sentence id: the id without its final <c>-NNNN</c> sentence number ("" for null).</summary>
    public static string DocumentId(string? sentId)
    {
        if (sentId is null)
        {
            return "";
        }

        var dash = sentId.LastIndexOf('-');
        return dash > 0 && sentId[(dash + 1)..].All(char.IsAsciiDigit) ? sentId[..dash] : sentId;
    }

    /// <summary>GUM's development documents (for tuning only, never trained on).</summary>
    public static List<EntitySentence> GumDev(string shared) => GumEntities.Load(Tagging.TrainingSets.Files(shared, "gum-dev"));

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
