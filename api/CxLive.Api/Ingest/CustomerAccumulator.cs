namespace CxLive.Api.Ingest;

/// <summary>One customer's counts in a batch: per touchpoint, per slot.</summary>
internal sealed class CustomerAccumulator
{
    public List<TouchpointAccumulator> Touchpoints { get; } = new(2);

    public void Add(string touchpoint, long slot, long total, long errors, long slow, double? latencyMs)
    {
        For(touchpoint).Add(slot, total, errors, slow, latencyMs);
    }

    public void MergeFrom(CustomerAccumulator other)
    {
        foreach (var source in other.Touchpoints)
        {
            For(source.Touchpoint).MergeFrom(source);
        }
    }

    private TouchpointAccumulator For(string touchpoint)
    {
        foreach (var existing in Touchpoints)
        {
            if (ReferenceEquals(existing.Touchpoint, touchpoint) || existing.Touchpoint == touchpoint)
            {
                return existing;
            }
        }

        var created = new TouchpointAccumulator(touchpoint);
        Touchpoints.Add(created);
        return created;
    }
}
