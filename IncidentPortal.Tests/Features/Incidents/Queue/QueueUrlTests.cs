using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;

namespace IncidentPortal.Tests.Features.Incidents.Queue;

public sealed class QueueUrlTests
{
    [Fact]
    public void The_default_queue_is_plain_queue() => Assert.Equal("queue", QueueUrl.For(new QueueQuery()));

    [Fact]
    public void A_full_query_survives_the_round_trip_through_the_address()
    {
        var query = new QueueQuery
        {
            View = QueueView.MyTeams, Status = IncidentStatus.OnHold, Priority = Priority.P2, TeamId = 3, ServiceId = 4, CategoryId = 5,
            Search = "vpn & wifi", Sort = QueueSort.Updated, Descending = false, Skip = 100, Take = 50,
        };

        var url = QueueUrl.For(query);

        Assert.Equal("queue?view=my-teams&status=OnHold&priority=P2&team=3&service=4&category=5&q=vpn%20%26%20wifi&sort=updated&dir=asc&page=3&size=50", url);
        var parameters = System.Web.HttpUtility.ParseQueryString(new Uri("http://x/" + url).Query);
        Assert.Equal(query, QueueUrl.Parse(parameters["view"], parameters["status"], parameters["priority"], 3, 4, 5,
            parameters["q"], parameters["sort"], parameters["dir"], 3, 50));
    }

    [Fact]
    public void Nonsense_in_the_address_falls_back_to_the_defaults()
    {
        var parsed = QueueUrl.Parse("everything", "Closed", "P9", -1, 0, null, "   ", "colour", "sideways", -4, 33);

        Assert.Equal(new QueueQuery(), parsed);
        Assert.Null(QueueUrl.Parse(null, "3", "1", null, null, null, null, null, null, null, null).Priority);
    }

    [Theory]
    [InlineData(QueueSort.Priority, false)]
    [InlineData(QueueSort.Updated, true)]
    [InlineData(QueueSort.Created, true)]
    [InlineData(QueueSort.Reference, true)]
    public void Each_sort_starts_in_its_natural_direction(QueueSort sort, bool descending)
    {
        Assert.Equal(descending, QueueUrl.DefaultDescending(sort));
        Assert.Equal(new QueueQuery { Sort = sort, Descending = descending },
            QueueUrl.Parse(null, null, null, null, null, null, null, sort.ToString(), null, null, null));
    }
}
