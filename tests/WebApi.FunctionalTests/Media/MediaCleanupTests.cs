using System.Net;
using CleanBackend.Application.Media;
using CleanBackend.TestSupport;
using ValidationException = CleanBackend.Application.Common.Exceptions.ValidationException;

namespace CleanBackend.WebApi.FunctionalTests.Media;

public sealed class MediaCleanupTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Cleanup_deletes_unused_uploads_older_than_a_day_with_their_files_and_keeps_used_and_recent_ones()
    {
        var user = await TestUser.CreateAsync(api);
        var oldUnused = new[] { await UploadAsync(user), await UploadAsync(user), await UploadAsync(user) };
        var oldUsed = await UploadAsync(user);
        var recentUnused = await UploadAsync(user);
        for (var i = 0; i < oldUnused.Length; i++) await OldUploads.MakeOldAsync(api, oldUnused[i].Id, TimeSpan.FromDays(2), i);
        var oldUsedId = await OldUploads.MakeOldAsync(api, oldUsed.Id, TimeSpan.FromDays(2), oldUnused.Length);
        // No Posts table exists on this branch; once posts land, attach through POST /api/posts {mediaIds} instead.
        await api.Database!.ExecuteAsync($"UPDATE \"MediaFiles\" SET \"PostId\" = 4242 WHERE \"Id\" = {oldUsedId}");

        // A batch size of 2 makes the three old unused uploads take two batches.
        var deleted = await OldUploads.RunCleanupAsync(api, new DeleteUnusedMediaCommand(BatchSize: 2));

        Assert.Equal(3, deleted);
        Assert.Equal(2L, await api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM \"MediaFiles\""));
        var anonymous = api.CreateHttpClient();
        foreach (var gone in oldUnused)
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(gone.Url)).StatusCode);
        await ApiAssert.StatusAsync(await anonymous.GetAsync(oldUsed.Url), 200);
        await ApiAssert.StatusAsync(await anonymous.GetAsync(recentUnused.Url), 200);

        Assert.Equal(0, await OldUploads.RunCleanupAsync(api, new DeleteUnusedMediaCommand()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task Cleanup_rejects_a_batch_size_out_of_range(int batchSize)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => OldUploads.RunCleanupAsync(api, new DeleteUnusedMediaCommand(batchSize)));

        Assert.Contains("batchSize", error.Errors.Keys);
    }

    private static async Task<Uploaded> UploadAsync(TestUser user)
    {
        var media = await MediaUpload.UploadAsync(user.Client, TestImages.Png(2, 2));
        return new Uploaded(long.Parse(media.GetProperty("id").GetString()!), media.GetProperty("url").GetString()!);
    }

    private sealed record Uploaded(long Id, string Url);
}
