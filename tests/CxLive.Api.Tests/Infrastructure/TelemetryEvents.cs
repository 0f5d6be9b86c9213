using System.Net.Http.Json;
using System.Text.Json;

namespace CxLive.Api.Tests.Infrastructure;

/// <summary>Builds telemetry bodies as senders write them.</summary>
internal static class TelemetryEvents
{
    public static object Raw(string customer, string touchpoint, DateTimeOffset at, double latencyMs, bool success) =>
        new { customerId = customer, touchpoint, timestamp = at.UtcDateTime.ToString("O"), latencyMs, success };

    /// <summary><paramref name="total"/> interactions spread over the last minute, <paramref name="errors"/> of them failed.</summary>
    public static IEnumerable<object> LastMinute(string customer, string touchpoint, int total, int errors, double latencyMs = 100)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < total; i++)
        {
            yield return Raw(customer, touchpoint, now.AddSeconds(-55.0 * i / total), latencyMs, success: i >= errors);
        }
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, IEnumerable<object> events)
    {
        var response = await client.PostAsJsonAsync("/api/v1/telemetry", events.ToArray());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
