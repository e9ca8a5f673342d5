using Microsoft.AspNetCore.StaticFiles;

namespace RagApi.Widget;

/// <summary>
/// The doctors' chat widget: the demo page at <c>/</c> and the embeddable script and stylesheet under
/// <c>/widget/</c>, plain static files from wwwroot that load nothing from any other origin.
/// </summary>
public static class WidgetApi
{
    /// <summary>Only the widget's own files may run or style the page; answers are fetched from this origin only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication MapWidget(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => Harden(context.Context.Response),
        });
        app.MapGet("/", (IWebHostEnvironment environment, HttpContext context) =>
            {
                Harden(context.Response);
                return TypedResults.PhysicalFile(environment.WebRootFileProvider.GetFileInfo("index.html").PhysicalPath!, "text/html; charset=utf-8");
            })
            .WithName("WidgetDemoPage")
            .ExcludeFromDescription();
        return app;
    }

    // no-cache revalidates by ETag, so a new deployment's script reaches every embedding page on its next load.
    private static void Harden(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-cache";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
