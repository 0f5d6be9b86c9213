namespace CxLive.Api.Ingest.Otlp;

/// <summary>What an OpenTelemetry attribute tells CxLive, if anything.</summary>
internal enum AttributeRole
{
    None,
    Customer,
    Touchpoint,
    HttpStatusCode,
}
