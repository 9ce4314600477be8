using CleanBackend.Application;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Feed;
using CleanBackend.Application.Media;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Architecture.Tests;

/// <summary>Every use case is a command or query with exactly one handler, and input that can be wrong is validated.</summary>
public sealed class UseCaseConventionTests
{
    /// <summary>
    /// Requests that carry input but deliberately have no validator, each with the reason.
    /// Requests whose properties are all ids need no entry (see <see cref="OnlyIds"/>).
    /// </summary>
    private static readonly Dictionary<Type, string> WithoutValidator = new()
    {
        [typeof(UploadMediaCommand)] = "the body is a byte stream: the handler sniffs and size-limits it (400/413/415)",
        [typeof(GetMediaContentQuery)] = "the key comes from the URL; the storage accepts only keys of its own shape, anything else is a 404",
    };

    /// <summary>
    /// Requests that deliberately bypass the unit of work (plain IRequest), each with the reason; every other
    /// request must say whether it writes (ICommand: one transaction) or only reads (IQuery).
    /// </summary>
    private static readonly Dictionary<Type, string> OutsideUnitOfWork = new()
    {
        [typeof(UploadMediaCommand)] = "a transaction would hold a connection while the client sends the file; one atomic insert instead",
        [typeof(DeleteUnusedMediaCommand)] = "commits batch by batch so a backlog is not one long transaction",
        [typeof(FanOutPostCommand)] = "a feed job: each batch of followers commits on its own",
        [typeof(BackfillFeedCommand)] = "a feed job: one idempotent set-based statement, retried by the scheduler",
        [typeof(RemoveFolloweeFromFeedCommand)] = "a feed job: one idempotent set-based statement, retried by the scheduler",
        [typeof(RemovePostFromFeedsCommand)] = "a feed job: deletes batch by batch so a post in many feeds is not one long transaction",
        [typeof(TrimFeedsCommand)] = "a recurring feed job: trims batch by batch so all feeds are not one long transaction",
    };

    private static readonly Type[] RequestTypes = Layers.Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && Implements(t, typeof(IRequest<>)))
        .ToArray();

    private static readonly Type[] HandlerTypes = new[] { Layers.Application, Layers.Infrastructure }
        .SelectMany(a => a.GetTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .ToArray();

    /// <summary>The validators AddApplication registers (FluentValidation's own assembly scan), by the request they validate.</summary>
    private static readonly ServiceDescriptor[] RegisteredValidators = new ServiceCollection().AddApplication()
        .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>))
        .ToArray();

    private static Type ValidatedType(ServiceDescriptor validator) => validator.ServiceType.GetGenericArguments()[0];

    private static bool Implements(Type type, Type openGeneric) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);

    /// <summary>Ids are bound from the route: a value that is not a number never reaches the pipeline; an unknown one is a 404.</summary>
    private static bool OnlyIds(Type request) =>
        request.GetProperties().All(p => p.PropertyType == typeof(long) || p.PropertyType == typeof(long?));

    [Fact]
    public void Every_request_is_a_command_or_a_query_unless_listed()
    {
        Assert.NotEmpty(RequestTypes);

        var neither = RequestTypes.Where(t => !Implements(t, typeof(ICommand<>)) && !Implements(t, typeof(IQuery<>)) && !OutsideUnitOfWork.ContainsKey(t));

        Assert.Empty(neither.Select(t => t.Name));
    }

    [Fact]
    public void Every_request_has_exactly_one_handler()
    {
        var handlerCounts = RequestTypes.ToDictionary(t => t, t => HandlerTypes.Count(h => h.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) && i.GetGenericArguments()[0] == t)));

        Assert.Empty(handlerCounts.Where(c => c.Value != 1).Select(c => $"{c.Key.Name}: {c.Value} handlers"));
    }

    [Fact]
    public void Every_request_with_input_has_a_validator()
    {
        var validated = RegisteredValidators.Select(ValidatedType).ToHashSet();

        var unvalidated = RequestTypes
            .Where(t => t.GetProperties().Length > 0 && !OnlyIds(t) && !validated.Contains(t) && !WithoutValidator.ContainsKey(t))
            .Select(t => t.Name);

        Assert.Empty(unvalidated);
    }

    [Fact]
    public void Listed_exceptions_are_still_needed()
    {
        var validated = RegisteredValidators.Select(ValidatedType);

        Assert.Empty(WithoutValidator.Keys.Intersect(validated).Select(t => t.Name));
        Assert.Empty(OutsideUnitOfWork.Keys.Where(t => Implements(t, typeof(ICommand<>)) || Implements(t, typeof(IQuery<>))).Select(t => t.Name));
    }

    [Fact]
    public void Validators_take_nothing_in_their_constructor_because_one_instance_serves_every_request()
    {
        // AddApplication registers validators as singletons: a scoped dependency would be captured for good.
        Assert.NotEmpty(RegisteredValidators);
        Assert.All(RegisteredValidators, v => Assert.Equal(ServiceLifetime.Singleton, v.Lifetime));
        var withDependencies = RegisteredValidators
            .Select(v => v.ImplementationType!)
            .Where(t => t.GetConstructors().All(c => c.GetParameters().Length > 0))
            .Select(t => t.Name);

        Assert.Empty(withDependencies);
    }
}
