// Build step (scripts/postbuild.mjs): the Content Security Policy and the host header files.
//
// Reads the final index.html, hashes every inline <script> exactly as built, writes the
// policy into a <meta http-equiv> tag (for hosts without header control), and generates
// `_headers` (Netlify, Cloudflare Pages) and `staticwebapp.config.json` (Azure Static Web
// Apps) with the same policy plus what a meta tag cannot carry (frame-ancestors).
import { createHash } from "node:crypto";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** Name of the one Trusted Types policy (src/components/rendered_html.rs). */
export const TRUSTED_TYPES_POLICY = "mvp-pathway-html";

/** Features the app does not use; clipboard-write stays for the copy buttons. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "idle-detection=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "sync-xhr=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "clipboard-write=(self)",
].join(", ");

const YEAR = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
/** Files a sandboxed embed (origin "null") loads with CORS: scripts, Wasm, styles, JSON. */
const CORS_EXTENSIONS = /\.(m?js|wasm|css|json)$/;
/** A content hash in a file or folder name (Trunk writes 16 hex digits, the split build's folder 12). */
const HASHED = /(^|[-_.])[0-9a-f]{12,}([-_.]|$)/;
/** Cloudflare Pages' limits on `_headers`. */
const MAX_RULES = 100;
const MAX_LINE = 2000;

/** Every inline <script> (no src) of `html`, its text exactly as the browser hashes it. */
export function inlineScripts(html) {
  const scripts = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m; (m = re.exec(html)); ) {
    if (/\ssrc\s*=/i.test(" " + m[1])) continue;
    // The HTML parser turns CRLF and CR into LF before the text is hashed.
    scripts.push(m[2].replace(/\r\n?/g, "\n"));
  }
  return scripts;
}

/** `'sha256-…'` source expression of a script's text. */
export function scriptHash(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Refuses what the policy would block at run time: inline handlers and javascript: URLs. */
function checkNoInlineHandlers(html) {
  const tags = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "");
  const handler = tags.match(/<[a-z][^>]*\son[a-z]+\s*=/i);
  if (handler) throw new Error(`security: inline event handler in index.html: ${handler[0].slice(0, 80)}`);
  if (/\b(href|src|action)\s*=\s*["']?\s*javascript:/i.test(tags)) {
    throw new Error("security: a javascript: URL in index.html");
  }
}

/**
 * The policy as a list of directives. `frameAncestors` is only for headers: browsers
 * ignore it in a meta tag (and Chromium reports that as an error).
 */
export function policy(hashes, { frameAncestors = null, trustedTypes = true } = {}) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  if (trustedTypes) {
    directives.push("require-trusted-types-for 'script'", `trusted-types ${TRUSTED_TYPES_POLICY}`);
  }
  if (frameAncestors) directives.push(`frame-ancestors ${frameAncestors}`);
  return directives.join("; ");
}

/**
 * index.html with the policy in a meta tag (replacing an earlier one): after the charset
 * declaration (which must stay in the first 1024 bytes) and before every script.
 */
export function withMetaPolicy(html, content) {
  const escaped = content.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const tag = `<meta http-equiv="Content-Security-Policy" content="${escaped}">`;
  const existing = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/i;
  if (existing.test(html)) return html.replace(existing, tag);
  // Minified HTML may leave out <head> (an optional tag): fall back to after <html>.
  const charset = html.match(/<meta\s+charset=[^>]*>/i);
  const head = html.match(/<head\b[^>]*>/i) ?? html.match(/<html\b[^>]*>/i);
  if (!charset && !head) throw new Error("security: index.html has neither <meta charset> nor <head>");
  const at = charset ? charset.index + charset[0].length : head.index + head[0].length;
  // Before every script, so that the policy governs all of them.
  const firstScript = html.search(/<script\b/i);
  if (firstScript !== -1 && firstScript < at) throw new Error("security: a script comes before the policy's place");
  return html.slice(0, at) + tag + html.slice(at);
}

async function walk(dir, root = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, root)));
    else out.push(relative(root, full).split(sep).join("/"));
  }
  return out.sort();
}

/**
 * Hashed files (Wasm, scripts, styles, text) are never documents or workers, which are
 * all that read a policy: their rules replace the site's long policy with this short one
 * and detach `Permissions-Policy` (Cloudflare Pages and scripts/serve.mjs; Netlify keeps
 * the latter, which is harmless), about 800 bytes less per response over HTTP/1.1. Not no
 * policy: a missing file's address under the hashed folder gets `index.html` from hosts
 * that fall back to it, and that page must still refuse to be framed and run nothing.
 * `sw.js`, a worker, is not hashed and keeps the site's policy. Images (the favicon and the
 * app icons) get the short policy too: an SVG opened on its own is a document, and it
 * needs no script, style source or framing; the favicon is requested on every first visit.
 */
export const HASHED_POLICY = "default-src 'none'; frame-ancestors 'none'";
const DOCUMENT_ONLY = ["Permissions-Policy"];
const IMAGE = /\.(svg|png|ico)$/;

/** Headers of one file beyond the site-wide ones. */
function fileHeaders(path) {
  const headers = {};
  const hashed = path.split("/").some((part) => HASHED.test(part));
  if (hashed) headers["Cache-Control"] = YEAR;
  if (CORS_EXTENSIONS.test(path)) headers["Access-Control-Allow-Origin"] = "*";
  return headers;
}

/**
 * Rules for the files that need headers of their own: one per file at the top level, one
 * per folder whose files all need the same headers (the split build's chunk folder).
 */
