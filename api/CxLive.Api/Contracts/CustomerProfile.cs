using CxLive.Domain;

namespace CxLive.Api.Contracts;

/// <summary>
/// What the company knows about a paying customer (PUT /api/v1/customers/{id}).
/// </summary>
public sealed record CustomerProfile
{
    public const int MaxTextLength = 200;
    public const int MaxTags = 50;

    public string? Name { get; init; }
    public string? Segment { get; init; }
    public string? Region { get; init; }
    public string? Vertical { get; init; }
    public string? Plan { get; init; }
    public double? AnnualRevenue { get; init; }
    public double? PotentialRevenue { get; init; }
    public string? AccountManager { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.RequireOptionalText(Name, "name", MaxTextLength);
        errors.RequireOptionalText(Segment, "segment", MaxTextLength);
        errors.RequireOptionalText(Region, "region", MaxTextLength);
        errors.RequireOptionalText(Vertical, "vertical", MaxTextLength);
        errors.RequireOptionalText(Plan, "plan", MaxTextLength);
        errors.Require(AnnualRevenue is null || (AnnualRevenue >= 0 && double.IsFinite(AnnualRevenue.Value)), "annualRevenue", "'annualRevenue' must be a number >= 0.");
        errors.Require(PotentialRevenue is null || (PotentialRevenue >= 0 && double.IsFinite(PotentialRevenue.Value)), "potentialRevenue", "'potentialRevenue' must be a number >= 0.");
        if (AccountManager is not null)
        {
            errors.RequireId(AccountManager, "accountManager");
        }

        if (Tags is { } tags)
        {
            errors.Require(tags.Count <= MaxTags, "tags", $"'tags' may hold at most {MaxTags} tags.");
            for (var i = 0; i < tags.Count; i++)
            {
                errors.Require(!string.IsNullOrWhiteSpace(tags[i]) && tags[i].Length <= 64, $"tags[{i}]", "A tag is 1-64 characters.");
            }
        }
    }
}
