using System.Reflection;
using k8s.Models;

namespace CxLive.Api.Tests.Deploy;

/// <summary>
/// The Kubernetes manifests, rendered and loaded strictly (<see cref="RenderedManifests"/>), checked for what the
/// cluster relies on: probes, RBAC, labels, the pod env vars Orleans reads, disruption budgets, pinned images, and that
/// every setting they pass is one CxLive's options bind. What this cannot prove (no API server runs here) is in k8s/README.md.
/// </summary>
public sealed class ManifestTests
{
    public static TheoryData<string> Overlays => new() { "overlays/dev", "overlays/production" };

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Both_deployments_have_startup_readiness_and_liveness_probes_on_the_health_endpoints(string overlay)
    {
        var rendered = RenderedManifests.Render(overlay);
        foreach (var name in new[] { "cxlive-silo", "cxlive-api" })
        {
            var container = Assert.Single(rendered.Deployment(name).Spec.Template.Spec.Containers);
            Assert.Equal("/health/ready", container.ReadinessProbe?.HttpGet?.Path);
            Assert.Equal("/health/live", container.LivenessProbe?.HttpGet?.Path); // liveness never waits on Redis
            Assert.Equal("/health/live", container.StartupProbe?.HttpGet?.Path);
            Assert.Contains(container.Ports, p => p.Name == container.ReadinessProbe!.HttpGet!.Port.Value);
            Assert.NotNull(container.Resources?.Requests?["cpu"]);
            Assert.False(container.Resources?.Limits?.ContainsKey("cpu") ?? false); // CPU requested, never throttled
            Assert.NotNull(container.Resources?.Limits?["memory"]);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_silo_account_may_watch_and_label_pods_and_nothing_more(string overlay)
    {
        var rendered = RenderedManifests.Render(overlay);
        var role = Assert.Single(rendered.All<V1Role>());
        var rule = Assert.Single(role.Rules);
        Assert.Equal(["pods"], rule.Resources);
        Assert.Equal(["get", "list", "watch", "patch"], rule.Verbs);
        var binding = Assert.Single(rendered.All<V1RoleBinding>());
        Assert.Equal(role.Metadata.Name, binding.RoleRef.Name);
        var silo = rendered.Deployment("cxlive-silo").Spec.Template.Spec;
        Assert.Equal(Assert.Single(binding.Subjects).Name, silo.ServiceAccountName);
        var api = rendered.Deployment("cxlive-api").Spec.Template.Spec;
        Assert.NotEqual(silo.ServiceAccountName, api.ServiceAccountName);
        Assert.False(api.AutomountServiceAccountToken);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silos_get_the_pod_variables_Orleans_reads_and_advertise_their_pod_ip_under_one_service_id(string overlay)
    {
        var rendered = RenderedManifests.Render(overlay);
        var silo = rendered.Deployment("cxlive-silo");
        var container = Assert.Single(silo.Spec.Template.Spec.Containers);
        string? FieldOf(string variable) => Assert.Single(container.Env, e => e.Name == variable).ValueFrom?.FieldRef?.FieldPath;
        Assert.Equal("metadata.name", FieldOf("POD_NAME"));
        Assert.Equal("metadata.namespace", FieldOf("POD_NAMESPACE"));
        Assert.Equal("status.podIP", FieldOf("POD_IP"));
        Assert.Equal("status.podIP", FieldOf("Cluster__AdvertisedAddress"));

        var serviceId = rendered.ConfigMap("cxlive-cluster").Data["Cluster__ServiceId"];
        var clusterId = rendered.ConfigMap("cxlive-cluster").Data["Cluster__ClusterId"];
        Assert.Equal(serviceId, container.Env.Single(e => e.Name == "ORLEANS_SERVICE_ID").Value);
        Assert.Equal(clusterId, container.Env.Single(e => e.Name == "ORLEANS_CLUSTER_ID").Value);
        Assert.Equal(serviceId, silo.Spec.Template.Metadata.Labels["orleans/serviceId"]);
        Assert.Equal(clusterId, silo.Spec.Template.Metadata.Labels["orleans/clusterId"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Selectors_labels_budgets_rollouts_and_grace_fit_together(string overlay)
    {
        var rendered = RenderedManifests.Render(overlay);
        var shutdown = TimeSpan.Parse(rendered.ConfigMap("cxlive-cluster").Data["Cluster__ShutdownTimeout"], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var deployment in rendered.All<V1Deployment>())
        {
            var selector = deployment.Spec.Selector.MatchLabels;
            Assert.All(selector, l => Assert.Equal(l.Value, deployment.Spec.Template.Metadata.Labels[l.Key]));
            Assert.Equal(0, int.Parse(deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(deployment.Spec.Template.Spec.TerminationGracePeriodSeconds > shutdown.TotalSeconds,
                $"{deployment.Metadata.Name}: terminationGracePeriodSeconds must outlast Cluster__ShutdownTimeout ({shutdown})");
            var budget = Assert.Single(rendered.All<V1PodDisruptionBudget>(), p => p.Spec.Selector.MatchLabels.All(l => selector.Contains(l)));
            Assert.True(budget.Spec.MaxUnavailable is not null || budget.Spec.MinAvailable is not null);
            var service = Assert.Single(rendered.All<V1Service>(), s => s.Spec.Selector.All(l => selector.Contains(l)));
            Assert.All(service.Spec.Ports, p => Assert.Contains(deployment.Spec.Template.Spec.Containers[0].Ports, c => c.Name == p.TargetPort.Value));
        }

        var autoscaler = Assert.Single(rendered.All<V2HorizontalPodAutoscaler>());
        Assert.Equal("cxlive-api", autoscaler.Spec.ScaleTargetRef.Name);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_image_is_pinned(string overlay)
    {
        var rendered = RenderedManifests.Render(overlay);
        var images = rendered.All<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers)
            .Concat(rendered.All<V1StatefulSet>().SelectMany(s => s.Spec.Template.Spec.Containers))
            .Select(c => c.Image).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image =>
        {
            var tag = image[(image.LastIndexOf('/') + 1)..].Split(':').ElementAtOrDefault(1);
            Assert.False(string.IsNullOrEmpty(tag) || tag == "latest", $"{image} is not pinned to a version");
        });
    }

    [Fact]
    public void Dev_runs_its_own_Redis_with_AOF_on_a_volume_and_production_reads_an_external_one_from_a_secret()
    {
        var dev = RenderedManifests.Render("overlays/dev");
        var redis = Assert.Single(dev.All<V1StatefulSet>());
        var args = Assert.Single(redis.Spec.Template.Spec.Containers).Args;
        Assert.Equal("yes", args[args.IndexOf("--appendonly") + 1]);
        Assert.Equal("data", Assert.Single(redis.Spec.VolumeClaimTemplates).Metadata.Name);
        Assert.Contains(dev.All<V1Secret>(), s => s.Metadata.Name.StartsWith("cxlive-redis", StringComparison.Ordinal));

        var production = RenderedManifests.Render("overlays/production");
        Assert.Empty(production.All<V1StatefulSet>());
        Assert.Empty(production.All<V1Secret>()); // created by the operator, never committed
        foreach (var name in new[] { "cxlive-silo", "cxlive-api" })
        {
            var redisVariable = Assert.Single(production.Deployment(name).Spec.Template.Spec.Containers[0].Env, e => e.Name == "Cluster__Redis");
            Assert.Equal("cxlive-redis", redisVariable.ValueFrom.SecretKeyRef.Name);
        }
    }

    /// <summary>A setting the manifests pass that no options class binds would be silently ignored in the cluster.</summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_setting_the_manifests_pass_is_one_the_options_bind(string overlay)
    {
        var rendered = RenderedManifests.Render(overlay);
        var variables = rendered.All<V1ConfigMap>().SelectMany(c => c.Data?.Keys ?? [])
            .Concat(rendered.All<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers).SelectMany(c => c.Env ?? []).Select(e => e.Name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var bindable = BindableSettings();
        var unknown = variables
            .Where(v => !RuntimeVariables.Any(prefix => v.StartsWith(prefix, StringComparison.Ordinal)))
            .Where(v => !bindable.Contains(v.Replace("__", ":", StringComparison.Ordinal)))
            .ToList();
        Assert.True(unknown.Count == 0, $"settings no options class binds: {string.Join(", ", unknown)}");
        Assert.Contains("Cluster:Membership", bindable); // the reflection sees the options at all
    }

    /// <summary>Read by the runtime, ASP.NET Core or Orleans' Kubernetes hosting, not by CxLive's options.</summary>
    private static readonly string[] RuntimeVariables = ["POD_", "ORLEANS_", "ASPNETCORE_URLS", "DOTNET_"];

    /// <summary>Every "Section:Property" (nested ones too) of the options classes CxLive binds, from their SectionName.</summary>
    private static HashSet<string> BindableSettings()
    {
        var assemblies = new[] { typeof(Program).Assembly, typeof(Silo.Hosting.CxLiveStorageOptions).Assembly, typeof(CxLive.Hosting.CxLiveClusterOptions).Assembly, typeof(Grains.StorageNames).Assembly, typeof(Domain.EntityId).Assembly };
        var settings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is string section)
            {
                Add(settings, section, type, depth: 0);
            }
        }

        return settings;
    }

    private static void Add(HashSet<string> settings, string prefix, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{prefix}:{property.Name}";
            settings.Add(key);
            var propertyType = property.PropertyType;
            if (depth < 3 && propertyType.IsClass && propertyType != typeof(string) && !propertyType.IsArray && !propertyType.IsGenericType)
            {
                Add(settings, key, propertyType, depth + 1);
            }
        }
    }
}
