namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>The silences (key 0); durable when a task completes.</summary>
[Alias("cxlive.ISilenceRegistryGrain")]
public interface ISilenceRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Stores a silence; its id and start are the registry's.</summary>
    [Alias("Add")]
    Task<Silence> Add(Silence silence);

    /// <summary>Active silences, or all that are kept when <paramref name="includeEnded"/>.</summary>
    [Alias("List")]
    Task<IReadOnlyList<Silence>> List(bool includeEnded);

    /// <summary>False when no silence has that id.</summary>
    [Alias("Remove")]
    Task<bool> Remove(string silenceId);

    /// <summary>The active silence that matches an alert, or null.</summary>
    [Alias("Match")]
    Task<Silence?> Match(string customerId, string? touchpoint, string reason);
}
