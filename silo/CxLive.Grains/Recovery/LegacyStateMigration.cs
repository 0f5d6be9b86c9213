using CxLive.Grains.Alerts;
using CxLive.Grains.Fleet;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace CxLive.Grains.Recovery;

/// <summary>
/// Moves what builds before the fleet index kept in two fleet-sized grains into the index, once, when a silo starts:
/// the customer directory's summaries and the alert index's rows. Customers and alert grains that held live state are
/// placed on a silo that is gone ("legacy"), so <see cref="SiloRecovery"/> wakes them right after and they write
/// their rows afresh. The old states are cleared once moved; nothing is dropped on the way.
/// </summary>
public sealed partial class LegacyStateMigration(
    [FromKeyedServices(StorageNames.Default)] IGrainStorage storage,
    CustomerIndex customers,
    AlertIndex alerts,
    ILogger<LegacyStateMigration> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The silo key the moved rows carry: no silo has it, so their grains are woken.</summary>
    public const string GoneSilo = "legacy";

    public static readonly GrainId DirectoryGrain = GrainId.Create("customerdirectory", "0");
    public static readonly GrainId AlertIndexGrain = GrainId.Create("alertindex", "0");

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LegacyStateMigration), ServiceLifecycleStage.Active - 1, MigrateAsync);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var directory = new StateOf<LegacyDirectoryState>();
        await storage.ReadStateAsync("directory", DirectoryGrain, directory);
        if (directory.RecordExists)
        {
            var moved = directory.State.Customers.Count;
            foreach (var summary in directory.State.Customers)
            {
                var live = summary.Active || summary.Disrupted || summary.Degraded;
                await customers.Write(customers.Row(new CustomerIndexEntry(summary, [], live ? GoneSilo : null)));
            }

            await storage.ClearStateAsync("directory", DirectoryGrain, directory);
            LogMoved(logger, moved, "customer summaries");
        }

        var index = new StateOf<LegacyAlertIndexState>();
        await storage.ReadStateAsync("alert-index", AlertIndexGrain, index);
        if (index.RecordExists)
        {
            var moved = index.State.Alerts.Count;
            foreach (var alert in index.State.Alerts.Values)
            {
                await alerts.Write(alert, GoneSilo);
            }

            await storage.ClearStateAsync("alert-index", AlertIndexGrain, index);
            LogMoved(logger, moved, "alert rows");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} {What} of an earlier build into the fleet index")]
    private static partial void LogMoved(ILogger logger, int count, string what);

    private sealed class StateOf<T> : IGrainState<T>
        where T : new()
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public T State { get; set; } = new();

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}
