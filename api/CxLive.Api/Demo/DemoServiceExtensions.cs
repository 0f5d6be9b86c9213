using CxLive.Hosting;
namespace CxLive.Api.Demo;

internal static class DemoServiceExtensions
{
    /// <summary>Validates the <c>Demo</c> section and, when <c>Demo:Enabled</c>, runs the simulator.</summary>
    public static WebApplicationBuilder AddCxLiveDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddCxLiveOptions<DemoOptions, Hosting.DemoOptionsValidator>(DemoOptions.SectionName);
        if (builder.Configuration.GetValue<bool>($"{DemoOptions.SectionName}:{nameof(DemoOptions.Enabled)}"))
        {
            builder.Services.AddHostedService<DemoSimulator>();
        }

        return builder;
    }
}
