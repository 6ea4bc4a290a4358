#!/usr/bin/env node
// Serves a built site the way a static host does: brotli/gzip compression, long caching
// for hashed assets, and index.html for app routes (paths without a file extension).
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

function send(req, res, entry, status = 200) {
  const headers = {
    "Content-Type": types[entry.ext] ?? "application/octet-stream",
    "Vary": "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
    // Public static files, as most static hosts serve them; lets sandboxed embeds load the app.
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": entry.ext === ".html" ? "no-cache" : "public, max-age=31536000, immutable",
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
    const relative = normalize(pathname.slice(base.length));
    const file = join(root, relative);
    if (file !== root && !file.startsWith(root + sep)) return notFound(res);
    let entry = await load(relative === "." || pathname.endsWith("/") ? join(file, "index.html") : file);
    // App routes have no extension: answer with the app shell, like a static host's SPA fallback.
    if (!entry && extname(relative) === "") entry = await load(join(root, "index.html"));
    if (!entry) return notFound(res);
    send(req, res, entry);
  } catch (err) {
    res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Bad request\n");
  }
});

server.listen(port, host, () => {
  console.log(`Serving ${root} at http://${host}:${port}${base}`);
});
