using CxLive.Api.Access;
using CxLive.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Api.Live;

/// <summary>
/// /hubs/live (API.md, "Live"). Clients join groups; the live bridge pushes to the groups (<see cref="ILiveClient"/>).
/// A key bound to account managers joins only what is in its book: their <c>am:</c> groups, their customers, and its
/// book's customer changes (<see cref="SubscribeBook"/>); never the fleet-wide overview or customers groups.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
internal sealed class LiveHub(IGrainFactory grains, LiveConnections connections) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    public override Task OnConnectedAsync()
    {
        connections.Add(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }

    public Task SubscribeOverview() => Groups.AddToGroupAsync(Context.ConnectionId, FleetWide(LiveGroups.Overview));

    public Task UnsubscribeOverview() => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Overview);

    public Task SubscribeCustomers() => Groups.AddToGroupAsync(Context.ConnectionId, FleetWide(LiveGroups.Customers));

    public Task UnsubscribeCustomers() => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Customers);

    public async Task SubscribeCustomer(string customerId)
    {
        Checked(customerId);
        if (!await Books.HoldsAsync(grains, Context.User!, customerId))
        {
            throw new HubException("This key is bound to account managers, and the customer is not in their book.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Customer(customerId));
    }

    public Task UnsubscribeCustomer(string customerId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Customer(Checked(customerId)));

    public Task SubscribeAccountManager(string accountManager)
    {
        Checked(accountManager);
        return Caller.Sees(Context.User!, accountManager)
            ? Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.AccountManager(accountManager))
            : throw new HubException("This key is bound to other account managers.");
    }

    public Task UnsubscribeAccountManager(string accountManager) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.AccountManager(Checked(accountManager)));

    /// <summary>For a key bound to account managers: the changes of every customer in their book (customerChanged).</summary>
    public async Task SubscribeBook()
    {
        var book = Caller.Book(Context.User!) ?? throw new HubException("This key sees the whole fleet: subscribe to the customers group instead.");
        foreach (var manager in book)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Book(manager));
        }
    }

    public async Task UnsubscribeBook()
    {
        foreach (var manager in Caller.Book(Context.User!) ?? [])
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Book(manager));
        }
    }

    private string FleetWide(string group) =>
        Caller.Book(Context.User!) is null ? group : throw new HubException($"This key is bound to account managers: the fleet-wide '{group}' group is not in its book.");

    private static string Checked(string id) =>
        EntityId.Problem(id) is { } problem ? throw new HubException($"The id {problem}.") : id;
}
