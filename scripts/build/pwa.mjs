// Build step (run last by scripts/postbuild.mjs): generates the service worker `sw.js` at
// the root of the built site with Workbox, precaching every file of this build.
//
// - The precache list comes from a glob over the finished folder, so new kinds of files
//   (split chunks in a per-build folder, per-language JSON) are covered without edits here.
// - The Workbox runtime is inlined into sw.js: the worker loads nothing from anywhere.
// - Navigations (app routes) are answered with the cached index.html; paths with a file
//   extension are not, as on the static host (scripts/serve.mjs).
// - Release builds only: `trunk serve` (debug) must not have a worker caching old files,
//   and the app registers the worker only in release builds.
// Usage on a built folder: node scripts/build/pwa.mjs <dir> [public-url]
import { generateSW } from "workbox-build";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const SW_FILE = "sw.js";

/**
 * Content-hashed names, whose URL changes with their content, so no revision: Trunk's
 * files (`main-<16 hex>.css`) and everything in the split build's `pkg-<12 hex>/` folder.
 */
const HASHED = /(?:^|\/)[^/]*[-.][0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css)$|(?:^|\/)pkg-[0-9a-f]{12}\//;

/** "/pathway/" for any spelling of the public URL ("/pathway", "pathway/", "/"). */
export function scopeOf(publicUrl = "/") {
  const path = String(publicUrl).replace(/^[a-z]+:\/\/[^/]+/i, "");
  const trimmed = path.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

export async function run(dir, ctx = {}) {
  const swDest = join(dir, SW_FILE);
  if ((ctx.profile ?? "release") !== "release") {
    // A worker left from an earlier release build in the same folder would serve stale files.
    await rm(swDest, { force: true });
    return null;
  }
  const scope = scopeOf(ctx.publicUrl);
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: ["**/*"],
    // Route packs (scripts/build/split.mjs) repeat the chunk files they bundle: offline,
    // the chunk loader falls back to the single files, which are precached.
    // The host's header files (scripts/build/security.mjs) are not served to browsers.
    // The widgets' binary (pkg-<hash>/widget/) runs in other sites' frames, which this
    // worker never controls, and in the /embed generator's preview, which it leaves to the
    // network (widget pages always come from the server): the preview needs a connection.
    globIgnores: [SW_FILE, "**/*.map", "**/pack__*.wasm", "**/widget/**", "_headers", "staticwebapp.config.json", "**/*.d.ts"],
    swDest,
    mode: "production",
    sourcemap: false,
    inlineWorkboxRuntime: true,
    // The worker waits until the person presses Reload (the page posts SKIP_WAITING).
    skipWaiting: false,
    // On the first visit the worker takes the open page, so chunks fetched later come from it.
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    cacheId: "mvp-pathway",
    dontCacheBustURLsMatching: HASHED,
    // The Wasm module is well over Workbox's 2 MB default limit before compression.
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
    navigateFallback: `${scope}index.html`,
    // App routes only: a path whose last segment has a dot is a file,
    // and not the widgets: a widget's page must come from the server with its own headers
    // (the full app's `frame-ancestors 'none'` would block it in the generator's preview).
    navigateFallbackDenylist: [/\/[^/?]+\.[^/?]+$/, new RegExp(`^${scope}embed/`)],
  });
  if (warnings.length > 0) throw new Error(`pwa: ${warnings.join("; ")}`);
  console.log(`pwa: ${SW_FILE} precaches ${count} files, ${size} bytes (scope ${scope})`);
  return { count, size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, publicUrl = "/"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/build/pwa.mjs <dir> [public-url]");
    process.exit(1);
  }
  await run(dir, { publicUrl, profile: "release", sourceDir: process.cwd() });
}
