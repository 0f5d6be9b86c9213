namespace CxLive.Domain.Alerts;

/// <summary>
/// Alert ids: <c>{customerId}:{reason}:{n}</c>, n counting that customer's alerts from 1
/// (<c>acme:disrupted:1</c>). Made of id characters only, so they are safe in a URL path without escaping; the
/// customer is what precedes the last two colons (customer ids may hold colons, reasons never do).
/// </summary>
public static class AlertIds
{
    public static string Format(string customerId, string reason, int sequence) =>
        $"{customerId}:{reason}:{sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The customer an alert id belongs to, or null when the id cannot be an alert's.</summary>
    public static string? CustomerOf(string? alertId)
    {
        if (alertId is null || alertId.Length > EntityId.MaxLength + 64)
        {
            return null;
        }

        var last = alertId.LastIndexOf(':');
        if (last <= 0 || !int.TryParse(alertId.AsSpan(last + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return null;
        }

        var middle = alertId.LastIndexOf(':', last - 1);
        if (middle <= 0 || !AlertReasons.IsKnown(alertId[(middle + 1)..last]))
        {
            return null;
        }

        var customer = alertId[..middle];
        return EntityId.IsValid(customer) ? customer : null;
    }
}
