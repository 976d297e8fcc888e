using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Parley.Core;

namespace Parley.Time;

/// <summary>A TIMEX3 annotation of a TimeML file: its extent in the tag-free TEXT and its attributes.</summary>
/// <param name="Span">Characters in <see cref="TimeMlDocument.Text"/>.</param>
/// <param name="Type">TimeML type.</param>
/// <param name="Value">TimeML value (empty when absent).</param>
/// <param name="Mod">TimeML mod, or null.</param>
public sealed record TimeMlTimex(TextSpan Span, string Type, string Value, string? Mod);

/// <summary>
/// A TempEval-3 TimeML document (<c>.tml</c>): its id, the document creation time (the TIMEX3 with
/// <c>functionInDocument="CREATION_TIME"</c>), the TEXT with every tag stripped and entities decoded, and the
/// TIMEX3 annotations of the TEXT as character spans of that tag-free text.
/// </summary>
/// <param name="Id">The DOCID (or the file name).</param>
/// <param name="Dct">The DCT's value (<c>1998-01-08</c>, <c>1998-02-06T22:19:00</c>), or null.</param>
/// <param name="Text">The content of TEXT without tags.</param>
/// <param name="Timexes">The TIMEX3 annotations inside TEXT (the DCT is not among them).</param>
public sealed partial record TimeMlDocument(string Id, string? Dct, string Text, IReadOnlyList<TimeMlTimex> Timexes)
{
    /// <summary>Parses a TimeML file's content.</summary>
    /// <exception cref="ParleyException">PRL1014 when there is no TEXT element or a tag is not closed.</exception>
    public static TimeMlDocument Parse(string content, string path)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = DocId().Match(content) is { Success: true } d ? d.Groups[1].Value.Trim() : Path.GetFileNameWithoutExtension(path);
        string? dct = null;
        foreach (Match t in TimexTag().Matches(content))
        {
            var attrs = Attributes(t.Groups[1].Value);
            if (attrs.TryGetValue("functionInDocument", out var f) && f == "CREATION_TIME" && attrs.TryGetValue("value", out var v))
            {
                dct = v;
                break;
            }
        }

