using System.Text;

namespace CleanBackend.TestSupport;

/// <summary>A request body sent exactly as written: for malformed JSON and values of the wrong type.</summary>
public static class RawJson
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
