namespace CxLive.Grains.Fleet;

/// <summary>
/// A name as one number that orders like the name, so that a sorted set (Redis) and a column (SQLite) order customers
/// by name the same way: case-insensitive over the first <see cref="Characters"/> characters, digits before letters,
/// anything else (spaces, punctuation, letters outside a-z) as one symbol before digits. Exact in a double (38^10 &lt; 2^53).
/// </summary>
public static class NameOrder
{
    public const int Characters = 10;
    private const int Symbols = 38;

    public static double Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        long key = 0;
        for (var i = 0; i < Characters; i++)
        {
            key = (key * Symbols) + (i < name.Length ? Symbol(char.ToLowerInvariant(name[i])) : 0);
        }

        return key;
    }

    private static int Symbol(char c) => c switch
    {
        >= '0' and <= '9' => 2 + (c - '0'),
        >= 'a' and <= 'z' => 12 + (c - 'a'),
        _ => 1,
    };
}
