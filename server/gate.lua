-- The gate in front of MapServer (lighttpd's mod_magnet runs it on every request under /mapserv,
-- before the URL is decoded or anything is passed on). Only what the app and standard OGC API
-- clients ask is let through, each parameter checked by name and bounded; anything else is
-- answered here with a 4xx and a JSON message, so no unchecked byte reaches MapServer and no
-- request can start an unbounded query. MapServer's own VALIDATION patterns and the bound SQL
-- parameters (BINDVALS) stay behind it as the second and third lines.
-- server/start.sh fills in @OWS@ (CITYGIS_OWS=on lets WMS / WFS through, with the same caps),
-- @PUBLIC_URL@, the tile zooms and @RUN_DIR@.

local r = lighty.r
local OWS_ENABLED = "@OWS@" == "on"
local PUBLIC_URL = "@PUBLIC_URL@"
local POINTS_FROM_ZOOM, GRID_FROM_ZOOM = tonumber("@POINTS_FROM_ZOOM@"), tonumber("@GRID_FROM_ZOOM@")

local MAX_LIMIT = 10000
local MAX_TOWNS = 64
local MAX_WINDOWS = 64 -- kpi-windows: FROM,TO pairs
local MAX_EDGES = 256 -- case-series: bucket edges (21 years of months)
local MAX_CLASSES_CHARS = 2048
local MAX_QUERY_CHARS = 6144 -- within lighttpd's 8 KB request line
local MAX_TILE_ZOOM = 20
-- Times outside these years are no question the data can answer (epoch ms and ISO years).
local EARLIEST_MS, LATEST_MS = 631152000000, 4102444800000 -- 1990-01-01, 2100-01-01 UTC
local EARLIEST_YEAR, LATEST_YEAR = 1990, 2099

local SECURITY_HEADERS = dofile("@RUN_DIR@/headers.lua")

