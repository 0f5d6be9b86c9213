using CxLive.Api.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Api.Live;

/// <summary>
/// What /hubs/live sends its clients (API.md, "Live"): the method names are the contract; the types are the REST ones.
/// Public because SignalR implements it at run time in an assembly of its own.
/// </summary>
public interface ILiveClient
{
    /// <summary>To the overview group, at most a few times a second while something changed.</summary>
    [HubMethodName("overview")]
    Task Overview(OverviewDocument overview);

    /// <summary>To the customer's group and the customers group, when the customer's document changed.</summary>
    [HubMethodName("customerChanged")]
    Task CustomerChanged(CustomerDocument customer);

    /// <summary>To the owner's, the escalation owner's and the overview group, for a new alert.</summary>
    [HubMethodName("alertRaised")]
    Task AlertRaised(Alert alert);

    /// <summary>The same groups, for any later change of an alert.</summary>
    [HubMethodName("alertChanged")]
    Task AlertChanged(Alert alert);
}
