using System.Net.Http.Json;
using System.Text.Json;

namespace CleanBackend.Soak;

/// <summary>The node's resident set and managed heap, as its /health/ready reports them (the "memory" check).</summary>
public readonly record struct NodeMemory(long WorkingSetBytes, long ManagedHeapBytes)
{
    public static async Task<NodeMemory> ReadAsync(HttpClient node)
    {
        var ready = await node.GetFromJsonAsync<JsonElement>("/health/ready");
        var data = ready.GetProperty("checks").GetProperty("memory").GetProperty("data");
        return new NodeMemory(data.GetProperty("workingSetBytes").GetInt64(), data.GetProperty("managedHeapBytes").GetInt64());
    }

    public static string Megabytes(long bytes) => $"{bytes / 1048576.0:0.0}";
}
