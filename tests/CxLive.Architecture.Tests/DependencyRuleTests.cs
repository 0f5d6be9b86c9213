using ArchUnitNET.Fluent;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace CxLive.Architecture.Tests;

/// <summary>
/// The arrows between namespaces (docs/architecture.md, "Rooms and arrows"), checked on the built assemblies' types:
/// a forbidden dependency anywhere in a method, field or signature fails here with the type that has it.
/// </summary>
public sealed class DependencyRuleTests
{
    public static TheoryData<string> Rules => [.. RulesByName.Keys];

    private static readonly Dictionary<string, IArchRule> RulesByName = new(StringComparer.Ordinal)
    {
        ["domain is pure"] = Layers.In(Layers.Domain).Should().NotDependOnAny(
                Types().That().ResideInNamespaceOrBelow("CxLive").And().DoNotResideInNamespaceOrBelow(Layers.Domain))
            .AndShould().NotDependOnAny(Types().That().ResideInNamespaceOrBelow("Orleans"))
            .AndShould().NotDependOnAny(Types().That().ResideInNamespaceOrBelow("Microsoft.AspNetCore"))
            .Because("judgement is plain C#: testable with any clock, reusable by any host"),
        ["contracts know only the domain"] = Layers.In(Layers.Abstractions).Should().NotDependOnAny(
                Types().That().ResideInNamespaceOrBelow("CxLive").And().DoNotResideInNamespaceOrBelow(Layers.Abstractions).And().DoNotResideInNamespaceOrBelow(Layers.Domain))
            .Because("grain contracts carry the domain's value types and nothing of any implementation or host"),
        ["grains know no host"] = Layers.GrainImplementations().Should().NotDependOnAny(
                Types().That().ResideInNamespaceOrBelow(Layers.Silo).Or().ResideInNamespaceOrBelow(Layers.Hosting).Or().ResideInNamespaceOrBelow(Layers.Api))
            .AndShould().NotDependOnAny(Types().That().ResideInNamespaceOrBelow("Microsoft.AspNetCore"))
            .Because("grains run in any silo host; the host wires them, never the other way"),
        ["shared hosting knows no grain"] = Layers.In(Layers.Hosting).Should().NotDependOnAny(
                Layers.GrainImplementations().Or().ResideInNamespaceOrBelow(Layers.Silo).Or().ResideInNamespaceOrBelow(Layers.Api))
            .Because("the api takes CxLive.Hosting in client mode without the silo"),
        ["the api reaches the silo only for embedded wiring"] = Layers.In(Layers.Api).And().DoNotHaveFullName(Layers.EmbeddedWiring).Should().NotDependOnAny(
                Layers.GrainImplementations().Or().ResideInNamespaceOrBelow(Layers.Silo))
            .Because("the api talks to grains through their contracts; only embedded mode co-hosts the silo (Hosting/EmbeddedSilo.cs)"),
        ["nothing depends on the api"] = Layers.In("CxLive").And().DoNotResideInNamespaceOrBelow(Layers.Api).Should().NotDependOnAny(Layers.In(Layers.Api))
            .Because("the api is the outermost room"),
        ["the public JSON knows no grain message"] = Layers.In(Layers.Contracts).And().DoNotHaveFullName(Layers.WireMapper)
            .Or().HaveFullName(Layers.LiveClient)
            .Should().NotDependOnAny(Layers.In(Layers.Abstractions))
            .Because("routes and pushes answer the api's own types (API.md), mapped from messages in one place (Contracts/Wire.cs)"),
        ["the silo host knows no api"] = Layers.In(Layers.Silo).Should().NotDependOnAny(Layers.In(Layers.Api))
            .Because("a silo runs without any api process"),
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Holds(string rule)
    {
        var violations = Layers.Violations(RulesByName[rule]);
        Assert.True(violations.Count == 0, $"{RulesByName[rule].Description}\n{string.Join('\n', violations)}");
    }

    [Fact]
    public void The_api_rule_sees_the_one_reference_it_allows()
    {
        // Without its exception the api rule must find exactly the embedded wiring: proof that it reads real
        // dependencies, so a forbidden one added anywhere else would fail the rule above.
        var strict = Layers.In(Layers.Api).Should().NotDependOnAny(Layers.GrainImplementations().Or().ResideInNamespaceOrBelow(Layers.Silo));

        Assert.Equal([Layers.EmbeddedWiring], Layers.ViolatingTypes(strict));
    }
}
