using CxLive.Silo.Hosting;

namespace CxLive.Api.Hosting;

/// <summary>
/// Embedded mode's one contact with the silo host: the silo runs in this process, configured as the silo host
/// configures its own. Nothing else in the api reaches the silo or a grain implementation (tests/CxLive.Architecture.Tests).
/// </summary>
internal static class EmbeddedSilo
{
    public static WebApplicationBuilder CoHostSilo(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddCxLiveSilo(builder.Configuration));
        return builder;
    }
}
