using System.ComponentModel.DataAnnotations;

namespace CxLive.Api.Hosting;

/// <summary>Where the silo runs (section <c>Hosting</c>): in this process, or in a cluster this api joins as a client.</summary>
internal sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    [AllowedValues(HostingModes.Embedded, HostingModes.Client, ErrorMessage = "Hosting:Mode must be 'Embedded' or 'Client'.")]
    public string Mode { get; set; } = HostingModes.Embedded;

    /// <summary>The address used when neither ASPNETCORE_URLS nor --urls names one.</summary>
    [Required(ErrorMessage = "Hosting:DefaultUrl is required.")]
    public string DefaultUrl { get; set; } = "http://127.0.0.1:5080";
}