function fileRules(files, base) {
  const rules = [];
  const byFolder = new Map();
  for (const file of files) {
    if (file === "_headers" || file === "staticwebapp.config.json") continue;
    const headers = fileHeaders(file);
    if (Object.keys(headers).length === 0 && !file.includes("/") && !IMAGE.test(file)) continue;
    const top = file.includes("/") ? file.split("/")[0] : null;
    if (top) {
      if (!byFolder.has(top)) byFolder.set(top, []);
      byFolder.get(top).push([file, headers]);
    } else {
      const hashed = HASHED.test(file) || IMAGE.test(file) ? { detach: DOCUMENT_ONLY } : {};
      if (hashed.detach) headers["Content-Security-Policy"] = HASHED_POLICY;
      rules.push({ path: base + file, headers, ...hashed });
    }
  }
  for (const [folder, entries] of byFolder) {
    // A hashed folder (the split build's) holds only public static files: one rule.
    if (HASHED.test(folder)) {
      rules.push({
        path: `${base}${folder}/*`,
        headers: { "Content-Security-Policy": HASHED_POLICY, "Cache-Control": YEAR, "Access-Control-Allow-Origin": "*" },
        detach: DOCUMENT_ONLY,
      });
      continue;
    }
    // A folder of images only (the app icons): the short policy, like the favicon.
    if (entries.every(([file]) => IMAGE.test(file))) {
      rules.push({ path: `${base}${folder}/*`, headers: { ...entries[0][1], "Content-Security-Policy": HASHED_POLICY }, detach: DOCUMENT_ONLY });
      continue;
    }
    const keys = new Set(entries.map(([, h]) => JSON.stringify(h)));
    if (keys.size === 1) {
      const headers = entries[0][1];
      if (Object.keys(headers).length) rules.push({ path: `${base}${folder}/*`, headers });
    } else {
      for (const [file, headers] of entries) {
        if (Object.keys(headers).length) rules.push({ path: base + file, headers });
      }
    }
  }
  return rules;
}

/** Everything the host files say, as data (also used by the tests). */
export function headerRules(hashes, files, base = "/") {
  const common = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": PERMISSIONS_POLICY,
  };
  return {
    site: {
      path: `${base}*`,
      headers: {
        "Content-Security-Policy": policy(hashes, { frameAncestors: "'none'" }),
        ...common,
        "Cache-Control": REVALIDATE,
      },
    },
    // Widgets may be framed by any site; everything else of the policy stays.
    embed: {
      path: `${base}embed/*`,
      headers: { "Content-Security-Policy": policy(hashes) },
    },
    files: fileRules(files, base),
  };
}

/**
 * `_headers` for Netlify and Cloudflare Pages. Both apply every matching rule; for a header
 * set by two rules Netlify keeps the later one and Cloudflare joins them with commas, so a
 * later rule first detaches the header (`! Name`: Cloudflare's syntax; Netlify skips a line
 * without a colon).
 */
export function netlifyHeaders(rules) {
  const lines = [
    "# Generated by scripts/build/security.mjs: do not edit (rebuild instead).",
    "# Netlify and Cloudflare Pages. Later rules replace the site-wide value of a header.",
  ];
  const block = (path, headers, replaces = [], detach = []) => {
    lines.push("", path);
    for (const name of detach) lines.push(`  ! ${name}`);
    for (const name of Object.keys(headers)) {
      if (replaces.includes(name)) lines.push(`  ! ${name}`);
      lines.push(`  ${name}: ${headers[name]}`);
    }
  };
  block(rules.site.path, rules.site.headers);
  block(rules.embed.path, rules.embed.headers, ["Content-Security-Policy"]);
  for (const rule of rules.files) block(rule.path, rule.headers, Object.keys(rules.site.headers), rule.detach);
  const count = 2 + rules.files.length;
  if (count > MAX_RULES) throw new Error(`security: ${count} header rules, Cloudflare Pages allows ${MAX_RULES}`);
  const long = lines.find((l) => l.length > MAX_LINE);
  if (long) throw new Error(`security: a _headers line is longer than ${MAX_LINE} characters`);
  return lines.join("\n") + "\n";
}

/**
 * `staticwebapp.config.json` for Azure Static Web Apps: global headers, then routes (the
 * first matching route applies, and its headers replace global ones of the same name),
 * and index.html for app routes.
 */
export function azureConfig(rules, base = "/") {
  return {
    globalHeaders: rules.site.headers,
    routes: [
      { route: rules.embed.path, headers: rules.embed.headers },
      ...rules.files.map((r) => ({ route: r.path, headers: r.headers })),
    ],
    navigationFallback: {
      rewrite: `${base}index.html`,
      exclude: [`${base}*.{js,mjs,wasm,css,json,svg,png,ico,txt,webmanifest}`],
    },
    mimeTypes: { ".wasm": "application/wasm", ".json": "application/json" },
  };
}

export async function run(dir, ctx = {}) {
  const base = ("/" + String(ctx.publicUrl ?? "/").replace(/^\/+|\/+$/g, "") + "/").replace("//", "/");
  const indexPath = join(dir, "index.html");
  const original = await readFile(indexPath, "utf8");
  checkNoInlineHandlers(original);
  const hashes = inlineScripts(original).map(scriptHash);
  const html = withMetaPolicy(original, policy(hashes));
  // Inserting the tag must not change a script (its hash would no longer match).
  const after = inlineScripts(html).map(scriptHash);
  if (after.join() !== hashes.join()) throw new Error("security: inline scripts changed while adding the policy");
  await writeFile(indexPath, html);
  const rules = headerRules(hashes, await walk(dir), base);
  await writeFile(join(dir, "_headers"), netlifyHeaders(rules));
  await writeFile(join(dir, "staticwebapp.config.json"), JSON.stringify(azureConfig(rules, base), null, 2) + "\n");
  console.log(`security: policy with ${hashes.length} inline script hash(es); _headers with ${2 + rules.files.length} rules`);
}
