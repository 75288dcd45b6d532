-- wrk script: sustained Events v2 ingest with one integration key, mixing new dedup keys and repeats.
-- Env: INGEST_KEY (required), NEW_SHARE (share of requests with a never-seen key, default 0.2),
--      HOT_KEYS (how many keys the repeats cycle through, default 500), RUN_ID (makes new keys unique per run),
--      HOT_ID (names the repeated keys; the warm-up and the measured run share it, default RUN_ID),
--      RESULT_FILE (where the number of 202 answers is written, for the check afterwards).
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function init(args)
  accepted, other, n = 0, 0, 0
  new_share = tonumber(os.getenv("NEW_SHARE") or "0.2")
  hot_keys = tonumber(os.getenv("HOT_KEYS") or "500")
  run_id = os.getenv("RUN_ID") or tostring(os.time())
  hot_id = os.getenv("HOT_ID") or run_id
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("INGEST_KEY"), "set INGEST_KEY")
  math.randomseed(os.time() * 100 + id)
end

function request()
  n = n + 1
  local key
  if math.random() < new_share then
    key = string.format("new-%s-%d-%d", run_id, id, n)
  else
    key = string.format("hot-%s-%d", hot_id, math.random(hot_keys))
  end
  local body = string.format(
    '{"event_action":"trigger","dedup_key":"%s","payload":{"summary":"Load test %s","source":"bench-%d","severity":"warning","custom_details":{"n":%d}}}',
    key, key, id, n)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 202 then accepted = accepted + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local a, o = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    o = o + t:get("other")
  end
  io.write(string.format("202 answers: %d, other answers: %d, socket errors: %d\n", a, o,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("alerts/s (202): %.0f\n", a / (summary.duration / 1e6)))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency p%s: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  local file = io.open(os.getenv("RESULT_FILE") or "ingest-accepted.txt", "w")
  file:write(a .. "\n")
  file:close()
end
