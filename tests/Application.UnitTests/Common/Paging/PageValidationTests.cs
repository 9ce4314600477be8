using CleanBackend.Application.Common.Paging;
using FluentValidation;

namespace CleanBackend.Application.UnitTests.Common.Paging;

public sealed class PageValidationTests
{
    private sealed record ListQuery(string? Cursor, int Limit);

    private sealed class ListQueryValidator : AbstractValidator<ListQuery>
    {
        public ListQueryValidator() => this.AddPageRules(x => x.Cursor, x => x.Limit);
    }

    private static string[] FailingFields(ListQuery query) =>
        new ListQueryValidator().Validate(query).Errors.Select(e => e.PropertyName).Order().ToArray();

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", Cursor.DefaultLimit)]
    [InlineData("AAAAAAAAAAE", Cursor.MaxLimit)]
    public void First_page_or_a_returned_cursor_with_a_limit_in_range_passes(string? cursor, int limit)
    {
        Assert.Empty(FailingFields(new ListQuery(cursor, limit)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(Cursor.MaxLimit + 1)]
    public void Limit_out_of_range_is_a_limit_error(int limit)
    {
        Assert.Equal(["limit"], FailingFields(new ListQuery(null, limit)));
    }

    [Fact]
    public void Cursor_the_api_did_not_return_is_a_cursor_error()
    {
        Assert.Equal(["cursor", "limit"], FailingFields(new ListQuery("garbage", 0)));
    }
}
