using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Telemetry;

namespace CxLive.Grains.Customers;

/// <summary>What a customer grain persists on every change: profile and timeline. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.CustomerState")]
public sealed class CustomerState
{
    public const int MaxTimeline = 200;

    [Id(0)] public CustomerProfile? Profile { get; set; }
    [Id(1)] public DateTimeOffset? ProfileUpdatedAt { get; set; }
    [Id(2)] public List<TimelineEntry> Timeline { get; set; } = [];
    [Id(3)] public DateTimeOffset? FirstSeenAt { get; set; }

    public void AddToTimeline(TimelineEntry entry)
    {
        Timeline.Add(entry);
        if (Timeline.Count > MaxTimeline)
        {
            Timeline.RemoveRange(0, Timeline.Count - MaxTimeline);
        }
    }
}
