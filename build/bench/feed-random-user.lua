-- wrk script for the feed benchmark: every request is GET /api/feed?limit=20 as a random signed-in user.
-- The access tokens come one per line from the file named by the environment variable FEED_TOKENS.
-- done() prints one machine-readable line for build/bench-feed.sh:
--   RESULT requests_per_second=... p50_ms=... p99_ms=... requests=... non_2xx=... socket_errors=...

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("seed", #threads)
end

local tokens = {}

function init(args)
  local path = os.getenv("FEED_TOKENS") or error("set FEED_TOKENS to the token file")
  for line in io.lines(path) do
    if #line > 0 then tokens[#tokens + 1] = "Bearer " .. line end
  end
  if #tokens == 0 then error("no tokens in " .. path) end
  -- Each thread has its own Lua state: a different seed per thread, or they all walk the same user sequence.
  math.randomseed(os.time() * 1000 + seed)
end

function request()
  return wrk.format("GET", "/api/feed?limit=20", { ["Authorization"] = tokens[math.random(#tokens)] })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests_per_second=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d non_2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
