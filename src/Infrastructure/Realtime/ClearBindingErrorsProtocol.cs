using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// The JSON hub protocol, except that arguments which do not fit the hub method (too few, too many, wrong types)
/// are reported with the protocol's own explanation. SignalR passes only a HubException's message on to the
/// caller; without this the caller learns nothing but "Failed to invoke 'X' due to an error on the server."
/// </summary>
public sealed class ClearBindingErrorsProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private readonly JsonHubProtocol _json = new(options);

    public string Name => _json.Name;
    public int Version => _json.Version;
    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!_json.TryParseMessage(ref input, binder, out message)) return false;

        // The binder's messages ("Invocation provides 1 argument(s) but target expects 2.", "Error binding
        // arguments. Make sure that the types ... match ...") name no internals, so they are safe to pass on.
        if (message is InvocationBindingFailureMessage { BindingFailure.SourceException: InvalidDataException unfit } failure)
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target,
                ExceptionDispatchInfo.Capture(new HubException(unfit.Message)));
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(message);
}
