using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Linguistics.Entities;

/// <summary>
/// Name lists the recogniser uses as features (stored inside the model file): place names (NGEC and PETRARCH2 country
/// names; GeoNames cities of at least 200,000 and of at least 15,000 inhabitants as two lists), nationality words (NGEC), and the first and
/// organisation names (PETRARCH2 international and non-state actors), and the first and last words of the office holders in PETRARCH2's country actors. A phrase match marks each word with its list and
/// its position in the match (B/I/L/U); person words mark single words.
/// </summary>
internal sealed partial class EntityGazetteer
{
    public const byte Place = 1;
    public const byte Nationality = 2;
    public const byte BigCity = 3;
    public const byte SmallCity = 4;
    public const byte Organization = 5;
    public const byte Igo = 6;
    public const byte Institution = 7;
    public const byte FirstName = 1;
    public const byte LastName = 2;
    public const byte OrganizationTail = 4;
    public const byte OrganizationWord = 8;
    public const byte PlaceTail = 16;
    private const int MaxPhrase = 4;

    private readonly Dictionary<string, byte> _phrases;
    private readonly Dictionary<string, byte> _names;

    public EntityGazetteer(Dictionary<string, byte> phrases, Dictionary<string, byte> names)
    {
        _phrases = phrases;
        _names = names;
    }

    public static EntityGazetteer Empty { get; } = new([], []);

    public int Count => _phrases.Count + _names.Count;

    /// <summary>Builds the lists from the shared data folder.</summary>
    /// <param name="shared">The shared data folder.</param>
    /// <param name="actors">Parley's actor codebook folder (<c>data/actors</c>) for the curated international
    /// organisations and institutions and the name-ending word flags, or null to leave them out (the original lists).</param>
    public static EntityGazetteer Build(string shared, string? actors = null)
    {
        var phrases = new Dictionary<string, byte>(StringComparer.Ordinal);
        var names = new Dictionary<string, byte>(StringComparer.Ordinal);
        var originals = new List<(string Phrase, byte Type)>();
        void AddPhrase(string phrase, byte type)
        {
            var key = Key(phrase);
            if (key.Length > 1 && phrase.Split(' ', '-', '_').Length <= MaxPhrase + 2)
            {
                phrases.TryAdd(key, type);
                originals.Add((phrase, type));
            }
        }

        foreach (var line in File.ReadLines(Path.Combine(shared, "dictionaries", "ngec", "countries.csv")).Skip(1))
        {
            var cols = CsvSplit(line);
            if (cols.Count >= 4)
            {
                AddPhrase(cols[1], Place);
                foreach (var n in cols[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    // nationalities: single words ("Afghan"); longer entries are official country names
                    AddPhrase(n, n.Contains(' ', StringComparison.Ordinal) ? Place : Nationality);
                }
            }
        }

        foreach (var line in File.ReadLines(Path.Combine(shared, "dictionaries", "petrarch2", "Phoenix.Countries.actors.txt")))
        {
            if (CountryLine().Match(line) is { Success: true } c)
            {
                AddPhrase(c.Groups[1].Value.Replace('_', ' '), Place);
            }
            else if (PersonLine().Match(line) is { Success: true } p)
            {
                var parts = p.Groups[1].Value.Split('_', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2)
                {
                    names[Key(parts[0])] = (byte)(names.GetValueOrDefault(Key(parts[0])) | FirstName);
                    names[Key(parts[^1])] = (byte)(names.GetValueOrDefault(Key(parts[^1])) | LastName);
                }
            }
        }

        // organisations: PETRARCH2 international and non-state actors coded on their own line (companies, NGOs,
        // IGOs, armed groups) and their "+" aliases; persons there carry their codes on later lines and are skipped
        foreach (var file in new[] { "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt" })
        {
            var inOrganization = false;
            foreach (var line in File.ReadLines(Path.Combine(shared, "dictionaries", "petrarch2", file)))
            {
                if (OrganizationLine().Match(line) is { Success: true } o)
                {
                    inOrganization = true;
                    AddPhrase(ActorName(o.Groups[1].Value), Organization);
                }
                else if (inOrganization && line.StartsWith('+'))
                {
                    AddPhrase(ActorName(line[1..].Split(' ', '\t')[0]), Organization);
                }
                else
                {
                    inOrganization = false;
                }
            }
        }

        foreach (var line in File.ReadLines(Path.Combine(shared, "gazetteers", "geonames-cities1000", "cities1000.txt")))
        {
            var cols = line.Split('\t');
            if (cols.Length > 14 && long.TryParse(cols[14], NumberStyles.None, CultureInfo.InvariantCulture, out var population) && population >= 15000)
            {
                var type = population >= 200000 ? BigCity : SmallCity;
                AddPhrase(cols[1], type);
                AddPhrase(cols[2], type);
            }
        }

        if (actors is not null)
        {
            foreach (var (file, type) in new[] { ("curated-igos.tsv", Igo), ("curated-institutions.tsv", Institution) })
            {
                foreach (var line in File.ReadLines(Path.Combine(actors, file)).Skip(1))
                {
                    var cols = line.Split('\t');
                    var (name, aliases) = file == "curated-igos.tsv" ? (cols[2], cols[3]) : (cols[2], cols[3]);
                    foreach (var n in aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(name))
                    {
                        AddPhrase(n, type);
                    }
                }
            }
        }

        if (actors is null)
        {
            return new EntityGazetteer(phrases, names);
        }

        // (with the actor data only, as part of the extended feature set) the words that end many multi-word
        // organisation and place names ("bank", "council", "river") and the words frequent inside organisation
        // names: they mark names the lists do not hold
        var tails = new Dictionary<(string Word, bool Org), int>();
        var inner = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (phrase, type) in originals)
        {
            var words = phrase.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Select(Key).Where(w => w.Length > 1).ToArray();
            if (words.Length < 2)
            {
                continue;
            }

            var org = type is Organization or Igo or Institution;
            tails[(words[^1], org)] = tails.GetValueOrDefault((words[^1], org)) + 1;
            if (org)
            {
                foreach (var w in words.Distinct())
                {
                    inner[w] = inner.GetValueOrDefault(w) + 1;
                }
            }
        }

        foreach (var ((word, org), count) in tails)
        {
            if (count >= 4)
            {
                names[word] = (byte)(names.GetValueOrDefault(word) | (org ? OrganizationTail : PlaceTail));
            }
        }

        foreach (var (word, count) in inner)
        {
            if (count >= 6 && word is not ("of" or "the" or "and" or "for"))
            {
                names[word] = (byte)(names.GetValueOrDefault(word) | OrganizationWord);
            }
        }

        return new EntityGazetteer(phrases, names);
    }

