-- wrk script for the user-search benchmark: every request is GET /api/users?query=<prefix>&limit=20 (public), the
-- prefix drawn at random from the space-separated list in the environment variable SEARCH_PREFIXES (ASCII).
-- done() prints the RESULT line for build/bench-search.sh (build/bench/wrk-result.lua).
dofile("build/bench/wrk-result.lua")

local paths = {}

function init(args)
  local list = os.getenv("SEARCH_PREFIXES") or error("set SEARCH_PREFIXES to the prefixes to search for")
  for prefix in list:gmatch("%S+") do
    paths[#paths + 1] = "/api/users?query=" .. prefix .. "&limit=20"
  end
  if #paths == 0 then error("no prefixes in SEARCH_PREFIXES") end
  seed_thread()
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
