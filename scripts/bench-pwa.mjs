// Offline benchmark, in headless Chromium against the built site: what the service worker
// precaches (files and bytes), and how long a second visit takes online and offline.
// Usage: node scripts/bench-pwa.mjs [dist] [runs]   (build dist/ first: trunk build --release)
// "Load" is navigation start to the load event; "app ready" is navigation start until the
// app has rendered its header and main heading. Median of several runs, each in a fresh
// browser context: first visit (installs the worker), then the measured second visit.
import { chromium } from "@playwright/test";
import { median } from "./lib/bench.mjs";
import { spawn } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const DIST = process.argv[2] || "dist";
const RUNS = Number(process.argv[3] || 5);
const PORT = Number(process.env.BENCH_PORT || 4398);
const URL = `http://127.0.0.1:${PORT}/`;

const kb = (n) => (n / 1024).toFixed(1);

// The precache list, read back from the generated worker.
const sw = await readFile(join(DIST, "sw.js"), "utf8");
const urls = [...sw.matchAll(/\{\s*(?:"revision"|revision):\s*(?:"[0-9a-f]+"|null),\s*(?:"url"|url):\s*"([^"]+)"\s*\}|\{\s*(?:"url"|url):\s*"([^"]+)",\s*(?:"revision"|revision):\s*(?:"[0-9a-f]+"|null)\s*\}/g)].map(
  (m) => m[1] || m[2],
);
if (urls.length === 0) throw new Error(`no precache list found in ${DIST}/sw.js`);
const rows = [];
for (const url of urls.sort()) {
  const file = join(DIST, decodeURIComponent(url));
  const raw = (await stat(file)).size;
  const br = brotliCompressSync(await readFile(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.push({ url, raw, br });
}
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, br: t.br + r.br }), { raw: 0, br: 0 });
const swSize = (await stat(join(DIST, "sw.js"))).size;

console.log(`\nPrecache (${DIST}/sw.js, ${kb(swSize)} KB itself): ${rows.length} files`);
console.log("| file | bytes | brotli |\n|---|---:|---:|");
for (const r of rows) console.log(`| ${r.url} | ${r.raw} | ${r.br} |`);
console.log(`| **total** | **${total.raw}** | **${total.br}** |`);

const server = spawn(process.execPath, ["scripts/serve.mjs", "--dir", DIST, "--port", String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"],
});
const times = { online: { load: [], ready: [] }, offline: { load: [], ready: [] } };

async function visit(page, when) {
  const response = await page.goto(URL);
  await page.locator("header.site-header").waitFor();
  await page.locator("#main h1").waitFor();
  const ready = await page.evaluate(() => performance.now());
  await page.waitForLoadState("load");
  const load = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    return nav.loadEventEnd - nav.startTime;
  });
  if (!response.fromServiceWorker()) throw new Error(`${when}: the page did not come from the service worker`);
  times[when].load.push(load);
  times[when].ready.push(ready);
}

try {
  for (const when of ["online", "offline"]) {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(URL);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      // Let the worker finish installing before the measured visit.
      await page.evaluate(() => navigator.serviceWorker.ready);
      if (when === "offline") await context.setOffline(true);
      await visit(page, when);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}

console.log(`\nSecond visit to / (median of ${RUNS}, headless Chromium, ${new Date().toISOString().slice(0, 10)})`);
console.log("| network | load event (ms) | app ready (ms) |\n|---|---:|---:|");
for (const when of ["online", "offline"]) {
  console.log(`| ${when} | ${median(times[when].load).toFixed(0)} | ${median(times[when].ready).toFixed(0)} |`);
}
