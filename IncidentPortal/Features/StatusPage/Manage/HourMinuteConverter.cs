using System.Globalization;
using MudBlazor;

namespace IncidentPortal.Features.StatusPage.Manage;

/// <summary>
/// A time of day for <see cref="MudTimePicker"/> as people read it: <c>20:00</c>, with seconds only when there are any
/// (<c>20:00:15</c>). Typed text may carry seconds or not, so a window can still be set to the second.
/// </summary>
public sealed class HourMinuteConverter : IReversibleConverter<TimeSpan?, string?>
{
    public static readonly HourMinuteConverter Instance = new();

    private static readonly string[] Formats = [@"h\:mm", @"hh\:mm", @"h\:mm\:ss", @"hh\:mm\:ss"];

    public string? Convert(TimeSpan? input) => input is not { } time ? null
        : time.ToString(time.Seconds == 0 ? @"hh\:mm" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);

    public TimeSpan? ConvertBack(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        return TimeSpan.TryParseExact(input.Trim(), Formats, CultureInfo.InvariantCulture, out var time) && time >= TimeSpan.Zero && time < TimeSpan.FromDays(1)
            ? time
            : throw new FormatException("Type the time as HH:mm, for example 20:00.");
    }
}
