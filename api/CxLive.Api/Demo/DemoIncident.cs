namespace CxLive.Api.Demo;

/// <summary>
/// One hidden disruption: from <see cref="StartSecond"/> (inclusive) to <see cref="EndSecond"/> (exclusive) of the
/// simulation, <see cref="AffectedShare"/> of the calls of <see cref="Customers"/> on one touchpoint fail (or are
/// <see cref="SlowFactor"/> times the threshold slow). Each of them makes at least <see cref="RatePerSecond"/> calls a
/// second there meanwhile, and at least <see cref="DemoScenario.RecoveryRatePerSecond"/> for
/// <see cref="DemoScenario.RecoverySeconds"/> after, so both the disruption and the recovery can be judged.
/// </summary>
internal sealed record DemoIncident(
    int Number,
    int Touchpoint,
    DemoIncidentKind Kind,
    IReadOnlyList<int> Customers,
    double AffectedShare,
    double SlowFactor,
    double RatePerSecond,
    long StartSecond,
    long EndSecond,
    double ExpectedBadEvents)
{
    public bool IsActiveAt(long second) => second >= StartSecond && second < EndSecond;

    public bool IsRecoveringAt(long second) => second >= EndSecond && second < EndSecond + DemoScenario.RecoverySeconds;
}
