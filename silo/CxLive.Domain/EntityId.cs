namespace CxLive.Domain;

/// <summary>
/// Ids of customers, touchpoints and the like: 1-128 characters of <c>[A-Za-z0-9._:@-]</c> (API.md).
/// </summary>
public static class EntityId
{
    public const int MaxLength = 128;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!IsAllowed(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValid(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty || utf8.Length > MaxLength)
        {
            return false;
        }

        foreach (var b in utf8)
        {
            if (b >= 0x80 || !IsAllowed((char)b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The reason an id is not valid, for error messages; null when it is valid.</summary>
    public static string? Problem(string? id) =>
        id switch
        {
            null or "" => "is required",
            { Length: > MaxLength } => $"is longer than {MaxLength} characters",
            _ when !IsValid(id) => "may contain only letters, digits and . _ : @ -",
            _ => null,
        };

    /// <summary>Whether <paramref name="c"/> may appear in an id.</summary>
    public static bool IsAllowed(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or ':' or '@' or '-';
}
