using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanBackend.WebApi.OpenApi;

/// <summary>A description for every tag the operations use (generated clients and API browsers show them as sections).</summary>
public sealed class TagDescriptions : IDocumentFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["Auth"] = "Accounts and sessions: register, log in (userName or email), refresh, log out, list and end sessions.",
        ["Users"] = "Your own account, and public profiles by userName.",
        ["Posts"] = "Posts, likes and comments. Reading is public; writing needs a signed-in caller.",
        ["Follows"] = "Follow and unfollow users; who follows whom.",
        ["Feed"] = "The home feed (yours and the posts of whom you follow) and a user's own timeline.",
        ["Media"] = "Image uploads for posts, and their bytes.",
        ["Notifications"] = "Likes, comments, follows and mentions that concern you; also pushed over the hub.",
        ["Rooms"] = "Chat rooms: create, add members, read messages, see who is online. Messages are sent over the hub.",
        ["Broadcasts"] = "Announcements from admins to everyone connected, and their history.",
        ["Admin"] = "Operations for admins only.",
        ["Admin: jobs"] = "The background jobs, for admins.",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var used = document.Paths.Values
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()
            .ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
        {
            Name = name,
            Description = Descriptions.GetValueOrDefault(name),
        }));
    }
}
