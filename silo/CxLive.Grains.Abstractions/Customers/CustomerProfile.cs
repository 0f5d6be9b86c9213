using CxLive.Domain;

namespace CxLive.Grains.Abstractions.Customers;

/// <summary>
/// What the company knows about a paying customer (PUT /api/v1/customers/{id}).
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.CustomerProfile")]
public sealed record CustomerProfile
{
    public const int MaxTextLength = 200;
    public const int MaxTags = 50;

    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Segment { get; init; }
    [Id(2)] public string? Region { get; init; }
    [Id(3)] public string? Vertical { get; init; }
    [Id(4)] public string? Plan { get; init; }
    [Id(5)] public double? AnnualRevenue { get; init; }
    [Id(6)] public double? PotentialRevenue { get; init; }
    [Id(7)] public string? AccountManager { get; init; }
    [Id(8)] public IReadOnlyList<string>? Tags { get; init; }

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
