-- GET the URL's path with an API key in x-api-key, for wrk; without keys, the same request bare.
--   BENCH_KEYS       file of API keys, one a line (SeedServerStore --keys writes it); unset: no key sent
--   BENCH_KEY_COUNT  how many of them to rotate over (default all); 1 = one key for every request
--   BENCH_HEADERS    more headers for every request, "Name: value" one a line (bench/rights-bench.sh)
-- Every run of bench/verify-bench.sh goes through this script, /healthz too, so wrk does the same
-- work per request whichever path it measures. Each wrk thread walks the keys from its own random
-- offset, so that successive runs over many keys do not all start with the same few.

local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_index", counter)
end

function init(args)
  keys = {}
  local path = os.getenv("BENCH_KEYS")
  if path and path ~= "" then
    local limit = tonumber(os.getenv("BENCH_KEY_COUNT") or "0")
    for line in io.lines(path) do
      keys[#keys + 1] = line
      if limit > 0 and #keys >= limit then break end
    end
    if #keys == 0 then error("no keys in " .. path) end
  end
  extra = {}
  for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
    local name, value = line:match("^%s*([^:]+):%s*(.-)%s*$")
    if not name then error("BENCH_HEADERS line '" .. line .. "' is not 'Name: value'") end
    extra[name] = value
  end
  -- thread_index is set by setup() before init(); os.time() changes from run to run.
  math.randomseed(os.time() * 64 + (thread_index or 1))
  position = #keys > 0 and math.random(#keys) - 1 or 0
end

function request()
  if #keys == 0 then
    return wrk.format("GET", wrk.path, extra)
  end
  position = position % #keys + 1
  extra["x-api-key"] = keys[position]
  return wrk.format("GET", wrk.path, extra)
end

function response(status, headers, body)
  local user = headers["X-Gatehouse-User"] or headers["x-gatehouse-user"]
  if status ~= 200 or (#keys > 0 and not user) then
    -- A refused key must not pass as throughput: stop loudly.
    io.stderr:write("GET " .. wrk.path .. " answered " .. status .. " without X-Gatehouse-User: " .. body .. "\n")
    wrk.thread:stop()
  end
end
