namespace CxLive.Grains.Abstractions.Touchpoints;

/// <summary>One grain per touchpoint, keyed by touchpoint id.</summary>
[Alias("cxlive.ITouchpointGrain")]
public interface ITouchpointGrain : IGrainWithStringKey
{
    /// <summary>Stores the definition; durable when the task completes.</summary>
    [Alias("SetDefinition")]
    Task<TouchpointDocument> SetDefinition(TouchpointDefinition definition);

    /// <summary>The touchpoint, or null when it was never defined nor seen.</summary>
    [Alias("GetDocument")]
    Task<TouchpointDocument?> GetDocument();
}
