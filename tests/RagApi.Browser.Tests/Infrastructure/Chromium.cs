using Microsoft.Playwright;
using RagApi.Browser.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(Chromium))]

namespace RagApi.Browser.Tests.Infrastructure;

/// <summary>Debian's Chromium, launched once per test run; each test opens its own context (cookies, storage) in it.</summary>
public sealed class Chromium : IAsyncLifetime
{
    private const string ExecutablePath = "/usr/bin/chromium";

    // Generous because the suite shares two cores with the API and the browser; Playwright waits only as long as needed.
    private const float TimeoutMilliseconds = 30_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: install it with `apt-get install -y chromium` (.ci/run does).");
        Assertions.SetDefaultExpectTimeout(TimeoutMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await _browser!.NewContextAsync(options ?? new BrowserNewContextOptions());
        context.SetDefaultTimeout(TimeoutMilliseconds);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
