-- wrk script for the feed benchmark: every request is GET /api/feed?limit=20 as a random signed-in user.
-- The access tokens come one per line from the file named by the environment variable FEED_TOKENS.
-- done() prints the RESULT line for build/bench-feed.sh (build/bench/wrk-result.lua).
dofile("build/bench/wrk-result.lua")

local tokens = {}

function init(args)
  local path = os.getenv("FEED_TOKENS") or error("set FEED_TOKENS to the token file")
  for line in io.lines(path) do
    if #line > 0 then tokens[#tokens + 1] = "Bearer " .. line end
  end
  if #tokens == 0 then error("no tokens in " .. path) end
  seed_thread()
end

function request()
  return wrk.format("GET", "/api/feed?limit=20", { ["Authorization"] = tokens[math.random(#tokens)] })
end
