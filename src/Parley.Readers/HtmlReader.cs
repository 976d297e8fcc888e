using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Parley.Core;

namespace Parley.Readers;

/// <summary>
/// Reads an HTML page into one document: the article text without menus, banners, related-link lists,
/// scripts and forms (captions and credits are kept in <see cref="DocumentMetadata.Removed"/>), the title,
/// the publication time (meta tags, then JSON-LD <c>datePublished</c>, then <c>&lt;time datetime&gt;</c>),
/// the canonical URL and the declared language. A truncated page is read as far as it goes with a PRL1013
/// warning; a page without readable text is refused with PRL1008. Stateless and thread-safe.
/// </summary>
public sealed partial class HtmlReader : IFormatReader
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " : "];

    /// <inheritdoc/>
    public string Format => "html";

    /// <inheritdoc/>
    public double Sniff(string path, ReadOnlySpan<char> head)
    {
        var start = head.TrimStart();
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && FeedReader.HasFeedRoot(start.Length > 2048 ? start[..2048] : start))
        {
            return 0.05;
        }

        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return 0.95;
        }

        var extension = Path.GetExtension(path ?? string.Empty);
        if (extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".xhtml", StringComparison.OrdinalIgnoreCase))
        {
            return 0.9;
        }

        var early = start.Length > 2048 ? start[..2048] : start;
        if (early.StartsWith("<", StringComparison.Ordinal)
            && (early.Contains("<body", StringComparison.OrdinalIgnoreCase) || early.Contains("<p>", StringComparison.OrdinalIgnoreCase)
                || early.Contains("<head", StringComparison.OrdinalIgnoreCase)))
        {
            return 0.7;
        }

        return early.Contains("<body", StringComparison.OrdinalIgnoreCase) || early.Contains("<p>", StringComparison.OrdinalIgnoreCase) ? 0.5 : 0;
    }

    /// <inheritdoc/>
    public IEnumerable<ReadResult> Read(DecodedInput input, ReaderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        return [ReadPage(input)];
    }

    /// <summary>The id of a document read from <paramref name="path"/>: the file name without extension, <c>stdin-1</c> for <c>-</c>.</summary>
    internal static string DocumentId(string path)
    {
        if (path == "-")
        {
            return "stdin-1";
        }

        var name = Path.GetFileNameWithoutExtension(path);
        return string.IsNullOrWhiteSpace(name) ? "document" : name;
    }

    private static ReadResult ReadPage(DecodedInput input)
    {
        var location = new SourceLocation(input.Path);
        var parser = new HtmlParser();
        var document = parser.ParseDocument(input.Text);
        var metadata = ReadMetadata(document, input);
        var warnings = new List<Diagnostic>(metadata.Warnings);

        var content = HtmlContentExtractor.ExtractPage(document);
        var extraction = content.Container;
        if (content.Paragraphs.Count == 0 && content.LargestRemovedProse >= 200)
        {
            // Layout classes can look like furniture ("content-with-sidebar"); retry removing only nav/header/footer/aside.
            content = HtmlContentExtractor.ExtractPage(parser.ParseDocument(input.Text), strict: false);
            extraction = content.Container + " (lenient: furniture removed by element name only)";
        }

        var truncated = LooksTruncated(input.Text);
        if (content.Paragraphs.Count == 0)
        {
            var also = truncated is null ? string.Empty : $"; the input also looks truncated ({truncated})";
            return ReadResult.Failure(new Diagnostic(
                Errors.InvalidHtml,
                $"HTML page '{input.Path}' holds no readable article text (after removing menus, banners, scripts and forms nothing was left{also}).",
                location));
        }

        content = HtmlContentExtractor.WithoutTitle(content, metadata.Title);

        if (truncated is { } why)
        {
            warnings.Add(new Diagnostic(Errors.TruncatedHtml, $"HTML page '{input.Path}' appears truncated ({why}); the readable part was kept.", location));
        }

        var extra = new List<KeyValuePair<string, string>>(metadata.Extra) { new("extraction", extraction) };
        var meta = new DocumentMetadata
        {
            Title = metadata.Title,
            Url = metadata.Url,
            Published = metadata.Published,
            PublishedMissingReason = metadata.Published is null ? metadata.MissingReason : null,
            Language = metadata.Language,
            Encoding = input.Encoding,
            Format = "html",
            Origin = location,
            Removed = content.Removed,
            Extra = extra,
        };
        return ReadResult.Success(new Parley.Core.Document(DocumentId(input.Path), content.Text, meta, content.Paragraphs), warnings);
    }

    /// <summary>Why the page looks cut off, or null.</summary>
    internal static string? LooksTruncated(string html)
    {
        var trimmed = html.AsSpan().TrimEnd();
        if (trimmed.LastIndexOf('<') > trimmed.LastIndexOf('>'))
        {
            return "it ends inside a tag";
        }

        if (OpeningTag().IsMatch(html) && !html.Contains("</html", StringComparison.OrdinalIgnoreCase)
            && !html.Contains("</body", StringComparison.OrdinalIgnoreCase))
        {
            return "no closing </body> or </html> tag";
        }

        return null;
    }

    private sealed record PageMetadata(
        string? Title,
        string? Url,
        PublicationTime? Published,
        string MissingReason,
        LanguageDecision? Language,
        IReadOnlyList<KeyValuePair<string, string>> Extra,
        IReadOnlyList<Diagnostic> Warnings);

    /// <summary>Metadata is read from the untouched page, before any boilerplate is removed.</summary>
    private static PageMetadata ReadMetadata(IDocument document, DecodedInput input)
    {
        var metas = new List<(string Key, string Value)>();
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var value = meta.GetAttribute("content");
            if (value is null)
            {
                continue;
            }

            foreach (var attribute in new[] { "property", "name", "itemprop", "http-equiv" })
            {
                if (meta.GetAttribute(attribute) is { Length: > 0 } key)
                {
                    metas.Add((key.Trim().ToLowerInvariant(), value.Trim()));
                }
            }
        }

        string? Meta(params string[] keys) =>
            keys.Select(k => metas.FirstOrDefault(m => m.Key == k && m.Value.Length > 0).Value).FirstOrDefault(v => v is not null);

        var extra = new List<KeyValuePair<string, string>>();
        var siteName = Meta("og:site_name", "application-name");
        AddExtra(extra, "site-name", siteName);
        AddExtra(extra, "author", Meta("author", "article:author", "dc.creator"));
        AddExtra(extra, "modified", Meta("article:modified_time", "datemodified", "og:updated_time"));

        var article = document.QuerySelector("[itemprop=articleBody]") ?? document.QuerySelector("article") ?? document.QuerySelector("main");
        var title = ReadTitle(document, article, siteName, Meta("og:title"));

        var url = document.QuerySelectorAll("link")
            .FirstOrDefault(l => (l.GetAttribute("rel") ?? string.Empty).Split(' ').Contains("canonical", StringComparer.OrdinalIgnoreCase)
                && !string.IsNullOrWhiteSpace(l.GetAttribute("href")))
            ?.GetAttribute("href")?.Trim() ?? Meta("og:url");
        // (On Unix "/en/news/1" parses as an absolute file: URI, so "absolute" means http or https here.)
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            && Meta("og:url") is { } ogUrl && Uri.TryCreate(ogUrl, UriKind.Absolute, out var baseUri)
            && Uri.TryCreate(baseUri, url, out var resolved))
        {
            url = resolved.ToString(); // a relative canonical link, resolved against og:url
        }

        LanguageDecision? language = null;
        foreach (var declared in new[] { document.DocumentElement?.GetAttribute("lang"), document.DocumentElement?.GetAttribute("xml:lang"), Meta("og:locale"), Meta("content-language") })
        {
            if (declared is not null && LanguageCode().Match(declared.Trim()) is { Success: true } m)
            {
                language = new LanguageDecision(m.Groups[1].Value.ToLowerInvariant(), 1, LanguageGate.DeclaredMethod);
                break;
            }
        }

        var warnings = new List<Diagnostic>();
        var (published, missing) = ReadPublished(document, article, metas, input, warnings);
        return new PageMetadata(title, url, published, missing, language, extra, warnings);
    }

    private static void AddExtra(List<KeyValuePair<string, string>> extra, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            extra.Add(new(key, HtmlContentExtractor.Collapse(value)));
        }
    }

    private static string? ReadTitle(IDocument document, IElement? article, string? siteName, string? ogTitle)
    {
        if (!string.IsNullOrWhiteSpace(ogTitle))
        {
            return StripSiteName(HtmlContentExtractor.Collapse(ogTitle), siteName, _ => false);
        }

        var h1 = article?.QuerySelector("h1") is { } a && HtmlContentExtractor.Collapse(a.TextContent) is { Length: > 0 } at ? at : null;
        if (h1 is not null)
        {
            return h1;
        }

        var titleText = document.QuerySelector("title")?.TextContent is { } t ? HtmlContentExtractor.Collapse(t) : string.Empty;
        if (titleText.Length > 0)
        {
            // "Repeats across the page": the segment is the whole text of some small element (a logo link),
            // an image's alt text, or part of the text of page furniture (header, footer, menus). Computed only when asked.
            var siteTexts = new Lazy<(HashSet<string> Exact, List<string> Furniture)>(() => SiteTexts(document));
            return StripSiteName(titleText, siteName, segment =>
                siteTexts.Value.Exact.Contains(segment) || siteTexts.Value.Furniture.Any(f => f.Contains(segment, StringComparison.OrdinalIgnoreCase)));
        }

        return document.QuerySelectorAll("h1").Select(e => HtmlContentExtractor.Collapse(e.TextContent)).FirstOrDefault(s => s.Length > 0);
    }

    private static (HashSet<string> Exact, List<string> Furniture) SiteTexts(IDocument document)
    {
        var exact = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var furniture = new List<string>();
        foreach (var element in document.Body?.Descendants<IElement>() ?? [])
        {
            if (element.ChildElementCount <= 2 && HtmlContentExtractor.Collapse(element.TextContent) is { Length: > 0 and < 100 } text)
            {
                exact.Add(text);
            }

            if (element.GetAttribute("alt") is { Length: > 0 } alt)
            {
                exact.Add(HtmlContentExtractor.Collapse(alt));
            }

            if (HtmlContentExtractor.FurnitureReason(element) is not null
                && !(element.ParentElement is { } parent && HtmlContentExtractor.FurnitureReason(parent) is not null))
            {
                furniture.Add(HtmlContentExtractor.Collapse(element.TextContent));
            }
        }

        return (exact, furniture);
    }

    /// <summary>
    /// Strips a site name from "Headline | Site" (or "Site | Headline") when it equals <paramref name="siteName"/>,
    /// or, for a suffix, when <paramref name="repeatsOnPage"/> says it appears elsewhere on the page.
    /// </summary>
    internal static string StripSiteName(string title, string? siteName, Func<string, bool> repeatsOnPage)
    {
        foreach (var separator in TitleSeparators)
        {
            var last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last > 0)
            {
                var suffix = title[(last + separator.Length)..].Trim();
                var head = title[..last].Trim();
                if (head.Length > 0 && suffix.Length >= 2
                    && (string.Equals(suffix, siteName?.Trim(), StringComparison.OrdinalIgnoreCase) || repeatsOnPage(suffix)))
                {
                    return head;
                }
            }

            var first = title.IndexOf(separator, StringComparison.Ordinal);
            if (first > 0 && siteName is not null)
            {
                var prefix = title[..first].Trim();
                var rest = title[(first + separator.Length)..].Trim();
                if (rest.Length > 0 && string.Equals(prefix, siteName.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return rest;
                }
            }
        }

        return title;
    }

    private static (PublicationTime? Published, string MissingReason) ReadPublished(
        IDocument document, IElement? article, List<(string Key, string Value)> metas, DecodedInput input, List<Diagnostic> warnings)
    {
        var unparsed = new List<string>();

        PublicationTime? Try(string? raw, DateSource source, string origin)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }

            var parsed = FeedDates.Parse(raw.Trim(), source, origin);
            if (parsed is null)
            {
                unparsed.Add($"{origin} '{raw.Trim()}'");
            }

            return parsed;
        }

        // 1. Meta tags, in order of reliability.
        string[] metaKeys = ["article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "sailthru.date"];
        foreach (var key in metaKeys)
        {
            foreach (var meta in metas.Where(m => m.Key == key))
            {
                if (Try(meta.Value, DateSource.MetaTag, "meta " + key) is { } found)
                {
                    return (found, string.Empty);
                }
            }
        }

        foreach (var element in document.QuerySelectorAll("[itemprop=datePublished]").Where(e => e.LocalName != "meta"))
        {
            var raw = element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? element.TextContent;
            if (Try(raw, DateSource.MetaTag, "itemprop datePublished on <" + element.LocalName + ">") is { } found)
            {
                return (found, string.Empty);
            }
        }

        // 2. JSON-LD datePublished, preferring article-typed objects.
        var jsonBlocks = document.QuerySelectorAll("script")
            .Where(s => string.Equals(s.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var jsonCandidates = new List<(string Value, bool IsArticle, string Type)>();
        foreach (var script in jsonBlocks)
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                CollectDatePublished(json.RootElement, jsonCandidates, 0);
            }
            catch (JsonException)
            {
                unparsed.Add("JSON-LD block that is not valid JSON");
            }
        }

        foreach (var (value, _, type) in jsonCandidates.OrderByDescending(c => c.IsArticle))
        {
            if (Try(value, DateSource.JsonLd, "JSON-LD datePublished" + (type.Length > 0 ? " of " + type : string.Empty)) is { } found)
            {
                return (found, string.Empty);
            }
        }

        // 3. <time datetime>, inside the article first, never inside menus or related-news lists.
        var times = document.QuerySelectorAll("time[datetime]").ToList();
        var pageLength = document.Body is { } body ? HtmlContentExtractor.TextLength(body) : 0;
        var ordered = times.Where(t => article is not null && HtmlContentExtractor.Within(t, article) && !InFurniture(t, pageLength))
            .Select(t => (Time: t, Where: "in the article"))
            .Concat(times.Where(t => !InFurniture(t, pageLength)).Select(t => (Time: t, Where: "in the page")));
        foreach (var (time, where) in ordered)
        {
            if (Try(time.GetAttribute("datetime"), DateSource.TimeElement, "<time datetime> " + where) is { } found)
            {
                return (found, string.Empty);
            }
        }

        // 4. The text of a <time> element without datetime, in the article, when it is an unambiguous date
        // ("12 March 2024", "2024-03-12"); all-numeric day/month text is left to the plain-text date rules.
        var textTimes = article is null ? [] : article.QuerySelectorAll("time:not([datetime])").Where(t => !InFurniture(t, pageLength)).ToList();
        foreach (var time in textTimes)
        {
            var raw = HtmlContentExtractor.Collapse(time.TextContent);
            if (raw.Length > 0 && FeedDates.Parse(raw, DateSource.TimeElement, "<time> text in the article") is { } found)
            {
                return (found, string.Empty);
            }
        }

        var reason = $"no publication time found; tried meta tags ({string.Join(", ", metaKeys)}, itemprop=datePublished), " +
            $"JSON-LD datePublished ({jsonBlocks.Count} block(s)), <time datetime> ({times.Count} element(s)), <time> text ({textTimes.Count} element(s))";
        if (unparsed.Count > 0)
        {
            reason += "; could not parse: " + string.Join("; ", unparsed);
            warnings.Add(new Diagnostic(Errors.InvalidDate, $"Publication date could not be parsed: {string.Join("; ", unparsed)}.", new SourceLocation(input.Path)));
        }

        return (null, reason);
    }

    /// <summary>True when the element sits in page furniture the extractor removes (menus, related news, sidebars).</summary>
    private static bool InFurniture(IElement element, int pageLength)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (HtmlContentExtractor.IsRemovableFurniture(parent, pageLength))
            {
                return true;
            }
        }

        return false;
    }

    private static void CollectDatePublished(JsonElement element, List<(string Value, bool IsArticle, string Type)> found, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectDatePublished(item, found, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var type = element.TryGetProperty("@type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? string.Join(",", t.EnumerateArray().Select(x => x.ToString())) : t.ToString()
            : string.Empty;
        if (element.TryGetProperty("datePublished", out var date))
        {
            var value = date.ValueKind == JsonValueKind.Array ? date.EnumerateArray().FirstOrDefault() : date;
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s)
            {
                var isArticle = ArticleType().IsMatch(type);
                found.Add((s, isArticle, type));
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                CollectDatePublished(property.Value, found, depth + 1);
            }
        }
    }

    [GeneratedRegex(@"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"<(?:html|body)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OpeningTag();

    [GeneratedRegex(@"Article|BlogPosting|Report|PressRelease|Posting", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleType();
}
