using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RagApi.Browser.Tests.Infrastructure;

/// <summary>
/// Another site's page that embeds the widget with the one script tag. The browser loads it from
/// http://localhost:PORT while the script and the API are addressed as http://127.0.0.1:PORT: a different origin,
/// as a partner site would be. The CORS policy below exists for this test only (the real allowlist is issue 7's),
/// and the page sets no Content-Security-Policy, so only the widget's own care keeps hostile text inert here.
/// </summary>
internal sealed class EmbedHostPage : IStartupFilter
{
    public const string Path = "/embed-test/host.html";
    public const string ApiKey = "partner-test-key";

    public static void AddTo(IServiceCollection services)
    {
        services.AddCors();
        services.AddSingleton<IStartupFilter, EmbedHostPage>();
    }

    /// <summary>The host page's address, on the other origin.</summary>
    public static Uri AddressFor(Uri api) => new($"http://localhost:{api.Port}{Path}");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseCors(policy => policy
            .SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Host == "localhost")
            .WithMethods("POST")
            .AllowAnyHeader()
            .WithExposedHeaders("Retry-After"));
        app.Map(Path, host => host.Run(WriteAsync));
        next(app);
    };

    private static Task WriteAsync(HttpContext context)
    {
        var api = $"http://127.0.0.1:{context.Request.Host.Port}";
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Ward handbook</title></head>
            <body>
              <h1>Ward handbook</h1>
              <p>A partner site's own page, with the RagApi widget embedded below.</p>
              <div id="clinical-answers"></div>
              <script src="{{api}}/widget/ragapi-widget.js" data-api-base="{{api}}" data-api-key="{{ApiKey}}"
                      data-target="#clinical-answers" data-title="Ask the evidence"></script>
            </body>
            </html>
            """);
    }
}
