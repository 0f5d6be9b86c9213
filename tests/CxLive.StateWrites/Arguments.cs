using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CxLive.StateWrites;

internal static class Arguments
{
    public static bool TryParse(string[] args, [NotNullWhen(true)] out string? db, out int seconds, out int top)
    {
        db = null;
        seconds = 30;
        top = 10;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--db":
                    db = args[i + 1];
                    break;
                case "--seconds" when int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0:
                    seconds = s;
                    break;
                case "--top" when int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) && t > 0:
                    top = t;
                    break;
                default:
                    return false;
            }
        }

        return db is not null && File.Exists(db);
    }
}
