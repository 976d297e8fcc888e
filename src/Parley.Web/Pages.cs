using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Core;
using Parley.Storage;
using static Parley.Web.Html;

namespace Parley.Web;

/// <summary>
/// The dashboard: server-rendered pages (overview, article, event, dyad explorer, actor network, calendar, search, API
/// reference); charts and the network graph are drawn by <c>/assets/app.js</c> from JSON islands, with a table beside
/// each for keyboards and screen readers.
/// </summary>
internal static class Pages
{
    private const string UPlot = "/assets/lib/uplot/uPlot.iife.min.js";

    public static void Map(WebApplication app)
    {
        var pages = app.MapGroup("").RequireRateLimiting(ParleyServer.ReadPolicy).ExcludeFromDescription();
        pages.MapGet("/", (StoreAccess s) => Render(s, Overview));
        pages.MapGet("/documents/{docId}", (StoreAccess s, string docId) => Render(s, store => Article(store, docId)));
        pages.MapGet("/events/{id:long}", (StoreAccess s, long id) => Render(s, store => Event(store, id)));
        pages.MapGet("/dyads", (StoreAccess s, string? a, string? b, string? by, bool? directed) =>
            a is { Length: > 0 } && b is { Length: > 0 }
                ? Results.Redirect($"/dyads/{U(QueryParameters.Actor(a, "a"))}/{U(QueryParameters.Actor(b, "b"))}?by={U(QueryParameters.OneOf(by, "by", "month", "week", "month"))}{(directed == true ? "&directed=true" : "")}")
                : Render(s, _ => DyadForm(a)));
        pages.MapGet("/dyads/{a}/{b}", (StoreAccess s, string a, string b, string? by, bool? directed) => Render(s, store => Dyad(store, a, b, by, directed == true)));
        pages.MapGet("/network", (StoreAccess s, string? kind, string? from, string? to) => Render(s, store => Network(store, kind, from, to)));
        pages.MapGet("/calendar", (StoreAccess s, string? from, string? to, string? actor) => Render(s, store => Calendar(store, from, to, actor)));
        pages.MapGet("/search", (StoreAccess s, string? q) => Render(s, store => Search(store, q)));
        pages.MapGet("/reference", () => Results.Content(Reference(), "text/html; charset=utf-8"));
    }

    private static IResult Render(StoreAccess stores, Func<EventStore, string> page)
    {
        using var store = stores.Open();
        return Results.Content(page(store), "text/html; charset=utf-8");
    }

    private static string Overview(EventStore store)
    {
        var stats = Analytics.Stats(store, null, null, 10);
        var h = new Html().Raw("<h1>Overview</h1><dl class=\"counts\">");
        foreach (var (label, n) in new[] { ("documents", stats.Counts.Documents), ("events", stats.Counts.Events), ("event mentions", stats.Counts.Mentions), ("calendar items", stats.Counts.CalendarItems) })
        {
            h.Raw("<div><dt>").Text(label).Raw("</dt><dd>").Text(N(n, "N0")).Raw("</dd></div>");
        }

        h.Raw("</dl><section aria-labelledby=\"t-time\"><h2 id=\"t-time\">Events over time by quad class</h2>")
            .Raw("<div class=\"chart\" id=\"quad-chart\" role=\"img\" aria-label=\"Events per month by quad class; the same figures are in the table below\"></div>")
            .Data("quad-data", stats.ByMonth)
            .Raw("<details><summary>Table of events per month</summary><div class=\"scroll\"><table><caption>Events per month by quad class</caption><thead><tr><th scope=\"col\">month</th><th scope=\"col\">verbal cooperation</th><th scope=\"col\">material cooperation</th><th scope=\"col\">verbal conflict</th><th scope=\"col\">material conflict</th></tr></thead><tbody>");
        foreach (var m in stats.ByMonth)
        {
            h.Raw("<tr><th scope=\"row\">").Text(m.Month).Raw("</th><td>").Text(N(m.VerbalCooperation)).Raw("</td><td>").Text(N(m.MaterialCooperation)).Raw("</td><td>")
                .Text(N(m.VerbalConflict)).Raw("</td><td>").Text(N(m.MaterialConflict)).Raw("</td></tr>");
        }

        h.Raw("</tbody></table></div></details></section><div class=\"columns\"><section aria-labelledby=\"t-dyads\"><h2 id=\"t-dyads\">Top dyads</h2><div class=\"scroll\"><table id=\"top-dyads\"><thead><tr><th scope=\"col\">dyad</th><th scope=\"col\">events</th><th scope=\"col\">mean Goldstein</th></tr></thead><tbody>");
        foreach (var d in stats.TopDyads)
        {
            h.Raw("<tr><td><a href=\"/dyads/").Raw(U(d.A)).Raw("/").Raw(U(d.B)).Raw("\">").Text(d.A).Raw(" – ").Text(d.B).Raw("</a></td><td>").Text(N(d.Events)).Raw("</td><td>").Text(N(d.GoldsteinMean)).Raw("</td></tr>");
        }

        h.Raw("</tbody></table></div></section><section aria-labelledby=\"t-latest\"><h2 id=\"t-latest\">Latest documents</h2><ul class=\"docs\" id=\"latest-documents\">");
        foreach (var d in stats.LatestDocuments)
        {
            DocumentItem(h, d);
        }

        h.Raw("</ul></section></div>");
        return Page("Overview", "Overview", h.ToString(), UPlot);
    }

