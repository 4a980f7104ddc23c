-- Shared by bin/bench's wrk scripts: each thread counts the statuses it got, and done() prints
-- one line bin/bench reads: "result key=value ...", latencies in milliseconds.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

statuses = {}
exhausted = 0

function count(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts, short = {}, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
    short = short + thread:get("exhausted")
  end
  local e = summary.errors
  local line = string.format(
    "result requests=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d exhausted=%d",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3, e.connect, e.read, e.write, e.timeout, short)
  for status, n in pairs(counts) do
    line = line .. string.format(" status_%d=%d", status, n)
  end
  io.write(line .. "\n")
end
