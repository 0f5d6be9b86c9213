namespace CxLive.Api.Ingest.Otlp;

/// <summary>The customer and touchpoint a resource's attributes name, for the spans under it. Reused per resource.</summary>
internal sealed class OtlpResource
{
    public byte[]? Customer { get; private set; }

    public int CustomerRank { get; private set; } = OtlpSpan.NotFound;

    public byte[]? Touchpoint { get; private set; }

    public int TouchpointRank { get; private set; } = OtlpSpan.NotFound;

    public void Reset()
    {
        Customer = Touchpoint = null;
        CustomerRank = TouchpointRank = OtlpSpan.NotFound;
    }

    public void Offer(AttributeRole role, int rank, ReadOnlySpan<byte> text)
    {
        if (role == AttributeRole.Customer && rank < CustomerRank)
        {
            Customer = text.ToArray();
            CustomerRank = rank;
        }
        else if (role == AttributeRole.Touchpoint && rank < TouchpointRank)
        {
            Touchpoint = text.ToArray();
            TouchpointRank = rank;
        }
    }
}
