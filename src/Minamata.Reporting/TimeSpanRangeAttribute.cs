using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Minamata.Reporting;

/// <summary>
/// A duration setting between two bounds, written as <see cref="TimeSpan"/> text ("00:10:00").
/// <see cref="RangeAttribute"/> can say this only through a type converter found by reflection,
/// which trimming removes; this one parses its bounds itself.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    private readonly TimeSpan min = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
    private readonly TimeSpan max = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan span || (span >= min && span <= max);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, "The field {0} must be between {1} and {2}.", name, minimum, maximum);
}
