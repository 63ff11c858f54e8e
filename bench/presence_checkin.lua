-- wrk script for bench/presence_sync_bench.sh: each request checks in one new half-day
-- (POST /api/v1/presence), so every answer is a real insert (row, presence_week trigger,
-- audit entry) and never a 409. Slots come from $SLOTS ("assignment_id,day" lines with
-- both halves free); thread k of n takes slots k, k+n, k+2n, … so no two requests collide.
local slots = {}
for line in io.lines(os.getenv("SLOTS")) do
  local id, day = line:match("^(%d+),(%d%d%d%d%-%d%d%-%d%d)$")
  if id then slots[#slots + 1] = {id, day} end
end
local token = os.getenv("TOKEN")
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

function init(args)
  n_threads = tonumber(os.getenv("THREADS") or "2")
  next_request = index - 1  -- 0-based request number of this thread, before interleaving
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  -- Request r of thread k uses half (r % 2) of slot k + n*floor(r/2).
  local r = next_request
  next_request = next_request + n_threads
  local pair = math.floor(r / (2 * n_threads)) * n_threads + (r % n_threads)
  local slot = slots[pair + 1]
  if not slot then
    error("out of free half-days after " .. r .. " requests; lower DURATION")
  end
  local half = (math.floor(r / n_threads) % 2 == 0) and "am" or "pm"
  local body = string.format(
      '{"assignment_id":%s,"day":"%s","half":"%s","status":"present","client_id":"bench-%d"}',
      slot[1], slot[2], half, r)
  return wrk.format(nil, "/api/v1/presence", nil, body)
end
