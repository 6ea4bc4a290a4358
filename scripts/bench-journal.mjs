// Journal performance with 5,000 entries, in headless Chromium against the built site.
// Usage: [BENCH_ENTRIES=5000] node scripts/bench-journal.mjs [dist] [runs]   (build dist/ first: trunk build --release)
// Prints the median of several runs for: first render of /journal, one filter keystroke,
// one save, and importing a 5,000-entry backup (preview + import). Targets from PRODUCT.md.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";

const DIST = process.argv[2] || "dist";
const RUNS = Number(process.argv[3] || 5);
const PORT = Number(process.env.BENCH_PORT || 4399);
const URL = `http://127.0.0.1:${PORT}`;
const N = Number(process.env.BENCH_ENTRIES || 5000);

const TYPES = { blog: ["views", "subscribers"], podcast: ["sessions", "listens"], video: ["sessions", "live-views", "on-demand-views"], "open-source": ["views"], mentorship: ["sessions"], "speaker-third-party": ["attendees", "sessions"] };
const AREAS = ["azure", "security", "developer-technologies", "m365", "data-platform"];
function entries(n, prefix) {
  const out = [];
  const start = Date.UTC(2022, 0, 1);
  for (let i = 0; i < n; i++) {
    const type = Object.keys(TYPES)[i % 6];
    const figures = {};
    for (const f of TYPES[type]) figures[f] = (i * 37) % 5000;
    out.push({
      id: `${prefix}${i}`,
      type,
      title: `Contribution number ${i} about ${AREAS[i % 5]} and community`,
      description: `A **description** of contribution ${i}, with a [link](https://example.org/${i}) and some more words to search through.`,
      private_notes: i % 3 ? "" : "private",
      date: new Date(start + (i % 1700) * 86400000).toISOString().slice(0, 10),
      url: `https://example.org/${prefix}/${i}`,
      areas: [AREAS[i % 5]],
      audiences: ["developer"],
      quantity: 1,
      figures,
      high_impact: i % 17 === 0,
      created_ms: 1700000000000 + i,
      updated_ms: 1700000000000 + i,
    });
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = spawn("node", ["scripts/serve.mjs", "--dir", DIST, "--port", String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const stored = JSON.stringify({ v: 1, data: { entries: entries(N, "e") } });
const backup = JSON.stringify({ format: "mvp-pathway-journal", version: 1, exported: "2026-01-01", entries: entries(N, "i") });
const results = { render: [], keystroke: [], save: [], import: [] };

try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Resolves with the time of the DOM change after which `cond()` holds (a MutationObserver
    // callback runs right after the change, so no frame-rate rounding).
    await page.addInitScript((n) => {
      window.__n = n;
      window.__until = (cond) =>
        new Promise((resolve) => {
          if (cond()) return resolve(performance.now());
          const obs = new MutationObserver(() => {
            if (cond()) {
              obs.disconnect();
              resolve(performance.now());
            }
          });
          obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        });
    }, N);
    await page.goto(URL + "/about");
    await page.locator("#main h1").waitFor();
    await page.evaluate((v) => localStorage.setItem("mvp-pathway:journal", v), stored);
    await page.evaluate(() => localStorage.removeItem("mvp-pathway:backup:journal:1"));

    // First render: from the click on the nav link to the first list item in the DOM.
    results.render.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const t0 = performance.now();
            const done = window.__until(() => document.querySelector(".journal-entry"));
            document.querySelector('nav a[href$="/journal"]').click();
            done.then((t) => resolve(t - t0));
          }),
      ),
    );
    // Filter keystroke: one input event on the search box, until the count has updated.
    await page.locator("#jl-search").fill("contribution number 4");
    results.keystroke.push(
      await page.evaluate(async () => {
        const input = document.querySelector("#jl-search");
        const count = document.querySelector("[data-testid=journal-count]");
        const before = count.textContent;
        const t0 = performance.now();
        const done = window.__until(() => count.textContent !== before);
        input.value = input.value + "2";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        return (await done) - t0;
      }),
    );
    await page.locator("#jl-search").fill("");
    // Save: edit the first entry; from the submit click until the list shows it again.
    await page.locator(".journal-entry a[href*='/edit']").first().click();
    await page.locator("#jf-title").fill("Edited title for the benchmark " + run);
    results.save.push(
      await page.evaluate(
        (title) =>
          new Promise((resolve) => {
            const t0 = performance.now();
            const done = window.__until(() => [...document.querySelectorAll(".journal-entry h2")].some((h) => h.textContent === title));
            document.querySelector(".journal-form button[type=submit]").click();
            done.then((t) => resolve(t - t0));
          }),
        "Edited title for the benchmark " + run,
      ),
    );
    // Import 5,000 entries: choosing the file until the preview shows, plus Import until done.
    await page.locator('a[href$="/journal/data"]').first().click();
    await page.locator("#jd-file").waitFor();
    const t0 = await page.evaluate(() => performance.now());
    await page.locator("#jd-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
    await page.getByTestId("import-preview").waitFor();
    const t1 = await page.evaluate(() => performance.now());
    const importMs = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const t = performance.now();
          const done = window.__until(() => document.querySelector("[data-testid=journal-status]").textContent.includes(String(window.__n)));
          [...document.querySelectorAll("[data-testid=import-preview] button")][0].click();
          done.then((t1) => resolve(t1 - t));
        }),
    );
    results.import.push(t1 - t0 + importMs);
    const count = await page.evaluate(() => JSON.parse(localStorage.getItem("mvp-pathway:journal")).data.entries.length);
    if (count !== 2 * N) throw new Error(`expected ${2 * N} entries after import, found ${count}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}

const rows = [
  [`first render of /journal (${N} entries)`, results.render, 100],
  ["filter keystroke", results.keystroke, 16],
  ["save an edited entry", results.save, 20],
  [`import ${N} more entries (preview + import)`, results.import, 300],
];
console.log(`Journal benchmark: ${N} entries, ${RUNS} runs, median (ms)\n`);
console.log("action".padEnd(44) + "median".padStart(8) + "   min".padStart(8) + "   max".padStart(8) + "  target");
for (const [name, xs, target] of rows) {
  const m = median(xs);
  console.log(name.padEnd(44) + m.toFixed(1).padStart(8) + Math.min(...xs).toFixed(1).padStart(8) + Math.max(...xs).toFixed(1).padStart(8) + `  <= ${target}${m <= target ? "" : "  (over)"}`);
}
