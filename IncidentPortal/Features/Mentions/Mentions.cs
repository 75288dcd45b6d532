using System.Globalization;

namespace IncidentPortal.Features.Mentions;

/// <summary>A person a mention may name: staff, by display name.</summary>
public sealed record MentionCandidate(string UserId, string Name);

/// <summary>
/// How "@Name" is written and found. A mention is "@" and a colleague's display name as the suggestions insert it;
/// it counts when the name ends there (not inside a longer word). Matching ignores case.
/// </summary>
public static class Mentions
{
    public static string Token(string name) => "@" + name;

    /// <summary>The people <paramref name="text"/> mentions, each once, longest name first (so "@Sam Lee" beats "@Sam").</summary>
    public static IReadOnlyList<MentionCandidate> Find(string? text, IEnumerable<MentionCandidate> candidates)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('@')) return [];
        var found = new List<MentionCandidate>();
        var taken = new List<(int Start, int End)>();
        foreach (var person in candidates.Where(c => c.Name.Length > 0).OrderByDescending(c => c.Name.Length))
        {
            var token = Token(person.Name);
            for (var at = text.IndexOf(token, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(token, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + token.Length;
                var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]);
                if (!startsWord || !endsWord || taken.Any(t => at < t.End && end > t.Start)) continue;
                taken.Add((at, end));
                if (!found.Contains(person)) found.Add(person);
            }
        }
        return found;
    }

    /// <summary>The "@partial" being typed at the end of <paramref name="text"/>, or null when none is.</summary>
    public static string? Typing(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var at = text.LastIndexOf('@');
        if (at < 0 || (at > 0 && !char.IsWhiteSpace(text[at - 1]) && text[at - 1] != '(')) return null;
        var partial = text[(at + 1)..];
        // A name has at most a few words; a line break or a second space in a row ends the attempt.
        if (partial.Length > 40 || partial.Contains('\n') || partial.Contains("  ", StringComparison.Ordinal)) return null;
        return partial.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or '.') ? partial : null;
    }

    /// <summary><paramref name="text"/> with the "@partial" at its end replaced by the full mention and a space.</summary>
    public static string Complete(string text, string name)
    {
        var at = text.LastIndexOf('@');
        return (at < 0 ? text : text[..at]) + Token(name) + " ";
    }

    public static bool Matches(MentionCandidate person, string partial) =>
        partial.Length == 0
        || person.Name.StartsWith(partial, StringComparison.OrdinalIgnoreCase)
        || person.Name.Split(' ').Any(w => w.StartsWith(partial, StringComparison.OrdinalIgnoreCase))
        || CultureInfo.InvariantCulture.CompareInfo.IndexOf(person.Name, partial, CompareOptions.IgnoreCase) >= 0;
}
