namespace CxLive.Domain.Scoring;

/// <summary>
/// What a customer saw on one touchpoint over the long window, as scoring needs it: the touchpoint's weight in the
/// operational part, the bad ratio (failed or slow), the touchpoint's SLO target, whether the customer is disrupted
/// there, and how many interactions the window holds (0 = not active: left out of the score).
/// </summary>
public readonly record struct TouchpointHealth(string Touchpoint, double Weight, double BadRatio, double SloTarget, bool Disrupted, long Events);
