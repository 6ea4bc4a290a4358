// Journal performance with 1,000, 5,000 and 20,000 entries, in headless Chromium against
// the built site. Prints the median of several runs per size, side by side, and the memory
// in use once the journal has loaded. Targets (PRODUCT.md) are for 5,000 entries.
//
// Usage: node scripts/bench-journal.mjs [dist] [runs]        (build dist/ first: trunk build --release)
//        BENCH_SIZES=1000,5000,20000   sizes to run (default)
//        BENCH_JSON=file.json          also write every measurement to a file
//        BENCH_SEED=chunked            save every journal in the chunked format (format 2) directly
//        BENCH_SEED=legacy             save every journal in format 1 (one key), also at 20,000
//        BENCH_IMPORT=0                leave the import steps out (quicker A/B runs of the rest)
//
// localStorage holds about 5 million characters per site. 20,000 entries of the shape used
// at 1,000 and 5,000 (about 430 characters each) do not fit, so the 20,000 column uses
// compact entries (no description, link or area, short title: about 200 characters) and skips
// the import.
//
// Each run starts in a fresh browser profile with the journal saved in format 1 (one key)
// at 1,000 and 5,000 entries, opens /journal once so the app can settle its storage (the
// chunked format migrates there), reloads, and then measures. 20,000 entries are saved in
// the chunked format, as this version writes them: in format 1 they take 4.66 million
// characters, which leaves no room for the chunks beside the old key, so they migrate
// month by month (ARCHITECTURE.md, "Migration month by month"). BENCH_SEED=legacy
// measures that case. The steps:
//   first render  from the click on the nav link to the first entry in the DOM
//   keystroke     one input event in the search box until the count has changed, then a
//                 second one (the first also compiles the code it runs for the first time)
//   save          the edit form's submit until the list shows the new title
//   import        the file input's `change` event (the moment a person has chosen a backup
//                 file) until the preview shows, plus Import until done (the backup holds
//                 min(N, 5,000) new entries). The targets are for these figures; the rows
//                 "file handed over" start before Playwright hands the file to the page,
//                 which no person waits for (2 MB sent base64 over the DevTools protocol:
//                 about 500 ms of that figure at 5,000). The same backup is also imported
//                 into an empty journal in a fresh profile
//   memory        JS heap (after a forced GC) and Wasm linear memory, 2 s after /journal opened
import { chromium } from "@playwright/test";
import { median } from "./lib/bench.mjs";
import { spawn } from "node:child_process";
import fs from "node:fs";
import { chunkedItems, entries, openSeededJournal, pageHelpers, previewFromChange, timeImportClick, watchImportPreview } from "./lib/journal-data.mjs";

const DIST = process.argv[2] || "dist";
const RUNS = Number(process.argv[3] || 5);
const PORT = Number(process.env.BENCH_PORT || 4399);
const URL = `http://127.0.0.1:${PORT}`;
const SIZES = (process.env.BENCH_SIZES || "1000,5000,20000").split(",").map(Number);


// How many entries are saved, whatever the storage format (one key, or an index of chunks).
function savedCount() {
  const index = localStorage.getItem("mvp-pathway:journal:index");
  if (index) return JSON.parse(index).data.chunks.reduce((n, c) => n + c.count, 0);
  return JSON.parse(localStorage.getItem("mvp-pathway:journal")).data.entries.length;
}

