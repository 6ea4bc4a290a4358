// The journal's list steps repeated in one page, for comparing builds on a noisy machine:
// each build's page seeded with 5,000 entries (chunked format), then
//   keystroke  a search text that changes every shown card, until the first card changes
//   return     from the overview tab back to the list, until the first card is there
//   save       submit of the edit form, until the list shows the new title
// repeated (the first of each left out: V8 compiles Wasm lazily, so it times compiling),
// builds interleaved round by round, and the median of each printed as a table.
//   node scripts/bench-journal-repeat.mjs <dist> [<dist> ...]   (BENCH_ROUNDS, default 3)
import { chromium } from "@playwright/test";
import { median } from "./lib/bench.mjs";
import { spawn } from "node:child_process";
import { chunkedItems, entries, pageHelpers, openSeededJournal } from "./lib/journal-data.mjs";

const DISTS = process.argv.slice(2);
if (DISTS.length === 0) throw new Error("usage: node scripts/bench-journal-repeat.mjs <dist> [<dist> ...]");
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const PORT = Number(process.env.BENCH_PORT || 4600);

async function round(browser, url, items, times) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(pageHelpers, 0);
  await openSeededJournal(page, url, items);
  for (let k = 0; k < 12; k++) {
    const t = await page.evaluate((text) => {
      const first = () => window.__shown(".journal-entry h2")[0]?.textContent;
      const input = document.querySelector("#jl-search");
      const before = first();
      const t0 = performance.now();
      const done = window.__until(() => first() !== before);
      input.value = text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      return done.then((t) => t - t0);
    }, `contribution number ${k % 2 ? 4 : 5}`);
    if (k > 1) times.keystroke.push(t);
    await page.waitForTimeout(50);
  }
  await page.locator("#jl-search").fill("");
  await page.waitForTimeout(200);
  for (let k = 0; k < 8; k++) {
    await page.locator('.journal-tabs a[href$="/journal/overview"]').click();
    await page.locator(".journal-entry").first().waitFor({ state: "hidden" });
    await page.waitForTimeout(150);
    const t = await page.evaluate(() => {
      const t0 = performance.now();
      const done = window.__until(() => window.__shown(".journal-entry").length > 0);
      document.querySelector('.journal-tabs a[href$="/journal"]').click();
      return done.then((t) => t - t0);
    });
    if (k > 0) times.back.push(t);
    await page.waitForTimeout(150);
  }
  for (let k = 0; k < 6; k++) {
    await page.locator(".journal-entry a[href*='/edit']").first().click();
    const title = `Edited ${k} ${Date.now()}`;
    await page.locator("#jf-title").fill(title);
    await page.waitForTimeout(200);
    const t = await page.evaluate((title) => {
      const t0 = performance.now();
      const done = window.__until(() => window.__shown(".journal-entry h2")[0]?.textContent === title);
      document.querySelector(".journal-form button[type=submit]").click();
      return done.then((t) => t - t0);
    }, title);
    if (k > 0) times.save.push(t);
    await page.waitForTimeout(200);
  }
  await context.close();
}

const servers = DISTS.map((dir, i) => spawn("node", ["scripts/serve.mjs", "--dir", dir, "--port", String(PORT + i)], { stdio: "ignore" }));
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const items = chunkedItems(entries(5000, "e"));
  const times = DISTS.map(() => ({ keystroke: [], back: [], save: [] }));
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < DISTS.length; i++) await round(browser, `http://127.0.0.1:${PORT + i}`, items, times[i]);
  }
  console.log(`\nmedian ms at 5,000 entries (samples per build: ${times[0].keystroke.length} keystrokes, ${times[0].back.length} returns, ${times[0].save.length} saves)\n`);
  console.log("| build | keystroke | return to the list | save |");
  console.log("|---|---:|---:|---:|");
  DISTS.forEach((d, i) => console.log(`| ${d} | ${median(times[i].keystroke).toFixed(1)} | ${median(times[i].back).toFixed(1)} | ${median(times[i].save).toFixed(1)} |`));
} finally {
  await browser.close();
  servers.forEach((s) => s.kill());
}
