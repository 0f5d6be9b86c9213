using System.ComponentModel.DataAnnotations;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// Where alert changes are delivered and how hard the outbox tries (section <see cref="SectionName"/>), checked with
/// <see cref="Validate"/> at start-up.
/// </summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string SectionName = "Webhooks";

    public List<WebhookTargetOptions> Targets { get; set; } = [];

    /// <summary>Tries per delivery, counted durably across restarts; then the delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Median delay before the first retry; later ones grow exponentially (with jitter).</summary>
    public double FirstRetryDelaySeconds { get; set; } = 2;

    /// <summary>Longest delay between two tries.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 300;

    /// <summary>How long one POST may take before it counts as a failed try.</summary>
    public double RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>Delivered and dead-lettered records kept per alert (oldest dropped first).</summary>
    public int KeepPerAlert { get; set; } = 20;

    /// <summary>Alerts the outbox remembers; beyond this the least recently changed alerts with nothing pending are forgotten.</summary>
    public int KeepAlerts { get; set; } = 500;

    public TimeSpan FirstRetryDelay => TimeSpan.FromSeconds(FirstRetryDelaySeconds);

    public TimeSpan MaxRetryDelay => TimeSpan.FromSeconds(MaxRetryDelaySeconds);

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    public WebhookTargetOptions? Target(string name) => Targets.Find(t => t.Name == name);

    /// <summary>For the generated options validator: each problem of <see cref="Validate()"/> as a result naming the setting.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Validate().Select(problem => new ValidationResult(problem));

    /// <summary>Problems with the settings, each naming the setting to fix; empty when the options are usable.</summary>
    public IEnumerable<string> Validate()
    {
        const string P = SectionName + ":";
        if (MaxAttempts is < 1 or > 100)
        {
            yield return $"{P}MaxAttempts must be between 1 and 100 (was {MaxAttempts}).";
        }

        if (FirstRetryDelaySeconds is <= 0 or > 3600)
        {
            yield return $"{P}FirstRetryDelaySeconds must be more than 0 and at most 3600 (was {FirstRetryDelaySeconds}).";
        }

        if (MaxRetryDelaySeconds < FirstRetryDelaySeconds || MaxRetryDelaySeconds > 86400)
        {
            yield return $"{P}MaxRetryDelaySeconds must be at least FirstRetryDelaySeconds and at most 86400 (was {MaxRetryDelaySeconds}).";
        }

        if (RequestTimeoutSeconds is <= 0 or > 300)
        {
            yield return $"{P}RequestTimeoutSeconds must be more than 0 and at most 300 (was {RequestTimeoutSeconds}).";
        }

        if (KeepPerAlert is < 1 or > 1000)
        {
            yield return $"{P}KeepPerAlert must be between 1 and 1000 (was {KeepPerAlert}).";
        }

        if (KeepAlerts is < 1 or > 100_000)
        {
            yield return $"{P}KeepAlerts must be between 1 and 100000 (was {KeepAlerts}).";
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Targets.Count; i++)
        {
            var target = Targets[i];
            var at = $"{P}Targets:{i}:";
            if (string.IsNullOrWhiteSpace(target.Name))
            {
                yield return $"{at}Name is required.";
            }
            else if (!names.Add(target.Name))
            {
                yield return $"{at}Name '{target.Name}' is used by another target; names must be unique.";
            }

            if (!Uri.TryCreate(target.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                yield return $"{at}Url must be an absolute http or https URL.";
            }

            if (string.IsNullOrWhiteSpace(target.Secret))
            {
                yield return $"{at}Secret is required (the key of the X-CxLive-Signature HMAC).";
            }

            if (target.Owners.Exists(string.IsNullOrWhiteSpace))
            {
                yield return $"{at}Owners must not hold empty names (leave the list empty for a global target).";
            }
        }
    }
}
