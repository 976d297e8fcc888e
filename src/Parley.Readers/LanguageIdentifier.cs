using System.Text.RegularExpressions;
using Parley.Core;

namespace Parley.Readers;

/// <summary>
/// Decides the language of a text. Non-Latin scripts decide by script (Cyrillic languages are told apart by
/// their distinctive letters: ў, ї/є/ґ, ә/ұ/ң, ђ/ћ/џ, ѓ/ќ/ѕ, ы/э…); Latin-script text is scored against
/// function-word profiles of about twenty-five languages, with distinctive letters as a tie-breaker.
/// Short or name-only texts get <c>und</c> with a low confidence rather than a guess. Thread-safe.
/// </summary>
public static partial class LanguageIdentifier
{
    /// <summary>Code for an undetermined language.</summary>
    public const string Undetermined = "und";

    /// <summary>Minimum confidence at which a detected non-English language makes a document refused.</summary>
    public const double RefusalConfidence = 0.5;

    private const int MaxWords = 4000;

    // General function words (articles, prepositions, conjunctions, pronouns, auxiliaries) per language.
    private static readonly (string Code, string Words, string Letters)[] LatinProfiles =
    [
        ("en", "the of and to in is that for on with as by at from was were are be this it has have had been will which an said not his their its or but after also who would they he she we there than about into", ""),
        ("fr", "le la les des du et est un une que qui dans pour pas sur au aux avec par ce cette sont été ont il elle nous vous ne se plus son sa ses leur lors ainsi selon entre être été très", "éèêàçùœâîôûëï"),
        ("de", "der die das und ist nicht ein eine zu den dem des mit von für auf sich im auch es werden wird wurde sind bei nach aus dass oder als sie wir einer einem eines über zum zur hat haben", "ßäöü"),
        ("es", "el los las del y que es una por con para se no al lo como más su sus pero ha fue este esta son entre sobre también hasta desde donde cuando muy han", "ñáíóú¿¡"),
        ("it", "il lo gli di del della dei delle è che un una per con non sono da nel nella alla al anche come più ma ha questo questa sua suo gli degli dalla tra stato essere", "àèéìòù"),
        ("pt", "o os do da dos das em no na que um uma para com não por ao mais é foi como seu sua ele ela são pelo pela também entre sobre já foram está", "ãõçáéêóâ"),
        ("nl", "de het een en van in is dat op te met voor zijn niet aan er ook als bij door maar om dan wordt werd naar heeft hij zij deze dit worden tot uit", ""),
        ("pl", "i w z na się nie do że to jest jak po o od przez za dla oraz ale jego jej są być był była został także tym który która które jako już", "ąćęłńśźż"),
        ("cs", "a v se na je to že s z do o ve jako by pro jsou byl byla tak také ale které který která jeho jejich podle při už nebo bylo jsme", "ěščřžůňťď"),
        ("sk", "a v sa na je to že s z do o vo ako by pre sú bol bola tak tiež ale ktoré ktorý ktorá jeho ich podľa pri už alebo bolo sme", "ľĺŕäôšč"),
        ("tr", "ve bir bu da de için ile olarak olan çok daha gibi ama her ne değil sonra kadar göre ise hem şu ki tarafından olduğunu edildi etti", "ğışçöüİ"),
        ("ro", "și în de la a cu pe care este din un o nu să se mai au fost pentru ca sau dar acest această sunt lui ei fi după", "ăâîșțşţ"),
        ("hu", "a az és hogy nem is egy van meg de csak már mint ez azt volt még el ki be fel vagy szerint után között pedig lesz", "őűáéíóöüú"),
        ("sv", "och att det som en på är av för med till den har inte om ett var jag men de sig han hon från eller också vid efter kan när", "åäö"),
        ("da", "og at det som en på er af for med til den har ikke om et var jeg men de sig han hun fra eller også ved efter blev når kan", "æøå"),
        ("no", "og at det som en på er av for med til den har ikke om et var jeg men de seg han hun fra eller også ved etter ble når kan", "æøå"),
        ("fi", "ja on ei se että hän oli ovat kun mutta myös tai jos niin kuin mukaan sekä vain joka jotka olla ole tämä nämä hänen oli", "äö"),
        ("et", "ja on ei et see oli ka kui aga või mis ta nad seda selle tema nagu ning mille kes", "õäöü"),
        ("id", "yang dan di ke dari ini itu dengan untuk dalam tidak akan pada adalah juga oleh ada sebagai telah atau karena mereka kami saya bahwa", ""),
        ("vi", "của và là có không được trong cho người này những các một với đã đến khi cũng về như từ sẽ theo tại", "ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"),
        ("uz", "va bu bilan uchun ham bir edi emas esa bo'yicha boʻyicha qilish yil yangi ekan kerak hamda orqali o'z oʻz bo'lgan boʻlgan tomonidan", "ʻ"),
        ("kk", "jáne men bul bir úshin osy biraq bolyp degen týraly edi emes sondaı ol olar biz men jyly", "áǵńóúý"),
        ("az", "və bu bir ilə üçün da də olan olaraq çox daha sonra kimi isə ki tərəfindən bildirib qeyd deyə həm artıq", "əğışçöü"),
        ("hr", "i je u na se da za su od s sa koji koja što kao ali ili nije bio bila također prema bi će", "čćšžđ"),
        ("tl", "ang ng mga sa na at ay si para hindi ito kay ni nang siya sila kanilang", ""),
        ("sw", "na ya wa kwa za ni katika la cha kuwa hiyo huo hii pia lakini", ""),
    ];