    private static void DocumentItem(Html h, DocumentSummary d) =>
        h.Raw("<li><a href=\"/documents/").Raw(U(d.DocId)).Raw("\">").Text(d.Title ?? d.DocId).Raw("</a> <span class=\"meta\">").Text(d.Published?[..Math.Min(10, d.Published.Length)] ?? "undated")
            .Raw(d.Publisher is null ? "" : " · ").Text(d.Publisher).Raw(" · ").Text(N(d.Mentions)).Raw(" events</span></li>");

    private static string Article(EventStore store, string docId)
    {
        var doc = store.Document(docId) ?? throw new ParleyException(Errors.NotFound, $"no document '{docId}'.");
        var h = new Html().Raw("<article class=\"doc\"><h1>").Text(doc.Summary.Title ?? doc.Summary.DocId).Raw("</h1><p class=\"meta\">").Text(doc.Summary.Published ?? "undated");
        if (doc.Summary.Publisher is { } p)
        {
            h.Raw(" · ").Text(p);
        }

        if (doc.Summary.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            h.Raw(" · <a rel=\"noopener noreferrer\" href=\"").Text(uri.AbsoluteUri).Raw("\">source</a>");
        }

        h.Raw(" · id <code>").Text(doc.Summary.DocId).Raw("</code> v").Text(N(doc.Summary.Version)).Raw("</p>")
            .Raw("<p class=\"legend\" aria-label=\"Highlight legend\"><span class=\"hl hl-trigger\">event trigger</span> <span class=\"hl hl-actor\">actor</span> <span class=\"hl hl-date\">date</span> <span class=\"hl hl-quote\">quote</span></p>")
            .Raw("<div class=\"article-layout\"><section class=\"text\" aria-label=\"Article text\" id=\"article-text\">");
        var index = doc.Mentions.Select((m, i) => (m.RecordId, i)).ToDictionary(x => x.RecordId, x => x.i, StringComparer.Ordinal);
        RenderText(h, doc.Text, Highlighter.Find(doc), index);
        h.Raw("</section><aside aria-labelledby=\"t-events\" class=\"events\"><h2 id=\"t-events\">Coded events (").Text(N(doc.Mentions.Count)).Raw(")</h2>");
        if (doc.Mentions.Count == 0)
        {
            h.Raw("<p>No event was coded in this document.</p>");
        }

        for (var i = 0; i < doc.Mentions.Count; i++)
        {
            EventCard(h, doc.Mentions[i], i);
        }

        h.Raw("</aside></div>");
        if (doc.Calendar.Count > 0)
        {
            h.Raw("<section aria-labelledby=\"t-cal\"><h2 id=\"t-cal\">Announced and remembered</h2><ul class=\"calendar-items\">");
            foreach (var c in doc.Calendar)
            {
                h.Raw("<li><strong>").Text(c.Kind).Raw("</strong> ").Text(c.Event).Raw(" · ").Text(c.ExpectedDate ?? c.OriginDate ?? "no date").Raw(" · ")
                    .Text(string.Join(", ", c.Actors.Select(a => a.Entity ?? a.Text))).Raw("<br><q>").Text(c.Evidence).Raw("</q></li>");
            }

            h.Raw("</ul></section>");
        }

        h.Raw("</article>");
        return Page(doc.Summary.Title ?? doc.Summary.DocId, "", h.ToString());
    }

