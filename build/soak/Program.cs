using CleanBackend.Soak;
using CleanBackend.TestSupport;
using CleanBackend.TestSupport.Load;

// One api,jobs node on PostgreSQL and Redis (CLEANBACKEND_TEST_POSTGRES, CLEANBACKEND_TEST_REDIS, set by build/soak.sh
// or build/test.sh) under the REST mix of the fault tests at half its measured capacity, with hub connections of the
// official client open throughout. Prints a table row every minute and a verdict; exits 1 when it fails.
var minutes = args.Length == 2 && args[0] == "--minutes" && int.TryParse(args[1], out var m) && m > 0 ? m
    : args.Length == 0 ? 30 : throw new ArgumentException("usage: Soak [--minutes N]");
const int Users = 100;
const int HubConnections = 300;

await using var database = await PostgresDatabase.CreateAsync();
var dataFolder = Directory.CreateTempSubdirectory("cleanbackend-soak-").FullName;
await using var node = AppNodeProcess.Start(1, "api,jobs", new Dictionary<string, string>
{
    ["Database__Provider"] = "Postgres",
    ["ConnectionStrings__Database"] = database.ConnectionString,
    ["Realtime__Redis"] = TestEnvironment.Redis,
    ["Realtime__ChannelPrefix"] = "soak-" + Guid.NewGuid().ToString("N")[..8],
    ["Auth__SigningKey"] = ApiFactory.TestSigningKey,
    // Tokens outlive the run: the soak measures the node, not token refreshes.
    ["Auth__AccessTokenMinutes"] = (minutes + 60).ToString(),
    ["RateLimiting__AuthPermitsPerMinute"] = "100000",
    ["Storage__DataFolder"] = dataFolder,
});
await node.WaitUntilReadyAsync();
using var nodeHttp = node.CreateHttpClient();

using var load = await SocialLoad.PrepareAsync([node.Address], Users);
var capacity = await load.MeasureCapacityAsync(TimeSpan.FromSeconds(15));
var rate = capacity / 2;
await using var hubs = await HubFleet.ConnectAsync([node.Address], load.Users, HubConnections, () => load.Results.Elapsed);
Console.WriteLine($"[soak] capacity {capacity:0} req/s for the mix; soaking {minutes} min at {rate:0} req/s with {hubs.Connected} hub connections");
Console.WriteLine(SoakRow.Header);

using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
var soakFrom = load.Results.Elapsed;
var running = load.RunAsync(rate, stop.Token);
var rows = new List<SoakRow>();
for (var minute = 1; minute <= minutes; minute++)
{
    var until = soakFrom + TimeSpan.FromMinutes(minute);
    // The table's clock: a row is due each minute of load.
    await Task.Delay(until - load.Results.Elapsed);
    var row = new SoakRow(minute.ToString(), load.Results.Between(until - TimeSpan.FromMinutes(1), until), await NodeMemory.ReadAsync(nodeHttp), hubs.Connected);
    rows.Add(row);
    Console.WriteLine(row);
}
await running;
var total = new SoakRow("all", load.Results.Between(soakFrom, load.Results.Elapsed), rows[^1].Memory, hubs.Connected);
Console.WriteLine(total);

var verdict = SoakVerdict.Judge(rows, total, HubConnections);
foreach (var line in verdict.Lines) Console.WriteLine("[soak] " + line);
foreach (var failed in total.Requests.Where(o => o.Failed).Take(10)) Console.WriteLine("[soak]   " + failed);
try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
return verdict.Passed ? 0 : 1;
