using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Social;
using CleanBackend.Infrastructure.Persistence.Outbox;
using MediatR;
using Moq;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Application.UnitTests.Common.Events;

/// <summary>
/// DomainEventPublisher hands MediatR notifications whose static type is only INotification; MediatR 5.1.0
/// must route them by their runtime type or no domain event handler would ever run.
/// </summary>
public sealed class DomainEventPublishingTests : IDisposable
{
    private readonly List<INotification> _received = [];
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    private sealed class Recorder<TNotification>(List<INotification> received) : INotificationHandler<TNotification>
        where TNotification : INotification
    {
        public Task Handle(TNotification notification, CancellationToken cancellationToken)
        {
            received.Add(notification);
            return Task.CompletedTask;
        }
    }

    public DomainEventPublishingTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        // Only the recorders below handle notifications here: the application's own handlers need a database.
        foreach (var handler in services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(INotificationHandler<>)).ToList())
            services.Remove(handler);
        services.AddScoped<DomainEventPublisher>();
        // The application's own handlers of these events (the feed jobs' scheduling) run too; they only enqueue.
        services.AddSingleton(Mock.Of<IBackgroundJobs>());
        services.AddSingleton(_received);
        services.AddTransient<INotificationHandler<DomainEventRaised<UserFollowed>>, Recorder<DomainEventRaised<UserFollowed>>>();
        services.AddTransient<INotificationHandler<DomainEventCommitted<UserFollowed>>, Recorder<DomainEventCommitted<UserFollowed>>>();
        services.AddTransient<INotificationHandler<DomainEventRaised<PostLiked>>, Recorder<DomainEventRaised<PostLiked>>>();
        _services = services.BuildServiceProvider();
        _scope = _services.CreateScope();
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task Mediator_publishes_a_notification_typed_as_INotification_to_handlers_of_its_runtime_type()
    {
        INotification notification = new DomainEventRaised<UserFollowed>(new UserFollowed(1, 2));

        await _scope.ServiceProvider.GetRequiredService<IMediator>().Publish(notification);

        Assert.Same(notification, Assert.Single(_received));
    }

    [Fact]
    public async Task Raised_event_reaches_only_the_raised_handlers_of_its_event_type()
    {
        var followed = new UserFollowed(1, 2);

        await _scope.ServiceProvider.GetRequiredService<DomainEventPublisher>().PublishRaisedAsync(followed, CancellationToken.None);

        Assert.Equal(new DomainEventRaised<UserFollowed>(followed), Assert.Single(_received));
    }

    [Fact]
    public async Task Committed_event_carries_its_outbox_id()
    {
        var followed = new UserFollowed(1, 2);

        await _scope.ServiceProvider.GetRequiredService<DomainEventPublisher>().PublishCommittedAsync(followed, 77, CancellationToken.None);

        Assert.Equal(new DomainEventCommitted<UserFollowed>(followed, 77), Assert.Single(_received));
    }

    [Fact]
    public async Task Event_without_handlers_is_published_to_nobody_without_error()
    {
        var publisher = _scope.ServiceProvider.GetRequiredService<DomainEventPublisher>();

        await publisher.PublishRaisedAsync(new PostDeleted(3, 4), CancellationToken.None);
        await publisher.PublishCommittedAsync(new PostLiked(3, 4, 5), 78, CancellationToken.None);

        Assert.Empty(_received);
    }
}
