namespace CleanBackend.Application.Common.Interfaces;

/// <summary>
/// How far a running background job got, for the people watching it: the jobs dashboard shows the latest report on the
/// job's page while it runs (and the last one after). Outside a background job a report goes nowhere.
/// </summary>
public interface IJobProgress
{
    /// <summary>Reports that <paramref name="done"/> of <paramref name="total"/> <paramref name="unit"/> are done, e.g. 40,000 of 100,000 followers.</summary>
    Task ReportAsync(long done, long total, string unit, CancellationToken cancellationToken);
}
