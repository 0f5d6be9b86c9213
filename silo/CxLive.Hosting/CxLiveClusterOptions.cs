using System.ComponentModel.DataAnnotations;
using System.Net;
using CxLive.Domain;

namespace CxLive.Hosting;

/// <summary>
/// How silos and api processes find each other (section <c>Cluster</c>). Silos and api processes must agree on
/// <see cref="ServiceId"/>, <see cref="ClusterId"/>, <see cref="Membership"/> and <see cref="Redis"/>.
/// </summary>
public sealed class CxLiveClusterOptions : IValidatableObject
{
    public const string SectionName = "Cluster";

    public string ServiceId { get; set; } = "cxlive";

    public string ClusterId { get; set; } = "dev";

    /// <summary><c>Localhost</c> (one silo on this machine) or <c>Redis</c> (any number of silos and api processes).</summary>
    public string Membership { get; set; } = MembershipKinds.Localhost;

    /// <summary>A StackExchange.Redis connection string: membership, and storage unless <c>Storage:Redis</c> names another.</summary>
    public string? Redis { get; set; }

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The IP address other silos and clients reach this silo at (the pod IP in Kubernetes); loopback when unset.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>The IP address the silo and gateway listen on (<c>0.0.0.0</c> in a container); the advertised address when unset.</summary>
    public string? ListenAddress { get; set; }

    /// <summary>
    /// Orleans' Kubernetes hosting (POD_NAME, POD_NAMESPACE, POD_IP; labels the pod and watches the others, so a deleted
    /// pod's silo is declared dead at once). Needs the Role in k8s/base.
    /// </summary>
    public bool KubernetesHosting { get; set; }

    /// <summary>How long a silo waits for a probe's answer; with <see cref="MissedProbesLimit"/>, how fast a dead silo is noticed.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Missed probes in a row before a silo votes another dead.</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>How often a silo reads the membership table (picks up deaths other silos declared).</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a silo writes its "I am alive" to the membership table.</summary>
    public TimeSpan IAmAlivePublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A grain call not answered within this fails (calls in flight to a silo that died fail no later than this).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an api process rereads the list of gateways (silos) from Redis.</summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a stopping process may take (SIGTERM): a silo deactivates its grains, whose last checkpoints are
    /// written, and leaves the cluster. Kubernetes' terminationGracePeriodSeconds must be longer.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A grain not called for this long is deactivated and gives its memory back: an idle customer checkpoints first
    /// and resumes from storage when it is called again. Orleans' collection age: longer than its one-minute quantum.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:02:00", "1.00:00:00", ErrorMessage = "Cluster:IdleGrainAge must be between 00:02:00 and 1.00:00:00 (Orleans collects idle grains once a minute).")]
    public TimeSpan IdleGrainAge { get; set; } = TimeSpan.FromMinutes(15);

    public bool UsesRedis => string.Equals(Membership, MembershipKinds.Redis, StringComparison.OrdinalIgnoreCase);

    /// <summary>The address others reach this silo at.</summary>
    public IPAddress Advertised() => AdvertisedAddress is { Length: > 0 } address ? IPAddress.Parse(address) : IPAddress.Loopback;

    /// <summary>The address this silo listens on.</summary>
    public IPAddress Listening() => ListenAddress is { Length: > 0 } address ? IPAddress.Parse(address) : Advertised();

    /// <summary>For the generated options validator: each problem of <see cref="Validate()"/> as a result naming the setting.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Validate().Select(problem => new ValidationResult(problem));

    /// <summary>One message per problem, each naming the setting to fix.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            yield return "Cluster:ServiceId is required.";
        }

        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            yield return "Cluster:ClusterId is required.";
        }

        if (!MembershipKinds.All.Contains(Membership, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Cluster:Membership must be one of {string.Join(", ", MembershipKinds.All)} (was '{Membership}').";
        }

        if (UsesRedis && RedisConnectionString.Problem(Redis) is { } problem)
        {
            yield return $"Cluster:Redis {problem} (Cluster:Membership is Redis).";
        }

        foreach (var (name, port) in new[] { ("SiloPort", SiloPort), ("GatewayPort", GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                yield return $"Cluster:{name} must be a TCP port (1-65535).";
            }
        }

        foreach (var (name, address) in new[] { ("AdvertisedAddress", AdvertisedAddress), ("ListenAddress", ListenAddress) })
        {
            if (address is { Length: > 0 } && !IPAddress.TryParse(address, out _))
            {
                yield return $"Cluster:{name} must be an IP address (was '{address}').";
            }
        }

        foreach (var (name, value) in new[]
        {
            ("ProbeTimeout", ProbeTimeout), ("TableRefreshTimeout", TableRefreshTimeout), ("IAmAlivePublishTimeout", IAmAlivePublishTimeout),
            ("ResponseTimeout", ResponseTimeout), ("GatewayListRefreshPeriod", GatewayListRefreshPeriod), ("ShutdownTimeout", ShutdownTimeout),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"Cluster:{name} must be a positive duration (hh:mm:ss).";
            }
        }

        if (MissedProbesLimit < 1)
        {
            yield return "Cluster:MissedProbesLimit must be 1 or more.";
        }
    }
}
