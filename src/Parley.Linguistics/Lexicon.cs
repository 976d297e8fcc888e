namespace Parley.Linguistics;

/// <summary>How an abbreviation behaves at a possible sentence end.</summary>
internal enum AbbreviationKind
{
    /// <summary>Not an abbreviation.</summary>
    None,

    /// <summary>Precedes a name; never ends a sentence (Mr., Gen., Jan.).</summary>
    Title,

    /// <summary>May end a sentence (Inc., etc., U.S.).</summary>
    Any,

    /// <summary>An abbreviation only before a number (No. 5).</summary>
    Number,

    /// <summary>Usually ends a sentence when a capitalised word follows (etc.).</summary>
    End,
}

/// <summary>
/// The word lists of the tokeniser, read once from the embedded resource files. Immutable and shared
/// by all threads; every lookup takes a span and allocates nothing.
/// </summary>
internal sealed class Lexicon
{
    private static readonly Lazy<Lexicon> Shared = new(() => new Lexicon(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _abbrevExact;
    private readonly Dictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _abbrevAnyCase;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _emoticons;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _starters;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _splits;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _units;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _itsFollowers;
    private readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _closings;

    private Lexicon()
    {
        var exact = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        var anyCase = new Dictionary<string, AbbreviationKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in ReadLines("abbreviations.txt"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var kind = parts.Length > 1 ? parts[1] switch
            {
                "title" => AbbreviationKind.Title,
                "end" => AbbreviationKind.End,
                "number" => AbbreviationKind.Number,
                _ => AbbreviationKind.Any,
            } : AbbreviationKind.Any;
            var form = parts[0];
            if (char.IsLower(form[0]))
            {
                anyCase.TryAdd(form, kind);
            }
            else
            {
                exact.TryAdd(form, kind);
                exact.TryAdd(form.ToUpperInvariant(), kind);
            }
        }

        _abbrevExact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _abbrevAnyCase = anyCase.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = new HashSet<string>(ReadLines("hyphen-prefixes.txt"), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        var emoticons = new HashSet<string>(ReadLines("emoticons.txt"), StringComparer.Ordinal);
        MaxEmoticonLength = emoticons.Max(e => e.Length);
        _emoticons = emoticons.GetAlternateLookup<ReadOnlySpan<char>>();
        _starters = new HashSet<string>(ReadLines("sentence-starters.txt"), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var splits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in ReadLines("splits.txt"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            splits[parts[0]] = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        _splits = splits.GetAlternateLookup<ReadOnlySpan<char>>();
        var closings = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var line in ReadLines("closings.txt"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            closings[parts[0]] = parts.Length > 1 && parts[1] == "greeting";
        }

        _closings = closings.GetAlternateLookup<ReadOnlySpan<char>>();
        _itsFollowers = new HashSet<string>(ReadLines("its-followers.txt"), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _units = new HashSet<string>(ReadLines("units.txt"), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The shared instance.</summary>
    public static Lexicon Instance => Shared.Value;

    /// <summary>Length of the longest emoticon.</summary>
    public int MaxEmoticonLength { get; }

    /// <summary>The kind of <paramref name="word"/> (without its final period) as an abbreviation.</summary>
    public AbbreviationKind Abbreviation(ReadOnlySpan<char> word)
    {
        if (_abbrevExact.TryGetValue(word, out var kind) || _abbrevAnyCase.TryGetValue(word, out kind))
        {
            return kind;
        }

        return AbbreviationKind.None;
    }

    /// <summary>True when a hyphen after <paramref name="part"/> does not split the word.</summary>
    public bool IsHyphenPrefix(ReadOnlySpan<char> part) => _prefixes.Contains(part);

    /// <summary>True for a listed emoticon.</summary>
    public bool IsEmoticon(ReadOnlySpan<char> s) => _emoticons.Contains(s);

    /// <summary>True for a capitalised word that usually starts a sentence.</summary>
    public bool IsSentenceStarter(ReadOnlySpan<char> word) => _starters.Contains(word);

    /// <summary>0 when <paramref name="word"/> opens no letter closing or greeting, 1 for a closing (Thanks), 2 for a greeting (Dear).</summary>
    public int Salutation(ReadOnlySpan<char> word) => _closings.TryGetValue(word, out var greeting) ? (greeting ? 2 : 1) : 0;

    /// <summary>True when "its" before <paramref name="next"/> stands for "it's".</summary>
    public bool IsItsFollower(ReadOnlySpan<char> next) => _itsFollowers.Contains(next);

    /// <summary>True for a unit written against a number (5pm, 39K).</summary>
    public bool IsUnit(ReadOnlySpan<char> word) => _units.Contains(word);

    /// <summary>Length of the first word when <paramref name="word"/> is an apostrophe-less contraction, else 0.</summary>
    public int SplitPoint(ReadOnlySpan<char> word) => _splits.TryGetValue(word, out var n) ? n : 0;

    private static IEnumerable<string> ReadLines(string name)
    {
        var assembly = typeof(Lexicon).Assembly;
        using var stream = assembly.GetManifestResourceStream("Parley.Linguistics.Resources." + name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }
}
