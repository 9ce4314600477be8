using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// Runs a hub across nodes over Redis pub/sub. Each node subscribes to one channel for all connections, one per
/// local connection, one per user and group with local members, plus group management and its own ack channel.
/// A send is serialized once per hub protocol; the node delivers to its own connections directly (so they keep
/// working while Redis is down) and publishes the same bytes once per target channel, which other nodes write
/// unchanged to their connections. Redis trouble never reaches the caller of a send: the message is logged and
/// dropped, and clients catch up over REST. Group changes for another node's connection are confirmed by that node,
/// or fail with a <see cref="HubException"/> after <see cref="RedisBackplaneOptions.AckTimeout"/>.
/// </summary>
public sealed class RedisHubLifetimeManager<THub> : HubLifetimeManager<THub> where THub : Hub
{
    private readonly HubConnectionStore _connections = new();
    private readonly LocalSubscriptions _groups = new();
    private readonly LocalSubscriptions _users = new();
    private readonly GroupAckRegistry _acks = new();
    private readonly RedisBackplaneConnection _redis;
    private readonly RedisOnlineUsers _onlineUsers;
    private readonly BackplaneNode _node;
    private readonly byte[] _ownInvocationPrefix;
    private readonly RedisChannels _channels;
    private readonly InvocationSerializer _serializer;
    private readonly TimeSpan _ackTimeout;
    private readonly ILogger _logger;
    private readonly Task<ISubscriber> _bus;
    private long _droppedMessages;
    private long _lastDropWarningTicks;

