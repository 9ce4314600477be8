using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Media;

/// <summary>Builds and sends POST /api/media requests the way a browser's FormData does.</summary>
public static class MediaUpload
{
    public static MultipartFormDataContent Form(byte[] bytes, string fileName = "upload.bin",
        string contentType = "application/octet-stream", string partName = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, partName, fileName } };
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] bytes, string fileName = "upload.bin",
        string contentType = "application/octet-stream") =>
        client.PostAsync("/api/media", Form(bytes, fileName, contentType));

    /// <summary>Uploads and asserts 201; returns the body.</summary>
    public static async Task<JsonElement> UploadAsync(HttpClient client, byte[] bytes)
    {
        var response = await PostAsync(client, bytes);
        await ApiAssert.StatusAsync(response, 201);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
