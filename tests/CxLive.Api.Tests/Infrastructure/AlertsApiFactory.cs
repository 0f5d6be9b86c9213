using Microsoft.AspNetCore.Hosting;

namespace CxLive.Api.Tests.Infrastructure;

/// <summary>
/// The api with a 1-second disruption grace and a revenue floor (50,000) under the quadrants' revenue line
/// (<see cref="CxLiveApiFactory.RevenueThreshold"/>): a disrupted customer of 80,000 gets the disruption alert and no other.
/// </summary>
public sealed class AlertsApiFactory : CxLiveApiFactory
{
    public const double RevenueFloor = 50_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Alerts:DisruptedGrace", "00:00:01");
        builder.UseSetting("Alerts:RevenueFloor", RevenueFloor.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
