#!/usr/bin/env node
// First-load bytes per route, measured in Chromium over the DevTools protocol: for each
// route a fresh browser context (cold cache) opens the page served like a static host
// (brotli, scripts/serve.mjs) and the encoded bytes of every response to a request the
// page sent before its h1 was inserted are added up. The last column adds what the page
// asked for after that until the network was idle (such as the Markdown renderer, which
// the story's preview loads once the page is shown), not counting prefetches of other pages.
// Storage is empty, as on a first visit, except on the row "`/journal` (a saved journal)":
// there 30 entries are saved before the page opens, so it downloads the list's code too.
// The first column of bytes is what came before the loader's drawing of the page's top
// (index.html `drawBoot`: header, heading, lead paragraph), which is up before any code.
//
// Usage: node scripts/bench-routes.mjs [dist] [--lang en,ja] [--assert-home-cap] [--files]
//   --files            also list, per route, each file of the first load and its bytes
//   --assert-home-cap  exit 1 when the home page's first load is over 200,000 bytes
//                      (the one size assertion of ./scripts/test; everything else prints).
import { chromium } from "@playwright/test";
import { CHROME_PATH, CHROMIUM_FLAGS, serveDist } from "./lib/bench.mjs";
import { chunkedItems, entries } from "./lib/journal-data.mjs";

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--")) ?? "dist";
const assertCap = args.includes("--assert-home-cap");
const listFiles = args.includes("--files");
const langArg = args.indexOf("--lang");
const langs = langArg >= 0 ? args[langArg + 1].split(",") : ["en"];
const PORT = Number(process.env.BENCH_PORT || 4190);
const HARD_CAP = 200_000;

export const ROUTES = [
  ["/", 150_000],
  ["/explainer", 250_000],
  ["/checklist", 250_000],
  ["/journal", 250_000],
  ["/journal", 250_000, "a saved journal"],
  ["/journal/new", 250_000],
  ["/story", 250_000],
  ["/faq", 250_000],
  ["/events", 250_000],
  ["/settings", 250_000],
  ["/about", 250_000],
  ["/embed", 250_000],
  ["/embed/faq", 200_000],
  ["/embed/explainer", 200_000],
  ["/embed/checklist", 200_000],
];

const server = await serveDist(dir, PORT);
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_FLAGS });

async function measure(route, lang, saved) {
  const context = await browser.newContext({ locale: lang, serviceWorkers: "block" });
  if (saved) {
    // Before any of the page's scripts: index.html's loader reads the journal's index.
    await context.addInitScript((items) => {
      if (!localStorage.length) items.forEach(([key, value]) => localStorage.setItem(key, value));
    }, chunkedItems(entries(30)));
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  // A new context starts with an empty cache; the cache stays on so that preloaded files
  // are used, not downloaded twice.
  const sizes = new Map();
  const urls = new Map();
  // Only what the page asked for before its heading appeared: the idle-time prefetch of
  // likely next pages, and what a page loads once it is shown (the Markdown renderer), come
  // later and are not part of the first load. The page notes when the h1 is inserted, and
  // each request's wall-clock start is compared with that (both are this machine's clock).
  // The app's heading is the one in `#main`; the loader's drawing is in `#boot`.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!window.__benchBootAt && document.querySelector("#boot h1")) window.__benchBootAt = Date.now();
      if (document.querySelector("#main h1")) {
        window.__benchHeadingAt = Date.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const sentAt = new Map();
  cdp.on("Network.requestWillBeSent", (e) => {
    const purpose = e.request.headers["Sec-Purpose"] ?? e.request.headers["sec-purpose"] ?? "";
    if (purpose.includes("prefetch")) return;
    urls.set(e.requestId, e.request.url);
    sentAt.set(e.requestId, e.wallTime * 1000);
  });
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  const started = Date.now();
  const sep = route.includes("?") ? "&" : "?";
  await page.goto(`http://127.0.0.1:${PORT}${route}${sep}lang=${lang}`, { waitUntil: "commit" });
  await page.locator("#main h1").waitFor({ timeout: 30_000 });
  const headingAt = (await page.evaluate(() => window.__benchHeadingAt)) ?? Date.now();
  const bootAt = await page.evaluate(() => window.__benchBootAt);
  const headingMs = Date.now() - started;
  await page.waitForLoadState("networkidle");
  await context.close();
  let bytes = 0;
  let wasm = 0;
  let requests = 0;
  let later = 0;
  let drawn = bootAt ? 0 : null;
  const files = [];
  for (const [id, n] of sizes) {
    if (!urls.has(id)) continue;
    if (bootAt && sentAt.get(id) <= bootAt) drawn += n;
    if (sentAt.get(id) > headingAt) {
      later += n;
      continue;
    }
    requests += 1;
    bytes += n;
    files.push([new URL(urls.get(id)).pathname, n]);
    if (urls.get(id).endsWith(".wasm")) wasm += n;
  }
  return { bytes, wasm, requests, headingMs, later, drawn, files };
}

const rows = [];
for (const lang of langs) {
  for (const [route, target, saved] of ROUTES) {
    const m = await measure(route, lang, saved);
    rows.push({ route, label: saved ? `\`${route}\` (${saved})` : `\`${route}\``, lang, ...m, target });
  }
}
await browser.close();
server.kill();

const fmt = (n) => n.toLocaleString("en-US");
console.log("| route | lang | top drawn after | requests | Wasm bytes | total bytes (brotli, on the wire) | target | within | then, once shown |");
console.log("|---|---|---:|---:|---:|---:|---:|---|---:|");
for (const r of rows) {
  console.log(`| ${r.label} | ${r.lang} | ${r.drawn === null ? "(not drawn)" : fmt(r.drawn)} | ${r.requests} | ${fmt(r.wasm)} | ${fmt(r.bytes)} | ${fmt(r.target)} | ${r.bytes <= r.target ? "yes" : "NO"} | ${fmt(r.later)} |`);
}
if (listFiles) {
  for (const r of rows) {
    console.log(`\n${r.label} (${r.lang}):`);
    for (const [path, n] of r.files.sort((a, b) => b[1] - a[1])) console.log(`  ${fmt(n).padStart(9)}  ${path}`);
  }
}
const home = rows.find((r) => r.route === "/" && r.lang === langs[0]);
if (assertCap) {
  if (home.bytes > HARD_CAP) {
    console.error(`home page first load ${fmt(home.bytes)} bytes is over the ${fmt(HARD_CAP)}-byte hard cap`);
    process.exit(1);
  }
  console.log(`home page first load ${fmt(home.bytes)} bytes: within the ${fmt(HARD_CAP)}-byte hard cap`);
}
