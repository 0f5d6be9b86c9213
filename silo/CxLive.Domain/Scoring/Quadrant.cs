namespace CxLive.Domain.Scoring;

/// <summary>Where a customer sits in value x experience (SCORING.md 5). Wire names in <see cref="Quadrants"/>.</summary>
public enum Quadrant
{
    /// <summary>Good experience, good revenue.</summary>
    Model,

    /// <summary>Good experience with room to grow: upsell candidates.</summary>
    Growth,

    /// <summary>Poor experience, good revenue: decisive intervention.</summary>
    AtRisk,

    /// <summary>Poor experience, low revenue: rescue or let go.</summary>
    Dangling,
}
