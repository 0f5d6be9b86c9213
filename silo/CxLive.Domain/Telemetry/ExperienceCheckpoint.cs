namespace CxLive.Domain.Telemetry;

/// <summary>
/// The binary form of a slot window inside a customer's telemetry checkpoint: compact, and independent of any
/// serializer, so renaming a class never breaks a stored checkpoint. Format changes bump <see cref="Version"/>.
/// </summary>
public static class ExperienceCheckpoint
{
    public const byte Version = 1;

    public static void Write(BinaryWriter writer, SlotWindowState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(state);
        writer.Write(state.SlotSeconds);
        WriteRing(writer, state.Slots);
        WriteRing(writer, state.Minutes);
        WriteRing(writer, state.Hours);
    }

    public static SlotWindowState ReadWindow(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var slotSeconds = reader.ReadInt32();
        return new SlotWindowState(slotSeconds, ReadRing(reader), ReadRing(reader), ReadRing(reader));
    }

    private static void WriteRing(BinaryWriter writer, RingState? ring)
    {
        if (ring is null)
        {
            writer.Write(-1);
            return;
        }

        writer.Write(ring.Indexes.Length);
        writer.Write(ring.Head);
        for (var i = 0; i < ring.Indexes.Length; i++)
        {
            writer.Write(ring.Indexes[i]);
            writer.Write(ring.Totals[i]);
            writer.Write(ring.Errors[i]);
            writer.Write(ring.Slow[i]);
        }
    }

    private static RingState? ReadRing(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0)
        {
            return null;
        }

        var head = reader.ReadInt64();
        var indexes = new long[count];
        var totals = new int[count];
        var errors = new int[count];
        var slow = new int[count];
        for (var i = 0; i < count; i++)
        {
            indexes[i] = reader.ReadInt64();
            totals[i] = reader.ReadInt32();
            errors[i] = reader.ReadInt32();
            slow[i] = reader.ReadInt32();
        }

        return new RingState(head, indexes, totals, errors, slow);
    }
}
