using CxLive.Grains.Abstractions.Customers;

namespace CxLive.Api.Ingest.Feedback;

/// <summary>
/// Feedback's pipeline beside telemetry's: the shared body reader (encoding, size limit), <see cref="FeedbackReader"/>
/// (streaming, checked item by item), one grain call per customer with all of its items; durable when it returns.
/// </summary>
internal sealed class FeedbackIngest(IGrainFactory grains, TimeProvider clock)
{
    public FeedbackBatch Read(ReadOnlySpan<byte> body) => FeedbackReader.Read(body, clock.GetUtcNow());

    /// <summary>Stores the batch's items, each customer's in one call; every item stored (or a replay) once this returns.</summary>
    public async Task<FeedbackResult> StoreAsync(FeedbackBatch batch)
    {
        var receipts = await Task.WhenAll(batch.ByCustomer.Select(c => grains.GetGrain<ICustomerGrain>(c.Key).AddFeedback([.. c.Value])));
        return new FeedbackResult(batch.Accepted, batch.Rejected, receipts.Sum(r => r.Duplicates));
    }
}
