using System.Globalization;
using CleanBackend.FeedBench;

// Figures are parsed by the script: a decimal point whatever the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// build/bench-feed.sh runs this; see the usage text for the commands.
return args switch
{
    ["sign-in", var api, var password, var userNamesFile, var tokensFile] =>
        await SignIn.RunAsync(new Uri(api), password, userNamesFile, tokensFile),
    ["fan-out", var api, var connectionString, var tokenFile, var runs] =>
        await FanOut.RunAsync(new Uri(api), connectionString, File.ReadAllText(tokenFile).Trim(), int.Parse(runs)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          FeedBench sign-in API PASSWORD USERNAMES_FILE TOKENS_FILE
              signs in every user named in USERNAMES_FILE (one per line) through POST /api/auth/login and
              writes their access tokens to TOKENS_FILE, one per line
          FeedBench fan-out API CONNECTION_STRING TOKEN_FILE RUNS
              posts RUNS times as the account of TOKEN_FILE and times how long until every follower's feed has
              the post; prints one "RUN ..." line per post and a "FANOUT ..." summary line
        """);
    return 2;
}