local function json_string(s)
  return '"' .. s:gsub('[%c"\\<>&]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

local function refuse(status, code, description, extra_headers)
  for k, v in pairs(SECURITY_HEADERS) do r.resp_header[k] = v end
  for k, v in pairs(extra_headers or {}) do r.resp_header[k] = v end
  r.resp_header["Content-Type"] = "application/json"
  r.resp_body.set({ '{"code":', json_string(code), ',"description":', json_string(description), '}\n' })
  return status
end

-- Checks of one parameter's (decoded) value: nil when it is fine, else what is wrong.
local function id_like(max)
  return function(v)
    if #v > max or not v:match("^[A-Za-z0-9_.:+-]*$") then return "letters, digits and _ . : + - only, at most " .. max end
  end
end

-- A responsible unit's code (public/assessment.json): letters, digits and "-".
local function unit_code(v)
  if #v > 24 or not v:match("^[A-Za-z0-9-]*$") then return "letters, digits and - only, at most 24" end
end

local function integer_in(lo, hi)
  return function(v)
    local n = v:match("^%d+$") and tonumber(v)
    if not n or n < lo or n > hi then return "a whole number from " .. lo .. " to " .. hi end
  end
end

local function iso_time(v)
  local y = v:match("^(%d%d%d%d)%-%d%d%-%d%dT%d%d:%d%d:%d%d[.%d]*Z$") or v:match("^(%d%d%d%d)%-%d%d%-%d%dT%d%d:%d%d:%d%d[.%d]*[+-]%d%d:%d%d$")
  if #v > 40 or not y then return "an ISO 8601 time such as 2025-06-01T00:00:00+08:00" end
  if tonumber(y) < EARLIEST_YEAR or tonumber(y) > LATEST_YEAR then return "a year from " .. EARLIEST_YEAR .. " to " .. LATEST_YEAR end
end

local function code_list(v)
  if v == "" then return end
  local n = 0
  for code in (v .. ","):gmatch("([^,]*),") do
    n = n + 1
    if not code:match("^[A-Za-z0-9_-]+$") or #code > 32 then return "town codes (letters, digits, _ and -) separated by commas" end
  end
  if n > MAX_TOWNS then return "at most " .. MAX_TOWNS .. " towns" end
end

local function town_code(v)
  if #v > 32 or not v:match("^[A-Za-z0-9_-]*$") then return "one town code (letters, digits, _ and -)" end
end

-- Epoch-millisecond lists: at most `max` numbers, each within the years the data can hold.
local function epoch_list(max, check)
  return function(v)
    local values = {}
    for x in (v .. ","):gmatch("([^,]*),") do
      if not x:match("^%d+$") or #x > 15 then return "epoch milliseconds separated by commas" end
      local n = tonumber(x)
      if n < EARLIEST_MS or n > LATEST_MS then return "times from 1990 to 2100 (epoch milliseconds)" end
      values[#values + 1] = n
      if #values > max then return "at most " .. max .. " values" end
    end
    return check(values)
  end
end

local windows = epoch_list(2 * MAX_WINDOWS, function(t)
  if #t % 2 ~= 0 then return "FROM,TO pairs" end
  for i = 1, #t, 2 do if t[i] > t[i + 1] then return "each window's FROM at or before its TO" end end
end)

local edges = epoch_list(MAX_EDGES, function(t)
  if #t < 2 then return "at least two edges" end
  for i = 2, #t do if t[i] <= t[i - 1] then return "ascending edges" end end
end)

local function layer_list(v)
  local seen = {}
  for name in (v .. ","):gmatch("([^,]*),") do
    if not (name == "lamps" or name == "manholes" or name == "railway") or seen[name] then return "lamps, manholes or railway, each once, separated by commas" end
    seen[name] = true
  end
end

-- Class filters as the app stores them: {"layer":{"field":["value",...]},...}, nothing else.
local function classes(v)
  local bad = "a JSON object {\"layer\":{\"field\":[\"value\",...]}} of names made of letters, digits and _"
  if #v > MAX_CLASSES_CHARS then return "at most " .. MAX_CLASSES_CHARS .. " characters" end
  local pos = 1
  local function eat(p) local s, e = v:find("^" .. p, pos); if s then pos = e + 1; return true end end
  local function name() return eat('"[A-Za-z0-9_]+"') end
  local function object(inner)
    if not eat("{") then return false end
    if eat("}") then return true end
    repeat
      if not (name() and eat(":") and inner()) then return false end
    until not eat(",")
    return eat("}")
  end
  local function array()
    if not eat("%[") then return false end
    if eat("%]") then return true end
    repeat if not name() then return false end until not eat(",")
    return eat("%]")
  end
  if not (object(function() return object(array) end) and pos == #v + 1) then return bad end
end

local function bbox(v)
  local n = {}
  for x in (v .. ","):gmatch("([^,]*),") do
    if not x:match("^%-?%d+%.?%d*$") or #x > 24 then return "four numbers: west,south,east,north" end
    n[#n + 1] = tonumber(x)
  end
  if #n ~= 4 then return "four numbers: west,south,east,north" end
  if n[1] < -180 or n[3] > 180 or n[2] < -90 or n[4] > 90 or n[1] > n[3] or n[2] > n[4] then
    return "west ≤ east within -180..180, south ≤ north within -90..90"
  end
end

local function json_only(v)
  if v ~= "json" then return "json only (the HTML pages are off)" end
end

-- MapServer 8.0.0 ignores offset, so a page asked by offset would silently be the first page
-- again; the next links (server/links.lua) page by key instead.
local function no_offset(v)
  if v ~= "0" then return "this server pages by key: follow the next link (after=<last id>)" end
end

-- paging=key marks a page asked by a next link of links.lua (which finishes its answer too).
local function by_key(v)
  if v ~= "key" then return "key" end
end

local PAGE = { f = json_only, limit = integer_in(1, MAX_LIMIT), offset = no_offset, bbox = bbox, after = id_like(64), paging = by_key }
local function with(extra)
  local t = {}
  for k, v in pairs(PAGE) do t[k] = v end
  for k, v in pairs(extra) do t[k] = v end
  return t
end
local ID = id_like(64)

-- Each collection and the parameters its items take (server/mapserver/*.map substitutes these).
local ITEMS = {
  district = with({}),
  towns = with({}),
  roads = with({}),
  railways = with({}),
  ["railway-corridor"] = with({}),
  lamps = with({ prefix = ID, town = town_code, classes = classes }),
  manholes = with({ prefix = ID, town = town_code, classes = classes }),
  ["lamp-faults"] = with({ prefix = ID, asset = ID, from = iso_time, to = iso_time }),
  ["manhole-defects"] = with({ prefix = ID, asset = ID, from = iso_time, to = iso_time }),
  patches = with({ prefix = ID, town = town_code, classes = classes, from = iso_time, to = iso_time }),
  ["railway-issues"] = with({ prefix = ID, town = town_code, classes = classes, from = iso_time, to = iso_time }),
  ["town-stats"] = with({ from = iso_time, to = iso_time, towns = code_list, classes = classes }),
  ["case-series"] = with({ edges = edges, towns = code_list, classes = classes }),
  ["kpi-windows"] = with({ windows = windows, towns = code_list, classes = classes }),
  ["hour-week"] = with({ from = iso_time, to = iso_time, towns = code_list, classes = classes, layers = layer_list }),
  ["hot-cells"] = with({ from = iso_time, to = iso_time, towns = code_list, classes = classes, layers = layer_list }),
  ["asset-counts"] = with({}),
  ["case-counts"] = with({ from = iso_time, to = iso_time }),
  ["case-alerts"] = with({ since = iso_time, ["until"] = iso_time, before = iso_time }),
  assessment = with({ windows = windows, lampUnit = unit_code }),
  ["assessment-detail"] = with({ from = iso_time, to = iso_time, lampUnit = unit_code, shown = integer_in(0, 1000) }),
  warnings = with({ now = iso_time, hours = integer_in(1, 168), towns = code_list, classes = classes, shown = integer_in(0, 1000) }),
  ["collection-sizes"] = with({}),
  ["collection-versions"] = with({}),
}
local DESCRIBE = { f = json_only }

-- Vector tiles: /mapserv?map=citygis&mode=tile&tilemode=gmap&tile=X+Y+Z&layers=G[+G]&map.imagetype=mvt
local TILE_GROUPS = { ["lamps-tiles"] = true, ["manholes-tiles"] = true, ["patches-tiles"] = true, ["railway-tiles"] = true }
local TILES = {
  map = function(v) if v ~= "citygis" then return "citygis" end end,
  mode = function(v) if v ~= "tile" then return "tile" end end,
  tilemode = function(v) if v ~= "gmap" then return "gmap" end end,
  ["map.imagetype"] = function(v) if v ~= "mvt" then return "mvt" end end,
  layers = function(v)
    for g in (v .. " "):gmatch("([^ ]*) ") do if not TILE_GROUPS[g] then return "one or more of lamps-tiles, manholes-tiles, patches-tiles, railway-tiles" end end
  end,
  tile = function(v)
    local x, y, z = v:match("^(%d+) (%d+) (%d+)$")
    x, y, z = tonumber(x), tonumber(y), tonumber(z)
    if not z or z > MAX_TILE_ZOOM or x >= 2 ^ z or y >= 2 ^ z then return "X Y Z with Z from 0 to " .. MAX_TILE_ZOOM .. " and X, Y below 2^Z" end
  end,
}
-- A tile's optional parameters: v, the data version a client read it for (its change markers), so
-- that no cache on the way (the browser's, MapLibre's own) hands it the tiles of older data.
-- MapServer does not read it.
local TILE_OPTIONAL = { v = id_like(64) }
local TILE_PARAMETERS = setmetatable({}, { __index = function(_, name) return TILES[name] or TILE_OPTIONAL[name] end })

-- WMS / WFS (only when CITYGIS_OWS=on): requests by name, features capped as items are.
local OWS = {
  map = TILES.map,
  service = function(v) v = v:upper(); if v ~= "WMS" and v ~= "WFS" then return "WMS or WFS" end end,
  version = id_like(16), request = id_like(32), typename = id_like(200), typenames = id_like(200), layers = id_like(200),
  count = integer_in(1, MAX_LIMIT), maxfeatures = integer_in(1, MAX_LIMIT), outputformat = id_like(64), format = function(v) if #v > 64 then return "a format name" end end,
  bbox = function(v) if #v > 128 or not v:match("^[-%d.,]+$") then return "numbers separated by commas" end end,
  srsname = id_like(64), srs = id_like(64), crs = id_like(64), width = integer_in(1, 4096), height = integer_in(1, 4096),
  styles = id_like(64), transparent = id_like(8), startindex = integer_in(0, 100000000),
}

-- A query value decoded as MapServer decodes it (CGI form encoding: + is a space, %XX a byte).
-- lighttpd's own decoder turns control characters into _, which would hide them from the checks.
local function form_decode(s)
  return (s:gsub("+", " "):gsub("%%(%x%x)", function(hex) return string.char(tonumber(hex, 16)) end))
end

-- Decodes a query string into name → value, refusing repeated names, control characters and
-- line separators (U+0085, U+2028, U+2029) anywhere, before or after decoding.
local function parse_query(query, lowercase_names)
  local params = {}
  if query == nil or query == "" then return params end
  if #query > MAX_QUERY_CHARS then return nil, "the query is longer than " .. MAX_QUERY_CHARS .. " characters" end
  for pair in (query .. "&"):gmatch("([^&]*)&") do
    if pair ~= "" then
      local raw_name, raw_value = pair:match("^([^=]*)=?(.*)$")
      local name = form_decode(raw_name)
      local value = form_decode(raw_value)
      for _, s in ipairs({ name, value }) do
        if s:find("[%c\127]") or s:find("\194\133") or s:find("\226\128\168") or s:find("\226\128\169") then
          return nil, "control characters and line separators are not allowed"
        end
      end
      if lowercase_names then name = name:lower() end
      if params[name] ~= nil then return nil, "parameter " .. name .. " is given twice" end
      params[name] = value
      params[#params + 1] = name
    end
  end
  return params
end

-- Checks the parameters in the order they came (params[1], params[2], … are their names).
local function check(params, allowed)
  for _, name in ipairs(params) do
    local rule = allowed[name]
    if not rule then return "unknown parameter " .. name end
    local problem = rule(params[name])
    if problem then return name .. ": " .. problem end
  end
end

-- TileJSON 3.0 of the served vector tiles, with absolute tile URLs, for QGIS or a plain MapLibre
-- page: which layer each zoom carries (tiles.map) and the attributes of each.
local function tilejson()
  local function layer(id, minzoom, maxzoom, texts, numbers)
    local f = {}
    for name in texts:gmatch("%S+") do f[#f + 1] = '"' .. name .. '":"String"' end
    for name in numbers:gmatch("%S+") do f[#f + 1] = '"' .. name .. '":"Number"' end
    return string.format('{"id":"%s","minzoom":%d,"maxzoom":%d,"fields":{%s}}', id, minzoom, maxzoom, table.concat(f, ","))
  end
  local kinds = " rain sewage water power telecom gas heating other"
  local layers = {
    layer("lamps-towns", 0, GRID_FROM_ZOOM - 1, "code name", "poles lamps normal faulty repairing"),
    layer("lamps-grid", GRID_FROM_ZOOM, POINTS_FROM_ZOOM - 1, "town", "gx gy poles normal faulty repairing"),
    layer("lamps-points", POINTS_FROM_ZOOM, MAX_TILE_ZOOM, "id status lampType road townCode", "lampCount"),
    layer("manholes-towns", 0, GRID_FROM_ZOOM - 1, "code name", "covers defective" .. kinds),
    layer("manholes-grid", GRID_FROM_ZOOM, POINTS_FROM_ZOOM - 1, "town", "gx gy covers defective" .. kinds),
    layer("manholes-points", POINTS_FROM_ZOOM, MAX_TILE_ZOOM, "id kind status road townCode", ""),
    layer("patches-polygons", POINTS_FROM_ZOOM, MAX_TILE_ZOOM, "id status landType changeType townCode", "t"),
    layer("railway-issues-points", POINTS_FROM_ZOOM, MAX_TILE_ZOOM, "id category status townCode", "t"),
  }
  return table.concat({
    '{"tilejson":"3.0.0","name":"citygis","scheme":"xyz","minzoom":0,"maxzoom":', tostring(MAX_TILE_ZOOM),
    ',"bounds":[117.0,36.3,117.9,37.2],"center":[117.53,36.72,12]',
    ',"tiles":["', PUBLIC_URL, '/mapserv?map=citygis&mode=tile&tilemode=gmap&tile={x}+{y}+{z}&layers=lamps-tiles+manholes-tiles+patches-tiles+railway-tiles&map.imagetype=mvt"]',
    ',"vector_layers":[', table.concat(layers, ","), ']}\n',
  })
end

local method = r.req_attr["request.method"]
if method ~= "GET" and method ~= "HEAD" then
  return refuse(405, "MethodNotAllowed", "only GET and HEAD are served", { ["Allow"] = "GET, HEAD" })
end

local path = r.req_attr["uri.path"] or ""
local query = r.req_attr["uri.query"] or ""
if path:find("%%") or path:find("[%c\127]") then return refuse(400, "InvalidRequest", "the path must not be percent-encoded") end

if path == "/mapserv/citygis/tiles.json" then
  if query ~= "" then return refuse(400, "InvalidParameterValue", "tiles.json takes no parameters") end
  for k, v in pairs(SECURITY_HEADERS) do r.resp_header[k] = v end
  r.resp_header["Content-Type"] = "application/json"
  r.resp_header["Cache-Control"] = "max-age=300"
  r.resp_body.set({ tilejson() })
  return 200
end

local params, problem
local api = path:match("^/mapserv/citygis/ogcapi(.*)$")
if api then
  params, problem = parse_query(query, false)
  if not params then return refuse(400, "InvalidParameterValue", problem) end
  local rest = api:gsub("/$", "")
  local allowed
  if rest == "" or rest == "/conformance" or rest == "/collections" or rest == "/api" then
    allowed = DESCRIBE
  else
    local collection, tail = rest:match("^/collections/([%w-]+)(.*)$")
    if not collection or not ITEMS[collection] then return refuse(404, "NotFound", "no such collection or resource") end
    if tail == "" then
      -- A collection's own parameters are taken on its description too: a client (GDAL) given a
      -- collection address with them carries them on to the items it asks for.
      allowed = ITEMS[collection]
    elseif tail == "/items" then
      allowed = ITEMS[collection]
    else
      local id = tail:match("^/items/([A-Za-z0-9_.:+-]+)$")
      if not id or #id > 64 then return refuse(404, "NotFound", "no such item") end
      allowed = DESCRIBE
    end
  end
  problem = check(params, allowed)
  if problem then return refuse(400, "InvalidParameterValue", problem) end
  -- No f: MapServer would choose HTML for a browser's Accept header. JSON is all this stack serves.
  if params.f == nil then r.req_header["Accept"] = "application/json" end
  return 0
elseif path == "/mapserv" or path == "/mapserv/citygis" then
  params, problem = parse_query(query, false)
  if not params then return refuse(400, "InvalidParameterValue", problem) end
  if params.mode == "tile" and path == "/mapserv" then
    for name in pairs(TILES) do
      if params[name] == nil then return refuse(400, "MissingParameterValue", name .. " is required for a tile") end
    end
    problem = check(params, TILE_PARAMETERS)
    if problem then return refuse(400, "InvalidParameterValue", problem) end
    return 0
  end
  if not OWS_ENABLED then return refuse(403, "OperationNotSupported", "only OGC API - Features and vector tiles are served (WMS and WFS are off)") end
  params, problem = parse_query(query, true)
  if not params then return refuse(400, "InvalidParameterValue", problem) end
  if path == "/mapserv" and params.map ~= "citygis" then return refuse(400, "InvalidParameterValue", "map: citygis") end
  problem = check(params, OWS)
  if problem then return refuse(400, "InvalidParameterValue", problem) end
  if not params.service then return refuse(400, "MissingParameterValue", "service is required") end
  return 0
end
return refuse(404, "NotFound", "no such resource")
