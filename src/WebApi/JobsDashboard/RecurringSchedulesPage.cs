using System.Net;
using CleanBackend.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;

namespace CleanBackend.WebApi.JobsDashboard;

/// <summary>
/// The pause switch Hangfire's dashboard lacks: every recurring job with its configured schedule, whether it is paused,
/// and a Pause or Resume button. The buttons POST to the commands at <see cref="PauseRoute"/> and <see cref="ResumeRoute"/>
/// through Hangfire's own script, which sends the antiforgery token like Hangfire's buttons do.
/// </summary>
public sealed class RecurringSchedulesPage : RazorPage
{
    public const string Route = "/schedules";
    public const string Title = "Schedules";
    public const string PauseRoute = Route + "/pause/(?<name>[a-z0-9-]+)";
    public const string ResumeRoute = Route + "/resume/(?<name>[a-z0-9-]+)";

    public override void Execute()
    {
        Layout = new LayoutPage(Title);
        var schedules = Context.GetHttpContext().RequestServices.GetRequiredService<RecurringJobs>().Schedules();

        WriteLiteral("""<div class="row"><div class="col-md-12"><h1 class="page-header">Pause and resume recurring jobs</h1>""");
        WriteLiteral($"""
            <p class="text-muted">A paused job does not run on its schedule, on any node, until it is resumed, restarts included.
            <a href="{Url.To("/recurring")}">Recurring Jobs</a> lists it with the cron <code>{Cron.Never()}</code> (never), and its
            Trigger now still runs it once. Resumed, it runs on its configured schedule again.</p>
            """);
        WriteLiteral("""<div class="table-responsive"><table class="table" id="recurring-schedules"><thead><tr>""");
        WriteLiteral("<th>Recurring job</th><th>Configured schedule</th><th>State</th><th></th></tr></thead><tbody>");
        foreach (var schedule in schedules)
        {
            var name = Encode(schedule.Name);
            var (state, label, action, button) = schedule.Paused
                ? ("paused", "label-warning", "resume", "Resume")
                : ("scheduled", "label-success", "pause", "Pause");
            WriteLiteral($"""<tr data-recurring-job="{name}" data-state="{state}"><td>{name}</td><td><code>{Encode(schedule.Cron)}</code></td>""");
            WriteLiteral($"""<td><span class="label {label}">{state}</span></td><td class="align-right">""");
            if (!IsReadOnly)
            {
                WriteLiteral($"""
                    <button class="btn btn-sm btn-default" data-ajax="{Url.To($"{Route}/{action}/{schedule.Name}")}" data-loading-text="...">{button}</button>
                    """);
            }
            WriteLiteral("</td></tr>");
        }
        WriteLiteral("</tbody></table></div></div></div>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
