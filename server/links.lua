-- Finishes each JSON answer of MapServer's OGC API as it starts (lighttpd's mod_magnet, response
-- start: the whole body is in hand), for standard clients (QGIS, ArcGIS, GDAL):
--   * an items page's next link pages by key (after=<its last id>): MapServer 8.0.0 ignores
--     offset, so its own next links (by offset) led back to the first page again and again;
--   * no links to HTML pages (this stack serves JSON only) and no HTML conformance class;
--   * null for a missing value (MapServer writes "");
--   * each case collection's temporal extent: from its first case (load.sh writes it), open-ended.
-- An answer it rewrites is sent whole by this script (uncompressed), so the app's own reads,
-- which page by after= from the first page on, are left as MapServer wrote them.
-- server/start.sh fills in @RUN_DIR@.

local r = lighty.r
-- The path as asked (uri.path is MapServer's script name by now).
local path = (r.req_attr["request.orig-uri"] or ""):match("^[^?]*")
local query = "&" .. (r.req_attr["uri.query"] or "")
if not path:match("^/mapserv/citygis/ogcapi") then return 0 end
if query:match("&after=") and not query:match("&paging=key") then return 0 end
local body = r.resp_body.get
if type(body) ~= "string" or body:sub(1, 1) ~= "{" or body:match('^{"code":') then return 0 end

local function without_html_links(s)
  s = s:gsub(',{"href":"[^"]*","rel":"[^"]*","title":"[^"]*","type":"text/html"}', "")
  return (s:gsub('{"href":"[^"]*","rel":"[^"]*","title":"[^"]*","type":"text/html"},', ""))
end

local function encode(s)
  return (s:gsub("[^A-Za-z0-9_.~-]", function(c) return string.format("%%%02X", c:byte()) end))
end

-- The id of the page's last feature. Features are written with sorted keys ({"geometry":…,"id":…,
-- "properties":…}), so `"id":"…","properties":` is a feature's id and nothing else; it is looked
-- for in a growing window at the end, as one polygon can be long.
local function last_feature_id(s)
  local window = 65536
  while true do
    local from = math.max(1, #s - window)
    local last
    for id in s:sub(from):gmatch('"id":"([^"\\]*)","properties":') do last = id end
    if last or from == 1 then return last end
    window = window * 4
  end
end

-- The page's own query with after=<id> in place of any after or offset.
local function next_query(id)
  local kept = {}
  for pair in ((r.req_attr["uri.query"] or "") .. "&"):gmatch("([^&]*)&") do
    local name = pair:match("^([^=]*)")
    if pair ~= "" and name ~= "after" and name ~= "offset" and name ~= "f" and name ~= "paging" then kept[#kept + 1] = pair end
  end
  kept[#kept + 1] = "f=json"
  kept[#kept + 1] = "paging=key"
  kept[#kept + 1] = "after=" .. encode(id)
  return table.concat(kept, "&")
end

local function requested_limit()
  local limit = tonumber(query:match("&limit=(%d+)") or "")
  if not limit or limit < 1 then return 10 end -- MapServer's default page size
  return math.min(limit, 10000)
end

local function temporal_extents()
  local ok, extents = pcall(dofile, "@RUN_DIR@/temporal.lua")
  return ok and type(extents) == "table" and extents or {}
end

-- MapServer writes a missing value as "" (it has no JSON null), which a client reading a number
-- field takes for 0; no property of the documented schema is an empty text, so "" is null here.
local function with_nulls(s)
  return (s:gsub(':""([,}])', ":null%1"))
end

-- A case's failed checks are kept as the text of a JSON list of times (MapServer writes no JSON
-- list, and escapes its quotes): each is written back as the list of the documented schema. Only a
-- list of times is; any other text stays as it is (and the app refuses it).
local function with_lists(s)
  s = s:gsub('"failedChecks":"(%[[^%]]*%])"', function(v)
    local list = v:gsub('\\"', '"')
    if not list:match('^%["[0-9TZ:.+,"-]*"%]$') then return nil end
    return '"failedChecks":' .. list
  end)
  -- None is an empty list, not null: a client that types a field from the first page it reads (GDAL)
  -- then takes it for a list even where that page has no failed check.
  return (s:gsub('"failedChecks":null', '"failedChecks":[]'))
end

if path:match("/items/?$") and body:match('^{"features":') then
  -- Keys are sorted: the links and the counts follow the features, in the last few hundred bytes,
  -- so a page of 10,000 features is read once (with_nulls) and its links rewritten on the tail alone.
  local cut = body:find('],"links":[', math.max(1, #body - 16384), true) or body:find('],"links":[', 1, true)
  if not cut then return 0 end
  local features, tail = with_lists(with_nulls(body:sub(1, cut))), without_html_links(body:sub(cut + 1))
  tail = tail:gsub(',?{"href":"[^"]*","rel":"next","title":"[^"]*","type":"[^"]*"}', "")
  tail = tail:gsub(',?{"href":"[^"]*","rel":"prev","title":"[^"]*","type":"[^"]*"}', "")
  tail = tail:gsub('"links":%[,', '"links":[')
  local returned = tonumber(tail:match('"numberReturned":(%d+)') or "0")
  local self = tail:match('"href":"([^"?]*)[^"]*","rel":"self"')
  local last = returned > 0 and last_feature_id(features)
  if self and last and returned >= requested_limit() then
    local link = string.format('{"href":"%s?%s","rel":"next","title":"next page","type":"application/geo+json"}', self, next_query(last))
    tail = tail:gsub('"links":%[', function() return '"links":[' .. link .. "," end, 1)
    tail = tail:gsub(",%]", "]")
  end
  body = features .. tail
elseif path:match("/items/") then
  body = without_html_links(with_lists(with_nulls(body)))
elseif path:match("/conformance/?$") then
  body = body:gsub(',?"http://www.opengis.net/spec/ogcapi%-features%-1/1.0/conf/html"', "")
elseif path:match("/collections") then
  local extents = temporal_extents()
  body = without_html_links(body):gsub('"extent":{"spatial":(%b{})},"id":"([^"]+)"', function(spatial, id)
    local t = extents[id]
    -- Open-ended: cases go on arriving after the load.
    local temporal = t and string.format(',"temporal":{"interval":[["%s",null]],"trs":"http://www.opengis.net/def/uri/ogc/1.0/trs/gregorian"}', t) or ""
    return '"extent":{"spatial":' .. spatial .. temporal .. '},"id":"' .. id .. '"'
  end)
else
  body = without_html_links(body)
end

-- Sent as this script's own answer: with MapServer's length lighttpd would wait for bytes that
-- never come. Its headers are set again here (mod_setenv's and mod_deflate's do not apply).
r.resp_body.set({ body })
r.resp_header["Content-Length"] = nil
for k, v in pairs(dofile("@RUN_DIR@/headers.lua")) do r.resp_header[k] = v end
return 200
