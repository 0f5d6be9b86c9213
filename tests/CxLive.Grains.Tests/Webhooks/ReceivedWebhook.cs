namespace CxLive.Grains.Tests.Webhooks;

/// <summary>One POST a test receiver got, as it arrived, and the status it answered with.</summary>
internal sealed record ReceivedWebhook(string AlertId, int Version, byte[] Body, string? Signature, string? ContentType, int AnsweredWith);
