using System.Text;
using Microsoft.Playwright;

namespace Parley.Web.Tests;

/// <summary>End-to-end: Debian's Chromium drives the dashboard over the fixture's store (the example and the dev articles).</summary>
[Collection(WebCollection.Name)]
public sealed class BrowserTests(WebFixture web, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private Task<IPage> Page(int width = 1280, int height = 900) => browser.NewPageAsync(_errors, width, height);

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, name + ".png"), FullPage = true });

    private void NoErrors() => Assert.True(_errors.Count == 0, string.Join("\n", _errors));

    [ChromiumFact]
    public async Task Overview_ShowsCountsChartTopDyadsAndLatestDocuments()
    {
        var page = await Page();
        await page.GotoAsync(web.BaseUrl + "/");
        Assert.Equal("Overview", await page.Locator("h1").InnerTextAsync());
        Assert.True(int.Parse((await page.Locator(".counts div").First.Locator("dd").InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture) >= 31);
        await page.Locator("#quad-chart[data-rendered=true] canvas").First.WaitForAsync();
        Assert.True(await page.Locator("#top-dyads tbody tr").CountAsync() >= 3);
        Assert.Equal(10, await page.Locator("#latest-documents li").CountAsync());
        await Shot(page, "overview");
        NoErrors();
    }

    [ChromiumFact]
    public async Task Article_ClickTriggerThenEventThenDyad_ShowsWhatWasCoded()
    {
        var page = await Page();
        await page.GotoAsync(web.BaseUrl + "/documents/" + WebFixture.ExampleId);
        Assert.StartsWith("Belarus", await page.Locator("#article-text").InnerTextAsync(), StringComparison.Ordinal);
        var cards = await page.Locator(".event-card").CountAsync();
        Assert.True(cards >= 3, $"{cards} event cards");
        Assert.True(await page.Locator("#article-text a.hl-trigger").CountAsync() >= cards);
        Assert.True(await page.Locator("#article-text .hl-actor").CountAsync() >= 2);
        Assert.True(await page.Locator("#article-text .hl-quote").CountAsync() + await page.Locator("#article-text .hl-date").CountAsync() >= 1);
        Assert.Contains("coded as", await page.Locator(".event-card .why").First.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "article");

        // the first trigger leads to its card, the card to its event, the event to its dyad
        var trigger = page.Locator("#article-text a.hl-trigger").First;
        var target = await trigger.GetAttributeAsync("href");
        await trigger.ClickAsync();
        Assert.EndsWith(target!, page.Url, StringComparison.Ordinal);
        var card = page.Locator(target!);
        var eventType = (await card.Locator("h3").InnerTextAsync()).Split(' ')[0];
        await card.Locator("a.event-link").ClickAsync();
        await page.WaitForURLAsync("**/events/*");
        Assert.StartsWith(eventType, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(WebFixture.ExampleId, await page.Locator(".mention figcaption").First.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "event");

        await page.Locator("a.dyad-link").First.ClickAsync();
        await page.WaitForURLAsync("**/dyads/*/*");
        var heading = await page.Locator("h1").InnerTextAsync();
        Assert.Contains("BLR", heading, StringComparison.Ordinal);
        Assert.Contains("KAZ", heading, StringComparison.Ordinal);
        await page.Locator("#dyad-chart[data-rendered=true] canvas").First.WaitForAsync();
        Assert.True(await page.Locator("#dyad-table tbody tr").CountAsync() >= 1);
        Assert.True(await page.Locator("#dyad-events li").CountAsync() >= 1);
        Assert.True(await page.Locator("#dyad-events blockquote").CountAsync() >= 1);
        await Shot(page, "dyad");
        NoErrors();
    }

    [ChromiumFact]
    public async Task DyadForm_AndCalendar_AndSearch_Work()
    {
        var page = await Page();
        await page.GotoAsync(web.BaseUrl + "/dyads");
        await page.GetByLabel("Actor A").FillAsync("kaz");
        await page.GetByLabel("Actor B").FillAsync("blr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync("**/dyads/kaz/blr*");
        Assert.Equal("KAZ – BLR", await page.Locator("h1").InnerTextAsync());

        await page.GotoAsync(web.BaseUrl + "/calendar");
        var rows = await page.Locator("#calendar tbody tr").CountAsync();
        Assert.True(rows >= 1);
        Assert.True(await page.Locator("#calendar tbody a").CountAsync() == rows);
        await Shot(page, "calendar");

        await page.GotoAsync(web.BaseUrl + "/search");
        await page.GetByLabel("Words").FillAsync("interparliamentary");
        await page.GetByLabel("Words").PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=*");
        Assert.True(await page.Locator("#hits li").CountAsync() >= 1);
        Assert.True(await page.Locator("#hits mark").CountAsync() >= 1);
        await Shot(page, "search");
        NoErrors();
    }

    [ChromiumFact]
    public async Task Network_DrawsActorsAndEdges()
    {
        var page = await Page();
        await page.GotoAsync(web.BaseUrl + "/network?kind=country");
        await page.Locator("#network[data-rendered=true]").WaitForAsync();
        Assert.True(await page.Locator("#network circle").CountAsync() >= 3);
        Assert.True(await page.Locator("#network line").CountAsync() >= 2);
        Assert.True(await page.Locator("#edges tbody tr").CountAsync() >= 2);
        Assert.Equal("country", await page.Locator("select[name=kind]").InputValueAsync());
        await Shot(page, "network");
        NoErrors();
    }

    [ChromiumFact]
    public async Task Reference_SendsAGetAndShowsTheAnswer()
    {
        var page = await Page();
        await page.GotoAsync(web.BaseUrl + "/reference");
        var events = page.Locator("form[data-path='/v1/events']");
        await events.WaitForAsync();
        await events.Locator("input[name=limit]").FillAsync("1");
        await events.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var output = page.Locator("form[data-path='/v1/events'] + pre");
        await Assertions.Expect(output).ToContainTextAsync("→ 200");
        Assert.Contains("\"items\"", await output.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "reference");
        NoErrors();
    }

    [ChromiumFact]
    public async Task PhoneSizedScreen_HasNoSidewaysScroll_AndSkipLinkComesFirst()
    {
        var page = await Page(390, 844);
        foreach (var (path, shot) in new[] { ("/", "overview-phone"), ("/network", "network-phone"), ("/dyads/BLR/KAZ", "dyad-phone"), ("/calendar", null), ("/search?q=minister", null), ("/reference", null), ("/documents/" + WebFixture.ExampleId, "article-phone") })
        {
            await page.GotoAsync(web.BaseUrl + path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{path} is {overflow}px wider than the screen");
            if (shot is not null)
            {
                await Shot(page, shot);
            }
        }

        await page.GotoAsync(web.BaseUrl + "/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        NoErrors();
    }

    [ChromiumFact]
    public async Task Keyboard_Alone_GoesFromATriggerToItsEventAndFillsTheDyadForm()
    {
        var page = await Page();
        await page.GotoAsync(web.BaseUrl + "/documents/" + WebFixture.ExampleId);

        // Tab until a trigger of the text has the focus, with a visible focus ring; Enter follows it to its card
        Assert.True(await TabTo(page, "#article-text a.hl-trigger", 80), "no trigger reached with Tab");
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        var target = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith(target, page.Url, StringComparison.Ordinal);

        // from the card, Tab reaches its event link; Enter opens the event
        Assert.True(await TabTo(page, target + " a.event-link", 20), "the card's event link is not reached with Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/events/[0-9]+$"));
        await Assertions.Expect(page.Locator("h1")).Not.ToBeEmptyAsync();

        // the dyad form, filled and sent with the keyboard
        await page.GotoAsync(web.BaseUrl + "/dyads");
        Assert.True(await TabTo(page, "input[name=a]", 20));
        await page.Keyboard.TypeAsync("BLR");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("KAZ");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dyads/BLR/KAZ"));
        Assert.True(await page.Locator("#dyad-events li").CountAsync() >= 1);
        NoErrors();
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>, at most <paramref name="presses"/> times.</summary>
    private static async Task<bool> TabTo(IPage page, string selector, int presses)
    {
        for (var i = 0; i < presses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector))
            {
                return true;
            }
        }

        return false;
    }

    [ChromiumFact]
    public async Task HostileText_IsShownAsText_NeverRun()
    {
        var hostile = "Chile and Peru <script>alert('x')</script> signed an agreement in Lima on Monday, the <b>minister</b> said <img src=x onerror=alert(1)>.";
        using var r = await web.Upload(Encoding.UTF8.GetBytes(hostile), "text/plain", "hostile-note.txt");
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        var page = await Page();
        await page.GotoAsync(web.BaseUrl + "/documents/hostile-note");
        var text = await page.Locator("#article-text").InnerTextAsync();
        Assert.Contains("<script>alert('x')</script>", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#article-text script, #article-text img, #article-text b").CountAsync());
        NoErrors(); // no alert dialog, no CSP violation
    }
}
