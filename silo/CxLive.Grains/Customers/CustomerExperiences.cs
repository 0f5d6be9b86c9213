using CxLive.Domain.Telemetry;

namespace CxLive.Grains.Customers;

/// <summary>A customer's <see cref="TouchpointExperience"/> per touchpoint, and their checkpoint form.</summary>
internal sealed class CustomerExperiences(TelemetryOptions options, DisruptionRule rule)
{
    public Dictionary<string, TouchpointExperience> ByTouchpoint { get; } = new(StringComparer.Ordinal);

    public TouchpointExperience For(string touchpoint)
    {
        if (!ByTouchpoint.TryGetValue(touchpoint, out var experience))
        {
            experience = new TouchpointExperience(options, rule);
            ByTouchpoint[TouchpointNames.Shared(touchpoint)] = experience;
        }

        return experience;
    }

    public byte[] ToCheckpoint()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(ExperienceCheckpoint.Version);
            writer.Write(ByTouchpoint.Count);
            foreach (var (touchpoint, experience) in ByTouchpoint)
            {
                writer.Write(touchpoint);
                experience.WriteTo(writer);
            }
        }

        return stream.ToArray();
    }

    public void RestoreFrom(byte[] checkpoint)
    {
        if (checkpoint.Length == 0)
        {
            return;
        }

        using var reader = new BinaryReader(new MemoryStream(checkpoint));
        var version = reader.ReadByte();
        if (version != ExperienceCheckpoint.Version)
        {
            throw new InvalidDataException($"Telemetry checkpoint version {version} is not {ExperienceCheckpoint.Version}.");
        }

        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var touchpoint = TouchpointNames.Shared(reader.ReadString());
            ByTouchpoint[touchpoint] = TouchpointExperience.ReadFrom(reader, options, rule);
        }
    }
}
