using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using CleanBackend.PlainFeedApi;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

// The same bearer tokens as CleanBackend (HS256, issuer/audience "cleanbackend", Auth:SigningKey), validated by
// the same JwtBearer handler. What it leaves out on purpose: CleanBackend's session check (an in-memory cache
// hit on nearly every request), its pipeline (validation, logging, timing) and EF Core. That is the ceiling.
var builder = WebApplication.CreateBuilder(args);
var signingKey = builder.Configuration["Auth:SigningKey"] ?? throw new InvalidOperationException("Set Auth:SigningKey.");
var connectionString = builder.Configuration.GetConnectionString("Database") ?? throw new InvalidOperationException("Set ConnectionStrings:Database.");

builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
{
    o.MapInboundClaims = false;
    o.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = "cleanbackend",
        ValidAudience = "cleanbackend",
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
        ClockSkew = TimeSpan.FromSeconds(30),
    };
});
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/api/feed", async (string? cursor, int? limit, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
{
    var pageSize = limit ?? 20;
    if (pageSize is < 1 or > 100 || !TryDecodeCursor(cursor, out var before))
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["bad page"] });
    var me = long.Parse(http.User.FindFirst("sub")!.Value);

    var posts = await FeedQuery.ReadPageAsync(db, me, before, pageSize + 1, ct);
    var next = posts.Count > pageSize ? EncodeCursor(posts[pageSize - 1].IdValue) : null;
    if (posts.Count > pageSize) posts.RemoveAt(pageSize);
    return Results.Ok(new FeedPage(posts, next));
}).RequireAuthorization();

app.Run();

// CleanBackend's cursor: the last item's id, 8 bytes big-endian, base64url.
static bool TryDecodeCursor(string? cursor, out long before)
{
    before = long.MaxValue;
    if (string.IsNullOrEmpty(cursor)) return true;
    Span<byte> bytes = stackalloc byte[9];
    if (!Base64Url.IsValid(cursor) || Base64Url.DecodeFromChars(cursor, bytes) != 8) return false;
    before = BinaryPrimitives.ReadInt64BigEndian(bytes);
    return before > 0;
}

static string EncodeCursor(long id)
{
    Span<byte> bytes = stackalloc byte[8];
    BinaryPrimitives.WriteInt64BigEndian(bytes, id);
    return Base64Url.EncodeToString(bytes);
}
