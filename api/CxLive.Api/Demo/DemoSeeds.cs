namespace CxLive.Api.Demo;

/// <summary>Derives the seed of one part of the simulation (an incident, a second of traffic) from the demo's seed.</summary>
internal static class DemoSeeds
{
    public const uint Incidents = 0x1A2B3C4D;
    public const uint Traffic = 0x5E6F7A8B;

    /// <summary>A 32-bit mix (murmur3's finaliser) of seed, stream and index; stable across processes, unlike HashCode.</summary>
    public static int For(int seed, uint stream, long index)
    {
        unchecked
        {
            var h = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)stream << 32) ^ (ulong)index;
            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 33;
            return (int)(h & 0x7FFFFFFF);
        }
    }
}
