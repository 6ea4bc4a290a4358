// Where the journal's time goes: the bench's steps (scripts/bench-journal.mjs) at one size,
// with Chromium's sampling profiler around the first render, the save, the import preview
// and an import into an empty journal, printing the functions with the most time (inclusive and self) in each.
// Function names need a build that keeps them:
//   MVP_WASM_NAMES=1 trunk build --release --dist target/dist-prof
//   PROFILE_PORT=4472 node scripts/profile-journal.mjs target/dist-prof 5000
// Above 5,000 entries the journal is seeded with the compact entries bench-journal.mjs uses.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { chunkedItems, entries, openSeededJournal, pageHelpers, previewFromChange, timeImportClick, watchImportPreview } from "./lib/journal-data.mjs";
import { profiler } from "./lib/profile.mjs";

const DIST = process.argv[2] || "dist";
const N = Number(process.argv[3] || 5000);
const PORT = Number(process.env.PROFILE_PORT || 4472);
const URL = `http://127.0.0.1:${PORT}`;
const server = spawn("node", ["scripts/serve.mjs", "--dir", DIST, "--port", String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const profiled = await profiler(context, page);
  await page.addInitScript(pageHelpers, 0);
  await openSeededJournal(page, URL, chunkedItems(entries(N, "e", N > 5000)));
  await page.goto(URL + "/about");
  await page.locator("#main h1").waitFor();
  await profiled("first render", () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const t0 = performance.now();
          const done = window.__until(() => window.__shown(".journal-entry").length > 0);
          document.querySelector('nav a[href$="/journal"]').click();
          done.then((t) => resolve(t - t0));
        }),
    ),
  );
  await page.waitForTimeout(2000);
  await page.locator("#jl-search").fill(N > 5000 ? "entry 4" : "contribution number 4");
  await page.waitForTimeout(300);
  await profiled("keystroke", () =>
    page.evaluate(async () => {
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
  await page.locator(".journal-entry a[href*='/edit']").first().click();
  await page.locator("#jf-title").fill("Edited title for the benchmark");
  await profiled("save", () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const t0 = performance.now();
          const done = window.__until(() => window.__shown(".journal-entry h2").some((h) => h.textContent === "Edited title for the benchmark"));
          document.querySelector(".journal-form button[type=submit]").click();
          done.then((t) => resolve(t - t0));
        }),
    ),
  );
  const backup = JSON.stringify({ format: "mvp-pathway-journal", version: 1, exported: "2026-01-01", entries: entries(Math.min(N, 5000), "i") });
  await page.locator('a[href$="/journal/data"]').first().click();
  await page.locator("#jd-file").waitFor();
  await page.waitForTimeout(500);
  await profiled("import preview", async () => {
    const t0 = await page.evaluate(() => performance.now());
    await page.locator("#jd-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
    await page.getByTestId("import-preview").waitFor();
    return (await page.evaluate(() => performance.now())) - t0;
  });
  // The same backup into an empty journal (5,000 into 5,000 does not fit the quota): the
  // preview from the file input's `change` event, then Import until the status says so.
  await context.close();
  const empty = await browser.newContext();
  const emptyPage = await empty.newPage();
  const profiledEmpty = await profiler(empty, emptyPage);
  const imported = Math.min(N, 5000);
  await emptyPage.addInitScript(pageHelpers, imported);
  await emptyPage.goto(URL + "/journal/data");
  await emptyPage.locator("#jd-file").waitFor();
  await emptyPage.waitForTimeout(500);
  await watchImportPreview(emptyPage);
  await profiledEmpty("preview into an empty journal", async () => {
    await emptyPage.locator("#jd-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
    await emptyPage.getByTestId("import-preview").waitFor();
    return previewFromChange(emptyPage);
  });
  await profiledEmpty("import into an empty journal", () => timeImportClick(emptyPage));
} finally {
  await browser.close();
  server.kill();
}
