using CxLive.Api.Access;
using CxLive.Api.Demo;
using CxLive.Api.Ingest;
using CxLive.Api.Ingest.Otlp;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Hosting;

// Checks of the api's own settings, generated at compile time from their DataAnnotations (CxLive.Hosting.CxLiveOptions).

[OptionsValidator]
internal sealed partial class IngestOptionsValidator : IValidateOptions<IngestOptions>;

[OptionsValidator]
internal sealed partial class OtlpOptionsValidator : IValidateOptions<OtlpOptions>;

[OptionsValidator]
internal sealed partial class HostingOptionsValidator : IValidateOptions<HostingOptions>;

[OptionsValidator]
internal sealed partial class DemoOptionsValidator : IValidateOptions<DemoOptions>;

[OptionsValidator]
internal sealed partial class AccessOptionsValidator : IValidateOptions<AccessOptions>;

[OptionsValidator]
internal sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;
