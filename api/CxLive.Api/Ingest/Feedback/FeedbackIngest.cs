using CxLive.Grains.Abstractions.Customers;

namespace CxLive.Api.Ingest.Feedback;

/// <summary>
/// Feedback's pipeline beside telemetry's: the shared body reader (encoding, size limit), <see cref="FeedbackReader"/>
/// (streaming, checked item by item), one grain call per customer with all of its items; durable when it returns.
/// </summary>
internal sealed class FeedbackIngest(IGrainFactory grains, CustomerAdmission admission, TimeProvider clock)
{
    public FeedbackBatch Read(ReadOnlySpan<byte> body) => FeedbackReader.Read(body, clock.GetUtcNow());

    /// <summary>Stores the batch's items, each customer's in one call; every item stored (or a replay) once this returns.</summary>
    public async Task<FeedbackResult> StoreAsync(FeedbackBatch batch)
    {
        // Feedback may create a customer too: the same cap and rule as telemetry's (Ingest:MaxCustomers, Ingest:UnknownCustomers).
        var unseen = batch.ByCustomer.Keys.Where(c => !admission.HasPassed(c)).ToList();
        if (unseen.Count > 0)
        {
            var (admitted, why) = await admission.AdmitAsync(unseen);
            foreach (var refused in unseen.Where(c => !admitted.Contains(c)))
            {
                batch.Refuse(refused, why(refused));
            }
        }

        var receipts = await Task.WhenAll(batch.ByCustomer.Select(c => grains.GetGrain<ICustomerGrain>(c.Key).AddFeedback([.. c.Value])));
        return new FeedbackResult(batch.Accepted, batch.Rejected, receipts.Sum(r => r.Duplicates));
    }
}
