using CxLive.Api.Tests.Infrastructure;

namespace CxLive.Api.Tests.Demo;

public sealed class DemoOptionsTests(CxLiveApiFactory factory) : IClassFixture<CxLiveApiFactory>
{
    [Theory]
    [InlineData("Demo:Customers", "0")]
    [InlineData("Demo:EventsPerSecond", "1")]
    [InlineData("Demo:IncidentSeconds", "0")]
    public void A_bad_demo_setting_stops_startup_naming_the_setting(string setting, string value)
    {
        using var bad = factory.WithWebHostBuilder(b => b.UseSetting(setting, value));

        var error = Record.Exception(() => bad.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(setting, error.ToString(), StringComparison.Ordinal);
    }
}
