using Riok.Mapperly.Abstractions;
using Messages = CxLive.Grains.Abstractions;

namespace CxLive.Api.Contracts;

/// <summary>
/// The edge between the grains' messages and the public JSON (API.md): every route and hub push answers a type of
/// this namespace, mapped here from the message the grains sent, and request bodies map the other way. Generated at
/// compile time (Mapperly, every member on both sides mapped): a field added to a message and not to its JSON twin, or
/// the reverse, fails the build instead of vanishing from the wire.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
internal static partial class Wire
{
    public static partial Alert ToWire(this Messages.Alerts.Alert alert);

    public static partial Silence ToWire(this Messages.Alerts.Silence silence);

    public static partial WebhookTargetView ToWire(this Messages.Alerts.WebhookTargetView target);

    public static partial WebhookDelivery ToWire(this Messages.Alerts.WebhookDelivery delivery);

    public static partial CustomerDocument ToWire(this Messages.Customers.CustomerDocument customer);

    public static partial CustomerList ToWire(this Messages.Fleet.CustomerList customers);

    public static partial OverviewDocument ToWire(this Messages.Fleet.OverviewDocument overview);

    public static partial InternalKpi ToWire(this Messages.Fleet.InternalKpi kpi);

    public static partial TouchpointDocument ToWire(this Messages.Touchpoints.TouchpointDocument touchpoint);

    public static partial CustomerProfile ToWire(this Messages.Customers.CustomerProfile profile);

    public static partial TouchpointDefinition ToWire(this Messages.Touchpoints.TouchpointDefinition definition);

    public static partial Messages.Customers.CustomerProfile ToMessage(this CustomerProfile profile);

    public static partial Messages.Touchpoints.TouchpointDefinition ToMessage(this TouchpointDefinition definition);

    public static IReadOnlyList<Alert> ToWire(this IReadOnlyList<Messages.Alerts.Alert> alerts) => [.. alerts.Select(ToWire)];
}
