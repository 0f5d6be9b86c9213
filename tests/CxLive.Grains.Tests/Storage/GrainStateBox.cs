namespace CxLive.Grains.Tests.Storage;

/// <summary>What a grain's IPersistentState holds: the state, its ETag and whether a record exists.</summary>
internal sealed class GrainStateBox<T> : IGrainState<T>
    where T : new()
{
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public T State { get; set; } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
