namespace CxLive.Api.Live;

/// <summary>SignalR group names; one per thing a client can watch.</summary>
internal static class LiveGroups
{
    public const string Overview = "overview";

    /// <summary>Every customer's changes: what a fleet-wide view (scatter, table, feed) listens to.</summary>
    public const string Customers = "customers";

    public static string Customer(string customerId) => $"customer:{customerId}";

    public static string AccountManager(string accountManager) => $"am:{accountManager}";

    /// <summary>The changes of an account manager's customers: what a key bound to that manager watches instead of <see cref="Customers"/>.</summary>
    public static string Book(string accountManager) => $"book:{accountManager}";
}
