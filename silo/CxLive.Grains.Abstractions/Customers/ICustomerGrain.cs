using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Telemetry;
using Orleans.Concurrency;

namespace CxLive.Grains.Abstractions.Customers;

/// <summary>One grain per paying customer, keyed by customer id.</summary>
[Alias("cxlive.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Stores the profile; durable when the task completes.</summary>
    [Alias("SetProfile")]
    Task<CustomerDocument> SetProfile(CustomerProfile profile);

    /// <summary>The document, or null when the customer was never seen.</summary>
    [Alias("GetDocument")]
    Task<CustomerDocument?> GetDocument();

    /// <summary>Counts since the api's last flush: one call per customer per flush, never per event.</summary>
    [Alias("Ingest")]
    Task Ingest(CustomerTelemetry telemetry);

    /// <summary>Stores feedback (idempotent by item id) with its evidence; durable when the task completes.</summary>
    [Alias("AddFeedback")]
    Task<FeedbackReceipt> AddFeedback(FeedbackItem[] items);

    /// <summary>
    /// Activates the customer (its silo is gone, or the process restarted): it reloads its checkpoint, judges again and
    /// writes its index row from here.
    /// </summary>
    [Alias("Wake")]
    Task Wake();

    /// <summary>
    /// The customer's alert grain says which of its alerts are not resolved after a change the customer did not ask for
    /// (acknowledge, resolve, escalation, a wake-up). One-way: it never waits on the customer.
    /// </summary>
    [OneWay, Alias("AlertsChanged")]
    Task AlertsChanged(IReadOnlyList<AlertSummary> openAlerts);
}
