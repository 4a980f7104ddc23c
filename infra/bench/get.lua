-- GET of the URL wrk is given (health, a listing page, a search), counting statuses.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "stats.lua")

function response(status)
  count(status)
end
