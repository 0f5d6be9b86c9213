using CxLive.Domain.Alerts;
using CxLive.Grains.Webhooks;
using CxLive.Silo.Storage;
using Microsoft.Extensions.Options;

namespace CxLive.Silo.Hosting;

// Checks of the silo's own settings, generated at compile time from their DataAnnotations (CxLive.Hosting.CxLiveOptions).

[OptionsValidator]
public sealed partial class AlertOptionsValidator : IValidateOptions<AlertOptions>;

[OptionsValidator]
public sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>;

[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<CxLiveStorageOptions>;

[OptionsValidator]
public sealed partial class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>;
