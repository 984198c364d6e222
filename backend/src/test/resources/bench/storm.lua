-- make bench: with STORM_ONCE=1 every wrk thread holds one connection and sends one request, so `wrk -tN -cN` is N
-- copies of one request sent together; without it, the request is sent over and over (a warm-up). The body comes
-- from the file named by STORM_BODY; the sender's address from STORM_FROM.
local file = assert(io.open(os.getenv("STORM_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Forwarded-For"] = os.getenv("STORM_FROM")

local once = os.getenv("STORM_ONCE") == "1"

function response(status, headers, body)
  if once then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  io.write(string.format("STORM requests=%d non2xx=%d timeouts=%d p50us=%d p95us=%d maxus=%d\n",
      summary.requests, summary.errors.status, summary.errors.timeout, latency:percentile(50),
      latency:percentile(95), latency.max))
end
