namespace CxLive.Domain.Scoring;

/// <summary>
/// Recency-weighted sums of feedback and plain counts, the common core of <see cref="Perception"/> and
/// <see cref="DecayingPerception"/>. Every figure it reports is a ratio of weighted sums, so scaling all sums by the
/// same factor (decay) changes no figure.
/// </summary>
internal sealed class PerceptionTally
{
    public double PromoterWeight { get; set; }

    public double DetractorWeight { get; set; }

    public double ComplaintWeight { get; set; }

    public double NpsPoolWeight { get; set; }

    public double CsatGoodWeight { get; set; }

    public double CsatWeight { get; set; }

    public double CesWeightedSum { get; set; }

    public double CesWeight { get; set; }

    public int Responses { get; set; }

    public int Promoters { get; set; }

    public int Detractors { get; set; }

    public int Complaints { get; set; }

    public int Praise { get; set; }

    public double? Nps => NpsPoolWeight > 0
        ? Math.Clamp(100 * (PromoterWeight - DetractorWeight - ComplaintWeight) / NpsPoolWeight, -100, 100)
        : null;

    public double? Csat => CsatWeight > 0 ? Math.Clamp(CsatGoodWeight / CsatWeight, 0, 1) : null;

    /// <summary>Weighted mean effort, clamped to the CES scale (1-7) against rounding and out-of-scale answers.</summary>
    public double? Ces => CesWeight > 0 ? Math.Clamp(CesWeightedSum / CesWeight, 1, 7) : null;

    /// <summary>Mean of the available parts among <c>(NPS + 100) / 2</c> and <c>100 x CSAT</c>; null when neither exists.</summary>
    public double? Score => (Nps, Csat) switch
    {
        (null, null) => null,
        ({ } nps, null) => (nps + 100) / 2,
        (null, { } csat) => 100 * csat,
        ({ } nps, { } csat) => (((nps + 100) / 2) + (100 * csat)) / 2,
    };

    /// <summary>Adds one signal with recency weight <paramref name="weight"/>; scores that are not finite are not answers.</summary>
    public void Add(FeedbackSignal signal, double weight)
    {
        Responses++;
        var score = signal.Score is { } s && double.IsFinite(s) ? s : (double?)null;
        switch (signal.Kind)
        {
            case FeedbackKind.Nps when score is { } nps:
                NpsPoolWeight += weight;
                if (nps >= 9)
                {
                    PromoterWeight += weight;
                    Promoters++;
                }
                else if (nps <= 6)
                {
                    DetractorWeight += weight;
                    Detractors++;
                }

                break;
            case FeedbackKind.Complaint:
                NpsPoolWeight += weight;
                ComplaintWeight += weight;
                Complaints++;
                break;
            case FeedbackKind.Praise:
                NpsPoolWeight += weight;
                PromoterWeight += weight;
                Praise++;
                break;
            case FeedbackKind.Csat when score is { } csat:
                CsatWeight += weight;
                if (csat >= 4)
                {
                    CsatGoodWeight += weight;
                }

                break;
            case FeedbackKind.Ces when score is { } ces:
                CesWeight += weight;
                CesWeightedSum += weight * ces;
                break;
            default:
                break;
        }
    }

    /// <summary>Multiplies every weighted sum by <paramref name="factor"/> (decay); counts stay.</summary>
    public void Scale(double factor)
    {
        PromoterWeight *= factor;
        DetractorWeight *= factor;
        ComplaintWeight *= factor;
        NpsPoolWeight *= factor;
        CsatGoodWeight *= factor;
        CsatWeight *= factor;
        CesWeightedSum *= factor;
        CesWeight *= factor;
    }

    public PerceptionBreakdown ToBreakdown() => new(Responses, Nps, Csat);

    public PerceptionSummary ToSummary(
        IReadOnlyDictionary<string, PerceptionBreakdown> byChannel,
        IReadOnlyDictionary<string, PerceptionBreakdown> byProgram) =>
        new(Nps, Csat, Ces, Responses, Promoters, Detractors, Complaints, Praise, byChannel, byProgram, Score)
        {
            DetractorShare = NpsPoolWeight > 0 ? Math.Clamp(DetractorWeight / NpsPoolWeight, 0, 1) : null,
            ComplaintShare = NpsPoolWeight > 0 ? Math.Clamp(ComplaintWeight / NpsPoolWeight, 0, 1) : null,
        };
}
