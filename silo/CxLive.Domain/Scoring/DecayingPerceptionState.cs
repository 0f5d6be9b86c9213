namespace CxLive.Domain.Scoring;

/// <summary>
/// A <see cref="DecayingPerception"/> as plain data, for persistence: the weighted sums as of <see cref="LastUpdate"/>
/// (null before the first signal) and the plain counts.
/// </summary>
public sealed record DecayingPerceptionState(
    DateTimeOffset? LastUpdate,
    double PromoterWeight,
    double DetractorWeight,
    double ComplaintWeight,
    double NpsPoolWeight,
    double CsatGoodWeight,
    double CsatWeight,
    double CesWeightedSum,
    double CesWeight,
    int Responses,
    int Promoters,
    int Detractors,
    int Complaints,
    int Praise)
{
    /// <summary>Nothing heard yet.</summary>
    public static DecayingPerceptionState Empty { get; } = new(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
