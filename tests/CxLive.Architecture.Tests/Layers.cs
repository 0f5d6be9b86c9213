using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.Loader;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace CxLive.Architecture.Tests;

/// <summary>The rooms of docs/architecture.md as namespaces, loaded once from the built assemblies.</summary>
internal static class Layers
{
    public const string Domain = "CxLive.Domain";
    public const string Abstractions = "CxLive.Grains.Abstractions";
    public const string Grains = "CxLive.Grains";
    public const string Hosting = "CxLive.Hosting";
    public const string ServiceDefaults = "CxLive.ServiceDefaults";
    public const string Silo = "CxLive.Silo";
    public const string Api = "CxLive.Api";

    /// <summary>The api's one file that may reach the silo host: embedded mode's wiring.</summary>
    public const string EmbeddedWiring = "CxLive.Api.Hosting.EmbeddedSilo";

    /// <summary>The api's public JSON and hub payloads (API.md), and the one type that maps grain messages onto them.</summary>
    public const string Contracts = "CxLive.Api.Contracts";
    public const string WireMapper = "CxLive.Api.Contracts.Wire";

    /// <summary>The typed hub's client methods: what /hubs/live pushes.</summary>
    public const string LiveClient = "CxLive.Api.Live.ILiveClient";

    /// <summary>The projects of silo/ and api/, by assembly name.</summary>
    public static readonly string[] Projects = [Domain, Abstractions, Grains, Hosting, ServiceDefaults, Silo, Api];

    public static readonly System.Reflection.Assembly[] Assemblies = [.. Projects.Select(System.Reflection.Assembly.Load)];

    public static readonly ArchUnitNET.Domain.Architecture Architecture = new ArchLoader().LoadAssemblies(Assemblies).Build();

    public static GivenTypesConjunction In(string layer) => Types().That().ResideInNamespaceOrBelow(layer);

    /// <summary>The grain implementations (CxLive.Grains and below, without the contracts in CxLive.Grains.Abstractions).</summary>
    public static GivenTypesConjunction GrainImplementations() =>
        Types().That().ResideInNamespaceOrBelow(Grains).And().DoNotResideInNamespaceOrBelow(Abstractions);

    /// <summary>The rule's violations as "type: why" lines (empty when it holds).</summary>
    public static List<string> Violations(IArchRule rule) =>
        [.. rule.Evaluate(Architecture).Where(r => !r.Passed).Select(r => r.Description)];

    public static List<string> ViolatingTypes(IArchRule rule) =>
        [.. rule.Evaluate(Architecture).Where(r => !r.Passed).Select(r => r.EvaluatedObject is IType type ? type.FullName : r.Description)];
}
