using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>
/// An alert's changes as pure functions: each returns the alert after the change, with its history entry and the next
/// version when the change is announced (pushed and delivered). The grain decides when; this decides what.
/// </summary>
internal static class AlertLifecycle
{
    public const int MaxHistory = 50;

    public static Alert Raise(string id, string customerId, AlertSignal signal, AlertObservation observation, Silence? silence)
    {
        var at = observation.At;
        List<AlertHistoryEntry> history = [new(at, AlertActions.Raised, AlertActions.System, signal.Title)];
        if (silence is not null)
        {
            history.Add(new(at, AlertActions.Silenced, AlertActions.System, $"matched silence {silence.Id}; recorded, not delivered"));
        }

        return new Alert
        {
            Id = id,
            CustomerId = customerId,
            Reason = signal.Reason,
            Severity = AlertReasons.Severity(signal.Reason),
            AccountManager = observation.Owner,
            State = AlertStates.Open,
            OpenedAt = at,
            Evidence = observation.Evidence,
            History = history,
            Touchpoint = signal.Touchpoint,
            Title = signal.Title,
            LastSeenAt = at,
            Silenced = silence is not null,
            SilenceId = silence?.Id,
        };
    }

    /// <summary>
    /// New evidence for an open alert: counts, last seen and evidence always move; a condition that had cleared and
    /// holds again is announced at once, other news at most once per <paramref name="updateInterval"/>.
    /// </summary>
    public static (Alert Alert, bool Announce) Fold(Alert alert, AlertSignal signal, AlertEvidence evidence, DateTimeOffset at, TimeSpan updateInterval)
    {
        var folded = alert with
        {
            Occurrences = alert.Occurrences + 1,
            LastSeenAt = at,
            Evidence = evidence,
            Touchpoint = signal.Touchpoint ?? alert.Touchpoint,
            Title = signal.Title,
            Cleared = false,
            ClearedAt = null,
        };
        var lastAnnounced = alert.History.LastOrDefault(h => h.Action is AlertActions.Raised or AlertActions.Updated)?.At ?? alert.OpenedAt;
        if (!alert.Cleared && at - lastAnnounced < updateInterval)
        {
            return (folded, false);
        }

        var note = alert.Cleared ? $"holds again: {signal.Title}" : $"new evidence: {signal.Title}";
        return (Next(folded, new(at, AlertActions.Updated, AlertActions.System, note)), true);
    }

    /// <summary>The condition no longer holds: cleared, and resolved too when <paramref name="autoResolve"/>. Null when already cleared.</summary>
    public static Alert? Clear(Alert alert, DateTimeOffset at, bool autoResolve)
    {
        if (alert.Cleared || !alert.IsOpen())
        {
            return null;
        }

        var cleared = alert with { Cleared = true, ClearedAt = at };
        cleared = Append(cleared, new(at, AlertActions.Cleared, AlertActions.System, "the condition no longer holds"));
        return autoResolve
            ? Next(cleared with { State = AlertStates.Resolved, ResolvedAt = at }, new(at, AlertActions.Resolved, AlertActions.System, "resolved as the condition cleared (Alerts:AutoResolve)"))
            : cleared with { Version = alert.Version + 1 };
    }

    public static Alert Acknowledge(Alert alert, string by, string? note, DateTimeOffset at) =>
        Next(alert with { State = AlertStates.Acknowledged, AcknowledgedAt = at }, new(at, AlertActions.Acknowledged, by, note));

    public static Alert Resolve(Alert alert, string by, string? note, DateTimeOffset at) =>
        Next(alert with { State = AlertStates.Resolved, ResolvedAt = at }, new(at, AlertActions.Resolved, by, note));

    public static Alert Escalate(Alert alert, string owner, DateTimeOffset at, TimeSpan after) =>
        Next(alert with { Escalated = true, EscalatedAt = at, EscalatedTo = owner },
            new(at, AlertActions.Escalated, AlertActions.System, $"not acknowledged within {AlertRules.Describe(after)}; escalated to {owner}"));

    /// <summary>When an alert is due for escalation: open (not acknowledged) and not escalated yet; otherwise null.</summary>
    public static DateTimeOffset? EscalationDue(Alert alert, TimeSpan after) =>
        alert.State == AlertStates.Open && !alert.Escalated ? alert.OpenedAt + after : null;

    /// <summary>What the alert's latest announced change was: the action of its last history entry.</summary>
    public static string LastChange(Alert alert) => alert.History.Count > 0 ? alert.History[^1].Action : AlertActions.Raised;

    private static Alert Next(Alert alert, AlertHistoryEntry entry) => Append(alert, entry) with { Version = alert.Version + 1 };

    private static Alert Append(Alert alert, AlertHistoryEntry entry)
    {
        var history = new List<AlertHistoryEntry>(alert.History.Count + 1);
        history.AddRange(alert.History);
        history.Add(entry);
        if (history.Count > MaxHistory)
        {
            history.RemoveRange(1, history.Count - MaxHistory); // the first entry (raised) stays
        }

        return alert with { History = history };
    }
}
