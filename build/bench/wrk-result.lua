-- Shared by the wrk scripts of build/bench-*.sh (loaded with dofile, from the repository root):
-- a random seed per thread, and done() printing one machine-readable line:
--   RESULT requests_per_second=... p50_ms=... p99_ms=... requests=... non_2xx=... socket_errors=...

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("seed", #threads)
end

-- Each thread has its own Lua state: a different seed per thread, or they all draw the same sequence.
function seed_thread()
  math.randomseed(os.time() * 1000 + seed)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests_per_second=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d non_2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
