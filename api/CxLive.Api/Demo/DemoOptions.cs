using CxLive.Domain;

namespace CxLive.Api.Demo;

/// <summary>The built-in demo (section <c>Demo</c>; <c>--demo</c> on the command line turns it on).</summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Demo";
    public const string Switch = "--demo";

    public bool Enabled { get; set; }

    /// <summary>Seed of every random choice (fleet, traffic, incidents): the same seed plays the same demo.</summary>
    [SettingRange(0, int.MaxValue, ErrorMessage = "Demo:Seed must be between 0 and 2147483647.")]
    public int Seed { get; set; } = 2026;

    /// <summary>How many simulated customers.</summary>
    [SettingRange(1, 10_000, ErrorMessage = "Demo:Customers must be between 1 and 10000.")]
    public int Customers { get; set; } = 300;

    /// <summary>Healthy traffic across all customers and touchpoints; incidents and recoveries add a little.</summary>
    [SettingRange(10, 200_000, ErrorMessage = "Demo:EventsPerSecond must be between 10 and 200000.")]
    public int EventsPerSecond { get; set; } = 3000;

    /// <summary>When the first hidden disruption starts, after the fleet is defined.</summary>
    [SettingRange(1, 86_400, ErrorMessage = "Demo:FirstIncidentAfterSeconds must be between 1 and 86400.")]
    public int FirstIncidentAfterSeconds { get; set; } = 30;

    /// <summary>Time between the starts of two hidden disruptions.</summary>
    [SettingRange(5, 86_400, ErrorMessage = "Demo:IncidentEverySeconds must be between 5 and 86400.")]
    public int IncidentEverySeconds { get; set; } = 150;

    /// <summary>How long a hidden disruption lasts.</summary>
    [SettingRange(5, 3_600, ErrorMessage = "Demo:IncidentSeconds must be between 5 and 3600.")]
    public int IncidentSeconds { get; set; } = 90;

    /// <summary>Most events in one JSON array handed to the ingest path.</summary>
    [SettingRange(100, 100_000, ErrorMessage = "Demo:BatchEvents must be between 100 and 100000.")]
    public int BatchEvents { get; set; } = 2000;

    /// <summary>What <c>--demo</c> means: the demo on, and keyless access from this machine so a newcomer can look around.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> SwitchSettings { get; } =
    [
        new($"{SectionName}:{nameof(Enabled)}", "true"),
        new("Auth:AllowAnonymousLoopback", "true"),
    ];

    /// <summary>
    /// Defaults of <c>--demo</c>, used only where no other configuration sets them: a grace short enough that the demo's 90 s
    /// incidents raise disruption alerts for the account managers, so the alerts inbox fills within a minute or two.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> SwitchDefaults { get; } =
    [
        new("Alerts:DisruptedGrace", "00:00:30"),
    ];
}
