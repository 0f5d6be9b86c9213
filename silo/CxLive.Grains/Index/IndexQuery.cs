namespace CxLive.Grains.Index;

/// <summary>
/// Rows carrying every one of <see cref="Tags"/> and, when <see cref="AnyTags"/> is not empty, at least one of those,
/// that have sort <see cref="Sort"/>, in that order, a page of them.
/// </summary>
public sealed record IndexQuery
{
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> AnyTags { get; init; } = [];

    public required string Sort { get; init; }

    public bool Descending { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 100;
}

/// <summary>A page of rows and how many matched in all.</summary>
public sealed record IndexPage(IReadOnlyList<IndexRow> Rows, long Total);
