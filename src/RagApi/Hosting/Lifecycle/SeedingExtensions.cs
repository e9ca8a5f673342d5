namespace RagApi.Hosting.Lifecycle;

public static class SeedingExtensions
{
    public static WebApplicationBuilder AddSeedingOnStart(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StartupOptions>().BindConfiguration(StartupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<SeedOnStartup>();
        return builder;
    }
}
