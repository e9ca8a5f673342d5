using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Lifecycle;

public static class SeedingExtensions
{
    public static WebApplicationBuilder AddSeedingOnStart(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddOptions<StartupOptions>().BindConfiguration(StartupOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StartupOptions>, StartupOptionsValidator>();
        builder.Services.AddHostedService<SeedOnStartup>();
        return builder;
    }
}
