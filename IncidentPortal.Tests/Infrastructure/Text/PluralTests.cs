using IncidentPortal.Infrastructure.Text;

namespace IncidentPortal.Tests.Infrastructure.Text;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "0 incidents")]
    [InlineData(1, "1 incident")]
    [InlineData(2, "2 incidents")]
    [InlineData(12345, "12,345 incidents")]
    public void Counts_take_the_right_noun(long count, string expected) => Assert.Equal(expected, Plural.Count(count, "incident"));

    [Fact]
    public void Irregular_plurals_and_verbs()
    {
        Assert.Equal("1 entry", Plural.Count(1, "entry", "entries"));
        Assert.Equal("3 entries", Plural.Count(3, "entry", "entries"));
        Assert.Equal("people", Plural.Word(2, "person", "people"));
        Assert.Equal("is", Plural.Verb(1));
        Assert.Equal("are", Plural.Verb(0));
    }
}