    public RedisHubLifetimeManager(
        RedisBackplaneConnection redis,
        RedisOnlineUsers onlineUsers,
        BackplaneNode node,
        IOptions<RedisBackplaneOptions> options,
        IHubProtocolResolver protocolResolver,
        IOptions<HubOptions<THub>> hubOptions,
        IOptions<HubOptions> globalHubOptions,
        ILogger<RedisHubLifetimeManager<THub>> logger)
    {
        _redis = redis;
        _onlineUsers = onlineUsers;
        _node = node;
        _ownInvocationPrefix = BackplaneProtocol.InvocationPrefix(node.Name);
        _logger = logger;
        _ackTimeout = options.Value.AckTimeout;
        _channels = new RedisChannels(options.Value.ChannelPrefix, typeof(THub).FullName ?? typeof(THub).Name);
        _serializer = InvocationSerializer.ForHub(protocolResolver, hubOptions.Value, globalHubOptions.Value);
        _bus = StartAsync();
    }

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        _connections.Add(connection);
        var bus = await TryGetBusAsync();
        var connectionId = connection.ConnectionId;
        var registrations = new List<Task>(3);
        if (bus is not null)
            registrations.Add(bus.SubscribeAsync(_channels.Connection(connectionId), (_, payload) => OnConnectionMessage(connectionId, payload)));
        if (connection.UserIdentifier is { Length: > 0 } userId)
        {
            registrations.Add(_users.AddAsync(userId, connection, SubscribeUser(bus)));
            registrations.Add(_onlineUsers.UserConnectedAsync(userId));
        }
        // Waiting for Redis' confirmation means that any send issued after this (the hub's own OnConnectedAsync runs
        // next) reaches this client, from whichever node it comes.
        await ObserveAsync(Task.WhenAll(registrations), "register connection", connectionId);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _connections.Remove(connection);
        var bus = await TryGetBusAsync();
        var connectionId = connection.ConnectionId;
        var cleanups = new List<Task>(4) { _groups.RemoveConnectionAsync(connection, UnsubscribeGroup(bus)) };
        if (bus is not null) cleanups.Add(bus.UnsubscribeAsync(_channels.Connection(connectionId)));
        if (connection.UserIdentifier is { Length: > 0 } userId)
        {
            cleanups.Add(_users.RemoveConnectionAsync(connection, UnsubscribeUser(bus)));
            cleanups.Add(_onlineUsers.UserDisconnectedAsync(userId));
        }
        await ObserveAsync(Task.WhenAll(cleanups), "unregister connection", connectionId);
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(methodName, args, [_channels.All], excluded: null, message => Write(_connections, message, excluded: null));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(methodName, args, [_channels.All], excludedConnectionIds, message => Write(_connections, message, excludedConnectionIds));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        // A local connection needs no Redis at all: serialization happens lazily for its protocol only.
        if (_connections[connectionId] is { } local)
            return ObserveWriteAsync(local.WriteAsync(new SerializedHubMessage(new InvocationMessage(methodName, args)), cancellationToken));
        return SendAsync(methodName, args, [_channels.Connection(connectionId)], excluded: null, _ => Task.CompletedTask);
    }

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionIds);
        var local = new List<HubConnectionContext>();
        var remote = new List<RedisChannel>();
        foreach (var connectionId in connectionIds)
        {
            if (_connections[connectionId] is { } connection) local.Add(connection);
            else remote.Add(_channels.Connection(connectionId));
        }
        return SendAsync(methodName, args, remote, excluded: null, message => Write(local, message));
    }

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        return SendAsync(methodName, args, [_channels.Group(groupName)], excluded: null, message => Write(_groups[groupName], message, excluded: null));
    }

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupNames);
        var names = groupNames.Where(name => !string.IsNullOrEmpty(name)).ToList();
        // Like the in-process manager, a connection in two of the groups receives the message twice.
        return SendAsync(methodName, args, names.Select(_channels.Group).ToList(), excluded: null,
            message => Task.WhenAll(names.Select(name => Write(_groups[name], message, excluded: null))));
    }

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        return SendAsync(methodName, args, [_channels.Group(groupName)], excludedConnectionIds,
            message => Write(_groups[groupName], message, excludedConnectionIds));
    }

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return SendAsync(methodName, args, [_channels.User(userId)], excluded: null, message => Write(_users[userId], message, excluded: null));
    }

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var ids = userIds.Where(id => !string.IsNullOrEmpty(id)).ToList();
        return SendAsync(methodName, args, ids.Select(_channels.User).ToList(), excluded: null,
            message => Task.WhenAll(ids.Select(id => Write(_users[id], message, excluded: null))));
    }

    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        ArgumentNullException.ThrowIfNull(groupName);
        return _connections[connectionId] is { } local
            ? AddLocalToGroupAsync(local, groupName)
            : SendGroupCommandAsync(GroupAction.Add, connectionId, groupName, cancellationToken);
    }

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        ArgumentNullException.ThrowIfNull(groupName);
        return _connections[connectionId] is { } local
            ? RemoveLocalFromGroupAsync(local, groupName)
            : SendGroupCommandAsync(GroupAction.Remove, connectionId, groupName, cancellationToken);
    }

    private async Task<ISubscriber> StartAsync()
    {
        var bus = (await _redis.GetAsync()).GetSubscriber();
        await ObserveAsync(Task.WhenAll(
                bus.SubscribeAsync(_channels.All, (_, payload) => OnInvocation(payload, _connections)),
                bus.SubscribeAsync(_channels.GroupManagement, (_, payload) => OnGroupCommand(payload)),
                bus.SubscribeAsync(_channels.Ack(_node.Name), (_, payload) => OnAck(payload))),
            "subscribe to the hub's channels", _node.Name);
        return bus;
    }

    /// <summary>The subscriber, or null when the Redis connection could not even be created (logged).</summary>
    private async ValueTask<ISubscriber?> TryGetBusAsync()
    {
        if (_bus.IsCompletedSuccessfully) return _bus.Result;
        try
        {
            return await _bus.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "The Redis backplane is not available; this node serves its own connections only");
            return null;
        }
    }

    private async Task SendAsync(string methodName, object?[] args, IReadOnlyList<RedisChannel> channels, IReadOnlyList<string>? excluded, Func<SerializedHubMessage, Task> writeLocal)
    {
        var messages = _serializer.Serialize(methodName, args);
        var local = ObserveWriteAsync(writeLocal(new SerializedHubMessage(messages)));
        if (channels.Count > 0)
            await PublishAsync(channels, BackplaneProtocol.EncodeInvocation(new BackplaneInvocation(_node.Name, excluded ?? [], messages)));
        await local;
    }

    private async Task PublishAsync(IReadOnlyList<RedisChannel> channels, byte[] payload)
    {
        var bus = await TryGetBusAsync();
        if (bus is null || !_redis.IsConnected)
        {
            LogDropped(channels[0], exception: null);
            return;
        }
        try
        {
            var publishes = new Task[channels.Count];
            for (var i = 0; i < publishes.Length; i++) publishes[i] = bus.PublishAsync(channels[i], payload);
            await Task.WhenAll(publishes).WaitAsync(RedisBackplaneConnection.OperationTimeout).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        catch (Exception ex)
        {
            LogDropped(channels[0], ex);
        }
    }

    private async Task AddLocalToGroupAsync(HubConnectionContext connection, string groupName)
    {
        var bus = await TryGetBusAsync();
        await ObserveAsync(_groups.AddAsync(groupName, connection, SubscribeGroup(bus)), "subscribe to group", groupName);
    }

    private async Task RemoveLocalFromGroupAsync(HubConnectionContext connection, string groupName)
    {
        var bus = await TryGetBusAsync();
        await ObserveAsync(_groups.RemoveAsync(groupName, connection, UnsubscribeGroup(bus)), "unsubscribe from group", groupName);
    }

    private async Task SendGroupCommandAsync(GroupAction action, string connectionId, string groupName, CancellationToken cancellationToken)
    {
        var change = action == GroupAction.Add
            ? $"Adding connection '{connectionId}' to group '{groupName}'"
            : $"Removing connection '{connectionId}' from group '{groupName}'";
        var bus = await TryGetBusAsync();
        if (bus is null || !_redis.IsConnected)
            throw new HubException($"{change} failed: the connection is not on this node and Redis is unreachable.");

        var ack = _acks.Register();
        try
        {
            var command = new GroupCommand(ack.Id, _node.Name, action, groupName, connectionId);
            await bus.PublishAsync(_channels.GroupManagement, BackplaneProtocol.EncodeGroupCommand(command))
                .WaitAsync(RedisBackplaneConnection.OperationTimeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        catch (Exception ex)
        {
            _acks.Forget(ack);
            if (ex is RedisException or TimeoutException)
                throw new HubException($"{change} failed: the request could not be sent over Redis ({ex.Message}).", ex);
            throw;
        }

        if (!await _acks.WaitAsync(ack, _ackTimeout, cancellationToken))
            throw new HubException($"{change} was not acknowledged within {_ackTimeout.TotalSeconds:0.#} s: no node holds that connection " +
                "(it may have disconnected), or its node cannot reach Redis.");
    }

    private void OnConnectionMessage(string connectionId, RedisValue payload)
    {
        if (_connections[connectionId] is { } connection && TryReadRemote(payload, out var message, out _))
            _ = ObserveWriteAsync(connection.WriteAsync(message));
    }

    private void OnInvocation(RedisValue payload, HubConnectionStore? targets)
    {
        if (targets is not null && TryReadRemote(payload, out var message, out var excluded))
            _ = ObserveWriteAsync(Write(targets, message, excluded));
    }

    /// <summary>False for the node's own messages (it delivered them locally when sending) and unreadable ones.</summary>
    private bool TryReadRemote(RedisValue payload, out SerializedHubMessage message, out IReadOnlyList<string>? excluded)
    {
        message = null!;
        excluded = null;
        try
        {
            var bytes = (byte[])payload!;
            // Every channel this node subscribes to echoes its own publishes: they are dropped before decoding.
            if (bytes.AsSpan().StartsWith(_ownInvocationPrefix)) return false;
            var invocation = BackplaneProtocol.DecodeInvocation(bytes);
            message = new SerializedHubMessage(invocation.Messages);
            excluded = invocation.ExcludedConnectionIds.Count > 0 ? invocation.ExcludedConnectionIds : null;
            return true;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Redis backplane received an unreadable invocation");
            return false;
        }
    }

    private void OnGroupCommand(RedisValue payload)
    {
        try
        {
            var command = BackplaneProtocol.DecodeGroupCommand((byte[])payload!);
            if (_connections[command.ConnectionId] is { } connection) _ = ApplyGroupCommandAsync(connection, command);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Redis backplane received an unreadable group command");
        }
    }

    private async Task ApplyGroupCommandAsync(HubConnectionContext connection, GroupCommand command)
    {
        try
        {
            // Acknowledge only once the group's channel is subscribed, so the requester's next group send arrives.
            if (command.Action == GroupAction.Add) await AddLocalToGroupAsync(connection, command.GroupName);
            else await RemoveLocalFromGroupAsync(connection, command.GroupName);
            var bus = await TryGetBusAsync();
            if (bus is null) return;
            await bus.PublishAsync(_channels.Ack(command.ReplyTo), BackplaneProtocol.EncodeAck(command.Id))
                .WaitAsync(RedisBackplaneConnection.OperationTimeout).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Redis backplane could not apply or acknowledge {Action} of {ConnectionId} for group {Group}",
                command.Action, command.ConnectionId, command.GroupName);
        }
    }

    private void OnAck(RedisValue payload)
    {
        try
        {
            _acks.Acknowledge(BackplaneProtocol.DecodeAck((byte[])payload!));
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Redis backplane received an unreadable ack");
        }
    }

    private Func<string, Task> SubscribeGroup(ISubscriber? bus) => name => bus is null
        ? Task.CompletedTask
        : bus.SubscribeAsync(_channels.Group(name), (_, payload) => OnInvocation(payload, _groups[name]));

    private Func<string, Task> UnsubscribeGroup(ISubscriber? bus) => name => bus is null
        ? Task.CompletedTask
        : bus.UnsubscribeAsync(_channels.Group(name));

    private Func<string, Task> SubscribeUser(ISubscriber? bus) => userId => bus is null
        ? Task.CompletedTask
        : bus.SubscribeAsync(_channels.User(userId), (_, payload) => OnInvocation(payload, _users[userId]));

    private Func<string, Task> UnsubscribeUser(ISubscriber? bus) => userId => bus is null
        ? Task.CompletedTask
        : bus.UnsubscribeAsync(_channels.User(userId));

    /// <summary>Starts every write at once; completes when the slow ones (back-pressured clients) are done.</summary>
    private static Task Write(HubConnectionStore? connections, SerializedHubMessage message, IReadOnlyList<string>? excluded)
    {
        if (connections is null) return Task.CompletedTask;
        List<Task>? pending = null;
        foreach (var connection in connections) StartWrite(connection, message, excluded, ref pending);
        return pending is null ? Task.CompletedTask : Task.WhenAll(pending);
    }

    private static Task Write(List<HubConnectionContext> connections, SerializedHubMessage message)
    {
        List<Task>? pending = null;
        foreach (var connection in connections) StartWrite(connection, message, excluded: null, ref pending);
        return pending is null ? Task.CompletedTask : Task.WhenAll(pending);
    }

    private static void StartWrite(HubConnectionContext connection, SerializedHubMessage message, IReadOnlyList<string>? excluded, ref List<Task>? pending)
    {
        if (excluded is not null && excluded.Contains(connection.ConnectionId)) return;
        var write = connection.WriteAsync(message);
        if (!write.IsCompletedSuccessfully) (pending ??= []).Add(write.AsTask());
    }

    private async Task ObserveWriteAsync(Task writes)
    {
        try
        {
            await writes;
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Writing a realtime message to a local connection failed");
        }
    }

    private Task ObserveWriteAsync(ValueTask write) =>
        write.IsCompletedSuccessfully ? Task.CompletedTask : ObserveWriteAsync(write.AsTask());

    /// <summary>Waits (bounded) for Redis work that must not fail the caller; logs instead of throwing.</summary>
    private async Task ObserveAsync(Task operation, string action, string subject)
    {
        if (operation.IsCompletedSuccessfully) return;
        try
        {
            await operation.WaitAsync(RedisBackplaneConnection.OperationTimeout).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        catch (Exception ex)
        {
            // Subscriptions are kept by StackExchange.Redis and re-sent when Redis is reachable again.
            _logger.LogWarning(ex, "Redis backplane could not {Action} {Subject} on Redis right now", action, subject);
        }
    }

    /// <summary>At most one warning per 10 s while Redis is down, with the running count, instead of one per message.</summary>
    private void LogDropped(RedisChannel channel, Exception? exception)
    {
        var dropped = Interlocked.Increment(ref _droppedMessages);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastDropWarningTicks);
        if ((last != 0 && now - last < 10_000) || Interlocked.CompareExchange(ref _lastDropWarningTicks, now, last) != last)
        {
            _logger.LogDebug(exception, "Redis backplane dropped a realtime message for {Channel}", (string?)channel);
            return;
        }
        _logger.LogWarning(exception, "Redis backplane is unreachable: dropped a realtime message for {Channel} ({Dropped} dropped since start); clients catch up over REST",
            (string?)channel, dropped);
    }
}
