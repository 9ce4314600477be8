using System.Buffers.Text;
using System.Text;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Users;

/// <summary>
/// Users whose userName or displayName starts with <see cref="Query"/> (any case; a leading '@' is ignored).
/// userName matches come first, by userName; then displayName matches, by displayName.
/// </summary>
public sealed record SearchUsersQuery(string Query, string? Cursor, int Limit) : IQuery<CursorPage<UserSummaryDto>>;

public sealed class SearchUsersValidator : AbstractValidator<SearchUsersQuery>
{
    public SearchUsersValidator()
    {
        RuleFor(x => x.Query).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(User.DisplayNameMaxLength)
            .Must(q => SearchUsersHandler.Prefix(q).Length > 0).WithMessage("query must hold more than '@'.");
        this.AddPageRules(x => x.Cursor, x => x.Limit, c => SearchCursor.TryDecode(c, out _));
    }
}

/// <summary>
/// Each page is read with index range scans only (a prefix is the range [prefix, prefix + U+10FFFF) on a column
/// compared byte by byte: see UserConfiguration), walking userName's index first and then displayName's, so a page
/// costs the same with a thousand users or a million, whatever the prefix.
/// </summary>
public sealed class SearchUsersHandler(IAppDbContext db) : IRequestHandler<SearchUsersQuery, CursorPage<UserSummaryDto>>
{
    private const string AfterEverything = "\U0010FFFF";

    public static string Prefix(string query) => User.NormalizeDisplayName(query.Trim().TrimStart('@'));

    public async Task<CursorPage<UserSummaryDto>> Handle(SearchUsersQuery request, CancellationToken cancellationToken)
    {
        var from = Prefix(request.Query);
        var to = from + AfterEverything;
        SearchCursor.TryDecode(request.Cursor, out var cursor);

        var rows = new List<(UserSummaryDto User, SearchCursor Position)>();
        if (cursor is null or { InDisplayNames: false })
        {
            var after = cursor?.Name ?? "";
            var byUserName = await db.Users.AsNoTracking()
                .Where(u => string.Compare(u.UserName, from) >= 0 && string.Compare(u.UserName, to) < 0 && string.Compare(u.UserName, after) > 0)
                .OrderBy(u => u.UserName)
                .Select(u => new UserSummaryDto(u.Id, u.UserName, u.DisplayName))
                .Take(request.Limit + 1)
                .ToListAsync(cancellationToken);
            rows.AddRange(byUserName.Select(u => (u, new SearchCursor(false, u.UserName, 0))));
            cursor = null;
        }

        if (rows.Count <= request.Limit)
        {
            var afterName = cursor?.Name ?? "";
            var afterId = cursor?.Id ?? 0;
            var byDisplayName = await db.Users.AsNoTracking()
                .Where(u => string.Compare(u.NormalizedDisplayName, from) >= 0 && string.Compare(u.NormalizedDisplayName, to) < 0)
                .Where(u => string.Compare(u.NormalizedDisplayName, afterName) > 0 || (u.NormalizedDisplayName == afterName && u.Id > afterId))
                // Listed already among the userName matches.
                .Where(u => !(string.Compare(u.UserName, from) >= 0 && string.Compare(u.UserName, to) < 0))
                .OrderBy(u => u.NormalizedDisplayName).ThenBy(u => u.Id)
                .Select(u => new { User = new UserSummaryDto(u.Id, u.UserName, u.DisplayName), u.NormalizedDisplayName })
                .Take(request.Limit + 1 - rows.Count)
                .ToListAsync(cancellationToken);
            rows.AddRange(byDisplayName.Select(r => (r.User, new SearchCursor(true, r.NormalizedDisplayName, r.User.Id))));
        }

        var page = Cursor.ToPage(rows, request.Limit, items => items[^1].Position.Encode());
        return new CursorPage<UserSummaryDto>(page.Items.Select(r => r.User).ToList(), page.NextCursor);
    }
}

/// <summary>Where a search page ended: after a userName match, or after a displayName match (name, then id).</summary>
internal sealed record SearchCursor(bool InDisplayNames, string Name, long Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(InDisplayNames ? $"d{Id}:{Name}" : $"u{Name}"));

    public static bool TryDecode(string? text, out SearchCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!Base64Url.IsValid(text)) return false;
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(text));
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (decoded.StartsWith('u') && decoded.Length > 1)
            cursor = new SearchCursor(false, decoded[1..], 0);
        else if (decoded.StartsWith('d') && decoded.IndexOf(':') is > 1 and var colon
                 && long.TryParse(decoded.AsSpan(1, colon - 1), out var id) && id > 0)
            cursor = new SearchCursor(true, decoded[(colon + 1)..], id);
        return cursor is not null;
    }
}
