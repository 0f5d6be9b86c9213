using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Webhooks;

/// <summary>The bytes a receiver gets for one alert change, and their signature.</summary>
public static class WebhookPayload
{
    public const string SignatureHeader = "X-CxLive-Signature";

    /// <summary>Idempotency key, <c>{alertId}:{version}</c>: the same on every try of the same change.</summary>
    public const string DeliveryHeader = "X-CxLive-Delivery";

    /// <summary>
    /// <c>{ "status", "change", "alertId", "version", "owner", "changedAt", "labels", "annotations", "alert", "sentAt" }</c>,
    /// with the alert embedded as a JSON object (or as a string if the alert grain handed over something that is not JSON).
    /// </summary>
    public static byte[] Body(AlertNotice notice, DateTimeOffset sentAt)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", notice.Status);
            json.WriteString("change", notice.Change);
            json.WriteString("alertId", notice.AlertId);
            json.WriteNumber("version", notice.Version);
            json.WriteString("owner", notice.Owner);
            json.WriteString("changedAt", notice.At);
            WriteMap(json, "labels", notice.Labels);
            WriteMap(json, "annotations", notice.Annotations);
            json.WritePropertyName("alert");
            WriteAlert(json, notice.AlertJson);
            json.WriteString("sentAt", sentAt);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of exactly <paramref name="body"/>, keyed by the target's secret.</summary>
    public static string Signature(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static string DeliveryKey(string alertId, int version) => $"{alertId}:{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static void WriteAlert(Utf8JsonWriter json, string alertJson)
    {
        try
        {
            using var alert = JsonDocument.Parse(alertJson);
            alert.RootElement.WriteTo(json);
        }
        catch (JsonException)
        {
            json.WriteStringValue(alertJson);
        }
    }
}
