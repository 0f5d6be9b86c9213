using System.Reflection;

namespace CxLive.Architecture.Tests;

/// <summary>
/// What the api answers and pushes, walked as the JSON serializer walks it (generic arguments, then public
/// properties): no grain message may be reachable from a route's result or a hub method, so a message can change
/// without changing the wire (API.md) unnoticed.
/// </summary>
public sealed class WireContractTests
{
    private static readonly Assembly Api = Layers.Assemblies.Single(a => a.GetName().Name == Layers.Api);
    private static readonly Assembly Abstractions = Layers.Assemblies.Single(a => a.GetName().Name == Layers.Abstractions);

    private static readonly List<string> HandlerNames = [.. HandlerMethods().Select(Name)];

    public static TheoryData<string> Handlers => [.. HandlerNames];

    [Fact]
    public void The_endpoints_have_handlers_to_walk()
    {
        // Guards the walk below: if the handlers moved or changed shape, the theory would pass with nothing in it.
        Assert.Contains("CustomerEndpoints.GetCustomer", HandlerNames);
        Assert.Contains("AlertEndpoints.Acknowledge", HandlerNames);
        Assert.True(HandlerNames.Count >= 20, $"only {HandlerNames.Count} handlers found");
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void A_route_answers_no_grain_message(string handler)
    {
        var method = HandlerMethods().Single(m => Name(m) == handler);
        var reached = MessagesReachedFrom(method.ReturnType);
        Assert.True(reached.Count == 0, $"{handler} answers grain messages: {string.Join(", ", reached)}");
    }

    [Fact]
    public void A_push_carries_no_grain_message()
    {
        var client = Api.GetType(Layers.LiveClient, throwOnError: true)!;
        var methods = client.GetMethods();
        Assert.Equal(4, methods.Length);
        var reached = methods.SelectMany(m => m.GetParameters()).SelectMany(p => MessagesReachedFrom(p.ParameterType)).ToList();
        Assert.True(reached.Count == 0, $"ILiveClient pushes grain messages: {string.Join(", ", reached)}");
    }

    [Fact]
    public void The_walk_finds_a_message_nested_deep_inside_a_result()
    {
        // A message two levels down (the customer document's open alerts) must be found, or the tests above prove nothing.
        var document = Abstractions.GetType("CxLive.Grains.Abstractions.Customers.CustomerDocument", throwOnError: true)!;
        var wrapped = typeof(Task<>).MakeGenericType(typeof(IReadOnlyList<>).MakeGenericType(document));

        var reached = MessagesReachedFrom(wrapped);

        Assert.Contains("CxLive.Grains.Abstractions.Alerts.AlertSummary", reached);
        Assert.Contains("CxLive.Grains.Abstractions.Customers.CustomerDocument", reached);
    }

    /// <summary>The static methods of the api's endpoint classes that answer an HTTP result.</summary>
    private static IEnumerable<MethodInfo> HandlerMethods() =>
        Api.GetTypes()
            .Where(t => t.Namespace == "CxLive.Api.Endpoints")
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && Contains(m.ReturnType, typeof(Microsoft.AspNetCore.Http.IResult)));

    private static string Name(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";

    private static bool Contains(Type type, Type wanted) =>
        wanted.IsAssignableFrom(type) || (type.IsGenericType && type.GetGenericArguments().Any(a => Contains(a, wanted)));

    private static List<string> MessagesReachedFrom(Type root)
    {
        var seen = new HashSet<Type>();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            if (type.Assembly == Abstractions)
            {
                found.Add(type.FullName!);
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                pending.Push(argument);
            }

            if (type.IsArray)
            {
                pending.Push(type.GetElementType()!);
            }

            if (type.Namespace?.StartsWith("CxLive", StringComparison.Ordinal) == true)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Push(property.PropertyType);
                }
            }
        }

        return [.. found];
    }
}
