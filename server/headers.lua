-- The security headers of every answer under /mapserv that the Lua scripts (gate.lua, links.lua)
-- write themselves; lighttpd.conf sets the same on the others.
return {
  ["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  ["X-Content-Type-Options"] = "nosniff",
  ["Referrer-Policy"] = "no-referrer",
  -- An open interface: any page may read it (no credentials are ever involved).
  ["Access-Control-Allow-Origin"] = "*",
}
