using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Telemetry;

namespace CxLive.Grains.Abstractions.Touchpoints;

/// <summary>One grain per touchpoint, keyed by touchpoint id: definition, internal KPI, what customers said of it.</summary>
[Alias("cxlive.ITouchpointGrain")]
public interface ITouchpointGrain : IGrainWithStringKey
{
    /// <summary>Stores the definition; durable when the task completes.</summary>
    [Alias("SetDefinition")]
    Task<TouchpointDocument> SetDefinition(TouchpointDefinition definition);

    /// <summary>The touchpoint, or null when it was never defined nor seen.</summary>
    [Alias("GetDocument")]
    Task<TouchpointDocument?> GetDocument();

    /// <summary>An api process's pre-aggregated partial of all customers' traffic (the internal KPI's input).</summary>
    [Alias("IngestKpi")]
    Task IngestKpi(KpiSlot[] slots);

    [Alias("RecordFeedback")]
    Task RecordFeedback(TouchpointFeedback[] feedback);

    [Alias("GetOverviewRow")]
    Task<TouchpointOverview> GetOverviewRow();
}
