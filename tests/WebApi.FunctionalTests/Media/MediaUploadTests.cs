using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanBackend.Domain.Media;
using CleanBackend.Infrastructure;
using CleanBackend.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CleanBackend.WebApi.FunctionalTests.Media;

public sealed class MediaUploadTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private TestUser _user = null!;

    public async Task InitializeAsync() => _user = await TestUser.CreateAsync(api);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, int, int> Images => new()
    {
        { "png", "image/png", 3, 2 },
        { "gif", "image/gif", 5, 4 },
        { "jpeg", "image/jpeg", 17, 9 },
        { "jpeg-with-150kb-of-metadata", "image/jpeg", 640, 480 },
        { "webp", "image/webp", 7, 6 },
    };

    private static byte[] Image(string kind, int width, int height) => kind switch
    {
        "png" => TestImages.Png(width, height),
        "gif" => TestImages.Gif(width, height),
        "jpeg" => TestImages.Jpeg(width, height),
        "jpeg-with-150kb-of-metadata" => TestImages.Jpeg(width, height, metadataBytes: 150_000),
        "webp" => TestImages.WebP(width, height),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task Uploading_an_image_returns_201_with_its_sniffed_type_size_and_dimensions(string kind, string contentType, int width, int height)
    {
        var bytes = Image(kind, width, height);

        var response = await MediaUpload.PostAsync(_user.Client, bytes);

        await ApiAssert.StatusAsync(response, 201);
        var media = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.String, media.GetProperty("id").ValueKind);
        Assert.Equal(contentType, media.GetProperty("contentType").GetString());
        Assert.Equal(bytes.Length, media.GetProperty("sizeBytes").GetInt32());
        Assert.Equal(width, media.GetProperty("width").GetInt32());
        Assert.Equal(height, media.GetProperty("height").GetInt32());
        var url = media.GetProperty("url").GetString()!;
        Assert.Matches("^/media/[0-9a-f]{32}\\.(png|gif|jpg|webp)$", url);
        Assert.Equal(url, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Exactly_4_MB_is_accepted_and_one_byte_more_is_413_problem_json()
    {
        var largest = await MediaUpload.PostAsync(_user.Client, TestImages.Png(2, 2, totalBytes: MediaFile.MaxSizeBytes));
        var tooLarge = await MediaUpload.PostAsync(_user.Client, TestImages.Png(2, 2, totalBytes: MediaFile.MaxSizeBytes + 1));

        await ApiAssert.StatusAsync(largest, 201);
        Assert.Equal(MediaFile.MaxSizeBytes, (await largest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sizeBytes").GetInt32());
        var problem = await ApiAssert.ProblemAsync(tooLarge, 413);
        Assert.Contains("4 MB", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_20_MB_body_gets_a_413_problem_json_whether_its_length_is_announced_or_chunked(bool chunked)
    {
        var form = MediaUpload.Form(TestImages.Png(2, 2, totalBytes: 20 * 1024 * 1024));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/media") { Content = form };
        if (chunked) request.Headers.TransferEncodingChunked = true;
        else await form.LoadIntoBufferAsync(); // sets Content-Length

        var response = await _user.Client.SendAsync(request);

        await ApiAssert.ProblemAsync(response, 413);
        if (!chunked) Assert.NotNull(request.Content!.Headers.ContentLength);
    }

    [Fact]
    public async Task A_png_named_txt_and_declared_text_plain_is_stored_as_image_png()
    {
        var response = await MediaUpload.PostAsync(_user.Client, TestImages.Png(4, 4), "notes.txt", "text/plain");

        await ApiAssert.StatusAsync(response, 201);
        var media = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("image/png", media.GetProperty("contentType").GetString());
        Assert.EndsWith(".png", media.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("Just some text, not a picture.", "photo.png", "image/png")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "drawing.svg", "image/svg+xml")]
    [InlineData("BM\u0000\u0000 a bitmap header", "old.bmp", "image/bmp")]
    [InlineData("GIF8", "cut.gif", "image/gif")]
    public async Task Content_that_is_not_a_supported_image_is_415_whatever_its_name_and_declared_type(string content, string fileName, string contentType)
    {
        var response = await MediaUpload.PostAsync(_user.Client, Encoding.UTF8.GetBytes(content), fileName, contentType);

        await ApiAssert.ProblemAsync(response, 415);
    }

    [Fact]
    public async Task An_empty_file_is_400_on_file()
    {
        var response = await MediaUpload.PostAsync(_user.Client, [], "empty.png", "image/png");

        await ApiAssert.ValidationProblemAsync(response, "file");
    }

    [Fact]
    public async Task A_part_with_another_name_is_400_on_file()
    {
        var response = await _user.Client.PostAsync("/api/media", MediaUpload.Form(TestImages.Png(2, 2), partName: "image"));

        await ApiAssert.ValidationProblemAsync(response, "file");
    }

    [Fact]
    public async Task A_form_without_parts_is_400_on_file()
    {
        var response = await _user.Client.PostAsync("/api/media", new MultipartFormDataContent());

        await ApiAssert.ValidationProblemAsync(response, "file");
    }

    [Fact]
    public async Task A_second_part_after_the_file_is_400_on_file_and_nothing_is_stored()
    {
        var before = StoredFiles();
        var form = MediaUpload.Form(TestImages.Png(2, 2));
        form.Add(new StringContent("extra"), "caption");

        var response = await _user.Client.PostAsync("/api/media", form);

        await ApiAssert.ValidationProblemAsync(response, "file");
        Assert.Equal(before, StoredFiles());
    }

    [Theory]
    [InlineData("multipart/form-data", "no boundary")]
    [InlineData("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG")]
    [InlineData("multipart/form-data; boundary=abc", "not multipart at all")]
    public async Task A_malformed_or_truncated_multipart_body_is_400_on_file(string contentType, string body) =>
        await ApiAssert.ValidationProblemAsync(await PostRawAsync(contentType, body), "file");

    [Theory]
    [InlineData("application/json", "{\"file\":\"iVBORw0KGgo=\"}")]
    [InlineData("image/png", "\u0089PNG")]
    [InlineData("application/x-www-form-urlencoded", "file=abc")]
    public async Task A_body_that_is_not_multipart_form_data_is_415(string contentType, string body) =>
        await ApiAssert.ProblemAsync(await PostRawAsync(contentType, body), 415);

    [Fact]
    public async Task A_body_without_a_content_type_is_415()
    {
        var response = await _user.Client.PostAsync("/api/media", new ByteArrayContent(TestImages.Png(2, 2)));

        await ApiAssert.ProblemAsync(response, 415);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40 * 1024 * 1024)] // beyond Kestrel's default 30 MB body limit too
    public async Task Uploading_without_a_token_is_401_problem_json_however_large_the_body(int size)
    {
        var response = await MediaUpload.PostAsync(api.CreateHttpClient(), TestImages.Png(2, 2, totalBytes: Math.Max(size, 100)));

        await ApiAssert.ProblemAsync(response, 401);
    }

    [Fact]
    public async Task Rejected_uploads_leave_no_file_behind()
    {
        var before = StoredFiles();

        await ApiAssert.ProblemAsync(await MediaUpload.PostAsync(_user.Client, TestImages.Png(2, 2, MediaFile.MaxSizeBytes + 1)), 413);
        await ApiAssert.ProblemAsync(await MediaUpload.PostAsync(_user.Client, "plain text"u8.ToArray()), 415);

        Assert.Equal(before, StoredFiles());
    }

    private Task<HttpResponseMessage> PostRawAsync(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return _user.Client.PostAsync("/api/media", content);
    }

    private string[] StoredFiles()
    {
        var folder = Path.Combine(api.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder, "media");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order().ToArray()
            : [];
    }
}
