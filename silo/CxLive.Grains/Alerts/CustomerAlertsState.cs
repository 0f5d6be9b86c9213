using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>
/// What a customer's alert grain persists (version 2: its alerts as <see cref="AlertRecord"/>s, the stored form of their
/// own). Never renumber an [Id].
/// </summary>
[GenerateSerializer, Alias("cxlive.CustomerAlertsState")]
public sealed class CustomerAlertsState
{
    public const int MaxUnsent = 200;

    public const int CurrentVersion = 2;

    /// <summary>Builds before version 2 stored the alert messages themselves: read once (<see cref="TakeAlerts"/>), then empty.</summary>
    [Id(0)] public List<Alert> Alerts { get; set; } = [];

    /// <summary>The number of the last alert raised for this customer (alert ids count from 1).</summary>
    [Id(1)] public int Sequence { get; set; }

    /// <summary>
    /// Notices written with their change but not yet taken by the outbox: handed over again on activation, so a crash
    /// between the write and the hand-over loses nothing.
    /// </summary>
    [Id(2)] public List<AlertNotice> Unsent { get; set; } = [];

    /// <summary>
    /// Ids of alerts whose change the alert index has not taken yet: written with the change, sent to the index again
    /// on activation, so a crash between the two writes leaves no alert out of the inboxes or the restart wake-up.
    /// </summary>
    [Id(3)] public List<string> IndexPending { get; set; } = [];

    /// <summary>Every alert not resolved, and the most recent resolved ones (Alerts:KeepResolved), oldest first.</summary>
    [Id(4)] public List<AlertRecord> Records { get; set; } = [];

    /// <summary>The layout this state was written in (0: before version 2).</summary>
    [Id(5)] public int Version { get; set; }

    /// <summary>The alerts as messages, from the records (or, written by an older build, as they were stored).</summary>
    public List<Alert> TakeAlerts()
    {
        var alerts = Version >= 2 ? [.. Records.Select(r => r.ToAlert())] : Alerts;
        Alerts = [];
        return alerts;
    }

    /// <summary>Puts the alerts into their stored form, before a write.</summary>
    public void Keep(IEnumerable<Alert> alerts)
    {
        Records = [.. alerts.Select(a => a.ToRecord())];
        Version = CurrentVersion;
    }

    /// <summary>Keeps the newest <paramref name="keepResolved"/> resolved alerts and the newest unsent notices; returns the ids let go.</summary>
    public List<string> Trim(List<Alert> alerts, int keepResolved)
    {
        var forgotten = new List<string>();
        var resolved = alerts.Count(a => !a.IsOpen());
        if (resolved > keepResolved)
        {
            var drop = alerts.Where(a => !a.IsOpen()).OrderBy(a => a.ResolvedAt).Take(resolved - keepResolved).ToHashSet();
            alerts.RemoveAll(drop.Contains);
            forgotten.AddRange(drop.Select(a => a.Id));
            IndexPending.RemoveAll(forgotten.Contains);
        }

        if (Unsent.Count > MaxUnsent)
        {
            Unsent.RemoveRange(0, Unsent.Count - MaxUnsent);
        }

        return forgotten;
    }
}
