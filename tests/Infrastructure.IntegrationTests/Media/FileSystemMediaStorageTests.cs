using CleanBackend.Infrastructure;
using CleanBackend.Infrastructure.Media;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.IntegrationTests.Media;

public sealed class FileSystemMediaStorageTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("cleanbackend-media-").FullName;
    private readonly FileSystemMediaStorage _storage;

    public FileSystemMediaStorageTests() =>
        _storage = new FileSystemMediaStorage(Options.Create(new StorageOptions { DataFolder = _dataFolder }));

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    [Fact]
    public async Task Saved_content_reads_back_with_its_type_under_an_unguessable_key_inside_the_media_folder()
    {
        byte[] bytes = [1, 2, 3, 4, 5];

        var key = await _storage.SaveAsync(new MemoryStream(bytes), "image/webp", CancellationToken.None);
        var stored = await _storage.OpenReadAsync(key, CancellationToken.None);

        Assert.Matches("^[0-9a-f]{32}\\.webp$", key);
        Assert.True(File.Exists(Path.Combine(_dataFolder, "media", key[..2], key)));
        Assert.NotNull(stored);
        await using (stored.Content)
        {
            var copy = new MemoryStream();
            await stored.Content.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        Assert.Equal("image/webp", stored.ContentType);
        Assert.Equal(bytes.Length, stored.Length);
    }

    [Fact]
    public async Task The_same_content_saved_twice_gets_two_keys()
    {
        var first = await _storage.SaveAsync(new MemoryStream([7]), "image/png", CancellationToken.None);
        var second = await _storage.SaveAsync(new MemoryStream([7]), "image/png", CancellationToken.None);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task When_reading_the_content_fails_nothing_is_kept()
    {
        var failing = new FailingStream(bytesBeforeFailure: 100_000);

        await Assert.ThrowsAsync<IOException>(() => _storage.SaveAsync(failing, "image/jpeg", CancellationToken.None));

        Assert.Empty(Directory.GetFiles(_dataFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Deleting_removes_the_file_and_can_be_repeated()
    {
        var key = await _storage.SaveAsync(new MemoryStream([1]), "image/gif", CancellationToken.None);

        await _storage.DeleteAsync(key, CancellationToken.None);
        await _storage.DeleteAsync(key, CancellationToken.None);

        Assert.Null(await _storage.OpenReadAsync(key, CancellationToken.None));
        await _storage.DeleteAsync("ffffffffffffffffffffffffffffffff.png", CancellationToken.None); // never stored, folder absent
    }

    [Theory]
    [InlineData("../secret.png")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("se/secret.png")]
    [InlineData("secret.png")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF.png")]
    [InlineData("0123456789abcdef0123456789abcdef.png.partial")]
    [InlineData("0123456789abcdef0123456789abcdef.svg")]
    [InlineData("0123456789abcdef0123456789abcdef.png\n")]
    public async Task Strings_that_are_not_keys_it_issues_open_nothing_and_delete_nothing(string key)
    {
        var media = Path.Combine(_dataFolder, "media");
        Directory.CreateDirectory(Path.Combine(media, "se"));
        Directory.CreateDirectory(Path.Combine(media, "01"));
        string[] bait =
        [
            Path.Combine(_dataFolder, "secret.png"),
            Path.Combine(media, "secret.png"),
            Path.Combine(media, "se", "secret.png"),
            Path.Combine(media, "01", "0123456789abcdef0123456789abcdef.png.partial"),
            Path.Combine(media, "01", "0123456789abcdef0123456789abcdef.svg"),
        ];
        foreach (var file in bait) await File.WriteAllTextAsync(file, "bait");

        Assert.Null(await _storage.OpenReadAsync(key, CancellationToken.None));
        await _storage.DeleteAsync(key, CancellationToken.None);

        Assert.All(bait, file => Assert.True(File.Exists(file), file));
    }

    [Fact]
    public async Task A_content_type_without_a_known_extension_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _storage.SaveAsync(new MemoryStream([1]), "image/svg+xml", CancellationToken.None));
    }

    /// <summary>Yields zeros, then fails like a dropped connection.</summary>
    private sealed class FailingStream(int bytesBeforeFailure) : Stream
    {
        private int _left = bytesBeforeFailure;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left == 0) throw new IOException("The connection was reset.");
            var n = Math.Min(count, _left);
            Array.Clear(buffer, offset, n);
            _left -= n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
