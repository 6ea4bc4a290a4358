#!/usr/bin/env node
// Serves a built site the way a static host does: brotli/gzip compression, index.html for
// app routes (paths without a file extension), and the headers of the site's generated
// `_headers` file (as Netlify and Cloudflare Pages apply them), so that tests run under the
// production Content Security Policy. A folder without `_headers` gets plain defaults.
// Usage: node scripts/serve.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--base /]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { extname, join, normalize, resolve, sep } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const root = resolve(args.dir ?? "dist");
const port = Number(args.port ?? 8080);
const host = args.host ?? "127.0.0.1";
const base = ("/" + (args.base ?? "/").replace(/^\/+|\/+$/g, "") + "/").replace("//", "/");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};
const compressible = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt"]);
const cache = new Map();

/**
 * Rules of a `_headers` file: a path pattern (`*` matches anything, `:name` one segment)
 * and its lines in order. `! Name` removes what earlier rules set.
 */
function parseHeaders(text) {
  const rules = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("/")) {
      const pattern = line
        .split(/(\*|:[A-Za-z]\w*)/)
        .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
        .join("");
      rules.push({ re: new RegExp(`^${pattern}$`), ops: [] });
    } else if (rules.length && line.startsWith("!")) {
      rules.at(-1).ops.push({ remove: line.slice(1).trim() });
    } else if (rules.length && line.includes(":")) {
      const at = line.indexOf(":");
      rules.at(-1).ops.push({ name: line.slice(0, at).trim(), value: line.slice(at + 1).trim() });
    }
  }
  return rules;
}

const defaultRules = [
  {
    re: /.*/,
    ops: [
      { name: "X-Content-Type-Options", value: "nosniff" },
      { name: "Access-Control-Allow-Origin", value: "*" },
      { name: "Cache-Control", value: "no-cache" },
    ],
  },
];
const headerRules = await readFile(join(root, "_headers"), "utf8")
  .then(parseHeaders)
  .catch(() => defaultRules);

/** Headers of `pathname`: every matching rule in order, a later value replacing an earlier. */
function headersFor(pathname) {
  const headers = new Map();
  for (const rule of headerRules) {
    if (!rule.re.test(pathname)) continue;
    for (const op of rule.ops) {
      if (op.remove) headers.delete(op.remove.toLowerCase());
      else headers.set(op.name.toLowerCase(), [op.name, op.value]);
    }
  }
  return Object.fromEntries(headers.values());
}

async function load(file) {
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) return null;
  const hit = cache.get(file);
  if (hit && hit.mtime === info.mtimeMs) return hit;
  const raw = await readFile(file);
  const ext = extname(file);
  const entry = { mtime: info.mtimeMs, raw, ext };
  if (compressible.has(ext)) {
    entry.br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    entry.gzip = gzipSync(raw, { level: 9 });
  }
  cache.set(file, entry);
  return entry;
}

function send(req, res, entry, pathname, status = 200) {
  const headers = {
    ...headersFor(pathname),
    "Content-Type": types[entry.ext] ?? "application/octet-stream",
    "Vary": "Accept-Encoding",
  };
  const accept = String(req.headers["accept-encoding"] ?? "");
  let body = entry.raw;
  if (entry.br && /\bbr\b/.test(accept)) {
    body = entry.br;
    headers["Content-Encoding"] = "br";
  } else if (entry.gzip && /\bgzip\b/.test(accept)) {
    body = entry.gzip;
    headers["Content-Encoding"] = "gzip";
  }
  headers["Content-Length"] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

function notFound(res) {
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
  res.end("Not found\n");
}

const server = createServer(async (req, res) => {
  try {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" });
      return res.end();
    }
    const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (pathname + "/" === base) {
      res.writeHead(301, { Location: base });
      return res.end();
    }
    if (!pathname.startsWith(base)) return notFound(res);
    // Host configuration, not part of the site (hosts do not serve these either).
    if (/\/(_headers|staticwebapp\.config\.json)$/.test(pathname)) return notFound(res);
    const relative = normalize(pathname.slice(base.length));
    const file = join(root, relative);
    if (file !== root && !file.startsWith(root + sep)) return notFound(res);
    let entry = await load(relative === "." || pathname.endsWith("/") ? join(file, "index.html") : file);
    // App routes have no extension: answer with the app shell, like a static host's SPA fallback.
    if (!entry && extname(relative) === "") entry = await load(join(root, "index.html"));
    if (!entry) return notFound(res);
    send(req, res, entry, pathname);
  } catch (err) {
    res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Bad request\n");
  }
});

server.listen(port, host, () => {
  console.log(`Serving ${root} at http://${host}:${port}${base}`);
});
