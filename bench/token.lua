-- wrk script: OAuth 2.0 client credentials, one token request after another.
-- Usage: wrk -s token.lua http://host:port -- <client_id> <client_secret>

function init(args)
  local body = "grant_type=client_credentials&client_id=" .. args[1] .. "&client_secret=" .. args[2]
  req = wrk.format("POST", "/v1/auth/token", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function request()
  return req
end
