using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests;

/// <summary>The embedded default: a SQLite file in a temp data folder.</summary>
public sealed class SqliteApiFactory : ApiFactory
{
    protected override bool UseSqlite => true;
}
