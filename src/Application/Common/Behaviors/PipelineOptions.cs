namespace CleanBackend.Application.Common.Behaviors;

/// <summary>Configuration section <c>Pipeline</c>.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Requests slower than this are logged as warnings.</summary>
    public int SlowRequestThresholdMs { get; set; } = 500;
}
