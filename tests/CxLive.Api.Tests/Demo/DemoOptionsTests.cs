using CxLive.Api.Hosting;
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

public sealed class DemoSwitchTests
{
    [Fact]
    public void The_demo_switch_does_not_swallow_the_argument_after_it()
    {
        var builder = ApiExtensions.CreateCxLiveBuilder(["--demo", "--urls", "http://127.0.0.1:5999"]);

        Assert.Equal("http://127.0.0.1:5999", builder.Configuration["urls"]);
        Assert.Equal("true", builder.Configuration["Demo:Enabled"]);
        Assert.Equal("true", builder.Configuration["Auth:AllowAnonymousLoopback"]);
        Assert.Null(builder.Configuration["demo"]);
    }

    [Fact]
    public void The_demo_shortens_the_alert_grace_only_where_nothing_else_sets_it()
    {
        var demo = ApiExtensions.CreateCxLiveBuilder(["--demo"]);
        var mine = ApiExtensions.CreateCxLiveBuilder(["--demo", "--Alerts:DisruptedGrace=00:05:00"]);
        var plain = ApiExtensions.CreateCxLiveBuilder([]);

        Assert.Equal("00:00:30", demo.Configuration["Alerts:DisruptedGrace"]);
        Assert.Equal("00:05:00", mine.Configuration["Alerts:DisruptedGrace"]);
        Assert.Null(plain.Configuration["Alerts:DisruptedGrace"]);
    }
}