    private static readonly Dictionary<string, (string Code, double Weight)[]> WordIndex = BuildIndex();

    private static readonly Dictionary<string, (string Code, double Weight)[]>.AlternateLookup<ReadOnlySpan<char>> WordLookup = WordIndex.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<char, string[]> LetterIndex = LatinProfiles
        .SelectMany(p => p.Letters.Select(c => (Letter: c, p.Code)))
        .GroupBy(x => x.Letter)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Code).Distinct().ToArray());

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["und"] = "an undetermined language",
        ["en"] = "English",
        ["fr"] = "French",
        ["de"] = "German",
        ["es"] = "Spanish",
        ["it"] = "Italian",
        ["pt"] = "Portuguese",
        ["nl"] = "Dutch",
        ["pl"] = "Polish",
        ["cs"] = "Czech",
        ["sk"] = "Slovak",
        ["tr"] = "Turkish",
        ["ro"] = "Romanian",
        ["hu"] = "Hungarian",
        ["sv"] = "Swedish",
        ["da"] = "Danish",
        ["no"] = "Norwegian",
        ["fi"] = "Finnish",
        ["et"] = "Estonian",
        ["id"] = "Indonesian",
        ["vi"] = "Vietnamese",
        ["uz"] = "Uzbek",
        ["kk"] = "Kazakh",
        ["az"] = "Azerbaijani",
        ["hr"] = "Croatian",
        ["tl"] = "Tagalog",
        ["sw"] = "Swahili",
        ["ru"] = "Russian",
        ["uk"] = "Ukrainian",
        ["be"] = "Belarusian",
        ["bg"] = "Bulgarian",
        ["sr"] = "Serbian",
        ["mk"] = "Macedonian",
        ["tg"] = "Tajik",
        ["ky"] = "Kyrgyz",
        ["mn"] = "Mongolian",
        ["ar"] = "Arabic",
        ["fa"] = "Persian",
        ["ur"] = "Urdu",
        ["zh"] = "Chinese",
        ["ja"] = "Japanese",
        ["ko"] = "Korean",
        ["el"] = "Greek",
        ["he"] = "Hebrew",
        ["hi"] = "Hindi",
        ["bn"] = "Bengali",
        ["pa"] = "Punjabi",
        ["gu"] = "Gujarati",
        ["ta"] = "Tamil",
        ["te"] = "Telugu",
        ["kn"] = "Kannada",
        ["ml"] = "Malayalam",
        ["si"] = "Sinhala",
        ["th"] = "Thai",
        ["lo"] = "Lao",
        ["km"] = "Khmer",
        ["my"] = "Burmese",
        ["ka"] = "Georgian",
        ["hy"] = "Armenian",
        ["am"] = "Amharic",
        ["bo"] = "Tibetan",
    };

    /// <summary>Identifies the language of <paramref name="text"/>.</summary>
    public static LanguageDecision Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scripts = new Dictionary<string, int>(StringComparer.Ordinal);
        var letters = 0;
        var limit = Math.Min(text.Length, 50_000);
        var asciiLetters = 0;
        for (var i = 0; i < limit; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetter(c))
            {
                asciiLetters++;
                continue;
            }

            if (c < '\u0080' || !char.IsLetter(c))
            {
                continue;
            }

            letters++;
            var s = ScriptOf(c);
            scripts[s] = scripts.GetValueOrDefault(s) + 1;
        }

        letters += asciiLetters;
        if (asciiLetters > 0)
        {
            scripts["Latin"] = scripts.GetValueOrDefault("Latin") + asciiLetters;
        }

        if (letters < 3)
        {
            return new LanguageDecision(Undetermined, 0, "too-short");
        }

        var (script, count) = scripts.MaxBy(kv => kv.Value) is var top ? (top.Key, top.Value) : ("", 0);
        var share = (double)count / letters;
        if (script == "Latin")
        {
            var sample = text[..limit];
            if (sample.Contains("://", StringComparison.Ordinal) || sample.Contains('@', StringComparison.Ordinal) || sample.Contains("www.", StringComparison.OrdinalIgnoreCase))
            {
                sample = UrlOrEmailRegex().Replace(sample, " "); // addresses are not words of any language
            }

            return IdentifyLatin(sample);
        }

        if (script == "Cyrillic")
        {
            return IdentifyCyrillic(text.AsSpan(0, limit), count, share);
        }

        if (script == "Arabic")
        {
            var (code, evidence) = ArabicVariant(text.AsSpan(0, limit));
            return new LanguageDecision(code, Round(share * (evidence ? 0.95 : 0.8)), evidence ? "script+letters" : "script");
        }

        if (script == "Han")
        {
            var kana = scripts.GetValueOrDefault("Kana");
            var hangul = scripts.GetValueOrDefault("Hangul");
            var code = kana > count / 20 ? "ja" : hangul > count / 20 ? "ko" : "zh";
            return new LanguageDecision(code, Round(Math.Min(1, share + (kana + hangul) / (double)letters) * 0.9), "script");
        }

        var byScript = script switch
        {
            "Kana" => "ja",
            "Hangul" => "ko",
            "Greek" => "el",
            "Hebrew" => "he",
            "Devanagari" => "hi",
            "Bengali" => "bn",
            "Gurmukhi" => "pa",
            "Gujarati" => "gu",
            "Tamil" => "ta",
            "Telugu" => "te",
            "Kannada" => "kn",
            "Malayalam" => "ml",
            "Sinhala" => "si",
            "Thai" => "th",
            "Lao" => "lo",
            "Khmer" => "km",
            "Myanmar" => "my",
            "Georgian" => "ka",
            "Armenian" => "hy",
            "Ethiopic" => "am",
            "Tibetan" => "bo",
            "Mongolian" => "mn",
            _ => Undetermined,
        };
        return new LanguageDecision(byScript, byScript == Undetermined ? 0 : Round(share * 0.9), "script");
    }

    /// <summary>
    /// Combines a declared language (a JSONL <c>language</c> field, an HTML <c>lang</c> attribute) with what the
    /// text shows: the declaration is kept when the text agrees or is too short to tell, and overruled when the
    /// text clearly is another language. The method records which happened.
    /// </summary>
    public static LanguageDecision Decide(string text, string? declared)
    {
        var detected = Identify(text);
        if (string.IsNullOrWhiteSpace(declared))
        {
            return detected;
        }

        var primary = declared.Trim().Split('-', '_')[0].ToLowerInvariant();
        if (primary is "nb" or "nn")
        {
            primary = "no";
        }

        if (detected.Code == Undetermined)
        {
            return new LanguageDecision(primary, 0.6, $"declared '{declared.Trim()}' (text too short to verify)");
        }

        if (detected.Code == primary)
        {
            return new LanguageDecision(primary, Math.Max(detected.Confidence, 0.9), $"declared '{declared.Trim()}', verified by {detected.Method}");
        }

        if (detected.Confidence >= 0.6)
        {
            return new LanguageDecision(detected.Code, detected.Confidence, $"{detected.Method} (declared '{declared.Trim()}' contradicted by the text)");
        }

        return new LanguageDecision(primary, 0.5, $"declared '{declared.Trim()}' (text suggests '{detected.Code}' with low confidence)");
    }

    /// <summary>English name of a language code, for messages (the code itself when unknown).</summary>
    public static string NameOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Names.TryGetValue(code, out var name) ? name : code;
    }

    private static LanguageDecision IdentifyLatin(ReadOnlySpan<char> text)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var words = 0;
        var i = 0;
        Span<char> buffer = stackalloc char[32];
        while (i < text.Length && words < MaxWords)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || ((text[i] is '\'' or 'ʻ' or '’') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            if (i == start)
            {
                continue;
            }

            words++;
            var len = i - start;
            if (len > buffer.Length)
            {
                continue;
            }

            var lower = buffer[..len];
            text.Slice(start, len).ToLowerInvariant(lower);
            if (WordLookup.TryGetValue(lower, out var langs))
            {
                foreach (var (code, weight) in langs)
                {
                    scores[code] = scores.GetValueOrDefault(code) + weight;
                }
            }
        }

        // Distinctive letters: a small bonus, so close profiles (da/no, cs/sk) are separated.
        var letterHits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in text[..Math.Min(text.Length, 20_000)])
        {
            if (c > '\u007F' && LetterIndex.TryGetValue(char.ToLowerInvariant(c), out var codes))
            {
                foreach (var code in codes)
                {
                    letterHits[code] = letterHits.GetValueOrDefault(code) + 1;
                }
            }
        }

        foreach (var (code, hits) in letterHits)
        {
            scores[code] = scores.GetValueOrDefault(code) + (Math.Min(hits, words) * 0.15);
        }

        if (words == 0 || scores.Count == 0)
        {
            return new LanguageDecision(Undetermined, 0.1, words < 4 ? "too-short" : "stopwords");
        }

        var ranked = scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var (best, bestScore) = (ranked[0].Key, ranked[0].Value);
        var second = ranked.Count > 1 ? ranked[1].Value : 0;
        var coverage = bestScore / words;
        var margin = (bestScore - second) / bestScore;
        if (words < 4 || bestScore < 1.0)
        {
            // A headline or a list of names: say so rather than guess, except that English function words count.
            return best == "en" && bestScore >= 1.0
                ? new LanguageDecision("en", 0.5, "stopwords (short text)")
                : new LanguageDecision(Undetermined, Round(Math.Min(0.3, coverage)), "too-short");
        }

        if (coverage < 0.04)
        {
            return new LanguageDecision(Undetermined, Round(coverage * 5), "stopwords (too few function words)");
        }

        // Evidence grows with the number of function words seen: a single hit in a list of names proves little.
        var strength = Math.Min(1, bestScore / 4);
        var confidence = ((0.5 * Math.Min(1, coverage * 3)) + (0.5 * margin)) * strength;
        if (words < 12)
        {
            confidence *= 0.8;
        }

        return new LanguageDecision(best, Round(Math.Clamp(confidence, 0.05, 0.99)), "stopwords");
    }

    private static LanguageDecision IdentifyCyrillic(ReadOnlySpan<char> text, int cyrillic, double share)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                var lower = char.ToLowerInvariant(c);
                counts[lower] = counts.GetValueOrDefault(lower) + 1;
            }
        }

        int N(string letters) => letters.Sum(ch => counts.GetValueOrDefault(ch));
        var strong = Math.Max(1, cyrillic / 400); // at least one distinctive letter, more in long texts
        string code;
        bool evidence;
        if (N("ђћџ") >= strong)
        {
            (code, evidence) = ("sr", true);
        }
        else if (N("ѓќѕ") >= strong)
        {
            (code, evidence) = ("mk", true);
        }
        else if (N("ј") >= strong)
        {
            (code, evidence) = ("sr", false);
        }
        else if (N("әұ") >= strong || (N("ңқғ") >= strong && N("і") > 0))
        {
            (code, evidence) = ("kk", true);
        }
        else if (N("ӣӯҷ") >= strong)
        {
            (code, evidence) = ("tg", true);
        }
        else if (N("ў") >= strong && N("қҳғ") >= strong)
        {
            (code, evidence) = ("uz", true);
        }
        else if (N("ў") >= strong)
        {
            (code, evidence) = ("be", true);
        }
        else if (N("їєґ") >= strong || (N("і") >= strong && N("ыэ") == 0))
        {
            (code, evidence) = ("uk", true);
        }
        else if (N("ңөү") >= strong)
        {
            (code, evidence) = (N("ң") > 0 ? "ky" : "mn", true);
        }
        else if (N("ыэ") == 0 && N("ъ") * 200 >= cyrillic)
        {
            (code, evidence) = ("bg", true);
        }
        else
        {
            (code, evidence) = ("ru", N("ыэё") > 0);
        }

        var short_ = cyrillic < 20;
        var confidence = share * (evidence ? 0.95 : 0.75) * (short_ ? 0.7 : 1);
        return new LanguageDecision(code, Round(confidence), evidence ? "script+letters" : "script");
    }

    private static (string Code, bool Evidence) ArabicVariant(ReadOnlySpan<char> text)
    {
        int urdu = 0, persian = 0;
        foreach (var c in text)
        {
            if (c is 'ٹ' or 'ڈ' or 'ڑ' or 'ں' or 'ے' or 'ھ')
            {
                urdu++;
            }
            else if (c is 'پ' or 'چ' or 'ژ' or 'گ' or 'ک' or 'ی')
            {
                persian++;
            }
        }

        return urdu > 2 ? ("ur", true) : persian > 2 ? ("fa", true) : ("ar", false);
    }

    private static string ScriptOf(char c) => c switch
    {
        < '\u0250' => "Latin",
        >= '\u1E00' and <= '\u1EFF' => "Latin",
        >= '\u0370' and <= '\u03FF' => "Greek",
        >= '\u1F00' and <= '\u1FFF' => "Greek",
        >= '\u0400' and <= '\u052F' => "Cyrillic",
        >= '\u0530' and <= '\u058F' => "Armenian",
        >= '\u0590' and <= '\u05FF' => "Hebrew",
        >= '\u0600' and <= '\u06FF' => "Arabic",
        >= '\u0750' and <= '\u077F' => "Arabic",
        >= '\uFB50' and <= '\uFDFF' => "Arabic",
        >= '\uFE70' and <= '\uFEFF' => "Arabic",
        >= '\u0900' and <= '\u097F' => "Devanagari",
        >= '\u0980' and <= '\u09FF' => "Bengali",
        >= '\u0A00' and <= '\u0A7F' => "Gurmukhi",
        >= '\u0A80' and <= '\u0AFF' => "Gujarati",
        >= '\u0B80' and <= '\u0BFF' => "Tamil",
        >= '\u0C00' and <= '\u0C7F' => "Telugu",
        >= '\u0C80' and <= '\u0CFF' => "Kannada",
        >= '\u0D00' and <= '\u0D7F' => "Malayalam",
        >= '\u0D80' and <= '\u0DFF' => "Sinhala",
        >= '\u0E00' and <= '\u0E7F' => "Thai",
        >= '\u0E80' and <= '\u0EFF' => "Lao",
        >= '\u0F00' and <= '\u0FFF' => "Tibetan",
        >= '\u1000' and <= '\u109F' => "Myanmar",
        >= '\u10A0' and <= '\u10FF' => "Georgian",
        >= '\u1100' and <= '\u11FF' => "Hangul",
        >= '\u1200' and <= '\u137F' => "Ethiopic",
        >= '\u1780' and <= '\u17FF' => "Khmer",
        >= '\u1800' and <= '\u18AF' => "Mongolian",
        >= '\u3040' and <= '\u30FF' => "Kana",
        >= '\u3130' and <= '\u318F' => "Hangul",
        >= '\u3400' and <= '\u4DBF' => "Han",
        >= '\u4E00' and <= '\u9FFF' => "Han",
        >= '\uAC00' and <= '\uD7AF' => "Hangul",
        >= '\uF900' and <= '\uFAFF' => "Han",
        >= '\uFF00' and <= '\uFFEF' => "Latin",
        _ => "Other",
    };

    private static double Round(double value) => Math.Round(value, 2);

    private static Dictionary<string, (string Code, double Weight)[]> BuildIndex()
    {
        var byWord = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (code, words, _) in LatinProfiles)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!byWord.TryGetValue(w, out var set))
                {
                    byWord[w] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(code);
            }
        }

        return byWord.ToDictionary(kv => kv.Key, kv => kv.Value.Select(code => (code, 1.0 / kv.Value.Count)).ToArray(), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\S+://\S+|\bwww\.\S+|\S+@\S+\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlOrEmailRegex();
}
