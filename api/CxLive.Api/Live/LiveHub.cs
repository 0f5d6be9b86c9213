using CxLive.Api.Access;
using CxLive.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Api.Live;

/// <summary>
/// /hubs/live (API.md, "Live"). Clients join groups; the live bridge pushes to the groups (<see cref="ILiveClient"/>).
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
internal sealed class LiveHub : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    public Task SubscribeOverview() => Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Overview);

    public Task UnsubscribeOverview() => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Overview);

    public Task SubscribeCustomers() => Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Customers);

    public Task UnsubscribeCustomers() => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Customers);

    public Task SubscribeCustomer(string customerId) => Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Customer(Checked(customerId)));

    public Task UnsubscribeCustomer(string customerId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Customer(Checked(customerId)));

    public Task SubscribeAccountManager(string accountManager) =>
        Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.AccountManager(Checked(accountManager)));

    public Task UnsubscribeAccountManager(string accountManager) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.AccountManager(Checked(accountManager)));

    private static string Checked(string id) =>
        EntityId.Problem(id) is { } problem ? throw new HubException($"The id {problem}.") : id;
}
