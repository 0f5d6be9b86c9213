using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Feedback;

namespace CxLive.Grains.Customers;

/// <summary>
/// What one look at a customer changed (<see cref="CustomerModel.Look"/>): the grain applies it, persists once and
/// notifies once.
/// </summary>
/// <param name="Transitions">Verdict changes, as they joined the timeline (disrupted, recovered, degraded, ...).</param>
/// <param name="DisruptionsEntered">How many touchpoints entered a disruption (each a detection-lag sample).</param>
/// <param name="Changed">Anything the index, the live feed or the lists see moved (a verdict, the score, the quadrant).</param>
/// <param name="TimelineChanged">The timeline (persisted with the customer) took an entry: the look must write state.</param>
/// <param name="Alerts">The customer's alert conditions moved: for its alert grain, null when nothing moved.</param>
/// <param name="Holding">The alert reasons holding now, remembered once the alert grain took <paramref name="Alerts"/> (empty without it).</param>
internal sealed record CustomerLook(
    IReadOnlyList<TimelineRecord> Transitions,
    int DisruptionsEntered,
    bool Changed,
    bool TimelineChanged,
    AlertObservation? Alerts,
    IReadOnlyList<string> Holding);

/// <summary>What feedback given to a customer changed (<see cref="CustomerModel.Receive"/>).</summary>
/// <param name="Stored">Items new to this customer.</param>
/// <param name="Duplicates">Items whose ids it had already (replays, acknowledged again).</param>
/// <param name="ByTouchpoint">The stored items that name a touchpoint, for that touchpoint's tallies.</param>
/// <param name="Alerts">For the alert grain, when a complaint or detractor arrived or the score moved the conditions.</param>
/// <param name="Holding">The alert reasons holding now (as in <see cref="CustomerLook"/>).</param>
internal sealed record FeedbackIntake(
    int Stored,
    int Duplicates,
    IReadOnlyDictionary<string, TouchpointFeedback[]> ByTouchpoint,
    AlertObservation? Alerts,
    IReadOnlyList<string> Holding);
