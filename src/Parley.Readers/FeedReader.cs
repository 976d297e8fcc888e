using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Parley.Core;

namespace Parley.Readers;

/// <summary>
/// Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed: one document per <c>item</c>/<c>entry</c>, with its id
/// (<c>guid</c>/<c>id</c>, else the feed file name and the item's 1-based index), title, link, publication
/// time (<c>pubDate</c>, <c>dc:date</c>, Atom <c>published</c> else <c>updated</c>) and text
/// (<c>content:encoded</c>/Atom <c>content</c>, else <c>description</c>/<c>summary</c>; HTML goes through the same
/// paragraph extraction as <see cref="HtmlReader"/>). The XML is parsed without DTD processing or external
/// resolution (XXE-safe). Malformed XML or a feed without items is refused with PRL1009; an item without
/// text gets its own PRL1007 failure while the other items are read. Stateless and thread-safe.
/// </summary>
public sealed partial class FeedReader : IFormatReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <summary>The reader's name; each document's <see cref="DocumentMetadata.Format"/> is <c>rss</c> or <c>atom</c>.</summary>
    public string Format => "rss";

    /// <inheritdoc/>
    public double Sniff(string path, ReadOnlySpan<char> head)
    {
        var start = head.TrimStart();
        var early = start.Length > 2048 ? start[..2048] : start;
        var feedRoot = HasFeedRoot(early);
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && feedRoot)
        {
            return 0.95;
        }

        if (start.StartsWith("<", StringComparison.Ordinal) && FeedRootTag().Match(start.ToString()) is { Success: true, Index: 0 })
        {
            return 0.9;
        }

        var extension = Path.GetExtension(path ?? string.Empty);
        if (extension.Equals(".rss", StringComparison.OrdinalIgnoreCase) || extension.Equals(".atom", StringComparison.OrdinalIgnoreCase))
        {
            return 0.95;
        }

        if (extension.Equals(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return feedRoot ? 0.95 : 0.5;
        }

        return 0;
    }

    /// <summary>True when the text holds an <c>&lt;rss&gt;</c>, <c>&lt;feed&gt;</c> or <c>&lt;rdf:RDF&gt;</c> start tag.</summary>
    internal static bool HasFeedRoot(ReadOnlySpan<char> text) => FeedRootTag().IsMatch(text);

    /// <inheritdoc/>
    public IEnumerable<ReadResult> Read(DecodedInput input, ReaderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        var location = new SourceLocation(input.Path);
        if (Load(input) is not { } xml)
        {
            return [ReadResult.Failure(LoadFailure(input))];
        }

        var root = xml.Root!;
        var isAtom = root.Name == Atom + "feed";
        List<XElement> items;
        string feedTitle;
        string? feedLanguage;
        if (isAtom)
        {
            items = root.Elements(Atom + "entry").ToList();
            feedTitle = PlainTitle(root.Element(Atom + "title")?.Value);
            feedLanguage = Lang(root);
        }
        else if (root.Name.LocalName == "rss" || root.Name == Rdf + "RDF")
        {
            var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
            items = root.Elements().Concat(channel?.Elements() ?? []).Where(e => e.Name.LocalName == "item").ToList();
            feedTitle = PlainTitle(Child(channel, "title")?.Value);
            feedLanguage = Child(channel, "language")?.Value ?? ChildNs(channel, Dc + "language")?.Value ?? Lang(root);
        }
        else
        {
            return [ReadResult.Failure(new Diagnostic(Errors.InvalidFeed,
                $"'{input.Path}' is XML but not an RSS or Atom feed (root element <{root.Name.LocalName}>).", location))];
        }

        if (items.Count == 0)
        {
            return [ReadResult.Failure(new Diagnostic(Errors.InvalidFeed,
                $"Feed '{input.Path}' has no {(isAtom ? "entry" : "item")} elements.", location))];
        }

        return ReadItems(input, items, isAtom, feedTitle, feedLanguage, cancellationToken);
    }

    private static IEnumerable<ReadResult> ReadItems(DecodedInput input, List<XElement> items, bool isAtom, string feedTitle, string? feedLanguage, CancellationToken cancellationToken)
    {
        var stem = HtmlReader.DocumentId(input.Path);
        for (var i = 0; i < items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReadItem(input, items[i], i + 1, isAtom, stem, feedTitle, feedLanguage);
        }
    }

    private static ReadResult ReadItem(DecodedInput input, XElement item, int index, bool isAtom, string stem, string feedTitle, string? feedLanguage)
    {
        var line = ((IXmlLineInfo)item).HasLineInfo() ? ((IXmlLineInfo)item).LineNumber : (int?)null;
        var idValue = isAtom ? ChildNs(item, Atom + "id")?.Value : Child(item, "guid")?.Value ?? item.Attribute(Rdf + "about")?.Value;
        var id = string.IsNullOrWhiteSpace(idValue) ? $"{stem}-{index}" : idValue.Trim();
        var location = new SourceLocation(input.Path, line, id);
        var title = PlainTitle((isAtom ? item.Element(Atom + "title") : Child(item, "title"))?.Value);

        string? link;
        if (isAtom)
        {
            var links = item.Elements(Atom + "link").ToList();
            link = (links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault())?.Attribute("href")?.Value.Trim();
        }
        else
        {
            link = Child(item, "link")?.Value.Trim();
        }

        var warnings = new List<Diagnostic>();
        var (published, missing) = ReadPublished(item, isAtom, location, warnings);
        var (text, paragraphs, removed, how) = ReadText(item, isAtom, title);
        if (paragraphs.Count == 0)
        {
            var label = title.Length > 0 ? $" ('{title}')" : string.Empty;
            return ReadResult.Failure(new Diagnostic(Errors.InvalidRecord,
                $"Feed item {index}{label} in '{input.Path}' has no text ({(isAtom ? "no content or summary" : "no content:encoded or description")} with readable text).",
                location));
        }

        var extra = new List<KeyValuePair<string, string>>();
        if (feedTitle.Length > 0)
        {
            extra.Add(new("feed-title", feedTitle));
        }

        var author = isAtom
            ? item.Element(Atom + "author")?.Element(Atom + "name")?.Value
            : ChildNs(item, Dc + "creator")?.Value ?? Child(item, "author")?.Value;
        if (!string.IsNullOrWhiteSpace(author))
        {
            extra.Add(new("author", HtmlContentExtractor.Collapse(author)));
        }

        foreach (var category in item.Elements().Where(e => e.Name.LocalName == "category"))
        {
            var value = isAtom ? category.Attribute("term")?.Value : category.Value;
            if (!string.IsNullOrWhiteSpace(value))
            {
                extra.Add(new("category", HtmlContentExtractor.Collapse(value)));
            }
        }

        extra.Add(new("text-field", how));

        LanguageDecision? language = null;
        var declared = Lang(item) ?? feedLanguage;
        if (declared is not null && LanguageCode().Match(declared.Trim()) is { Success: true } m)
        {
            language = new LanguageDecision(m.Groups[1].Value.ToLowerInvariant(), 1, LanguageGate.DeclaredMethod);
        }

        var metadata = new DocumentMetadata
        {
            Title = title.Length > 0 ? title : null,
            Url = string.IsNullOrEmpty(link) ? null : link,
            Published = published,
            PublishedMissingReason = published is null ? missing : null,
            Language = language,
            Encoding = input.Encoding,
            Format = isAtom ? "atom" : "rss",
            Origin = location,
            Removed = removed,
            Extra = extra,
        };
        return ReadResult.Success(new Document(id, text, metadata, paragraphs), warnings);
    }

    private static (PublicationTime? Published, string Missing) ReadPublished(XElement item, bool isAtom, SourceLocation location, List<Diagnostic> warnings)
    {
        (XElement? Element, string Origin)[] candidates = isAtom
            ? [(item.Element(Atom + "published"), "Atom published"), (ChildNs(item, Dc + "date"), "dc:date"), (item.Element(Atom + "updated"), "Atom updated (no published)")]
            : [(Child(item, "pubDate"), "RSS pubDate"), (ChildNs(item, Dc + "date"), "dc:date"), (item.Element(Atom + "published"), "Atom published"), (item.Element(Atom + "updated"), "Atom updated (no published)")];
        var unparsed = new List<string>();
        foreach (var (element, origin) in candidates)
        {
            if (element is null || string.IsNullOrWhiteSpace(element.Value))
            {
                continue;
            }

            var raw = element.Value.Trim();
            if (FeedDates.Parse(raw, DateSource.FeedItem, origin) is { } found)
            {
                return (found, string.Empty);
            }

            unparsed.Add($"{origin} '{raw}'");
        }

        if (unparsed.Count > 0)
        {
            var message = "could not parse " + string.Join("; ", unparsed);
            warnings.Add(new Diagnostic(Errors.InvalidDate, $"Publication date {message}.", location));
            return (null, message);
        }

        return (null, isAtom ? "feed entry has no published, dc:date or updated element" : "feed item has no pubDate, dc:date or Atom published/updated element");
    }

    private static (string Text, IReadOnlyList<TextSpan> Paragraphs, IReadOnlyList<RemovedBlock> Removed, string How) ReadText(XElement item, bool isAtom, string title)
    {
        (XElement? Element, string Name)[] fields = isAtom
            ? [(item.Element(Atom + "content"), "content"), (item.Element(Atom + "summary"), "summary")]
            : [(ChildNs(item, Content + "encoded"), "content:encoded"), (Child(item, "description"), "description"), (item.Element(Atom + "content"), "content"), (item.Element(Atom + "summary"), "summary")];
        foreach (var (element, name) in fields)
        {
            if (element is null)
            {
                continue;
            }

            var type = ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant();
            HtmlContent content;
            if (element.Name.Namespace == Atom && type == "xhtml")
            {
                var inner = element.Elements().FirstOrDefault() ?? element;
                content = FromHtml(string.Concat(inner.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))));
            }
            else if (element.Name.Namespace == Atom && (type is null or "text" or "text/plain"))
            {
                content = FromPlainText(element.Value);
            }
            else
            {
                var value = element.Value;
                if (!value.Contains('<', StringComparison.Ordinal) && value.Contains("&lt;", StringComparison.OrdinalIgnoreCase))
                {
                    value = WebUtility.HtmlDecode(value); // HTML escaped twice
                }

                content = value.Contains('<', StringComparison.Ordinal) ? FromHtml(value) : FromPlainText(WebUtility.HtmlDecode(value));
            }

            content = HtmlContentExtractor.WithoutTitle(content, title);
            if (content.Paragraphs.Count > 0)
            {
                return (content.Text, content.Paragraphs, content.Removed, name);
            }
        }

        return (string.Empty, [], [], "none");
    }

    private static HtmlContent FromHtml(string html) =>
        HtmlContentExtractor.ExtractFragment(new HtmlParser().ParseDocument(html));

    /// <summary>Plain text: blank lines separate paragraphs; white space inside a paragraph is collapsed.</summary>
    private static HtmlContent FromPlainText(string value)
    {
        var text = new StringBuilder();
        var spans = new List<TextSpan>();
        foreach (var part in BlankLine().Split(value))
        {
            var paragraph = HtmlContentExtractor.Collapse(part);
            if (paragraph.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            spans.Add(TextSpan.FromLength(text.Length, paragraph.Length));
            text.Append(paragraph);
        }

        return new HtmlContent(text.ToString(), spans, [], "plain text");
    }

    private static string PlainTitle(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        if (value.Contains('<', StringComparison.Ordinal) || value.Contains('&', StringComparison.Ordinal))
        {
            var document = new HtmlParser().ParseDocument("<body>" + value + "</body>");
            return HtmlContentExtractor.Collapse(document.Body?.TextContent ?? value);
        }

        return HtmlContentExtractor.Collapse(value);
    }

    /// <summary>A child in no namespace or the RSS 1.0 namespace (RSS 0.9x/2.0/1.0 elements).</summary>
    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName && (e.Name.Namespace == XNamespace.None || e.Name.Namespace == Rss1));

    private static XElement? ChildNs(XElement? parent, XName name) => parent?.Element(name);

    private static string? Lang(XElement element) =>
        element.AncestorsAndSelf().Select(e => (string?)e.Attribute(XNamespace.Xml + "lang")).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static XDocument? Load(DecodedInput input) => TryLoad(input.Text, out _) ?? TryLoad(NumericEntities(input.Text), out _);

    private static Diagnostic LoadFailure(DecodedInput input)
    {
        TryLoad(NumericEntities(input.Text), out var error);
        var line = error?.LineNumber is > 0 ? error.LineNumber : (int?)null;
        var where = line is null ? string.Empty : $" at line {line}";
        return new Diagnostic(Errors.InvalidFeed,
            $"Feed '{input.Path}' is not well-formed XML{where}: {error?.Message ?? "no root element"}",
            new SourceLocation(input.Path, line));
    }

    /// <summary>Parses XML with DTDs ignored and no resolver, so external entities are never fetched (XXE-safe).</summary>
    private static XDocument? TryLoad(string text, out XmlException? error)
    {
        error = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1_000_000,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            return document.Root is null ? null : document;
        }
        catch (XmlException ex)
        {
            error = ex;
            return null;
        }
    }

    /// <summary>Feeds often use HTML named entities (<c>&amp;nbsp;</c>) that XML does not declare; they become numeric references.</summary>
    private static string NumericEntities(string text) =>
        NamedEntity().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                return m.Value;
            }

            var decoded = WebUtility.HtmlDecode(m.Value);
            return decoded == m.Value ? "&amp;" + name + ";" : string.Concat(decoded.EnumerateRunes().Select(r => "&#" + r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";"));
        });

    [GeneratedRegex(@"<(?:rss|feed|rdf:RDF)[\s>/]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FeedRootTag();

    [GeneratedRegex(@"&([A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.CultureInvariant)]
    private static partial Regex NamedEntity();

    [GeneratedRegex(@"\r?\n[ \t\u00A0]*\r?\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
