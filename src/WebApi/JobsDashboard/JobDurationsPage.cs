using System.Globalization;
using System.Net;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;

namespace CleanBackend.WebApi.JobsDashboard;

/// <summary>
/// The dashboard page Hangfire lacks: runs and P50/P95 run time per job type (<see cref="JobDurationStatistics"/>),
/// in Hangfire's own layout and navigation.
/// </summary>
public sealed class JobDurationsPage : RazorPage
{
    public const string Route = "/durations";
    public const string Title = "Durations";

    public override void Execute()
    {
        Layout = new LayoutPage(Title);
        var rows = JobDurationStatistics.Read(Storage.GetMonitoringApi());

        WriteLiteral("""<div class="row"><div class="col-md-12"><h1 class="page-header">Run time per job type</h1>""");
        WriteLiteral($"""<p class="text-muted">Succeeded runs still kept (a day) and failed jobs not yet retried or deleted; at most the last {JobDurationStatistics.MaxJobsRead:N0} of each. Run time excludes the wait in the queue.</p>""");
        if (rows.Count == 0)
        {
            WriteLiteral("""<div class="alert alert-info">No finished jobs yet.</div></div></div>""");
            return;
        }

        WriteLiteral("""<div class="table-responsive"><table class="table table-striped" id="job-durations"><thead><tr>""");
        WriteLiteral("<th>Job type</th><th>Succeeded</th><th>Failed</th><th>P50</th><th>P95</th><th>Max</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            WriteLiteral($"<tr data-job-type=\"{Encode(row.JobType)}\"><td>{Encode(row.JobType)}</td>");
            WriteLiteral($"<td>{row.Succeeded:N0}</td><td>{row.Failed:N0}</td>");
            // A type whose runs all failed has no run times to show.
            var times = row.Succeeded == 0 ? ["–", "–", "–"] : new[] { row.P50Ms, row.P95Ms, row.MaxMs }.Select(Milliseconds).ToArray();
            WriteLiteral($"<td>{times[0]}</td><td>{times[1]}</td><td>{times[2]}</td></tr>");
        }
        WriteLiteral("</tbody></table></div></div></div>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Milliseconds(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";
}
