using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Customers;

/// <summary>
/// A customer's telemetry aggregates, written on a timer and on deactivation (ARCHITECTURE.md, durability): a crash
/// loses at most one checkpoint interval of counts. The windows travel as one versioned binary blob. The alert memory
/// travels here too: a look that moves it writes nothing of its own, and what a crash loses of it the next look
/// repeats (the alert grain takes a raise of an open reason as fresh evidence, a clear of a closed one as nothing).
/// </summary>
[GenerateSerializer, Alias("cxlive.TelemetryCheckpoint")]
public sealed class TelemetryCheckpoint : Storage.IRebuildableState
{
    /// <summary>Api processes whose last flush sequence a customer remembers (each process start is a new one).</summary>
    public const int MaxSenders = 32;

    [Id(0)] public byte[] Experiences { get; set; } = [];

    /// <summary>Per api process, the sequence of the last flush applied (so a retried flush is applied once, counts and all).</summary>
    [Id(1)] public Dictionary<string, long> Batches { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The alert reasons that held at the last look the alert grain took (AlertRules); null when none.</summary>
    [Id(2)] public List<string>? AlertHolding { get; set; }

    /// <summary>The customer's alerts not yet resolved, as its alert grain last said; null when none.</summary>
    [Id(3)] public List<AlertSummary>? OpenAlerts { get; set; }

    /// <summary>
    /// False when this sender's flush with this sequence (or a later one) was applied already. At most
    /// <see cref="MaxSenders"/> senders are remembered (the most recent).
    /// </summary>
    public bool TakeBatch(string? sender, long sequence)
    {
        if (sender is null)
        {
            return true;
        }

        if (Batches.TryGetValue(sender, out var applied) && sequence <= applied)
        {
            return false;
        }

        Batches[sender] = sequence;
        if (Batches.Count > MaxSenders)
        {
            Batches.Remove(Batches.MinBy(b => b.Value).Key);
        }

        return true;
    }
}
