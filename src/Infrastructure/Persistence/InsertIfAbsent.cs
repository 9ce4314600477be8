using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CleanBackend.Infrastructure.Persistence;

/// <summary>
/// <c>INSERT ... VALUES (...) ON CONFLICT DO NOTHING</c> for one entity, built from the EF model (same SQL on
/// PostgreSQL and SQLite). The database decides under its own locking whether the row is new, so idempotent
/// endpoints stay idempotent when two requests race, instead of one of them failing on the unique key.
/// </summary>
public static class InsertIfAbsent
{
    public static async Task<bool> ExecuteAsync<TEntity>(DbContext db, TEntity entity, CancellationToken cancellationToken) where TEntity : class
    {
        var entry = db.Entry(entity);
        var entityType = entry.Metadata;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        var columns = new List<string>();
        var parameters = new List<object>();
        foreach (var property in entityType.GetProperties())
        {
            var column = property.GetColumnName(table);
            if (column is null) continue;
            var name = "p" + parameters.Count;
            columns.Add(sql.DelimitIdentifier(column));
            // The property's own type mapping applies its value converter (e.g. DateTimeOffset as text on SQLite).
            parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, entry.Property(property.Name).CurrentValue, property.IsNullable));
        }

        var statement = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))}) ON CONFLICT DO NOTHING";
        bool inserted;
        try
        {
            inserted = await db.Database.ExecuteSqlRawAsync(statement, parameters, cancellationToken) == 1;
        }
        catch (DbException ex) when (DbErrors.IsForeignKeyViolation(ex))
        {
            // What the row points at was deleted since the caller looked it up (e.g. a post liked while being deleted).
            throw DbErrors.ReferentGone();
        }
        if (inserted) entry.State = EntityState.Unchanged;
        return inserted;
    }
}
