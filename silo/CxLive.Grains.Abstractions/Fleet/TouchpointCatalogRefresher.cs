using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>Keeps <see cref="TouchpointCatalog"/> current: asks the overview grain every couple of seconds.</summary>
public sealed partial class TouchpointCatalogRefresher(IGrainFactory grains, TouchpointCatalog catalog, ILogger<TouchpointCatalogRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    /// <summary>Refreshes now, e.g. right after a definition changed in this process.</summary>
    public async Task RefreshAsync() => catalog.Update(await grains.Overview().GetCatalog());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Touchpoint catalog refresh failed; retrying")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
