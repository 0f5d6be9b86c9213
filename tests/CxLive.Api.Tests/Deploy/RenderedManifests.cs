using System.Diagnostics;
using CxLive.Api.Tests.Infrastructure;
using k8s;
using k8s.Models;

namespace CxLive.Api.Tests.Deploy;

/// <summary>
/// An overlay of k8s/ rendered by kustomize (<c>kubectl kustomize</c>, offline) and loaded into KubernetesClient's typed
/// models with <c>strict: true</c>: an unknown field, a removed apiVersion or a wrong type fails the load.
/// </summary>
internal sealed class RenderedManifests
{
    private RenderedManifests(string overlay, IReadOnlyList<object> objects)
    {
        Overlay = overlay;
        Objects = objects;
    }

    public string Overlay { get; }

    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public V1Deployment Deployment(string name) => Assert.Single(All<V1Deployment>(), d => d.Metadata.Name == name);

    public V1ConfigMap ConfigMap(string name) => Assert.Single(All<V1ConfigMap>(), c => c.Metadata.Name == name);

    public static RenderedManifests Render(string overlay)
    {
        var directory = Path.Combine(CxLiveProcess.RepositoryRoot(), "k8s", overlay);
        var kubectl = new[] { "/usr/bin/kubectl", "/usr/local/bin/kubectl" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("kubectl (with its built-in kustomize) is not installed; tests/run.sh checks for it.");
        using var process = Process.Start(new ProcessStartInfo(kubectl, ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var yaml = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"kubectl kustomize {overlay} did not finish");
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {overlay} failed: {errors.Result}");
        return new RenderedManifests(overlay, KubernetesYaml.LoadAllFromString(yaml.Result, strict: true));
    }
}