        var open = content.IndexOf("<TEXT>", StringComparison.Ordinal);
        var close = content.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            throw new ParleyException(Errors.InvalidAnnotatedInput, "no <TEXT> element", new SourceLocation(path));
        }

        var body = content[(open + "<TEXT>".Length)..close];
        var text = new StringBuilder(body.Length);
        var timexes = new List<TimeMlTimex>();
        var stack = new Stack<(int Start, Dictionary<string, string> Attrs)>();
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c == '<')
            {
                var end = body.IndexOf('>', i);
                if (end < 0)
                {
                    throw new ParleyException(Errors.InvalidAnnotatedInput, "unclosed tag in TEXT", new SourceLocation(path, LineOf(content, open + i)));
                }

                var tag = body[(i + 1)..end];
                if (tag.StartsWith("TIMEX3", StringComparison.Ordinal))
                {
                    var attrs = Attributes(tag);
                    if (tag.EndsWith('/'))
                    {
                        // an empty TIMEX3 has no extent
                    }
                    else
                    {
                        stack.Push((text.Length, attrs));
                    }
                }
                else if (tag == "/TIMEX3")
                {
                    if (stack.Count == 0)
                    {
                        throw new ParleyException(Errors.InvalidAnnotatedInput, "</TIMEX3> without an opening tag", new SourceLocation(path, LineOf(content, open + i)));
                    }

                    var (start, a) = stack.Pop();
                    timexes.Add(new TimeMlTimex(
                        new TextSpan(start, text.Length),
                        a.GetValueOrDefault("type", "DATE"),
                        a.GetValueOrDefault("value", string.Empty),
                        a.GetValueOrDefault("mod")));
                }

                i = end + 1;
            }
            else if (c == '&')
            {
                var semi = body.IndexOf(';', i);
                if (semi > i && semi - i <= 10)
                {
                    text.Append(WebUtility.HtmlDecode(body[i..(semi + 1)]));
                    i = semi + 1;
                }
                else
                {
                    text.Append(c);
                    i++;
                }
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        timexes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new TimeMlDocument(id, dct, text.ToString(), timexes);
    }

    /// <summary>Reads a <c>.tml</c> file.</summary>
    public static TimeMlDocument Read(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>The DCT as a publication time (source: the TimeML file's creation time), or null.</summary>
    public PublicationTime? DctAsPublicationTime() => ParseDct(Dct, DateSource.Override);

    /// <summary>Parses a TimeML or ISO value (<c>2022-09-16</c>, <c>2022-09-16T10:12</c>, <c>19980108</c>) into a publication time.</summary>
    public static PublicationTime? ParseDct(string? value, DateSource source)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var m = DctValue().Match(value.Trim());
        if (!m.Success)
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        var y = int.Parse(m.Groups[1].Value, inv);
        var mo = int.Parse(m.Groups[2].Value, inv);
        var d = int.Parse(m.Groups[3].Value, inv);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return null;
        }

        TimeOnly? time = null;
        var precision = DatePrecision.Day;
        if (m.Groups[4].Success)
        {
            var h = int.Parse(m.Groups[4].Value, inv);
            var mi = int.Parse(m.Groups[5].Value, inv);
            var s = m.Groups[6].Success ? int.Parse(m.Groups[6].Value, inv) : 0;
            if (h < 24 && mi < 60 && s < 60)
            {
                time = new TimeOnly(h, mi, s);
                precision = m.Groups[6].Success ? DatePrecision.Second : DatePrecision.Minute;
            }
        }

        return new PublicationTime(new DateOnly(y, mo, d), time, null, precision, source, value, "TimeML/ISO value");
    }

    /// <summary>
    /// Writes TimeML in the TempEval-3 layout: DOCID, DCT (a TIMEX3 <c>t0</c> with <c>functionInDocument="CREATION_TIME"</c>)
    /// and TEXT with inline TIMEX3 elements (tid, type, value, mod).
    /// </summary>
    public static void Write(TextWriter output, string id, string text, string? dct, IReadOnlyList<Timex> timexes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(timexes);
        output.Write("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n");
        output.Write("<DOCID>" + Escape(id) + "</DOCID>\n\n");
        if (dct is not null)
        {
            var type = dct.Contains('T', StringComparison.Ordinal) ? "TIME" : "DATE";
            output.Write($"<DCT><TIMEX3 tid=\"t0\" type=\"{type}\" value=\"{Escape(dct)}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{Escape(dct)}</TIMEX3></DCT>\n\n");
        }

        output.Write("<TEXT>");
        var pos = 0;
        var tid = 1;
        foreach (var t in timexes)
        {
            if (t.Span.Start < pos)
            {
                continue;
            }

            output.Write(Escape(text[pos..t.Span.Start]));
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"<TIMEX3 tid=\"t{tid++}\" type=\"{t.Type}\" value=\"{Escape(t.Value ?? string.Empty)}\"");
            if (t.Mod is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $" mod=\"{t.Mod}\"");
            }

            if (t.Quant is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $" quant=\"{t.Quant}\"");
            }

            sb.Append('>');
            output.Write(sb.ToString());
            output.Write(Escape(text[t.Span.Start..t.Span.End]));
            output.Write("</TIMEX3>");
            pos = t.Span.End;
        }

        output.Write(Escape(text[pos..]));
        output.Write("</TEXT>\n\n</TimeML>\n");
    }

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static int LineOf(string content, int offset) => content.AsSpan(0, Math.Min(offset, content.Length)).Count('\n') + 1;

    private static Dictionary<string, string> Attributes(string tag)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match a in Attribute().Matches(tag))
        {
            result[a.Groups[1].Value] = WebUtility.HtmlDecode(a.Groups[2].Value);
        }

        return result;
    }

    [GeneratedRegex(@"<DOCID>([^<]*)</DOCID>", RegexOptions.CultureInvariant)]
    private static partial Regex DocId();

    [GeneratedRegex(@"<TIMEX3\b([^>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex TimexTag();

    [GeneratedRegex(@"(\w+)=""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?)?", RegexOptions.CultureInvariant)]
    private static partial Regex DctValue();
}
