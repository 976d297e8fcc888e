using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parley.Web;

/// <summary>
/// Builds the dashboard's HTML. Every value from the store or the request goes through <see cref="E"/> (HTML encoding)
/// or <see cref="U"/> (URL path encoding); data for scripts travels in <c>&lt;script type="application/json"&gt;</c>
/// islands, encoded so that it cannot close the element. No inline script or style: the content security policy forbids them.
/// </summary>
internal sealed class Html
{
    private static readonly JsonSerializerOptions IslandJson = new(ParleyServer.Json) { Encoder = JavaScriptEncoder.Default };
    private readonly StringBuilder _b = new();

    /// <summary>HTML-encodes a value (null as empty).</summary>
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>Encodes a value for one URL path segment.</summary>
    public static string U(string? value) => Uri.EscapeDataString(value ?? "");

    /// <summary>A number in invariant form.</summary>
    public static string N(double? value, string format = "0.##") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    public Html Raw(string html)
    {
        _b.Append(html);
        return this;
    }

    public Html Raw(char c)
    {
        _b.Append(c);
        return this;
    }

    public Html Text(string? value)
    {
        _b.Append(E(value));
        return this;
    }

    /// <summary>A JSON data island read by the page's script.</summary>
    public Html Data<T>(string id, T value)
    {
        _b.Append("<script type=\"application/json\" id=\"").Append(E(id)).Append("\">").Append(JsonSerializer.Serialize(value, IslandJson)).Append("</script>");
        return this;
    }

    public override string ToString() => _b.ToString();

    /// <summary>The whole page: head, skip link, navigation, main content, scripts.</summary>
    public static string Page(string title, string current, string main, params string[] scripts)
    {
        var b = new StringBuilder();
        b.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        b.Append("<title>").Append(E(title)).Append(" · Parley</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/assets/app.css\">");
        if (scripts.Any(s => s.Contains("uPlot", StringComparison.Ordinal)))
        {
            b.Append("<link rel=\"stylesheet\" href=\"/assets/lib/uplot/uPlot.min.css\">");
        }

        b.Append("</head><body><a class=\"skip\" href=\"#main\">Skip to content</a><header class=\"top\"><a class=\"brand\" href=\"/\">Parley</a><nav aria-label=\"Main\"><ul>");
        foreach (var (href, label) in new[] { ("/", "Overview"), ("/search", "Search"), ("/dyads", "Dyads"), ("/network", "Network"), ("/calendar", "Calendar"), ("/reference", "API") })
        {
            b.Append("<li><a href=\"").Append(href).Append('"').Append(label == current ? " aria-current=\"page\"" : "").Append('>').Append(label).Append("</a></li>");
        }

        b.Append("</ul></nav></header><main id=\"main\" tabindex=\"-1\">").Append(main).Append("</main>");
        b.Append("<footer><p>Event data coded by Parley (PLOVER/CAMEO); every event links to the sentence it was read from. <a href=\"/openapi/v1.json\">OpenAPI</a></p></footer>");
        foreach (var s in scripts)
        {
            b.Append("<script src=\"").Append(E(s)).Append("\" defer></script>");
        }

        b.Append("<script src=\"/assets/app.js\" defer></script></body></html>");
        return b.ToString();
    }

    /// <summary>The label of a quad class.</summary>
    public static string Quad(int quad) => quad switch
    {
        1 => "verbal cooperation",
        2 => "material cooperation",
        3 => "verbal conflict",
        4 => "material conflict",
        _ => "unknown",
    };
}
