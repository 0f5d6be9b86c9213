using System.ComponentModel.DataAnnotations;

namespace CxLive.Domain;

/// <summary>
/// <see cref="RangeAttribute"/> whose message is the one given (it names the setting, e.g. "Ingest:QueueLimit must be
/// between 0 and 10000."). The options validator generator replaces a plain <see cref="RangeAttribute"/> with a copy that
/// drops <c>ErrorMessage</c> (dotnet/runtime#123137); a type of its own is used as it is.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(double minimum, double maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(Type type, string minimum, string maximum)
        : base(type, minimum, maximum)
    {
    }
}
