using System.ComponentModel.DataAnnotations;

namespace CxLive.Silo.Hosting;

/// <summary>How silos and clients find each other (section <c>Orleans</c>). Silo and api must agree.</summary>
public sealed class CxLiveClusterOptions
{
    public const string SectionName = "Cluster";

    [Required(ErrorMessage = "Cluster:ServiceId is required.")]
    public string ServiceId { get; set; } = "cxlive";

    [Required(ErrorMessage = "Cluster:ClusterId is required.")]
    public string ClusterId { get; set; } = "dev";

    /// <summary>Membership provider. <c>Localhost</c> is the only one so far; Redis joins it for cluster mode.</summary>
    [AllowedValues(ClusteringKinds.Localhost, ErrorMessage = "Cluster:Clustering must be 'Localhost'.")]
    public string Clustering { get; set; } = ClusteringKinds.Localhost;

    [Range(1, 65535, ErrorMessage = "Cluster:SiloPort must be a TCP port (1-65535).")]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535, ErrorMessage = "Cluster:GatewayPort must be a TCP port (1-65535).")]
    public int GatewayPort { get; set; } = 30000;
}
