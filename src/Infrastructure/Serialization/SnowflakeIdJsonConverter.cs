using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanBackend.Infrastructure.Serialization;

/// <summary>
/// 64-bit ids are written as JSON strings (JavaScript numbers lose precision past 2^53) and read from strings
/// or numbers. Registered for every <c>long</c> in the API's JSON, so every id looks the same.
/// </summary>
public sealed class SnowflakeIdJsonConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number)) return number;
        if (reader.TokenType == JsonTokenType.String)
        {
            var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
            if (Utf8Parser.TryParse(span, out long parsed, out var consumed) && consumed == span.Length) return parsed;
        }
        throw new JsonException("The value is not a valid id.");
    }

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
