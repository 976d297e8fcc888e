using Microsoft.Playwright;
using Parley.Cli.Tests;

namespace Parley.Web.Tests;

/// <summary>
/// Debian's Chromium for the end-to-end tests (never a downloaded browser): <c>/usr/bin/chromium</c>, headless, without the
/// sandbox (tests run as root). <c>bash scripts/test</c> installs it when absent. Without it the browser tests are skipped
/// locally with the reason, and fail under <c>CI=true</c>.
/// </summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool Present => File.Exists(Path);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where screenshots go: <c>.build/screenshots</c> in the repository (gitignored).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(System.IO.Path.Combine(CliRunner.RepoRoot, ".build", "screenshots")).FullName;
}

/// <summary>A fact that needs Chromium: skipped with the reason when it is absent, except under CI where it runs (and fails).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.Present && !Chromium.InCi)
        {
            Skip = $"Chromium is not installed at {Chromium.Path} (apt-get install chromium; bash scripts/test installs it). With CI=true this test fails instead.";
        }
    }
}

/// <summary>One Playwright driver and one headless Chromium for the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        if (!Chromium.Present)
        {
            return; // the tests say why (skipped locally, failed in CI)
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A new page; every console error, page error and CSP violation is collected in <paramref name="errors"/>.</summary>
    public async Task<IPage> NewPageAsync(List<string> errors, int width = 1280, int height = 900)
    {
        Assert.True(Browser is not null, $"Chromium is required at {Chromium.Path} for the browser tests (apt-get install chromium)");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add("console: " + m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add("page error: " + e);
        page.Dialog += (_, d) =>
        {
            errors.Add("dialog: " + d.Message);
            _ = d.DismissAsync();
        };
        page.SetDefaultTimeout(15_000);
        return page;
    }
}
