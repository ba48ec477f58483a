-- wrk script for tools/loadtest/run.sh: counts non-2xx answers across threads, stops a thread after
-- MAX_REQUESTS/threads answers (so a run is bounded in requests as well as in time), and prints one line:
-- RESULT <requests> <requests/s> <p50 ms> <p99 ms> <non-2xx> <socket errors>
local threads = {}
local limit = tonumber(os.getenv("MAX_REQUESTS_PER_THREAD") or "500000")

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  answered = 0
end

function response(status, headers, body)
  answered = answered + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  if answered >= limit then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %.1f %.2f %.2f %d %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad, errors))
end
