using System.Net.Http.Json;
using System.Text.Json;

namespace CxLive.Api.Tests.Infrastructure;

/// <summary>Raises alerts through the public API as a sender and an admin would.</summary>
internal static class AlertDriver
{
    /// <summary>
    /// Profiles the customer (80,000 a year, above the test factories' revenue floor), posts a minute of bad checkout
    /// telemetry and waits for the customer's alert to be listed; its id.
    /// </summary>
    public static async Task<string> RaiseDisruptedAsync(HttpClient client, string customer, string manager, TimeSpan deadline)
    {
        (await client.PutAsJsonAsync($"/api/v1/customers/{customer}", new { annualRevenue = 80_000, accountManager = manager })).EnsureSuccessStatusCode();
        await TelemetryEvents.PostAsync(client, TelemetryEvents.LastMinute(customer, "checkout", total: 60, errors: 40));
        var items = await Eventually.Until(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?customerId={customer}")).GetProperty("items").EnumerateArray().ToList(),
            i => i.Count > 0,
            deadline,
            $"an alert for {customer}");
        return items[0].GetProperty("id").GetString()!;
    }
}
