using CxLive.Domain.Scoring;
using CxLive.Grains.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Fleet;

/// <summary>
/// The revenue line between the quadrants' halves: Scoring:RevenueThreshold when set, else the median annual revenue
/// of the known customers, which this silo reads from the customer index every few seconds (never per customer call).
/// </summary>
public sealed partial class RevenueThreshold(CustomerIndex customers, IOptions<ScoringOptions> options, IOptions<CadenceOptions> cadence, ILogger<RevenueThreshold> logger) : BackgroundService
{
    private double _median;

    public double Value => options.Value.RevenueThreshold ?? _median;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(cadence.Value.DirectoryRefresh);
        do
        {
            if (options.Value.RevenueThreshold is not null)
            {
                continue;
            }

            try
            {
                _median = await customers.MedianRevenue();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Median revenue refresh failed; retrying")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
