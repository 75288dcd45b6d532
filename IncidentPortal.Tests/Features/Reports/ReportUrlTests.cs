using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Reports;

namespace IncidentPortal.Tests.Features.Reports;

/// <summary>The report address: round trips, bad input falls back to defaults, days in the viewer's zone.</summary>
public sealed class ReportUrlTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 23, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_custom_range_with_every_filter_round_trips()
    {
        var filter = new ReportFilter
        {
            From = new(2026, 11, 1), To = new(2026, 11, 30), TimeZoneId = "Europe/Berlin", TeamId = 3, ServiceId = 4, CategoryId = 5,
            Priority = Priority.P1, Source = ReportSource.Api,
        };
        var query = ReportUrl.ToQuery(filter, ReportSlice.Of("created", "2026-11-03"));

        Assert.Equal("from=2026-11-01&to=2026-11-30&tz=Europe%2FBerlin&team=3&service=4&category=5&priority=P1&source=api&slice=created~2026-11-03", query);
        Assert.Equal(filter, ReportUrl.Parse(query, "UTC", Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("from=2026-13-01&to=2026-11-30")]
    [InlineData("from=2026-12-01&to=2026-11-30")]
    [InlineData("from=1990-01-01&to=2026-11-30")]
    [InlineData("range=forever&team=-1&service=abc&priority=P9&source=fax&tz=Mars/Base")]
    [InlineData("priority=1&category=99999999999999")]
    public void Bad_input_falls_back_to_the_last_30_days_without_filters(string query)
    {
        var filter = ReportUrl.Parse(query, "Europe/London", Now);

        Assert.Equal(ReportPreset.Last30Days, filter.Preset);
        Assert.Equal(new DateOnly(2026, 12, 7), filter.To);
        Assert.Equal(new DateOnly(2026, 11, 8), filter.From);
        Assert.Equal("Europe/London", filter.TimeZoneId);
        Assert.False(filter.HasFilters);
    }

    [Fact]
    public void Today_is_the_viewer_s_today_and_presets_end_on_it()
    {
        // 23:30 UTC on 7 Dec is already 8 Dec in Tokyo.
        var filter = ReportUrl.Parse("range=last7", "Asia/Tokyo", Now);
        Assert.Equal((new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 8)), (filter.From, filter.To));

        var quarter = ReportUrl.Parse("range=quarter", "UTC", Now);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 7)), (quarter.From, quarter.To));
        Assert.Equal("range=quarter", ReportUrl.ToQuery(quarter));
    }

    [Fact]
    public void The_previous_period_has_the_same_length_and_ends_the_day_before()
    {
        var filter = new ReportFilter { From = new(2026, 11, 1), To = new(2026, 11, 30), TeamId = 2 };
        var previous = filter.PreviousPeriod();
        Assert.Equal((new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 31), 2), (previous.From, previous.To, previous.TeamId));
        Assert.Equal(30, previous.Days);
    }

    [Fact]
    public void Days_start_at_local_midnight_across_a_daylight_saving_change()
    {
        var london = new ReportFilter { From = new(2026, 10, 25), To = new(2026, 10, 25), TimeZoneId = "Europe/London" };
        // Clocks go back at 02:00 BST on 25 Oct 2026: the day starts at 23:00 UTC the evening before and lasts 25 hours.
        Assert.Equal(new DateTime(2026, 10, 24, 23, 0, 0, DateTimeKind.Utc), london.StartUtc);
        Assert.Equal(new DateTime(2026, 10, 26, 0, 0, 0, DateTimeKind.Utc), london.EndUtc);
        // São Paulo has no DST now; Santiago skips midnight when clocks go forward (6 Sep 2026 00:00 → 01:00).
        var santiago = new ReportFilter { From = new(2026, 9, 6), To = new(2026, 9, 6), TimeZoneId = "America/Santiago" };
        Assert.Equal(new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc), santiago.StartUtc);
    }

    [Theory]
    [InlineData("created~2026-12-01", "created", "2026-12-01", "Created on Tue 1 Dec 2026")]
    [InlineData("resolved~2026-W49", "resolved", "2026-W49", "Resolved in the week of Mon 30 Nov 2026")]
    [InlineData("open-age~7-30d", "open-age", "7-30d", "Open now for 7 to 30 days")]
    [InlineData("sla-breach~response:P1", "sla-breach", "response:P1", "Response SLA breached, P1")]
    [InlineData("responded~team:3", "responded", "team:3", "First response, team 3")]
    [InlineData("cancelled", "cancelled", "all", "Cancelled")]
    public void Slices_parse_format_and_read_as_words(string text, string kind, string key, string label)
    {
        Assert.True(ReportSlice.TryParse(text, out var slice));
        Assert.Equal(new ReportSlice(kind, key), slice);
        Assert.Equal(label, slice.Label());
        Assert.True(ReportSlice.TryParse(slice.Format(), out var again));
        Assert.Equal(slice, again);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("drop-table~x")]
    [InlineData("created~")]
    [InlineData("created~a\nb")]
    public void Unknown_slices_are_refused(string? text) => Assert.False(ReportSlice.TryParse(text, out _));

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        TimeSpan M(int minutes) => TimeSpan.FromMinutes(minutes);
        Assert.Equal(new DurationStats(4, M(20), M(40)), ReportMath.Stats([M(40), M(10), M(30), M(20)]));
        Assert.Equal(new DurationStats(1, M(7), M(7)), ReportMath.Stats([M(7)]));
        Assert.Equal(DurationStats.Empty, ReportMath.Stats([]));
    }
}
