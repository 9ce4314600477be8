using CleanBackend.Application.Media;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Media;

/// <summary>The embedded default: uploads, serving and cleanup work on SQLite too.</summary>
public sealed class MediaOnSqliteTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Upload_serve_and_cleanup_work_on_sqlite()
    {
        var user = await TestUser.CreateAsync(api);
        var old = await MediaUpload.UploadAsync(user.Client, TestImages.WebP(2, 3));
        var recent = await MediaUpload.UploadAsync(user.Client, TestImages.Gif(4, 5));
        await ApiAssert.StatusAsync(await user.Client.GetAsync(old.GetProperty("url").GetString()), 200);

        await OldUploads.MakeOldAsync(api, long.Parse(old.GetProperty("id").GetString()!), TimeSpan.FromDays(2));

        Assert.Equal(1, await OldUploads.RunCleanupAsync(api, new DeleteUnusedMediaCommand()));
        await ApiAssert.ProblemAsync(await user.Client.GetAsync(old.GetProperty("url").GetString()), 404);
        await ApiAssert.StatusAsync(await user.Client.GetAsync(recent.GetProperty("url").GetString()), 200);
    }
}
