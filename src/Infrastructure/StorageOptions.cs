namespace CleanBackend.Infrastructure;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Where the embedded database, the dev signing key and uploaded media live; relative to the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";
}