// Times an import of `backup` on `page`, which shows /journal/data: choosing the file until
// the preview shows (also from the input's `change` event), plus Import until it is done.
async function timeImport(page, backup, expected, label) {
  const out = {};
  // Also from the input's `change` event: the time before it is Playwright handing the
  // file to the page (2 MB through the protocol).
  await watchImportPreview(page);
  const t0 = await page.evaluate(() => performance.now());
  await page.locator("#jd-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await page.getByTestId("import-preview").waitFor();
  const t1 = await page.evaluate(() => performance.now());
  out.preview = t1 - t0;
  out.previewApp = await previewFromChange(page);
  const importMs = await timeImportClick(page);
  out.import = out.preview + importMs;
  const count = await page.evaluate(savedCount);
  if (Number.isNaN(importMs)) console.error(`${label}: the import did not finish (saved: ${count})`);
  else if (count !== expected) throw new Error(`${label}: expected ${expected} entries after import, found ${count}`);
  return out;
}

// How the journal of `n` entries is saved before the run (see the header).
const seedFor = (n) => process.env.BENCH_SEED || (n > 5000 ? "chunked" : "legacy");

async function runOnce(browser, n) {
  const compact = n > 5000;
  const list = entries(n, "e", compact);
  const items = seedFor(n) === "chunked" ? chunkedItems(list) : [["mvp-pathway:journal", JSON.stringify({ v: 1, data: { entries: list } })]];
  const imported = compact || process.env.BENCH_IMPORT === "0" ? 0 : Math.min(n, 5000);
  const backup = JSON.stringify({ format: "mvp-pathway-journal", version: 1, exported: "2026-01-01", entries: entries(imported, "i") });
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.addInitScript(pageHelpers, imported);
  await openSeededJournal(page, URL, items);
  if ((await page.evaluate(savedCount)) !== n) throw new Error(`expected ${n} entries saved after the first load`);
  await page.goto(URL + "/about");
  await page.locator("#main h1").waitFor();

  const out = {};
  // First render: from the click on the nav link to the first list item in the DOM.
  out.render = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const t0 = performance.now();
        const done = window.__until(() => window.__shown(".journal-entry").length > 0);
        document.querySelector('nav a[href$="/journal"]').click();
        done.then((t) => resolve(t - t0));
      }),
  );
  // Memory once the journal has loaded (older parts may load after the first render).
  await page.waitForTimeout(2000);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  out.jsHeapMb = heap.usedSize / 1048576;
  out.wasmMb = (await page.evaluate(() => (window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0))) / 1048576;

  // Filter keystroke: one input event on the search box, until the count has updated.
  await page.locator("#jl-search").fill(compact ? "entry 4" : "contribution number 4");
  await page.waitForTimeout(300);
  // Twice: the first keystroke also runs code for the first time (V8 compiles Wasm lazily),
  // the second ("...42" then "...421") shows the steady cost.
  const keystroke = (key) =>
    page.evaluate(async (key) => {
      const input = document.querySelector("#jl-search");
      const count = document.querySelector("[data-testid=journal-count]");
      const before = count.textContent;
      const t0 = performance.now();
      const done = window.__until(() => count.textContent !== before);
      input.value = input.value + key;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      return (await done) - t0;
    }, key);
  out.keystroke = await keystroke("2");
  await page.waitForTimeout(300);
  out.keystroke2 = await keystroke("1");
  await page.locator("#jl-search").fill("");
  // Save: edit the first entry; from the submit click until the list shows it again.
  await page.locator(".journal-entry a[href*='/edit']").first().click();
  const title = "Edited title for the benchmark";
  await page.locator("#jf-title").fill(title);
  out.save = await page.evaluate(
    (title) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        const done = window.__until(() => window.__shown(".journal-entry h2").some((h) => h.textContent === title));
        document.querySelector(".journal-form button[type=submit]").click();
        done.then((t) => resolve(t - t0));
      }),
    title,
  );
  if (!imported) {
    await context.close();
    return { ...out, preview: NaN, previewApp: NaN, import: NaN, previewEmpty: NaN, importEmpty: NaN, importEmptyApp: NaN };
  }
  // Import: from the journal's own link to /journal/data.
  await page.locator('a[href$="/journal/data"]').first().click();
  await page.locator("#jd-file").waitFor();
  Object.assign(out, await timeImport(page, backup, n + imported, `${n} entries`));
  await context.close();
  // The same backup into an empty journal: 5,000 imported into 5,000 needs more room than
  // localStorage's quota (the app refuses it whole), so the target is measured here too.
  const empty = await browser.newContext();
  const emptyPage = await empty.newPage();
  await emptyPage.addInitScript(pageHelpers, imported);
  await emptyPage.goto(URL + "/journal/data");
  await emptyPage.locator("#jd-file").waitFor();
  const fresh = await timeImport(emptyPage, backup, imported, `${imported} into an empty journal`);
  out.previewEmpty = fresh.previewApp;
  out.importEmpty = fresh.import;
  out.importEmptyApp = fresh.import - fresh.preview + fresh.previewApp;
  await empty.close();
  return out;
}

const server = spawn("node", ["scripts/serve.mjs", "--dir", DIST, "--port", String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const results = {};
try {
  for (const n of SIZES) {
    results[n] = [];
    for (let run = 0; run < RUNS; run++) {
      try {
        results[n].push(await runOnce(browser, n));
      } catch (e) {
        console.error(`${n} entries, run ${run + 1}: ${e.message.split("\n")[0]}`);
      }
    }
    console.error(`${n} entries: ${JSON.stringify(results[n])}`);
  }
} finally {
  await browser.close();
  server.kill();
}

const rows = [
  ["first render of /journal", "render", "ms", 100],
  ["filter keystroke", "keystroke", "ms", 16],
  ["  the next keystroke", "keystroke2", "ms", 16],
  ["save an edited entry", "save", "ms", 20],
  ["import min(N, 5,000): preview", "previewApp", "ms", 300],
  ["  with the file handed over", "preview", "ms", null],
  ["  preview + import, file handed over", "import", "ms", null],
  ["the same into an empty journal: preview", "previewEmpty", "ms", 300],
  ["  preview + import (from change event)", "importEmptyApp", "ms", 300],
  ["  preview + import (file handed over)", "importEmpty", "ms", null],
  ["JS heap after load (MB)", "jsHeapMb", "MB", null],
  ["Wasm memory after load (MB)", "wasmMb", "MB", null],
];
const fmt = (n) => n.toLocaleString("en");
const seeds = SIZES.map((n) => `${fmt(n)}: ${seedFor(n)}`).join(", ");
console.log(`Journal benchmark (${DIST}): median of ${RUNS} runs; times in ms; saved as (legacy = format 1, migrated on the first load) ${seeds}\n`);
console.log("".padEnd(40) + SIZES.map((n) => `${fmt(n)} entries`.padStart(16)).join("") + "   target (5,000)");
for (const [name, key, , target] of rows) {
  const cells = SIZES.map((n) => {
    const m = results[n].length ? median(results[n].map((r) => r[key])) : NaN;
    return (Number.isNaN(m) ? "n/a" : m.toFixed(1)).padStart(16);
  }).join("");
  console.log(name.padEnd(40) + cells + (target ? `   <= ${target}` : ""));
}
if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ dist: DIST, runs: RUNS, results }, null, 1));
