using System.ComponentModel.DataAnnotations;

namespace CxLive.Api.Ingest.Otlp;

/// <summary>
/// Which OpenTelemetry attributes say who the customer is and which touchpoint a span is (section
/// <c>Ingest:Otlp</c>). Each list is tried in order, the span's attribute before its resource's for the same key;
/// the span name is the touchpoint's last resort.
/// </summary>
internal sealed class OtlpOptions : IValidatableObject
{
    public const string SectionName = "Ingest:Otlp";
    public const int MaxAttributes = 8;

    public static readonly IReadOnlyList<string> DefaultCustomerAttributes = ["cx.customer.id", "enduser.id"];
    public static readonly IReadOnlyList<string> DefaultTouchpointAttributes = ["cx.touchpoint", "http.route"];

    /// <summary>Unset means <see cref="DefaultCustomerAttributes"/> (arrays bound from configuration append to defaults).</summary>
    public string[]? CustomerAttributes { get; set; }

    /// <summary>Unset means <see cref="DefaultTouchpointAttributes"/>.</summary>
    public string[]? TouchpointAttributes { get; set; }

    public IReadOnlyList<string> CustomerKeys => CustomerAttributes is { Length: > 0 } keys ? keys : DefaultCustomerAttributes;

    public IReadOnlyList<string> TouchpointKeys => TouchpointAttributes is { Length: > 0 } keys ? keys : DefaultTouchpointAttributes;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in Check(CustomerKeys, nameof(CustomerAttributes)).Concat(Check(TouchpointKeys, nameof(TouchpointAttributes))))
        {
            yield return new ValidationResult(problem);
        }

        foreach (var key in CustomerKeys.Intersect(TouchpointKeys, StringComparer.Ordinal))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(CustomerAttributes)} and {SectionName}:{nameof(TouchpointAttributes)} both name '{key}'; an attribute can say one thing only.");
        }
    }

    private static IEnumerable<string> Check(IReadOnlyList<string> keys, string setting)
    {
        if (keys.Count > MaxAttributes)
        {
            yield return $"{SectionName}:{setting} may list at most {MaxAttributes} attribute keys.";
        }

        if (keys.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > 256))
        {
            yield return $"{SectionName}:{setting} has an empty key or one longer than 256 characters.";
        }

        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            yield return $"{SectionName}:{setting} lists a key twice.";
        }
    }
}
