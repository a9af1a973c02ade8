-- wrk script: each thread is one partner on one connection, running redemption flows back to
-- back (open, add two keys, confirm, create the account). Its token and keys are read from
-- <dir>/partner-<n>.txt (first line the token, then one key per line).
-- Usage: wrk -t16 -c16 -s redeem.lua http://host:port -- <dir>

local threads, count = {}, 0

function setup(thread)
  thread:set("id", count)
  table.insert(threads, thread)
  count = count + 1
end

function init(args)
  local file = assert(io.open(args[1] .. "/partner-" .. id .. ".txt"))
  token = file:read("*l")
  keys = {}
  for line in file:lines() do
    table.insert(keys, line)
  end
  file:close()
  next_key, step, flows, failures, exhausted, redemption = 1, 1, 0, 0, 0, nil
end

local function post(path, body)
  local headers = { ["Authorization"] = "Bearer " .. token }
  if body then
    headers["Content-Type"] = "application/json"
  end
  return wrk.format("POST", path, headers, body or "")
end

function request()
  if step == 1 and next_key + 1 > #keys then
    -- Out of keys: idle on a request that does no work, counted apart.
    exhausted = exhausted + 1
    return wrk.format("GET", "/healthz")
  elseif step == 1 then
    return post("/v1/redemptions", '{"acknowledged":true}')
  elseif step == 2 or step == 3 then
    local key = keys[next_key]
    next_key = next_key + 1
    return post("/v1/redemptions/" .. redemption .. "/keys", '{"key":"' .. key .. '"}')
  elseif step == 4 then
    return post("/v1/redemptions/" .. redemption .. "/confirm", nil)
  else
    local name = "bench-" .. id .. "-" .. flows
    return post("/v1/redemptions/" .. redemption .. "/account",
      '{"country":"GR","company_name":"Bench ' .. name .. '","domain":"' .. name ..
      '","admin":{"first_name":"Ada","last_name":"Bench","email":"admin@' .. name .. '.example"}}')
  end
end

function response(status, headers, body)
  if exhausted > 0 and step == 1 then
    return
  end
  if status >= 300 then
    failures = failures + 1
    if failures <= 3 then
      io.stderr:write("step " .. step .. " answered " .. status .. ": " .. body .. "\n")
    end
    step = 1
    return
  end
  if step == 1 then
    redemption = body:match('"id":"([^"]+)"')
  end
  if step == 5 then
    flows = flows + 1
    step = 1
  else
    step = step + 1
  end
end

function done(summary, latency, requests)
  local flows, failures, exhausted = 0, 0, 0
  for _, thread in ipairs(threads) do
    flows = flows + thread:get("flows")
    failures = failures + thread:get("failures")
    exhausted = exhausted + thread:get("exhausted")
  end
  io.write(string.format("flows=%d failures=%d exhausted=%d\n", flows, failures, exhausted))
end
