namespace CxLive.Domain.Scoring;

/// <summary>
/// Value x experience quadrants (SCORING.md 5):
/// <code>
/// good experience = score >= GoodScore                      good revenue = annualRevenue >= threshold (unknown = 0)
/// high potential  = potentialRevenue > 0 and potentialRevenue >= GrowthPotentialFactor x annualRevenue
/// Growth   good experience and (high potential or low revenue)     upper left: upsell candidates
/// Model    good experience, good revenue, no high potential
/// AtRisk   poor experience, good revenue
/// Dangling poor experience, low revenue
/// </code>
/// </summary>
public static class Quadrants
{
    public static string ToWire(Quadrant q) => q switch
    {
        Quadrant.Model => "model",
        Quadrant.Growth => "growth",
        Quadrant.AtRisk => "at-risk",
        Quadrant.Dangling => "dangling",
        _ => throw new ArgumentOutOfRangeException(nameof(q), q, "Unknown quadrant."),
    };

    /// <summary>Parses a wire name ("model", "growth", "at-risk", "dangling"), ignoring case.</summary>
    public static bool TryParse(string wire, out Quadrant q)
    {
        foreach (var candidate in Enum.GetValues<Quadrant>())
        {
            if (string.Equals(ToWire(candidate), wire, StringComparison.OrdinalIgnoreCase))
            {
                q = candidate;
                return true;
            }
        }

        q = default;
        return false;
    }

    /// <summary>Null when there is no score.</summary>
    public static Quadrant? Classify(double? score, double? annualRevenue, double? potentialRevenue, double revenueThreshold, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (score is not { } s || double.IsNaN(s))
        {
            return null;
        }

        var annual = annualRevenue is > 0 ? annualRevenue.Value : 0;
        var goodRevenue = annual >= revenueThreshold;
        if (s >= options.GoodScore)
        {
            var highPotential = potentialRevenue is { } potential && potential > 0 && potential >= options.GrowthPotentialFactor * annual;
            return highPotential || !goodRevenue ? Quadrant.Growth : Quadrant.Model;
        }

        return goodRevenue ? Quadrant.AtRisk : Quadrant.Dangling;
    }

    /// <summary>Middle value (mean of the two middle values for an even count); 0 for none. NaN values are ignored.</summary>
    public static double Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
