using CleanBackend.MigrationDraft;
using CleanBackend.SchemaComparison;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

// Prints what the next hand-written migration must contain: see README.md.
if (args is not ["sqlite"] and not ["postgres", _])
{
    Console.Error.WriteLine("""
        usage: dotnet run --project build/tools/MigrationDraft -- sqlite
               dotnet run --project build/tools/MigrationDraft -- postgres "<server connection string>"
        The postgres connection's user must be allowed to create databases; two scratch databases are created and dropped.
        """);
    return 1;
}

await using var migratedDatabase = await ScratchDatabase.CreateAsync(args);
await using var modelDatabase = await ScratchDatabase.CreateAsync(args);
await using var migrated = migratedDatabase.CreateContext();
await using var model = modelDatabase.CreateContext();

var drift = await MigrationDrift.MeasureAsync(migrated, model);
Console.WriteLine(drift.Report(migratedDatabase.ProviderName));
if (drift.Differences.Count == 0) return 0;

Console.WriteLine();
Console.WriteLine("// ---- Draft of the migration's Up() (check names and order; Down() undoes it) ----");
// The SQLite rebuild SQL is needed whichever provider was compared: the migration runs on both.
await using (var sqliteModel = ScratchDatabase.SqliteContextForScripts())
{
    var relationalModel = model.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    var rebuild = new SqliteTableRebuild(sqliteModel.Database.GenerateCreateScript(), relationalModel);
    Console.WriteLine(new MigrationCode(relationalModel, rebuild).Up(drift));
}
Console.WriteLine();
Console.WriteLine($"-- ---- What {migratedDatabase.ProviderName} gets for these tables when built from the model (GenerateCreateScript) ----");
foreach (var statement in CreateScriptStatements.For(model.Database.GenerateCreateScript(), drift.AffectedTables))
{
    Console.WriteLine(statement);
    Console.WriteLine();
}
return 2;
