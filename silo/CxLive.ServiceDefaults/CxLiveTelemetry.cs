namespace CxLive.ServiceDefaults;

/// <summary>Names of CxLive's own meter and activity source; instruments are named <c>cxlive.*</c>.</summary>
public static class CxLiveTelemetry
{
    public const string MeterName = "CxLive";
    public const string ActivitySourceName = "CxLive";

    /// <summary>Orleans' meter and activity sources (ORLEANS-NOTES.md, "Telemetry names").</summary>
    public static IReadOnlyList<string> OrleansActivitySources { get; } =
    [
        "Microsoft.Orleans.Runtime",
        "Microsoft.Orleans.Application",
        "Microsoft.Orleans.Lifecycle",
        "Microsoft.Orleans.Storage",
    ];

    public const string OrleansMeterName = "Microsoft.Orleans";
}
