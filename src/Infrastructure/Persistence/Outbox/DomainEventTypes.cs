using System.Collections.Frozen;
using System.Text.Json;
using CleanBackend.Domain.Common;

namespace CleanBackend.Infrastructure.Persistence.Outbox;

/// <summary>Maps the stored type name of an outbox row to its domain event type (the class name, unique in Domain).</summary>
public static class DomainEventTypes
{
    private static readonly FrozenDictionary<string, Type> ByName = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name);

    public static string NameOf(IDomainEvent domainEvent) => domainEvent.GetType().Name;

    public static string Serialize(IDomainEvent domainEvent) =>
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType());

    public static IDomainEvent Deserialize(string typeName, string payload) =>
        ByName.TryGetValue(typeName, out var type)
            ? (IDomainEvent)(JsonSerializer.Deserialize(payload, type) ?? throw new InvalidOperationException($"Empty payload for {typeName}."))
            : throw new InvalidOperationException($"Unknown domain event type '{typeName}'.");
}
