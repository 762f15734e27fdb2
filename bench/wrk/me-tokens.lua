-- GET /api/me with a valid session cookie, for wrk.
--   BENCH_TOKENS       file of session tokens, one a line (SeedServerStore writes it)
--   BENCH_TOKEN_COUNT  how many of them to rotate over (default all); 1 = one token for every request
-- Each wrk thread walks the tokens from its own offset, so requests spread over the sessions.

local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_index", counter)
end

function init(args)
  local path = os.getenv("BENCH_TOKENS") or error("set BENCH_TOKENS to the tokens file")
  local limit = tonumber(os.getenv("BENCH_TOKEN_COUNT") or "0")
  tokens = {}
  for line in io.lines(path) do
    tokens[#tokens + 1] = line
    if limit > 0 and #tokens >= limit then break end
  end
  if #tokens == 0 then error("no tokens in " .. path) end
  -- Threads start spread over the tokens; thread_index is set by setup() before init().
  position = math.floor(((thread_index or 1) - 1) * #tokens / 16) % #tokens
  requests = {}
end

function request()
  position = position % #tokens + 1
  return wrk.format("GET", "/api/me", { ["Cookie"] = "gatehouse_session=" .. tokens[position] })
end

function response(status, headers, body)
  if status ~= 200 then
    -- A failed check must not pass as throughput: stop loudly.
    io.stderr:write("GET /api/me answered " .. status .. ": " .. body .. "\n")
    wrk.thread:stop()
  end
end
