using Microsoft.Playwright;
using RagApi.Testing;

namespace RagApi.Browser.Tests.Infrastructure;

/// <summary>Pictures of the widget's main states, kept as test artifacts under TestResults/screenshots.</summary>
internal static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");

    /// <summary>The whole page, or only what is on screen (for a modal, whose backdrop covers the viewport).</summary>
    public static async Task SaveAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png"), FullPage = fullPage });
    }
}
