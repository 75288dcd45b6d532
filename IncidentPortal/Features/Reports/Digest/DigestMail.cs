using System.Globalization;
using System.Net;
using System.Text;
using IncidentPortal.Features.Reports.Pages;
using IncidentPortal.Features.Time;
using IncidentPortal.Infrastructure.Mail;

namespace IncidentPortal.Features.Reports.Digest;

/// <summary>The digest as an e-mail: plain text and HTML with the same content; everything in the HTML is encoded.</summary>
public static class DigestMail
{
    public const string PreferencesPath = "/notifications/preferences";

    public static string ReportsLink(string baseUrl, ReportFilter range) => $"{baseUrl}/reports?{ReportUrl.ToQuery(range)}";

    public static EmailMessage Compose(string to, WeeklyDigest digest, string baseUrl)
    {
        var range = digest.Range;
        var days = $"{TimeText.Date(range.From)} to {TimeText.Date(range.To)}";
        var zone = WallClock.Name(range.Zone);
        var reports = ReportsLink(baseUrl, range);
        var manage = baseUrl + PreferencesPath;
        var intro = $"Your weekly incident digest for {days} ({zone}), compared with the week before.";
        var why = "You get this digest because you switched it on in your notification preferences.";

        var text = new StringBuilder().AppendLine(intro).AppendLine();
        foreach (var f in digest.Figures)
            text.AppendLine(CultureInfo.InvariantCulture, $"{f.Title}: {FigureText.Value(f.Value, f.Unit)} ({Change(f)}; week before: {FigureText.Value(f.Previous, f.Unit)})");
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"See these figures and drill down: {reports}")
            .AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{why} Stop it or change it: {manage}");

        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif\">")
            .Append(CultureInfo.InvariantCulture, $"<p>{E(intro)}</p>")
            .Append("<table style=\"border-collapse:collapse\"><thead><tr><th scope=\"col\" align=\"left\">Figure</th>")
            .Append("<th scope=\"col\" align=\"right\">This week</th><th scope=\"col\" align=\"left\">Change</th><th scope=\"col\" align=\"right\">Week before</th></tr></thead><tbody>");
        foreach (var f in digest.Figures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\" align=\"left\">{E(f.Title)}</th><td align=\"right\">{E(FigureText.Value(f.Value, f.Unit))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(Change(f))}</td><td align=\"right\">{E(FigureText.Value(f.Previous, f.Unit))}</td></tr>");
        }
        html.Append("</tbody></table>")
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(reports)}\">See these figures on the Reports page</a> and drill down to the incidents behind them.</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>{E(why)} <a href=\"{E(manage)}\">Stop it or change it</a>.</p></body></html>");

        var headers = new Dictionary<string, string> { ["List-Unsubscribe"] = $"<{manage}>" };
        return new EmailMessage(to, $"Weekly incident digest: {days}", text.ToString(), html.ToString(), headers);
    }

    /// <summary>"↑ 3", "↓ 15 min", "↑ 2.5 pts" (a percentage's change is in points), "no change", or "no comparison".</summary>
    public static string Change(ReportFigure figure)
    {
        if (figure.Change is not { } delta) return "no comparison";
        if (Math.Abs(delta) < 1e-9) return "no change";
        var arrow = delta > 0 ? "↑" : "↓";
        var amount = figure.Unit == "percent"
            ? Math.Abs(delta).ToString("0.#", CultureInfo.InvariantCulture) + " pts"
            : FigureText.Value(Math.Abs(delta), figure.Unit);
        return $"{arrow} {amount}";
    }
}
