using System.Text;
using System.Text.RegularExpressions;

namespace IncidentPortal.Tests.Support;

/// <summary>
/// A message <see cref="SmtpTestServer"/> accepted, with its MIME decoded enough to assert on: headers (encoded
/// words decoded), the text/plain and text/html bodies (quoted-printable or base64 undone).
/// </summary>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string Raw,
    IReadOnlyDictionary<string, string> Headers, string? TextBody, string? HtmlBody)
{
    public string Subject => Headers.GetValueOrDefault("Subject", "");
    /// <summary>The message travelled over TLS (STARTTLS or implicit).</summary>
    public bool OverTls { get; init; }
    /// <summary>The user the client signed in as with AUTH; null when it did not.</summary>
    public string? SignedInAs { get; init; }

    public static ReceivedMail Parse(string from, IReadOnlyList<string> to, string raw)
    {
        var (headers, body) = SplitEntity(raw);
        var bodies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        CollectBodies(headers, body, bodies);
        return new ReceivedMail(from, to, raw, headers, bodies.GetValueOrDefault("text/plain"), bodies.GetValueOrDefault("text/html"));
    }

    private static void CollectBodies(IReadOnlyDictionary<string, string> headers, string body, Dictionary<string, string> bodies)
    {
        var contentType = headers.GetValueOrDefault("Content-Type", "text/plain");
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = BoundaryPattern().Match(contentType).Groups[1].Value;
            var parts = body.Split("--" + boundary);
            // parts[0] is the preamble, the last one the epilogue after "--boundary--".
            foreach (var part in parts.Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)))
            {
                var (partHeaders, partBody) = SplitEntity(part.TrimStart('\r', '\n'));
                CollectBodies(partHeaders, partBody, bodies);
            }
            return;
        }
        bodies.TryAdd(mediaType, Decode(body, headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit")));
    }

    private static (IReadOnlyDictionary<string, string> Headers, string Body) SplitEntity(string entity)
    {
        var split = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? entity : entity[..split];
        var body = split < 0 ? "" : entity[(split + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // Folded header lines continue with whitespace.
        foreach (var line in FoldPattern().Replace(head, " ").Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = DecodeWords(line[(colon + 1)..].Trim());
        }
        return (headers, body);
    }

    private static string Decode(string body, string transferEncoding) => transferEncoding.Trim().ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split("\r\n")))),
        "quoted-printable" => DecodeQuotedPrintable(body),
        _ => body,
    };

    private static string DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var unfolded = text.Replace("=\r\n", "");
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length && Uri.IsHexDigit(unfolded[i + 1]) && Uri.IsHexDigit(unfolded[i + 2]))
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>RFC 2047 encoded words (=?utf-8?B?...?=); whitespace between two of them is dropped.</summary>
    private static string DecodeWords(string value) => EncodedWordPattern().Replace(
        BetweenWordsPattern().Replace(value, "?==?"),
        m => m.Groups[2].Value.ToUpperInvariant() == "B"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex FoldPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWordsPattern();
}
