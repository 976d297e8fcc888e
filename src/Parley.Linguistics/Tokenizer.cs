using Parley.Core;

namespace Parley.Linguistics;

/// <summary>
/// The rule-based English tokeniser and sentence splitter (<c>parley.tokenizer</c>). It splits text into
/// surface tokens, splits contractions and possessives into syntactic words as UD English EWT does
/// (<c>don't</c> = <c>do</c> + <c>n't</c>, <c>Kazakhstan’s</c> = <c>Kazakhstan</c> + <c>’s</c>), and groups
/// words into sentences that never cross a paragraph boundary. Every word keeps its character span.
/// Stateless and thread-safe: one instance may serve many threads.
/// </summary>
public sealed class Tokenizer : IPipelineComponent
{
    /// <summary>Version of the tokenisation behaviour; bump it when the output changes.</summary>
    public const string Version = "1";

    /// <summary>The component descriptor: requires text and paragraphs, assigns tokens.</summary>
    public static readonly ComponentDescriptor ComponentDescriptor =
        new("parley.tokenizer", Version, [LayerNames.Text, LayerNames.Paragraphs], [LayerNames.Tokens]);

    /// <inheritdoc/>
    public ComponentDescriptor Descriptor => ComponentDescriptor;

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        document.Set(Layers.Tokens, Tokenize(document.Text, document.Paragraphs));
    }

    /// <summary>Tokenises <paramref name="text"/> with one paragraph over the whole text.</summary>
    public static TokenLayer Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Tokenize(text, [new TextSpan(0, text.Length)]);
    }

    /// <summary>
    /// Tokenises <paramref name="text"/> paragraph by paragraph; no sentence crosses a paragraph boundary
    /// and text outside the paragraphs is ignored. Usable without a <see cref="Document"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="paragraphs">Paragraph spans in order (see <see cref="Document.DefaultParagraphs"/>).</param>
    public static TokenLayer Tokenize(string text, IReadOnlyList<TextSpan> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var raw = new List<RawToken>(Math.Max(16, text.Length / 5));
        var ends = new List<int>(Math.Max(4, text.Length / 100));
        var words = new List<Word>(raw.Capacity + 16);
        var mwts = new List<MultiwordToken>();
        var sentences = new List<Sentence>(ends.Capacity);
        var pool = new FormPool();
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Start < 0 || paragraph.End > text.Length || paragraph.End < paragraph.Start)
            {
                throw new ArgumentException($"Paragraph {paragraph} lies outside the text (length {text.Length}).", nameof(paragraphs));
            }

            raw.Clear();
            ends.Clear();
            Scanner.ScanParagraph(text, paragraph.Start, paragraph.End, raw);
            if (raw.Count == 0)
            {
                continue;
            }

            SentenceSplitter.Split(text, raw, 0, raw.Count, ends);
            var t = 0;
            foreach (var end in ends)
            {
                var firstWord = words.Count;
                for (; t < end; t++)
                {
                    var token = raw[t];
                    if (t == end - 1 && token.Has(TokenFlags.AbbrevAny | TokenFlags.AbbrevTitle) && token.Length > 1)
                    {
                        // UD English splits the period of an abbreviation that ends a sentence: "etc" "."
                        AddWords(text, new RawToken(token.Start, token.End - 1, token.Flags), words, mwts, pool);
                        AddWords(text, new RawToken(token.End - 1, token.End, TokenFlags.Terminal), words, mwts, pool);
                        continue;
                    }

                    if (token.Length == 3 && t + 1 < end && IsIts(text, token) && Lexicon.Instance.IsItsFollower(text.AsSpan(raw[t + 1].Start, raw[t + 1].Length)))
                    {
                        AddWords(text, token, words, mwts, pool, split: 2);
                        continue;
                    }

                    AddWords(text, token, words, mwts, pool);
                }

                var count = words.Count - firstWord;
                if (count > 0)
                {
                    sentences.Add(new Sentence(new TextSpan(words[firstWord].Span.Start, words[^1].Span.End), firstWord, count));
                }
            }
        }

        return new TokenLayer(words.ToArray(), mwts.ToArray(), sentences.ToArray(), ComponentDescriptor.VersionedName);
    }

    private static bool IsIts(string text, RawToken token) =>
        text[token.Start] is 'i' or 'I' && text[token.Start + 1] is 't' or 'T' && text[token.Start + 2] is 's' or 'S';

    private static void AddWords(string text, RawToken token, List<Word> words, List<MultiwordToken> mwts, FormPool pool, int split = -1)
    {
        var spaceAfter = token.End >= text.Length || char.IsWhiteSpace(text[token.End]);
        if (split < 0)
        {
            split = token.Has(TokenFlags.Word) ? SplitPoint(text.AsSpan(token.Start, token.Length)) : 0;
        }

        if (split <= 0)
        {
            words.Add(new Word(new TextSpan(token.Start, token.End), pool.Get(text.AsSpan(token.Start, token.Length)), spaceAfter));
            return;
        }

        var mid = token.Start + split;
        var first = words.Count;
        words.Add(new Word(new TextSpan(token.Start, mid), pool.Get(text.AsSpan(token.Start, split)), false));
        words.Add(new Word(new TextSpan(mid, token.End), pool.Get(text.AsSpan(mid, token.End - mid)), spaceAfter));
        mwts.Add(new MultiwordToken(new TextSpan(token.Start, token.End), first, first + 1));
    }

    /// <summary>Where a surface token splits into two words as UD English does (0 when it does not).</summary>
    internal static int SplitPoint(ReadOnlySpan<char> w)
    {
        var n = w.Length;
        if (n < 2)
        {
            return 0;
        }

        // don't, can't, won't: the split is before n't
        if (n > 3 && Scanner.IsApostrophe(w[n - 2]) && w[n - 1] is 't' or 'T' && w[n - 3] is 'n' or 'N')
        {
            return n - 3;
        }

        // 's 'm 'd after a letter
        if (n > 2 && Scanner.IsApostrophe(w[n - 2]) && w[n - 1] is 's' or 'S' or 'm' or 'M' or 'd' or 'D' && char.IsLetter(w[n - 3]))
        {
            return n - 2;
        }

        // 're 've 'll after a letter
        if (n > 3 && Scanner.IsApostrophe(w[n - 3]) && char.IsLetter(w[n - 4]) && IsTwoLetterClitic(w[n - 2], w[n - 1]))
        {
            return n - 3;
        }

        // parents'
        if (n > 2 && Scanner.IsApostrophe(w[n - 1]) && w[n - 2] is 's' or 'S')
        {
            return n - 1;
        }

        return n <= 8 ? Lexicon.Instance.SplitPoint(w) : 0;
    }

    private static bool IsTwoLetterClitic(char a, char b)
    {
        a = char.ToLowerInvariant(a);
        b = char.ToLowerInvariant(b);
        return (a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l');
    }

    /// <summary>Per-call string pool: each distinct form is allocated once per call.</summary>
    private sealed class FormPool
    {
        private readonly Dictionary<string, string> _forms = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public FormPool()
        {
            _lookup = _forms.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public string Get(ReadOnlySpan<char> span)
        {
            if (_lookup.TryGetValue(span, out var s))
            {
                return s;
            }

            s = span.ToString();
            _forms.Add(s, s);
            return s;
        }
    }
}
