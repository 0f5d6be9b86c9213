namespace CxLive.Api.Demo;

/// <summary>The built-in demo (section <c>Demo</c>; <c>--demo</c> on the command line turns it on).</summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Demo";
    public const string Switch = "--demo";

    public bool Enabled { get; set; }

    /// <summary>What <c>--demo</c> means: the demo on, and keyless access from this machine so a newcomer can look around.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> SwitchSettings { get; } =
    [
        new($"{SectionName}:{nameof(Enabled)}", "true"),
        new("Auth:AllowAnonymousLoopback", "true"),
    ];
}
