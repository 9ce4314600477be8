using System.Text.Json.Nodes;
using CleanBackend.Application.Common.Paging;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanBackend.WebApi.OpenApi;

/// <summary>The <c>?cursor=&amp;limit=</c> of every list, with the bounds <see cref="PageValidation"/> enforces.</summary>
public sealed class PagingParameters : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In != ParameterLocation.Query || parameter.Schema is not OpenApiSchema schema) continue;
            switch (parameter.Name)
            {
                case "limit":
                    parameter.Description = "How many items a page holds at most.";
                    schema.Minimum = "1";
                    schema.Maximum = Cursor.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    schema.Default = JsonValue.Create(Cursor.DefaultLimit);
                    break;
                case "cursor":
                    parameter.Description = "The nextCursor of the previous page; leave it out for the first page.";
                    break;
            }
        }
    }
}
