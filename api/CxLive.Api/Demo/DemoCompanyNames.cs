namespace CxLive.Api.Demo;

/// <summary>
/// Company-like names made from syllables and a word fitting the vertical ("Velorix Freight"), so that no real company
/// is meant. Ids are the lower-cased name with dashes, made unique with a number.
/// </summary>
internal sealed class DemoCompanyNames(Random random)
{
    private static readonly string[] Starts = ["Bra", "Cor", "Del", "Fen", "Gal", "Hol", "Ix", "Jor", "Kel", "Lum", "Mar", "Nov", "Or", "Pel", "Quin", "Ros", "Sel", "Tor", "Ul", "Ver", "Wex", "Zan", "Ast", "Bel", "Cal", "Dru", "Em", "Fal"];
    private static readonly string[] Middles = ["a", "e", "i", "o", "u", "", "en", "ar", "il", "on"];
    private static readonly string[] Ends = ["tix", "vox", "nia", "dex", "ly", "ora", "ant", "ium", "ex", "ford", "wick", "stone", "ara", "iq", "eon", "ova", "mere", "gate"];

    private static readonly Dictionary<string, string[]> WordsByVertical = new(StringComparer.Ordinal)
    {
        ["retail"] = ["Goods", "Market", "Outfitters"],
        ["fintech"] = ["Pay", "Capital", "Finance"],
        ["health"] = ["Health", "Care", "Clinics"],
        ["logistics"] = ["Logistics", "Freight", "Shipping"],
        ["media"] = ["Media", "Studios", "Press"],
        ["manufacturing"] = ["Works", "Industries", "Fabrication"],
        ["travel"] = ["Travel", "Voyages", "Stays"],
        ["saas"] = ["Labs", "Systems", "Cloud", "Software"],
    };

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Verticals { get; } = [.. WordsByVertical.Keys];

    public (string Id, string Name) Next(string vertical)
    {
        var stem = Starts[random.Next(Starts.Length)] + Middles[random.Next(Middles.Length)] + Ends[random.Next(Ends.Length)];
        var words = WordsByVertical[vertical];
        var name = stem + " " + words[random.Next(words.Length)];
        var slug = name.Replace(' ', '-').ToLowerInvariant();
        var id = slug;
        for (var n = 2; !_ids.Add(id); n++)
        {
            id = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return (id, name);
    }
}
