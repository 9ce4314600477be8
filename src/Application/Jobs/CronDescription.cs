using System.Globalization;

namespace CleanBackend.Application.Jobs;

/// <summary>
/// Puts the common Quartz cron patterns into words for the dashboard ("Every 5 minutes", "Every day at 03:00",
/// "At 10:15, Monday to Friday"). Quartz cron has seconds first: <c>sec min hour day-of-month month day-of-week [year]</c>.
/// Anything it does not recognise (L, W, #, years, steps in odd places) gets null: the dashboard then shows the
/// expression alone rather than words that might be wrong.
/// </summary>
public static class CronDescription
{
    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] DayAbbreviations = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly string[] MonthAbbreviations = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>The schedule in words, or null when the expression is not one of the patterns described.</summary>
    public static string? Describe(string expression)
    {
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 6 or > 7 || (parts.Length == 7 && parts[6] != "*")) return null;

        var seconds = CronField.Parse(parts[0], 0, 59, null);
        var minutes = CronField.Parse(parts[1], 0, 59, null);
        var hours = CronField.Parse(parts[2], 0, 23, null);
        var daysOfMonth = CronField.Parse(parts[3], 1, 31, null);
        var months = CronField.Parse(parts[4], 1, 12, MonthAbbreviations);
        var daysOfWeek = CronField.Parse(parts[5], 1, 7, DayAbbreviations);
        if (seconds is null || minutes is null || hours is null || daysOfMonth is null || months is null || daysOfWeek is null) return null;

        var time = DescribeTime(seconds, minutes, hours);
        var days = DescribeDays(daysOfMonth, months, daysOfWeek);
        if (time is null || days is null) return null;

        if (days.Length == 0) return Capitalize(time.StartsWith("at ", StringComparison.Ordinal) ? "every day " + time : time);
        return Capitalize(time + days);
    }

    private static string? DescribeTime(CronField seconds, CronField minutes, CronField hours)
    {
        if (seconds.IsEvery && minutes.IsEvery && hours.IsEvery) return "every second";
        if (seconds.Step is { } secondStep && minutes.IsEvery && hours.IsEvery) return $"every {secondStep} seconds";
        if (seconds.Values is not [var second]) return null;
        var atSecond = second == 0 ? "" : $", at second {second}";

        if (minutes.IsEvery)
            return hours.IsEvery ? "every minute" + atSecond : WithinHours("every minute", hours) is { } m ? m + atSecond : null;
        if (minutes.Step is { } minuteStep)
            return hours.IsEvery ? $"every {minuteStep} minutes{atSecond}" : WithinHours($"every {minuteStep} minutes", hours) is { } m ? m + atSecond : null;
        if (minutes.Values is not { } minuteValues) return null;

        if (minuteValues is [var minute])
        {
            var pastTheHour = minute == 0 ? "on the hour" : $"at minute {minute}";
            if (hours.IsEvery) return $"every hour, {pastTheHour}{atSecond}";
            if (hours.Step is { } hourStep) return $"every {hourStep} hours, {pastTheHour}{atSecond}";
            if (hours.Range is { } range) return $"every hour from {Clock(range.From, minute)} to {Clock(range.To, minute)}{atSecond}";
        }
        else if (hours.IsEvery)
        {
            return $"every hour, at minutes {JoinAnd(minuteValues.Select(m => m.ToString(CultureInfo.InvariantCulture)).ToList())}{atSecond}";
        }

        if (hours.Values is not { } hourValues || hourValues.Count * minuteValues.Count > 6) return null;
        var times = hourValues.SelectMany(h => minuteValues.Select(m => Clock(h, m, second))).ToList();
        return "at " + JoinAnd(times);
    }

    private static string? WithinHours(string every, CronField hours) => hours.Range is { } range
        ? $"{every} from {Clock(range.From, 0)} to {Clock(range.To, 59)}"
        : hours.Values is [var hour] ? $"{every} from {Clock(hour, 0)} to {Clock(hour, 59)}" : null;

    private static string? DescribeDays(CronField daysOfMonth, CronField months, CronField daysOfWeek)
    {
        string dayPart;
        if (daysOfMonth.IsEvery && daysOfWeek.IsEvery) dayPart = "";
        else if (daysOfMonth.IsEvery && daysOfWeek.Values is { } weekdays) dayPart = ", " + DescribeWeekdays(daysOfWeek, weekdays);
        else if (daysOfWeek.IsEvery && daysOfMonth.Values is { Count: <= 4 } monthDays)
            dayPart = $", on day{(monthDays.Count > 1 ? "s" : "")} {JoinAnd(monthDays.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToList())} of the month";
        else return null;

        if (months.IsEvery) return dayPart;
        if (months.Range is { } range) return $"{dayPart}, {MonthNames[range.From - 1]} to {MonthNames[range.To - 1]}";
        if (months.Values is { } monthValues) return $"{dayPart}, in {JoinAnd(monthValues.Select(m => MonthNames[m - 1]).ToList())}";
        return null;
    }

    private static string DescribeWeekdays(CronField field, IReadOnlyList<int> days)
    {
        if (field.Range is { } range) return $"{DayNames[range.From - 1]} to {DayNames[range.To - 1]}";
        return days is [var day] ? $"every {DayNames[day - 1]}" : $"on {JoinAnd(days.Select(d => DayNames[d - 1]).ToList())}";
    }

    private static string Clock(int hour, int minute, int second = 0) => second == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}:{second:00}");

    private static string JoinAnd(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// One field, reduced to the shapes described: every value (* or ?), a step from the field's start (*/n or
    /// 0/n), one range (a-b), or a list of single values.
    /// </summary>
    private sealed record CronField(bool IsEvery, int? Step, (int From, int To)? Range, IReadOnlyList<int>? Values)
    {
        public static CronField? Parse(string text, int min, int max, string[]? names)
        {
            if (text is "*" or "?") return new CronField(true, null, null, null);

            var slash = text.IndexOf('/');
            if (slash >= 0)
            {
                var start = text[..slash];
                if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1) return null;
                if (start != "*" && start != min.ToString(CultureInfo.InvariantCulture)) return null;
                return step == 1 ? new CronField(true, null, null, null) : new CronField(false, step, null, null);
            }

            var dash = text.IndexOf('-');
            if (dash > 0 && !text.Contains(','))
            {
                if (Value(text[..dash], min, max, names) is not { } from || Value(text[(dash + 1)..], min, max, names) is not { } to || to <= from) return null;
                return new CronField(false, null, (from, to), Enumerable.Range(from, to - from + 1).ToList());
            }

            var values = new List<int>();
            foreach (var item in text.Split(','))
            {
                if (Value(item, min, max, names) is not { } value) return null;
                values.Add(value);
            }
            return new CronField(false, null, null, values.Distinct().Order().ToList());
        }

        private static int? Value(string text, int min, int max, string[]? names)
        {
            var index = names is null ? -1 : Array.IndexOf(names, text.ToUpperInvariant());
            if (index >= 0) return index + 1;
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
        }
    }
}
