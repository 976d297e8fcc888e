using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Parley.Core;

namespace Parley.Readers;

/// <summary>The body text found in an HTML page or fragment.</summary>
/// <param name="Text">Paragraphs joined by blank lines.</param>
/// <param name="Paragraphs">Spans of the paragraphs in <paramref name="Text"/>.</param>
/// <param name="Removed">Captions, credits and header lines kept out of the text.</param>
/// <param name="Container">How the article container was chosen.</param>
internal sealed record HtmlContent(string Text, IReadOnlyList<TextSpan> Paragraphs, IReadOnlyList<RemovedBlock> Removed, string Container)
{
    /// <summary>Length of the largest non-link text removed as furniture by class, id or role (a hint that a layout class was misread).</summary>
    public int LargestRemovedProse { get; init; }
}

/// <summary>
/// Extracts the main text of an HTML document as paragraphs, without menus, banners, related-link lists,
/// scripts and forms; captions and credits go to <see cref="HtmlContent.Removed"/>. Shared by
/// <see cref="HtmlReader"/> (whole pages) and <see cref="FeedReader"/> (item HTML). The document passed in
/// is modified (boilerplate is removed from it).
/// </summary>
internal static partial class HtmlContentExtractor
{
    private const char Break = '\uE000';

    /// <summary>Elements never holding article text.</summary>
    private static readonly HashSet<string> JunkTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "form", "iframe", "button", "select", "input", "textarea",
        "object", "embed", "canvas", "video", "audio", "map", "dialog", "link", "meta", "title", "head", "math",
    };

    /// <summary>Page furniture by element name.</summary>
    private static readonly HashSet<string> FurnitureTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "header", "footer", "aside", "menu",
    };

    /// <summary>Roles of page furniture.</summary>
    private static readonly HashSet<string> FurnitureRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alertdialog",
    };

    /// <summary>Class/id words that mark furniture when they appear anywhere in a token (long, unambiguous).</summary>
    private static readonly string[] FurnitureSubstrings =
    [
        "menu", "breadcrumb", "sidebar", "cookie", "consent", "newsletter", "subscribe", "advert", "pagination",
        "navbar", "navigation", "social", "share", "sharing", "gdpr", "popup", "modal", "skiplink", "skip-link",
        "widget-area", "widget_",
    ];

    /// <summary>Class/id words that mark furniture when they are a whole hyphen/underscore-separated part of a token.</summary>
    private static readonly HashSet<string> FurnitureParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "related", "banner", "comments", "comment", "ad", "ads", "adv", "promo", "promotion", "tags", "tag",
        "pager", "toolbar", "footer", "header", "masthead", "topbar", "print", "rss", "login",
        "search", "teaser", "teasers", "recommended", "trending", "popular", "outbrain", "taboola",
    };

    /// <summary>Block-level elements: they end the current paragraph.</summary>
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "header",
        "footer", "address", "hr", "center", "body", "html", "fieldset", "details", "summary", "nav", "aside",
    };

    /// <summary>Class/id tokens of content containers, most specific first.</summary>
    private static readonly string[] ContentClasses =
    [
        "article-body", "articlebody", "article__body", "article-content", "article__content", "article-text",
        "article_text", "articletext", "entry-content", "post-content", "post-body", "post-entry", "news-text",
        "news-content", "news-body", "news_text", "newstext", "story-body", "story-content", "field-body",
        "field--name-body", "field-name-body", "node-content", "node__content", "text-content", "body-text",
        "content-body", "press-release", "release-body", "rich-text", "richtext", "page-content", "main-content",
        "maincontent", "single-content", "td-post-content", "itemfulltext", "item-page", "govspeak", "read__text",
        "full-text", "fulltext", "body-copy", "articlebodytext", "storytext",
    ];

    /// <summary>A caption or credit found by class is at most this long; a longer block with such a class is a wrapper.</summary>
    private const int MaxCaptionLength = 500;

    private static readonly string[] GenericContentClasses = ["content", "main", "text", "body", "article"];

    /// <summary>Extracts the article text of a whole page.</summary>
    /// <param name="document">The parsed page; it is modified.</param>
    /// <param name="strict">True to remove furniture by class, id and role too; false removes only by element name (a fallback for pages whose layout classes look like furniture).</param>
    public static HtmlContent ExtractPage(IDocument document, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = document.Body ?? document.DocumentElement;
        RemoveJunk(body);
        var largestRemoved = RemoveFurniture(body, strict);

        // Captions of a lead image often sit outside the body container: record them page-wide.
        var captions = new List<RemovedBlock>();
        RemoveCaptions(body, captions);
        var (container, how) = ChooseContainer(body);
        var result = ExtractFrom(container, how, LeadParagraphs(container), page: true);
        if (result.Paragraphs.Count == 0 && container != body)
        {
            result = ExtractFrom(body, "body (the chosen container held no text)", [], page: true);
        }

        return result with { Removed = [.. captions, .. result.Removed], LargestRemovedProse = largestRemoved };
    }

    /// <summary>Extracts the text of an HTML fragment (a feed item's content): the whole body is the container.</summary>
    /// <param name="document">The parsed fragment; it is modified.</param>
    public static HtmlContent ExtractFragment(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = document.Body ?? document.DocumentElement;
        RemoveJunk(body);
        RemoveFurniture(body, strict: true);
        return ExtractFrom(body, "fragment", [], page: false);
    }

    /// <summary>Collapses white space (including no-break spaces) to single spaces and trims.</summary>
    public static string Collapse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WhiteSpace().Replace(text, " ").Trim();
    }

    /// <summary>
    /// Removes the title-repeating first paragraph (an <c>h2</c> headline at the top of the body, or a feed item
    /// that opens with its own title) and records it.
    /// </summary>
    public static HtmlContent WithoutTitle(HtmlContent content, string? title)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(title) || content.Paragraphs.Count < 2)
        {
            return content;
        }

        var first = content.Paragraphs[0].Slice(content.Text);
        if (!string.Equals(first, Collapse(title), StringComparison.OrdinalIgnoreCase))
        {
            return content;
        }

        var cut = content.Paragraphs[1].Start;
        return content with
        {
            Text = content.Text[cut..],
            Paragraphs = content.Paragraphs.Skip(1).Select(p => new TextSpan(p.Start - cut, p.End - cut)).ToList(),
            Removed = [.. content.Removed, new RemovedBlock("header", first, "first paragraph repeats the title")],
        };
    }

    /// <summary>
    /// A standfirst or lead paragraph often sits in the article's header, before the body container:
    /// substantial, link-poor <c>p</c> elements of the enclosing <c>article</c> that precede the container.
    /// </summary>
    private static List<IElement> LeadParagraphs(IElement container)
    {
        var article = Ancestor(container.ParentElement, "article");
        if (article is null)
        {
            return [];
        }

        var leads = new List<IElement>();
        foreach (var p in article.QuerySelectorAll("p"))
        {
            if (Within(p, container) || !p.CompareDocumentPosition(container).HasFlag(DocumentPositions.Following)
                || Ancestor(p, "figure") is not null || TextLength(p) < 40 || LinkDensity(p) >= 0.3
                || CreditLine().IsMatch(Collapse(p.TextContent)))
            {
                continue;
            }

            var metaLike = false;
            for (var e = p; e is not null && e != article; e = e.ParentElement)
            {
                metaLike |= ClassAndId(e).Any(t => MetaToken().IsMatch(t) || t.Contains("caption", StringComparison.OrdinalIgnoreCase)
                    || t.Contains("credit", StringComparison.OrdinalIgnoreCase));
            }

            if (!metaLike)
            {
                leads.Add(p);
            }
        }

        return leads;
    }

    private static HtmlContent ExtractFrom(IElement container, string how, List<IElement> leads, bool page)
    {
        var removed = new List<RemovedBlock>();
        RemoveCaptions(container, removed);
        RemoveDateLines(container, removed);
        RemoveLinkLists(container);
        if (page)
        {
            // On a page the h1 is the headline: metadata, not body. It is recorded, not lost.
            foreach (var h1 in container.QuerySelectorAll("h1").ToList())
            {
                if (Collapse(h1.TextContent) is { Length: > 0 } headline)
                {
                    removed.Add(new RemovedBlock("header", headline, "h1 headline (the title is in the metadata)"));
                }

                h1.Remove();
            }
        }

        var paragraphs = new List<string>();
        var buffer = new StringBuilder();
        foreach (var lead in leads)
        {
            Walk(lead, buffer, paragraphs);
            Flush(buffer, paragraphs);
        }

        var leadCount = paragraphs.Count;
        Walk(container, buffer, paragraphs);
        Flush(buffer, paragraphs);

        // A lead that the body repeats (a summary of the first paragraph) is dropped.
        var body = paragraphs.Skip(leadCount).ToHashSet(StringComparer.Ordinal);
        var keptLeads = paragraphs.Take(leadCount).Where(l => !body.Contains(l)).ToList();
        if (keptLeads.Count > 0)
        {
            how += $" (+{keptLeads.Count} lead paragraph(s) before it)";
        }

        paragraphs = [.. keptLeads, .. paragraphs.Skip(leadCount)];

        var text = new StringBuilder();
        var spans = new List<TextSpan>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            if (CreditLine().IsMatch(paragraph) && paragraph.Length <= 200)
            {
                removed.Add(new RemovedBlock("credit", paragraph, "line starting like a photo credit (Photo:, Credit:, ©)"));
                continue;
            }

            if (UiLabel().IsMatch(paragraph))
            {
                removed.Add(new RemovedBlock("boilerplate", paragraph, "interface label (share, print, read more…)"));
                continue;
            }

            if (paragraph.Length >= 40 && !seen.Add(paragraph))
            {
                // Responsive pages repeat blocks for mobile and desktop; real articles do not repeat a paragraph verbatim.
                removed.Add(new RemovedBlock("boilerplate", paragraph, "repeats an earlier paragraph verbatim"));
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            spans.Add(TextSpan.FromLength(text.Length, paragraph.Length));
            text.Append(paragraph);
        }

        return new HtmlContent(text.ToString(), spans, removed, how);
    }

    private static void RemoveJunk(IElement root)
    {
        var rootLength = -1;
        foreach (var element in root.Descendants<IElement>().ToList())
        {
            if (element.LocalName == "form")
            {
                // ASP.NET and SharePoint pages wrap the whole page in one <form>: only small forms (search, login,
                // comment, newsletter) are junk.
                rootLength = rootLength < 0 ? TextLength(root) : rootLength;
                if (HoldsArticle(element) || TextLength(element) * 2 >= rootLength)
                {
                    continue;
                }
            }

            if (JunkTags.Contains(element.LocalName) || element.HasAttribute("hidden")
                || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
                || HiddenStyle().IsMatch(element.GetAttribute("style") ?? string.Empty))
            {
                element.Remove();
            }
        }

        foreach (var comment in root.Descendants<IComment>().ToList())
        {
            comment.Remove();
        }
    }

    /// <summary>Removes furniture; returns the length of the largest non-link text removed by class, id or role.</summary>
    private static int RemoveFurniture(IElement root, bool strict)
    {
        var largest = 0;
        var rootLength = TextLength(root);
        foreach (var element in root.Descendants<IElement>().ToList())
        {
            if (!Within(element, root))
            {
                continue; // already removed with an ancestor
            }

            var furniture = strict ? IsRemovableFurniture(element, rootLength) : FurnitureTags.Contains(element.LocalName) && !HoldsArticle(element);
            if (furniture)
            {
                if (!FurnitureTags.Contains(element.LocalName))
                {
                    var prose = TextLength(element) - element.QuerySelectorAll("a").Sum(a => Collapse(a.TextContent).Length);
                    largest = Math.Max(largest, prose);
                }

                element.Remove();
            }
        }

        return largest;
    }

    /// <summary>Why the element is furniture (<c>element nav</c>, <c>role banner</c>, <c>class/id share-buttons</c>), or null.</summary>
    public static string? FurnitureReason(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var tag = element.LocalName;
        if (tag is "body" or "html" or "main" or "article")
        {
            return null;
        }

        // An article's own header (headline, standfirst, date) is not the site header.
        var articleHeader = Ancestor(element.ParentElement, "article") is not null;
        if (FurnitureTags.Contains(tag))
        {
            return tag == "header" && articleHeader ? null : "element " + tag;
        }

        var role = element.GetAttribute("role");
        if (role is not null && FurnitureRoles.Contains(role.Trim()))
        {
            return "role " + role;
        }

        // WordPress post_class() puts taxonomy classes (tag-diplomacy, category-news) on the post wrapper.
        var wordPressPost = element.ClassList.Contains("hentry") || element.ClassList.Contains("status-publish");
        foreach (var token in ClassAndId(element))
        {
            // Layout modifiers (has-sidebar, no-sidebar, with-sidebar) describe the page, not the element.
            if (IsContentToken(token) || (wordPressPost && WordPressTaxonomy().IsMatch(token)) || LayoutModifier().IsMatch(token))
            {
                continue;
            }

            foreach (var word in FurnitureSubstrings)
            {
                if (token.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    return $"class/id {token} ({word})";
                }
            }

            foreach (var part in token.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (FurnitureParts.Contains(part) && !(articleHeader && part.Equals("header", StringComparison.OrdinalIgnoreCase)))
                {
                    return $"class/id {token} ({part.ToLowerInvariant()})";
                }
            }
        }

        return null;
    }

    private static bool IsContentToken(string token) =>
        ContentClasses.Contains(token, StringComparer.OrdinalIgnoreCase) || ContentToken().IsMatch(token);

    /// <summary>True when the extractor removes the element as furniture from a page whose text is <paramref name="pageTextLength"/> characters long.</summary>
    public static bool IsRemovableFurniture(IElement element, int pageTextLength)
    {
        ArgumentNullException.ThrowIfNull(element);
        return FurnitureReason(element) is { } reason && !HoldsArticle(element) && !IsLayoutWrapper(element, reason, pageTextLength);
    }

    /// <summary>Length of the element's text with white space collapsed.</summary>
    public static int TextLength(IElement element) => Collapse(element.TextContent).Length;

    /// <summary>
    /// A class/id match on an element holding most of the page's prose (little of it link text) is a layout
    /// wrapper with an unlucky class (<c>page-with-sidebar</c>), not furniture; its children are still checked.
    /// </summary>
    private static bool IsLayoutWrapper(IElement element, string reason, int rootLength)
    {
        if (!reason.StartsWith("class/id ", StringComparison.Ordinal) || rootLength == 0 || StrongFurniture().IsMatch(reason))
        {
            return false;
        }

        var length = TextLength(element);
        return length >= 200 && length * 2 >= rootLength && LinkDensity(element) < 0.3;
    }

    /// <summary>An element that wraps the article (a layout div with an unlucky class) is never removed whole.</summary>
    private static bool HoldsArticle(IElement element) =>
        element.QuerySelector("article, main, [itemprop=articleBody], [role=main]") is not null;

    /// <summary>True when <paramref name="element"/> is <paramref name="root"/> or still attached below it (an ancestor walk, not a subtree scan).</summary>
    public static bool Within(IElement element, IElement root)
    {
        ArgumentNullException.ThrowIfNull(element);
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e == root)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The element itself or its nearest ancestor with the given local name.</summary>
    private static IElement? Ancestor(IElement? element, string localName)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.LocalName == localName)
            {
                return e;
            }
        }

        return null;
    }

    private static IEnumerable<string> ClassAndId(IElement element)
    {
        foreach (var c in element.ClassList)
        {
            yield return c;
        }

        if (!string.IsNullOrWhiteSpace(element.Id))
        {
            yield return element.Id.Trim();
        }
    }

    private static (IElement Container, string How) ChooseContainer(IElement body)
    {
        var bodyLength = TextLength(body);
        var minimum = Math.Min(500, bodyLength / 4);

        IElement? Best(IEnumerable<IElement> candidates) =>
            candidates.Select(e => (Element: e, Length: TextLength(e)))
                .Where(c => c.Length > 0 && c.Length >= minimum)
                .OrderByDescending(c => c.Length)
                .Select(c => c.Element)
                .FirstOrDefault();

        var all = body.Descendants<IElement>().ToList();
        var byToken = new Dictionary<string, List<IElement>>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in all)
        {
            foreach (var token in ClassAndId(element).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!byToken.TryGetValue(token, out var list))
                {
                    byToken[token] = list = [];
                }

                list.Add(element);
            }
        }

        var found = Best(all.Where(e => string.Equals(e.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase)));
        if (found is not null)
        {
            return (found, "[itemprop=articleBody]");
        }

        foreach (var cls in ContentClasses)
        {
            found = byToken.TryGetValue(cls, out var withClass) ? Best(withClass) : null;
            if (found is not null)
            {
                return (found, "class/id " + cls);
            }
        }

        // BEM-style and CMS variants: news__text, article-detail, c-article-body, press_release_content…
        var patterned = byToken.Where(kv => ContentToken().IsMatch(kv.Key)).SelectMany(kv => kv.Value.Select(e => (Token: kv.Key, Element: e))).ToList();
        found = Best(patterned.Select(p => p.Element).Distinct());
        if (found is not null)
        {
            return (found, "class/id " + patterned.First(p => p.Element == found).Token);
        }

        found = Best(all.Where(e => e.LocalName == "article"));
        if (found is not null)
        {
            return (found, "article");
        }

        found = Best(all.Where(e => e.LocalName == "main" || string.Equals(e.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase)));
        if (found is not null)
        {
            return (found, "main");
        }

        foreach (var cls in GenericContentClasses)
        {
            found = byToken.TryGetValue(cls, out var withClass) ? Best(withClass) : null;
            if (found is not null)
            {
                return (found, "class/id " + cls);
            }
        }

        var scored = ScoreByDensity(all);
        return scored is null ? (body, "body") : (scored, "text density");
    }

    /// <summary>Readability-style scoring: paragraph text rewards its parent and grandparent, links penalise.</summary>
    private static IElement? ScoreByDensity(List<IElement> all)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var element in all)
        {
            var tag = element.LocalName;
            int length;
            if (tag is "p" or "pre" or "td" or "blockquote")
            {
                length = Collapse(element.TextContent).Length;
            }
            else if (tag is "body" or "html" or "a" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                continue;
            }
            else
            {
                // Any other element with text of its own (div, section, font, center…): pages without <p>.
                length = Collapse(string.Concat(element.ChildNodes.OfType<IText>().Select(t => t.Data))).Length;
            }

            if (length < 25)
            {
                continue;
            }

            var score = 1 + Collapse(element.TextContent).Count(c => c == ',') + Math.Min(length / 100, 3);

            // Readability's ancestor decay: the container gets the full score, its parent half, then score / (level × 3),
            // so the element wrapping many paragraph blocks outscores each block.
            var level = 0;
            for (var ancestor = tag is "p" or "pre" or "td" or "blockquote" ? element.ParentElement : element;
                ancestor is not null && level < 5;
                ancestor = ancestor.ParentElement, level++)
            {
                Add(scores, ancestor, level switch { 0 => score, 1 => score / 2.0, _ => score / (level * 3.0) });
            }
        }

        var ranked = scores
            .Select(kv => (Element: kv.Key, Score: kv.Value * (1 - LinkDensity(kv.Key))))
            .OrderByDescending(c => c.Score)
            .ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        // When other near-top candidates share an ancestor with the top one (paragraphs each wrapped in their
        // own block), that ancestor is the article: Readability's "alternative candidate ancestors" rule.
        var top = ranked[0];
        var alternatives = ranked.Skip(1).Where(c => c.Score >= top.Score * 0.75).Select(c => c.Element).ToList();
        for (var ancestor = top.Element.ParentElement; ancestor is not null && alternatives.Count >= 2; ancestor = ancestor.ParentElement)
        {
            if (alternatives.Count(a => Within(a, ancestor)) >= 2)
            {
                return ancestor;
            }
        }

        return top.Element;

        static void Add(Dictionary<IElement, double> scores, IElement element, double score)
        {
            scores[element] = scores.TryGetValue(element, out var s) ? s + score : score;
        }
    }


    private static double LinkDensity(IElement element)
    {
        var total = TextLength(element);
        if (total == 0)
        {
            return 0;
        }

        var links = element.QuerySelectorAll("a").Sum(a => Collapse(a.TextContent).Length);
        return Math.Min(1.0, links / (double)total);
    }

    /// <summary>Credits first (they may sit inside a caption), then captions; both recorded.</summary>
    private static void RemoveCaptions(IElement container, List<RemovedBlock> removed)
    {
        foreach (var element in container.Descendants<IElement>().ToList())
        {
            if (element == container || !Within(element, container))
            {
                continue;
            }

            var credit = ClassAndId(element).FirstOrDefault(t => t.Contains("credit", StringComparison.OrdinalIgnoreCase)
                || t.Contains("copyright", StringComparison.OrdinalIgnoreCase) || t.Contains("photographer", StringComparison.OrdinalIgnoreCase));
            if (credit is not null && TextLength(element) <= MaxCaptionLength)
            {
                Record(element, "credit", "element with class/id '" + credit + "'", removed);
            }
        }

        foreach (var element in container.Descendants<IElement>().ToList())
        {
            if (element == container || !Within(element, container))
            {
                continue;
            }

            if (element.LocalName is "figcaption")
            {
                Record(element, "caption", "figcaption", removed);
                continue;
            }

            var caption = ClassAndId(element).FirstOrDefault(t => t.Contains("caption", StringComparison.OrdinalIgnoreCase));
            if (caption is not null && TextLength(element) <= MaxCaptionLength)
            {
                Record(element, "caption", "element with class/id '" + caption + "'", removed);
            }
        }

        static void Record(IElement element, string kind, string reason, List<RemovedBlock> removed)
        {
            var text = Collapse(element.TextContent);
            if (text.Length > 0)
            {
                removed.Add(new RemovedBlock(kind, text, reason));
            }

            element.Remove();
        }
    }

    /// <summary>A block holding nothing but a <c>time</c> element or a byline/date class is header matter, not body.</summary>
    private static void RemoveDateLines(IElement container, List<RemovedBlock> removed)
    {
        foreach (var element in container.Descendants<IElement>().ToList())
        {
            if (element == container || !Within(element, container))
            {
                continue;
            }

            string? reason = null;
            var token = ClassAndId(element).FirstOrDefault(t => MetaToken().IsMatch(t));

            // An inline date or author inside running text ("On <span class=date>12 March</span>, …") stays.
            var standsAlone = BlockTags.Contains(element.LocalName)
                || (element.ParentElement is { } parent && TextLength(parent) == TextLength(element));
            if (token is not null && standsAlone && TextLength(element) <= 200)
            {
                reason = "byline/date element (class/id '" + token + "')";
            }
            else if (BlockTags.Contains(element.LocalName) && element.QuerySelector("time") is { } time
                && Collapse(time.TextContent).Length > 0
                && string.Equals(Collapse(time.TextContent), Collapse(element.TextContent), StringComparison.Ordinal))
            {
                reason = "block holding only a time element";
            }

            if (reason is not null)
            {
                var text = Collapse(element.TextContent);
                if (text.Length > 0)
                {
                    removed.Add(new RemovedBlock("header", text, reason));
                }

                element.Remove();
            }
        }
    }

    /// <summary>Lists and blocks that are mostly link text (related news, "read also") are removed, with a heading right before them.</summary>
    private static void RemoveLinkLists(IElement container)
    {
        foreach (var element in container.Descendants<IElement>().ToList())
        {
            if (element == container || !Within(element, container))
            {
                continue;
            }

            var tag = element.LocalName;
            var isList = tag is "ul" or "ol" or "dl" or "table";
            var isBlock = tag is "div" or "section" && element.QuerySelectorAll("a").Length >= 2 && element.QuerySelector("p") is null;
            var isReadAlso = tag is "p" && ReadAlso().IsMatch(Collapse(element.TextContent)) && element.QuerySelector("a") is not null;
            if (!(isList || isBlock || isReadAlso))
            {
                continue;
            }

            if (isReadAlso || (TextLength(element) > 0 && element.QuerySelector("a") is not null && LinkDensity(element) >= 0.5))
            {
                var previous = element.PreviousElementSibling;
                if (previous is not null && (previous.LocalName is "h2" or "h3" or "h4" or "h5" or "h6" || (previous.LocalName is "p" or "div" or "strong" && IsListHeading(previous))))
                {
                    previous.Remove();
                }

                element.Remove();
            }
        }
    }

    /// <summary>A short line without sentence-final punctuation ("Related news", "See also:") introduces the list after it.</summary>
    private static bool IsListHeading(IElement element)
    {
        var text = Collapse(element.TextContent);
        return text.Length is > 0 and < 60 && !text.EndsWith('.') && !text.EndsWith('!') && !text.EndsWith('?');
    }

    private static void Walk(INode node, StringBuilder buffer, List<string> paragraphs)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    buffer.Append(text.Data);
                    break;
                case IElement element:
                    var tag = element.LocalName;
                    if (tag == "br")
                    {
                        buffer.Append(Break);
                    }
                    else if (BlockTags.Contains(tag))
                    {
                        Flush(buffer, paragraphs);
                        Walk(element, buffer, paragraphs);
                        Flush(buffer, paragraphs);
                    }
                    else
                    {
                        if (tag == "img" && buffer.Length > 0)
                        {
                            buffer.Append(' ');
                        }

                        Walk(element, buffer, paragraphs);
                    }

                    break;
            }
        }
    }

    /// <summary>Ends the current paragraph; two or more line breaks in a row split it.</summary>
    private static void Flush(StringBuilder buffer, List<string> paragraphs)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        foreach (var part in DoubleBreak().Split(buffer.ToString()))
        {
            var text = Collapse(part.Replace(Break, ' '));
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
        }

        buffer.Clear();
    }

    [GeneratedRegex(@"^(?:share(?: this(?: article| page| story)?)?|print(?: this page)?|tweet|e-?mail|back|back to top|to top|top|read more|more|next|previous|prev|« back|advertisement|loading\.*|tags?|print version|download)\s*[:.…»›]*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UiLabel();

    [GeneratedRegex(@"^(?:[a-z]{1,3}-)?(?:article|news|post|entry|story|press|release|statement|content|publication|material|item|node|page)(?:[-_]{1,2}(?:release|news|item|page|single))?[-_]{1,2}(?:body|text|content|detail|details|full|fulltext|main)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ContentToken();

    [GeneratedRegex(@"^(?:has|no|with|without|hide|show)-", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LayoutModifier();

    [GeneratedRegex(@"\((?:cookie|consent|gdpr|newsletter|subscribe|advert|share|sharing|social|popup|modal|breadcrumb|comments?|related|promo|promotion|ads?|adv|outbrain|taboola|recommended|trending|popular)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex StrongFurniture();

    [GeneratedRegex(@"^(?:category|tag|post|format|type|status|author)-", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WordPressTaxonomy();

    [GeneratedRegex(@"[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("\uE000[\\s\u00A0]*\uE000[\\s\u00A0\uE000]*", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleBreak();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"^(?:photo(?:graph)?s?(?:\s+credit)?|pictures?|images?|credits?|source\s*:\s*photo)\s*(?::|©|by\b)|^©|^\(c\)\s", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CreditLine();

    [GeneratedRegex(@"^(?:read|see)\s+(?:also|more)\b|^related\b|^more\s*:|^the post\b.*\bappeared first on\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReadAlso();

    [GeneratedRegex(@"^(?:post-date|post-meta|entry-meta|article-meta|article-date|news-date|posted-on)$|(?:^|[-_])(?:byline|author|authors|date|dateline|pubdate|published|timestamp|meta|metadata|posted)(?:$|[-_])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MetaToken();
}