    /// <summary>The text cut at every highlight boundary; each piece carries the classes of the highlights covering it; trigger pieces link to their event card.</summary>
    private static void RenderText(Html h, string text, IReadOnlyList<Highlight> highlights, Dictionary<string, int> index)
    {
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var x in highlights)
        {
            cuts.Add(Math.Clamp(x.Start, 0, text.Length));
            cuts.Add(Math.Clamp(x.End, 0, text.Length));
        }

        var points = cuts.ToList();
        for (var k = 0; k + 1 < points.Count; k++)
        {
            var (start, end) = (points[k], points[k + 1]);
            var piece = text[start..end];
            var covering = highlights.Where(x => x.Start <= start && x.End >= end).ToList();
            if (covering.Count == 0)
            {
                h.Text(piece);
                continue;
            }

            var classes = string.Join(' ', covering.Select(x => "hl-" + x.Kind).Distinct(StringComparer.Ordinal));
            var title = string.Join("; ", covering.Select(x => x.Label).OfType<string>().Distinct(StringComparer.Ordinal));
            var trigger = covering.FirstOrDefault(x => x.Kind == "trigger" && x.Record is not null && index.ContainsKey(x.Record));
            if (trigger is not null)
            {
                h.Raw("<a class=\"hl ").Raw(classes).Raw("\" href=\"#m-").Raw(N(index[trigger.Record!])).Raw("\" title=\"").Text(title).Raw("\">").Text(piece).Raw("</a>");
            }
            else
            {
                h.Raw("<span class=\"hl ").Raw(classes).Raw('"' + (title.Length > 0 ? " title=\"" + E(title) + '"' : "") + ">").Text(piece).Raw("</span>");
            }
        }
    }

    private static void EventCard(Html h, DocumentMention m, int i)
    {
        using var record = JsonDocument.Parse(m.RecordJson);
        var root = record.RootElement;
        string? S(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var trace = root.TryGetProperty("date_trace", out var t) ? t : default;
        h.Raw("<article class=\"event-card quad-").Raw(N(m.Quad)).Raw("\" id=\"m-").Raw(N(i)).Raw("\" tabindex=\"-1\"><h3>").Text(m.Event).Raw(" <span class=\"meta\">CAMEO ").Text(m.Cameo).Raw("</span></h3><dl>")
            .Raw("<dt>who</dt><dd>").Raw(Actors(m.Source)).Raw(" → ").Raw(Actors(m.Recipient)).Raw("</dd>")
            .Raw("<dt>when</dt><dd>").Text(m.Date ?? "undated").Raw(" <span class=\"meta\">(").Text(S(trace, "how") ?? "").Raw(S(trace, "text") is { } dt ? ": “" + E(dt) + "”" : "").Raw(")</span></dd>")
            .Raw("<dt>trigger</dt><dd>“").Text(m.Trigger).Raw("”</dd>")
            .Raw("<dt>class</dt><dd>").Text(Quad(m.Quad)).Raw(", Goldstein ").Text(N(m.Goldstein)).Raw(", confidence ").Text(N(m.Confidence)).Raw("</dd>");
        if (root.TryGetProperty("location", out var loc) && loc.ValueKind == JsonValueKind.Object)
        {
            h.Raw("<dt>where</dt><dd>").Text(S(loc, "name")).Raw(" <span class=\"meta\">(").Text(S(loc, "how")).Raw(")</span></dd>");
        }

        if (m.Modality != "asserted")
        {
            h.Raw("<dt>modality</dt><dd>").Text(m.Modality).Raw("</dd>");
        }

        h.Raw("<dt>why</dt><dd class=\"why\">").Text(Explain(m)).Raw("</dd></dl><blockquote>").Text(m.Evidence).Raw("</blockquote><p class=\"links\"><a class=\"event-link\" href=\"/events/")
            .Raw(N(m.EventId)).Raw("\">event ").Text(N(m.EventId)).Raw("</a>");
        var ends = Analytics.Entities(new StoredEvent(m.EventId, m.Event, m.Mode, [], m.Cameo, m.Goldstein, m.Quad, m.Date, m.Source, m.Recipient, 1, "", m.RecordId, []));
        if (ends.Count >= 2)
        {
            h.Raw(" · <a class=\"dyad-link\" href=\"/dyads/").Raw(U(ends[0])).Raw("/").Raw(U(ends[1])).Raw("\">dyad ").Text(ends[0]).Raw("–").Text(ends[1]).Raw("</a>");
        }

        h.Raw("</p></article>");
    }

    /// <summary>A readable account of how a mention was coded: the trigger, each actor's resolution, the date's rule.</summary>
    private static string Explain(DocumentMention m)
    {
        var b = new StringBuilder().Append('“').Append(m.Trigger).Append("” coded as ").Append(m.Event).Append(" (CAMEO ").Append(m.Cameo).Append(')');
        foreach (var (a, role) in m.Source.Select(a => (a, "source")).Concat(m.Recipient.Select(a => (a, "recipient"))))
        {
            b.Append("; ").Append(role).Append(" “").Append(a.Text).Append("” → ").Append(a.Entity ?? "unresolved").Append(a.Sector is { } s ? " " + s : "").Append(" by ").Append(a.How);
        }

        return b.ToString();
    }

    private static string Actors(IReadOnlyList<StoredActor> actors) => actors.Count == 0
        ? "<span class=\"meta\">none</span>"
        : string.Join(", ", actors.Select(a => E(a.Name ?? a.Text) + (a.Entity is { } e ? " <abbr title=\"" + E(a.Country is not null ? "country" : "organisation") + "\">" + E(e) + (a.Sector is { } s ? "-" + E(s) : "") + "</abbr>" : "")));

    private static string Event(EventStore store, long id)
    {
        var e = store.Event(id) ?? throw new ParleyException(Errors.NotFound, $"no event {id}.");
        var h = new Html().Raw("<h1>").Text(e.Event).Raw(" <span class=\"meta\">").Text(e.Date ?? "undated").Raw("</span></h1><dl class=\"facts\">")
            .Raw("<dt>source</dt><dd id=\"event-source\">").Raw(Actors(e.Source)).Raw("</dd><dt>recipient</dt><dd id=\"event-recipient\">").Raw(Actors(e.Recipient)).Raw("</dd>")
            .Raw("<dt>CAMEO</dt><dd>").Text(e.Cameo).Raw("</dd><dt>class</dt><dd>").Text(Quad(e.Quad)).Raw(", Goldstein ").Text(N(e.Goldstein)).Raw("</dd>")
            .Raw("<dt>reported by</dt><dd>").Text(N(e.MentionCount)).Raw(e.MentionCount == 1 ? " story" : " stories").Raw("</dd></dl>");
        var entities = Analytics.Entities(e);
        if (entities.Count >= 2)
        {
            h.Raw("<h2>Dyads</h2><ul class=\"dyads\">");
            for (var i = 0; i < entities.Count; i++)
            {
                for (var j = i + 1; j < entities.Count; j++)
                {
                    h.Raw("<li><a class=\"dyad-link\" href=\"/dyads/").Raw(U(entities[i])).Raw("/").Raw(U(entities[j])).Raw("\">").Text(entities[i]).Raw(" – ").Text(entities[j]).Raw(" over time</a></li>");
                }
            }

            h.Raw("</ul>");
        }

        h.Raw("<h2>Evidence</h2>");
        foreach (var m in e.Mentions)
        {
            h.Raw("<figure class=\"mention\"><blockquote>").Text(m.Evidence).Raw("</blockquote><figcaption><a href=\"/documents/").Raw(U(m.DocId)).Raw("\">").Text(m.DocId).Raw("</a> · trigger “")
                .Text(m.Trigger).Raw("” · ").Text(m.Published ?? "undated").Raw("</figcaption></figure>");
        }

        return Page($"{e.Event} {e.Date}", "", h.ToString());
    }

    private static string DyadFormHtml(string? a, string? b, string by, bool directed) =>
        new Html().Raw("<form class=\"filters\" action=\"/dyads\" method=\"get\"><label>Actor A <input name=\"a\" required maxlength=\"80\" value=\"").Text(a).Raw("\" placeholder=\"KAZ\"></label>")
            .Raw("<label>Actor B <input name=\"b\" required maxlength=\"80\" value=\"").Text(b).Raw("\" placeholder=\"BLR\"></label>")
            .Raw("<label>Period <select name=\"by\"><option value=\"month\"").Raw(by == "month" ? " selected" : "").Raw(">month</option><option value=\"week\"").Raw(by == "week" ? " selected" : "").Raw(">week</option></select></label>")
            .Raw("<label class=\"check\"><input type=\"checkbox\" name=\"directed\" value=\"true\"").Raw(directed ? " checked" : "").Raw("> A → B only</label><button type=\"submit\">Show</button></form>").ToString();

    private static string DyadForm(string? a) =>
        Page("Dyads", "Dyads", "<h1>Dyad explorer</h1><p>Two actors (ISO-3 country or organisation codes, e.g. KAZ, NATO): their cooperation and conflict over time, and the events with their evidence.</p>" + DyadFormHtml(a, null, "month", false));

    private static string Dyad(EventStore store, string a, string b, string? by, bool directed)
    {
        var (x, y) = (QueryParameters.Actor(a, "a")!.ToUpperInvariant(), QueryParameters.Actor(b, "b")!.ToUpperInvariant());
        var period = QueryParameters.OneOf(by, "by", "month", "week", "month");
        var series = store.Dyad(x, y, period, directed);
        var events = store.DyadEvents(x, y, directed, null, null, 500);
        var h = new Html().Raw("<h1>").Text(x).Raw(directed ? " → " : " – ").Text(y).Raw("</h1>").Raw(DyadFormHtml(x, y, period, directed))
            .Raw("<section aria-labelledby=\"t-series\"><h2 id=\"t-series\">Cooperation and conflict per ").Text(period).Raw("</h2>")
            .Raw("<div class=\"chart\" id=\"dyad-chart\" role=\"img\" aria-label=\"Events per period by quad class and Goldstein sum; the same figures are in the table below\"></div>")
            .Data("dyad-data", new { by = period, series })
            .Raw("<div class=\"scroll\"><table id=\"dyad-table\"><caption>").Text(x).Raw("–").Text(y).Raw(" per ").Text(period).Raw("</caption><thead><tr><th scope=\"col\">period</th><th scope=\"col\">events</th><th scope=\"col\">verbal coop.</th><th scope=\"col\">material coop.</th><th scope=\"col\">verbal conflict</th><th scope=\"col\">material conflict</th><th scope=\"col\">Goldstein sum</th><th scope=\"col\">mean</th></tr></thead><tbody>");
        foreach (var p in series)
        {
            h.Raw("<tr><th scope=\"row\">").Text(p.Period).Raw("</th><td>").Text(N(p.Events)).Raw("</td><td>").Text(N(p.VerbalCooperation)).Raw("</td><td>").Text(N(p.MaterialCooperation)).Raw("</td><td>")
                .Text(N(p.VerbalConflict)).Raw("</td><td>").Text(N(p.MaterialConflict)).Raw("</td><td>").Text(N(p.GoldsteinSum)).Raw("</td><td>").Text(N(p.GoldsteinMean)).Raw("</td></tr>");
        }

        if (series.Count == 0)
        {
            h.Raw("<tr><td colspan=\"8\">No day-dated event names both.</td></tr>");
        }

        h.Raw("</tbody></table></div></section><section aria-labelledby=\"t-ev\"><h2 id=\"t-ev\">Events (").Text(N(events.Count)).Raw(")</h2><ol class=\"event-list\" id=\"dyad-events\">");
        foreach (var e in events)
        {
            var m = e.Mentions.FirstOrDefault();
            h.Raw("<li class=\"quad-").Raw(N(e.Quad)).Raw("\"><a href=\"/events/").Raw(N(e.Id)).Raw("\">").Text(e.Date ?? "undated").Raw(" · ").Text(e.Event).Raw("</a> ")
                .Raw(Actors(e.Source)).Raw(" → ").Raw(Actors(e.Recipient)).Raw(" <span class=\"meta\">Goldstein ").Text(N(e.Goldstein)).Raw("</span>");
            if (m is not null)
            {
                h.Raw("<blockquote>").Text(m.Evidence).Raw("</blockquote><span class=\"meta\">from <a href=\"/documents/").Raw(U(m.DocId)).Raw("\">").Text(m.DocId).Raw("</a></span>");
            }

            h.Raw("</li>");
        }

        h.Raw("</ol></section>");
        return Page($"{x}–{y}", "Dyads", h.ToString(), UPlot);
    }

    private static string Network(EventStore store, string? kind, string? from, string? to)
    {
        var k = QueryParameters.OneOf(kind, "kind", "all", "all", "country", "org");
        var (f, t) = (QueryParameters.Date(from, "from"), QueryParameters.Date(to, "to"));
        var network = store.Network(f, t, k, 40, 1);
        var h = new Html().Raw("<h1>Actor network</h1><form class=\"filters\" action=\"/network\" method=\"get\"><label>Actors <select name=\"kind\">");
        foreach (var option in new[] { "all", "country", "org" })
        {
            h.Raw("<option value=\"").Raw(option).Raw('"').Raw(option == k ? " selected" : "").Raw('>').Raw(option == "org" ? "organisations" : option == "country" ? "countries" : "all").Raw("</option>");
        }

        h.Raw("</select></label><label>From <input name=\"from\" placeholder=\"2022-01\" pattern=\"\\d{4}(-\\d{2}(-\\d{2})?)?\" value=\"").Text(f).Raw("\"></label><label>To <input name=\"to\" placeholder=\"2022-12\" pattern=\"\\d{4}(-\\d{2}(-\\d{2})?)?\" value=\"")
            .Text(t).Raw("\"></label><button type=\"submit\">Filter</button></form>")
            .Raw("<svg id=\"network\" class=\"network\" viewBox=\"0 0 800 560\" role=\"img\" aria-label=\"Actors as circles sized by events, lines weighted by the events naming both; the edges are listed in the table below\"></svg>")
            .Data("network-data", network)
            .Raw("<div class=\"scroll\"><table id=\"edges\"><caption>Edges, heaviest first</caption><thead><tr><th scope=\"col\">dyad</th><th scope=\"col\">events</th><th scope=\"col\">mean Goldstein</th></tr></thead><tbody>");
        foreach (var e in network.Edges.Take(100))
        {
            h.Raw("<tr><td><a href=\"/dyads/").Raw(U(e.A)).Raw("/").Raw(U(e.B)).Raw("\">").Text(e.A).Raw(" – ").Text(e.B).Raw("</a></td><td>").Text(N(e.Events)).Raw("</td><td>").Text(N(e.GoldsteinMean)).Raw("</td></tr>");
        }

        h.Raw("</tbody></table></div>");
        return Page("Network", "Network", h.ToString(), "/assets/lib/d3-dispatch/d3-dispatch.min.js", "/assets/lib/d3-quadtree/d3-quadtree.min.js", "/assets/lib/d3-timer/d3-timer.min.js", "/assets/lib/d3-force/d3-force.min.js");
    }

    private static string Calendar(EventStore store, string? from, string? to, string? actor)
    {
        var (f, t, a) = (QueryParameters.Date(from, "from"), QueryParameters.Date(to, "to"), QueryParameters.Actor(actor, "actor"));
        var items = store.Calendar(f, t, a, 1000);
        var h = new Html().Raw("<h1>Calendar</h1><p>Happenings the documents announce, and the anniversaries they name.</p><form class=\"filters\" action=\"/calendar\" method=\"get\">")
            .Raw("<label>From <input name=\"from\" placeholder=\"2022-06\" value=\"").Text(f).Raw("\"></label><label>To <input name=\"to\" placeholder=\"2022-12\" value=\"").Text(t)
            .Raw("\"></label><label>Actor <input name=\"actor\" placeholder=\"KAZ\" value=\"").Text(a).Raw("\"></label><button type=\"submit\">Filter</button></form>")
            .Raw("<div class=\"scroll\"><table id=\"calendar\"><caption>").Text(N(items.Count)).Raw(" items</caption><thead><tr><th scope=\"col\">date</th><th scope=\"col\">kind</th><th scope=\"col\">what</th><th scope=\"col\">actors</th><th scope=\"col\">evidence</th></tr></thead><tbody>");
        foreach (var i in items)
        {
            var c = i.Entry;
            h.Raw("<tr class=\"").Raw(c.Kind == "anniversary" ? "anniversary" : "planned").Raw("\"><td>").Text(c.ExpectedDate ?? c.OriginDate ?? "–").Raw("</td><td>").Text(c.Kind).Raw(c.OriginDate is { } o && c.Kind == "anniversary" ? " <span class=\"meta\">of " + E(o) + "</span>" : "")
                .Raw("</td><td>").Text(c.Event).Raw("</td><td>").Raw(Actors(c.Actors)).Raw("</td><td><q>").Text(c.Evidence).Raw("</q> <a href=\"/documents/").Raw(U(i.DocId)).Raw("\">").Text(i.DocId).Raw("</a></td></tr>");
        }

        h.Raw("</tbody></table></div>");
        return Page("Calendar", "Calendar", h.ToString());
    }

    private static string Search(EventStore store, string? q)
    {
        var words = QueryParameters.Text(q, "q");
        var h = new Html().Raw("<h1>Search</h1><form class=\"filters\" role=\"search\" action=\"/search\" method=\"get\"><label>Words <input type=\"search\" name=\"q\" maxlength=\"200\" value=\"").Text(words)
            .Raw("\"></label><button type=\"submit\">Search</button></form>");
        if (words is not null)
        {
            var hits = store.Search(words, 50);
            h.Raw("<p id=\"search-count\">").Text(N(hits.Count)).Raw(hits.Count == 1 ? " document" : " documents").Raw("</p><ol class=\"hits\" id=\"hits\">");
            foreach (var hit in hits)
            {
                h.Raw("<li><a href=\"/documents/").Raw(U(hit.DocId)).Raw("\">").Text(hit.Title ?? hit.DocId).Raw("</a> <span class=\"meta\">").Text(hit.Published ?? "undated").Raw("</span><p>").Raw(Snippet(hit.Snippet)).Raw("</p></li>");
            }

            h.Raw("</ol>");
        }
        else
        {
            h.Raw("<h2>Documents</h2><ul class=\"docs\">");
            foreach (var d in store.Documents(50))
            {
                DocumentItem(h, d);
            }

            h.Raw("</ul>");
        }

        return Page("Search", "Search", h.ToString());
    }

    /// <summary>A search snippet with its [matches] as marks (the text is encoded first, the brackets turned into tags after).</summary>
    private static string Snippet(string snippet) => E(snippet).Replace("[", "<mark>", StringComparison.Ordinal).Replace("]", "</mark>", StringComparison.Ordinal);

    private static string Reference() => Page("API reference", "API",
        "<h1>API reference</h1><p>The HTTP API under <code>/v1</code>, from its <a href=\"/openapi/v1.json\">OpenAPI document</a>. Errors are problem details with a stable PRL code in <code>code</code>. "
        + "Writes need an API key (<code>./parley keys create NAME</code>) sent as <code>Authorization: Bearer KEY</code>. Fill in a GET endpoint's parameters and press Send to see its answer.</p>"
        + "<div id=\"reference\" aria-live=\"polite\"><p>Loading the OpenAPI document…</p></div>");
}
