namespace Parley.Linguistics.Parsing;

/// <summary>
/// News wires end sentences with their source: "X met with Y in Tbilisi, BelTA learned from the House of
/// Representatives." / "…, the ministry's press service reported." The parser, reading the whole sentence, often hangs
/// the attribution's subject and verb into the reported clause ("with" as a marker of "learned", Y as its subject).
/// Such a sentence is parsed as two pieces — the report before the last comma and the attribution after it — and the
/// attribution's verb is attached to the report's root as <c>parataxis</c> (as UD does for "…, he said.").
/// </summary>
/// <remarks>
/// The attribution is recognised by shape only: after the sentence's last comma, a short noun phrase (one to eight
/// words: determiners, adjectives, nouns, proper nouns, possessives), then a past or present reporting verb
/// (<c>learned</c>, <c>has learned</c>, <c>reported</c>, <c>said</c>, <c>told</c>, <c>informed</c>…), then at most a prepositional or
/// "citing" phrase with no other verb, then the final punctuation. The report must have a finite verb of its own.
/// </remarks>
internal static class AttributionTail
{
    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal)
    {
        "learned", "learnt", "reported", "reports", "said", "says", "told", "informed", "informs", "writes", "wrote", "stated", "states",
        "announced", "noted", "notes", "added", "adds", "quoted", "cited", "specified", "clarified",
    };

    private static readonly HashSet<string> SubjectTags = new(StringComparer.Ordinal) { "DT", "NNP", "NNPS", "NN", "NNS", "JJ", "POS", "PRP$", "HYPH" };

    /// <summary>Index of the comma that opens an attribution tail, or -1 when the sentence has none.</summary>
    public static int Find(IReadOnlyList<string> forms, IReadOnlyList<string> xpos)
    {
        var n = forms.Count;
        var end = n > 0 && xpos[n - 1] == "." ? n - 1 : n;
        var comma = -1;
        for (var i = end - 1; i >= 0; i--)
        {
            if (xpos[i] == ",")
            {
                comma = i;
                break;
            }
        }

        if (comma < 3 || end - comma > 16)
        {
            return -1;
        }

        var k = comma + 1;
        var nouns = 0;
        while (k < end && SubjectTags.Contains(xpos[k]) && k - comma <= 8)
        {
            if (xpos[k] is "NNP" or "NNPS" or "NN" or "NNS")
            {
                nouns++;
            }

            k++;
        }

        if (k + 1 < end && forms[k].ToLowerInvariant() is "has" or "have" && xpos[k + 1] == "VBN")
        {
            k++; // "…, BelTA has learned."
        }

        if (nouns == 0 || k >= end || xpos[k] is not ("VBD" or "VBZ" or "VBN") || !ReportingVerbs.Contains(forms[k].ToLowerInvariant()))
        {
            return -1;
        }

        for (var j = k + 1; j < end; j++)
        {
            if ((xpos[j].StartsWith("VB", StringComparison.Ordinal) && !forms[j].Equals("citing", StringComparison.OrdinalIgnoreCase)) || xpos[j] == "MD" || xpos[j] == ",")
            {
                return -1;
            }
        }

        for (var j = 0; j < comma; j++)
        {
            if (xpos[j] is "VBD" or "VBZ" or "VBP" or "MD")
            {
                return comma;
            }
        }

        return -1;
    }

    /// <summary>
    /// Parses the report and the attribution apart and joins them: the attribution's root becomes <c>parataxis</c> of
    /// the report's root, the comma hangs on the attribution, the final punctuation on the report. Heads are 1-based, 0
    /// for the root, as <see cref="DependencyParser.Parse"/> returns them.
    /// </summary>
    public static (int[] Heads, string[] Relations) Parse(DependencyParser parser, string[] forms, string[] xpos, string[] upos, int comma)
    {
        var n = forms.Length;
        var end = xpos[n - 1] == "." ? n - 1 : n;
        // the report is parsed as the sentence it would be with the final punctuation right after it
        var (h1, r1) = parser.Parse([.. forms[..comma], "."], [.. xpos[..comma], "."], [.. upos[..comma], "PUNCT"]);
        var (h2, r2) = parser.Parse(forms[(comma + 1)..end], xpos[(comma + 1)..end], upos[(comma + 1)..end]);
        var heads = new int[n];
        var relations = new string[n];
        var root1 = Array.IndexOf(h1, 0);
        if (root1 == comma)
        {
            root1 = h1[comma] - 1;
        }

        var root2 = comma + 1 + Array.IndexOf(h2, 0);
        for (var i = 0; i < comma; i++)
        {
            heads[i] = h1[i] == comma + 1 ? root1 + 1 : h1[i];
            relations[i] = r1[i];
        }

        for (var j = 0; j < h2.Length; j++)
        {
            var i = comma + 1 + j;
            heads[i] = h2[j] == 0 ? root1 + 1 : h2[j] + comma + 1;
            relations[i] = h2[j] == 0 ? "parataxis" : r2[j];
        }

        heads[comma] = root2 + 1;
        relations[comma] = "punct";
        if (end < n)
        {
            heads[n - 1] = root1 + 1;
            relations[n - 1] = "punct";
        }

        return (heads, relations);
    }
}
