-- POST /api/orders, each request for a ticket no other request of the run uses, as buyers in turn.
-- Arguments: <sessions file> <tickets file> <threads>: one access token (JWT) and one ticket id a
-- line; thread i of n takes every n-th ticket from the i-th on, so no two threads share a ticket.
-- A thread that runs out of tickets reuses its last one (a 409) and counts it as exhausted:
-- bin/bench then fails the run, which needs more seeded tickets.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "stats.lua")

local tickets, sessions = {}, {}
local next_ticket, next_session = 0, 0

function init(args)
  local threads = tonumber(args[3])
  for line in io.lines(args[1]) do
    table.insert(sessions, line)
  end
  local i = 0
  for line in io.lines(args[2]) do
    if i % threads == id then
      table.insert(tickets, line)
    end
    i = i + 1
  end
  -- Threads start at different buyers, so that concurrent requests come from different people.
  next_session = math.floor(#sessions * id / threads)
end

function request()
  next_ticket = next_ticket + 1
  local ticket = tickets[next_ticket]
  if ticket == nil then
    exhausted = exhausted + 1
    ticket = tickets[#tickets]
  end
  next_session = next_session % #sessions + 1
  return wrk.format("POST", "/api/orders", {
    ["Authorization"] = "Bearer " .. sessions[next_session],
    ["Content-Type"] = "application/json",
  }, '{"ticketId":"' .. ticket .. '"}')
end

function response(status)
  count(status)
end
