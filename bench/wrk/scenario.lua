-- One wrk script for every HTTP scenario of bench/run.sh. Configured by environment (set by run.sh):
--   BENCH_METHOD   GET or POST
--   BENCH_PATH     request path; "{id}" is replaced by an id from BENCH_IDS, round robin per thread
--   BENCH_TOKEN    bearer token (fetched from Keycloak by run.sh just before this run, so it cannot expire mid-run)
--   BENCH_BODY     file whose content is the request body (POST)
--   BENCH_IDS      file with one id per line (for "{id}")
--   BENCH_IDEMPOTENT  "1": send a unique Idempotency-Key per request (intake, as a careful client does)
--   BENCH_OUT      file the summary (one JSON line) is appended to
--   BENCH_MAX_REQUESTS  stop after this many responses in all (each thread its share; a few requests already sent
--                  on a thread's other connections may still be answered): a fixed amount of data, whatever the machine's speed
local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH")
local token = os.getenv("BENCH_TOKEN")
local idempotent = os.getenv("BENCH_IDEMPOTENT") == "1"
local body = nil
local ids = {}

local function slurp(name)
  local f = assert(io.open(name, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local function setting(name)
  local v = os.getenv(name)
  if v == nil or v == "" then return nil end
  return v
end

if setting("BENCH_BODY") then body = slurp(setting("BENCH_BODY")) end
if setting("BENCH_IDS") then
  for line in io.lines(setting("BENCH_IDS")) do
    if #line > 0 then ids[#ids + 1] = line end
  end
end

local threads = {}
local counter = 0
local tag = ""
local max_requests = tonumber(setting("BENCH_MAX_REQUESTS") or "")
local share = nil
local answered = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() + tid * 7919)
  counter = math.random(1, math.max(#ids, 1))
  -- Unique per run and thread, so that keys never repeat across runs against the same database.
  tag = string.format("bench-%d-%d-%d", os.time(), tid, math.random(1, 1000000000))
  thread_errors = 0
  if max_requests then
    local n = tonumber(os.getenv("BENCH_THREADS") or "1")
    share = math.floor(max_requests / n) + ((tid <= max_requests % n) and 1 or 0)
  end
end

function request()
  counter = counter + 1
  local p = path
  if #ids > 0 then p = string.gsub(path, "{id}", ids[(counter % #ids) + 1]) end
  local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
  if body then headers["Content-Type"] = "application/json" end
  if idempotent then headers["Idempotency-Key"] = tag .. "-" .. counter end
  return wrk.format(method, p, headers, body)
end

function response(status, headers, body)
  if status >= 400 then thread_errors = thread_errors + 1 end
  answered = answered + 1
  if share and answered >= share then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local http_errors = 0
  for _, t in ipairs(threads) do http_errors = http_errors + (t:get("thread_errors") or 0) end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  local line = string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.2f,"p50_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"http_errors":%d,"socket_errors":%d,"non2xx":%d}',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    http_errors, socket_errors, e.status)
  local out = os.getenv("BENCH_OUT")
  if out then
    local f = assert(io.open(out, "a"))
    f:write(line, "\n")
    f:close()
  end
  io.write(line, "\n")
end
