using CxLive.Grains.Abstractions.Alerts;
using Riok.Mapperly.Abstractions;

namespace CxLive.Grains.Alerts;

/// <summary>What the silence registry persists: its silences in a stored form of their own. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.SilenceRegistryState")]
public sealed class SilenceRegistryState
{
    /// <summary>Written by builds before the stored form (the messages themselves): read once by <see cref="TakeSilences"/>.</summary>
    [Id(0)] public List<Silence>? Silences { get; set; }

    [Id(1)] public List<SilenceRecord> Records { get; set; } = [];

    /// <summary>The silences as messages, from the records and what an older build stored.</summary>
    public List<Silence> TakeSilences()
    {
        List<Silence> silences = [.. Silences ?? [], .. Records.Select(r => r.ToMessage())];
        Silences = null;
        return silences;
    }

    /// <summary>Puts the silences into their stored form, before a write.</summary>
    public void Keep(IEnumerable<Silence> silences) => Records = [.. silences.Select(s => s.ToRecord())];
}

/// <summary>A silence as stored. Never renumber an [Id].</summary>
[GenerateSerializer, Immutable, Alias("cxlive.SilenceRecord")]
public sealed record SilenceRecord
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? CustomerId { get; init; }
    [Id(2)] public string? Touchpoint { get; init; }
    [Id(3)] public string? Reason { get; init; }
    [Id(4)] public required DateTimeOffset StartsAt { get; init; }
    [Id(5)] public required DateTimeOffset EndsAt { get; init; }
    [Id(6)] public string? Comment { get; init; }
    [Id(7)] public required string CreatedBy { get; init; }
}

/// <summary>Between the stored form and the message, generated at compile time (Mapperly), every member required both ways.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
internal static partial class SilenceRecords
{
    public static partial SilenceRecord ToRecord(this Silence silence);

    public static partial Silence ToMessage(this SilenceRecord silence);
}
