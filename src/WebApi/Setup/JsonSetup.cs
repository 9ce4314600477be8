using System.Text.Json.Serialization;
using CleanBackend.Infrastructure.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace CleanBackend.WebApi.Setup;

public static class JsonSetup
{
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new SnowflakeIdJsonConverter());
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
}
