namespace CxLive.Grains.Index;

/// <summary>
/// One row of a fleet index (<see cref="IFleetIndex"/>): what a grain tells storage about itself so that fleet-wide
/// questions are answered by storage, not by a grain holding everyone. <see cref="Tags"/> filter (AND), each of
/// <see cref="Sorts"/> orders the rows that have it (by number, then id), and <see cref="Counters"/> add up over all rows of the index.
/// Never renumber an [Id].
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.IndexRow")]
public sealed record IndexRow
{
    [Id(0)] public required string Id { get; init; }

    /// <summary>The row's document (a summary), serialized by the index's owner.</summary>
    [Id(1)] public byte[] Payload { get; init; } = [];

    [Id(2)] public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Per order, this row's place in it: rows sort by the number, then by id (ordinal); descending reverses both.</summary>
    [Id(3)] public IReadOnlyDictionary<string, double> Sorts { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// This row's share of the index's totals; a missing name counts 0. A name <c>group|name</c> (see
    /// <see cref="CounterGroups"/>) adds to that group's totals only (<see cref="IFleetIndex.Counters(string, string)"/>),
    /// so a part of the fleet (one account manager's book) has totals of its own without a second row.
    /// </summary>
    [Id(4)] public IReadOnlyDictionary<string, double> Counters { get; init; } = new Dictionary<string, double>();
}
