using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

/// <summary>The test server with its periodic hub session check (Realtime:SessionCheckInterval) set to <paramref name="interval"/>.</summary>
public abstract class SessionCheckEvery : ApiFactory
{
    protected SessionCheckEvery(string interval) => Settings["Realtime:SessionCheckInterval"] = interval;
}