    [GeneratedRegex(@"^([A-Z][A-Z_.'-]*?)_?\s+\[[A-Z]{3}\]\s*$")]
    private static partial Regex CountryLine();

    [GeneratedRegex(@"^([A-Z0-9][A-Z0-9_.'&-]*?)_?\s+\[[A-Z]{3,}[^\]]*\]")]
    private static partial Regex OrganizationLine();

    private static string ActorName(string raw) => ParenthesisedSuffix().Replace(raw.Trim('_'), "").Replace('_', ' ');

    [GeneratedRegex(@"_?\([^)]*\)_?$")]
    private static partial Regex ParenthesisedSuffix();

    [GeneratedRegex(@"^([A-Z][A-Z_.'-]+?)_\s+# CountryInfo")]
    private static partial Regex PersonLine();

    private static List<string> CsvSplit(string line)
    {
        var result = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                result.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(ch);
            }
        }

        result.Add(sb.ToString());
        return result;
    }

    /// <summary>The lookup key of a name: its letters and digits, lower-cased, without spaces or punctuation ("al-Qaeda" and "al - Qaeda" meet).</summary>
    private static string Key(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>Per word: the phrase list and position of the longest match covering it (0 when none), and its person-word flags.</summary>
    public (ulong[] Phrase, ulong[] Name) Match(IReadOnlyList<string> words)
    {
        var n = words.Count;
        var phrase = new ulong[n];
        var name = new ulong[n];

        // the words' keys (as Key builds them) side by side in one buffer, word j at [starts[j], starts[j + 1]): the
        // candidate phrase of words i..i+len-1 is then one slice, looked up without building a string
        var total = 0;
        for (var i = 0; i < n; i++)
        {
            total += words[i].Length;
        }

        Span<char> keys = total <= 1024 ? stackalloc char[1024] : new char[total];
        Span<int> starts = n < 256 ? stackalloc int[256] : new int[n + 1];
        var names = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        var end = 0;
        for (var i = 0; i < n; i++)
        {
            starts[i] = end;
            foreach (var c in words[i])
            {
                if (char.IsLetterOrDigit(c))
                {
                    keys[end++] = char.ToLowerInvariant(c);
                }
            }

            name[i] = names.TryGetValue(keys[starts[i]..end], out var flags) ? flags : default;
        }

        starts[n] = end;
        var lookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < n;)
        {
            var matched = 0;
            byte type = 0;
            if (starts[i + 1] > starts[i])
            {
                for (var len = Math.Min(MaxPhrase + 2, n - i); len >= 1 && matched == 0; len--)
                {
                    if (starts[i + len] == starts[i + len - 1])
                    {
                        continue; // a match neither starts nor ends on punctuation
                    }

                    if (lookup.TryGetValue(keys[starts[i]..starts[i + len]], out type))
                    {
                        matched = len;
                    }
                }
            }

            if (matched == 0)
            {
                i++;
                continue;
            }

            for (var j = i; j < i + matched; j++)
            {
                var position = matched == 1 ? 4UL : j == i ? 1UL : j == i + matched - 1 ? 3UL : 2UL;
                phrase[j] = (type * 8UL) + position;
            }

            i += matched;
        }

        return (phrase, name);
    }

    public void Write(BinaryWriter w)
    {
        foreach (var dict in new[] { _phrases, _names })
        {
            w.Write(dict.Count);
            foreach (var (k, v) in dict.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.Write(k);
                w.Write(v);
            }
        }
    }

    public static EntityGazetteer Read(BinaryReader r)
    {
        var dicts = new Dictionary<string, byte>[2];
        for (var d = 0; d < 2; d++)
        {
            var n = r.ReadInt32();
            dicts[d] = new Dictionary<string, byte>(n, StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                var k = r.ReadString();
                dicts[d][k] = r.ReadByte();
            }
        }

        return new EntityGazetteer(dicts[0], dicts[1]);
    }
}
