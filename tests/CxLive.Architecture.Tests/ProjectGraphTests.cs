using System.Xml.Linq;

namespace CxLive.Architecture.Tests;

/// <summary>
/// The project references of silo/ and api/ are exactly the drawn ones (docs/architecture.md): a new reference in a
/// csproj fails here even before any code uses it, and what the compiled assemblies reference stays inside it.
/// </summary>
public sealed class ProjectGraphTests
{
    /// <summary>Direct references, as drawn. Api -> Domain and Hosting -> Domain come through Abstractions, and are allowed.</summary>
    private static readonly Dictionary<string, string[]> Drawn = new(StringComparer.Ordinal)
    {
        [Layers.Domain] = [],
        [Layers.Abstractions] = [Layers.Domain],
        [Layers.Grains] = [Layers.Abstractions, Layers.Domain],
        [Layers.Hosting] = [Layers.Abstractions],
        [Layers.ServiceDefaults] = [],
        [Layers.Silo] = [Layers.Grains, Layers.Hosting, Layers.ServiceDefaults],
        [Layers.Api] = [Layers.Abstractions, Layers.Hosting, Layers.ServiceDefaults, Layers.Silo],
    };

    /// <summary>What each project's compiled code may reference, transitively through the drawn arrows.</summary>
    private static HashSet<string> Reachable(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Drawn[project]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var further in Drawn[next])
                {
                    pending.Push(further);
                }
            }
        }

        return seen;
    }

    [Fact]
    public void Every_project_of_silo_and_api_is_drawn()
    {
        var found = ProjectFiles().Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(Drawn.Keys.Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public void Each_csproj_references_exactly_the_drawn_projects()
    {
        foreach (var file in ProjectFiles())
        {
            var project = Path.GetFileNameWithoutExtension(file);
            var references = XDocument.Load(file).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
                .Order(StringComparer.Ordinal);

            Assert.True(Drawn[project].Order(StringComparer.Ordinal).SequenceEqual(references), $"{project} references {string.Join(", ", references)}; drawn: {string.Join(", ", Drawn[project])}");
        }
    }

    [Fact]
    public void Compiled_assemblies_reference_only_what_their_arrows_reach()
    {
        foreach (var assembly in Layers.Assemblies)
        {
            var name = assembly.GetName().Name!;
            var used = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => Layers.Projects.Contains(n)).ToList();

            Assert.All(used, reference => Assert.True(Reachable(name).Contains(reference), $"{name} uses {reference}, which no drawn arrow reaches"));
        }
    }

    [Fact]
    public void The_domain_references_no_framework_beyond_the_base_library()
    {
        var references = typeof(CxLive.Domain.EntityId).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Orleans", StringComparison.Ordinal) || r.StartsWith("Microsoft.", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ProjectFiles()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CxLive.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return new[] { "silo", "api" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root.FullName, folder), "*.csproj", SearchOption.AllDirectories));
    }
}
