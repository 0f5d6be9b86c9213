namespace CxLive.Domain.Telemetry;

/// <summary>
/// A <see cref="SlotWindow"/> as plain data, for checkpoints: the slot ring, the minute history and the hour
/// history (null when empty). <see cref="SlotSeconds"/> guards against restoring slots of another width.
/// </summary>
public sealed record SlotWindowState(int SlotSeconds, RingState? Slots, RingState? Minutes, RingState? Hours);
