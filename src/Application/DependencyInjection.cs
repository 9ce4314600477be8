using System.Reflection;
using CleanBackend.Application.Common.Behaviors;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CleanBackend.Application;

public static class DependencyInjection
{
    /// <summary>MediatR, the pipeline and every handler and validator of this assembly.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // Registration order is pipeline order, outermost first.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(PerformanceBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));
        services.AddOptions<PipelineOptions>();
        services.TryAddSingleton(TimeProvider.System);

        // Stop at the first failing rule of a property: later rules may assume the earlier ones held (e.g. not null).
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : Common.Exceptions.ValidationException.FieldName(member.Name);

        // Singletons: building a validator compiles the lambda of every rule (FluentValidation caches only plain
        // member accessors); per request, that was among the top CPU costs in the feed benchmark. Validators hold
        // no state and take no constructor dependencies (a test keeps it so), so one instance serves every request.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        return services.AddMediatorHandlersFrom(typeof(DependencyInjection).Assembly);
    }

    /// <summary>
    /// Registers every closed request handler and notification handler found in <paramref name="assembly"/>
    /// (MediatR 5.1.0, the version this project can use, has no registration package: docs/decisions/0002).
    /// </summary>
    public static IServiceCollection AddMediatorHandlersFrom(this IServiceCollection services, Assembly assembly)
    {
        Type[] handlerInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && handlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddTransient(contract, type);
            }
        }

        return services;
    }
}
