using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>What a customer's alert grain persists. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.CustomerAlertsState")]
public sealed class CustomerAlertsState
{
    public const int MaxUnsent = 200;

    /// <summary>Every alert not resolved, and the most recent resolved ones (Alerts:KeepResolved), oldest first.</summary>
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
}
