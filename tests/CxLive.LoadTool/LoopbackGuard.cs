using System.Net;

namespace CxLive.LoadTool;

/// <summary>
/// The workplace rule: load only goes to 127.0.0.0/8 or ::1. Checked on the --url and again on every socket connect.
/// </summary>
internal static class LoopbackGuard
{
    public static string? Problem(Uri url)
    {
        if (!IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
        {
            return $"--url host '{url.Host}' is not an IP address; load only goes to 127.0.0.0/8 or ::1 (use http://127.0.0.1:PORT or http://[::1]:PORT).";
        }

        return IsLoopback(address)
            ? null
            : $"--url address {address} is not loopback; load only goes to 127.0.0.0/8 or ::1.";
    }

    public static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
