using CxLive.Domain.Scoring;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions;
using Microsoft.Extensions.Options;

namespace CxLive.Hosting;

// Checks of the settings both hosts read, generated at compile time from their DataAnnotations (CxLiveOptions).

[OptionsValidator]
public sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>;

[OptionsValidator]
public sealed partial class ScoringOptionsValidator : IValidateOptions<ScoringOptions>;

[OptionsValidator]
public sealed partial class CxLiveClusterOptionsValidator : IValidateOptions<CxLiveClusterOptions>;

[OptionsValidator]
public sealed partial class CadenceOptionsValidator : IValidateOptions<CadenceOptions>;
