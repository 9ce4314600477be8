namespace CleanBackend.WebApi.OpenApi;

/// <summary>
/// Schema names a client developer would write by hand: <c>PostDto</c>, <c>CursorPageOfPostDto</c>,
/// <c>CreatePostRequest</c>. Generated clients turn them into their type names, so they must be short and stable.
/// </summary>
public static class SchemaNames
{
    public static string Of(Type type)
    {
        var name = type.Name;
        if (type.IsGenericType)
            name = name[..name.IndexOf('`')] + "Of" + string.Join("And", type.GetGenericArguments().Select(Of));
        // The MediatR request types are what a client sends: "request" is the client's word for it.
        return name.EndsWith("Command", StringComparison.Ordinal) ? name[..^"Command".Length] + "Request" : name;
    }
}
