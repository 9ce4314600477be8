namespace CleanBackend.TestSupport;

/// <summary>The real servers build/test.sh starts for the tests, passed in environment variables.</summary>
public static class TestEnvironment
{
    /// <summary>Server-level connection string (user postgres); each test class creates its own database.</summary>
    public static string PostgresServer => Require("CLEANBACKEND_TEST_POSTGRES");

    /// <summary>host:port of a throwaway redis-server.</summary>
    public static string Redis => Require("CLEANBACKEND_TEST_REDIS");

    public static string? Optional(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

    public static string Require(string name) => Optional(name) ?? throw new InvalidOperationException(
        $"{name} is not set. Run the tests with ./build/test.sh, which starts PostgreSQL and Redis on loopback and sets it.");
}
