using IncidentPortal.Features.Mentions;
using MentionText = IncidentPortal.Features.Mentions.Mentions;

namespace IncidentPortal.Tests.Features.Mentions;

/// <summary>Finding "@Name" in a text, and the "@partial" being typed.</summary>
public sealed class MentionsTests
{
    private static readonly MentionCandidate Alex = new("a", "Alex Agent");
    private static readonly MentionCandidate Sam = new("s", "Sam");
    private static readonly MentionCandidate SamSecurity = new("ss", "Sam Security");
    private static readonly MentionCandidate[] Staff = [Alex, Sam, SamSecurity];

    [Theory]
    [InlineData("@Alex Agent please look", "a")]
    [InlineData("cc @alex agent.", "a")]
    [InlineData("(@Alex Agent)", "a")]
    [InlineData("@Sam Security knows", "ss")]
    [InlineData("@Sam knows", "s")]
    [InlineData("@Sam Security and @Sam", "ss,s")]
    [InlineData("mail alex@Alex Agent", "")]
    [InlineData("@Alex Agents is not a name", "")]
    [InlineData("no mention at all", "")]
    public void Finds_whole_names_after_an_at_sign(string text, string expected) =>
        Assert.Equal(expected, string.Join(",", MentionText.Find(text, Staff).Select(p => p.UserId)));

    [Fact]
    public void Each_person_counts_once() =>
        Assert.Single(MentionText.Find("@Alex Agent, and again @Alex Agent", Staff));

    [Theory]
    [InlineData("Hello @Al", "Al")]
    [InlineData("@", "")]
    [InlineData("Ask @Alex Ag", "Alex Ag")]
    [InlineData("mail me@home", null)]
    [InlineData("@Alex\nnext line", null)]
    [InlineData("no at sign", null)]
    public void Knows_the_partial_name_being_typed(string text, string? expected) => Assert.Equal(expected, MentionText.Typing(text));

    [Fact]
    public void Completing_replaces_the_partial_with_the_whole_name() =>
        Assert.Equal("Ask @Alex Agent ", MentionText.Complete("Ask @al", "Alex Agent"));
}
