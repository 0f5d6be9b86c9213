namespace CxLive.Api.Live;

/// <summary>SignalR group names; one per thing a client can watch.</summary>
internal static class LiveGroups
{
    public const string Overview = "overview";

    public static string Customer(string customerId) => $"customer:{customerId}";

    public static string AccountManager(string accountManager) => $"am:{accountManager}";
}
