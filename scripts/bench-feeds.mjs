// Feed import and peer link figures, in headless Chromium against the built site.
// Usage: node scripts/bench-feeds.mjs [dist] [runs]   (build dist/ first: trunk build --release)
// Prints the median of several runs for: reading a 500-item RSS feed into the preview
// (file chosen -> 500 rows on screen), and adding the 500 items (click -> saved); and the
// length of a peer link with 10 entries and a 1,000-character story.
import { chromium } from "@playwright/test";
import { median } from "./lib/bench.mjs";
import { spawn } from "node:child_process";

const DIST = process.argv[2] || "dist";
const RUNS = Number(process.argv[3] || 5);
const PORT = Number(process.env.BENCH_PORT || 4398);
const URL = `http://127.0.0.1:${PORT}`;
const N = 500;

const day = (i) => new Date(Date.now() - (i % 330) * 86400000);
const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench blog</title>${Array.from(
  { length: N },
  (_, i) =>
    `<item><title>Post ${i}: notes on Azure, .NET &amp; the community</title><link>https://blog.example/${i}</link>` +
    `<pubDate>${day(i).toUTCString()}</pubDate><description><![CDATA[<p>Paragraph <b>${i}</b> with <a href="https://x.example">a link</a> and some words to strip.</p><p>Second paragraph.</p>]]></description></item>`,
).join("")}</channel></rss>`;

const words = "community azure dotnet meetup speaker mentoring open source blog video podcast learning sharing sessions workshop people questions answers growth".split(" ");
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const story = (() => {
  let s = "";
  while (s.length < 1000) s += words[Math.floor(rand() * words.length)] + (rand() < 0.1 ? ". " : " ");
  return s.slice(0, 1000);
})();
const entries = Array.from({ length: 10 }, (_, i) => ({
  id: `b${i}`, type: ["blog", "video", "speaker-third-party", "podcast"][i % 4],
  title: `${["Bicep modules", "Minimal APIs", "OpenTelemetry in .NET", "Power BI accessibility", "GitHub Actions"][i % 5]}: part ${i + 1}`,
  date: day(i * 20).toISOString().slice(0, 10), url: `https://contrib.example/${2026 - (i % 2)}/${i}/${words[i]}-${words[i + 3]}`,
  areas: ["azure"], high_impact: i < 3, figures: {}, created_ms: i, updated_ms: i,
}));

const server = spawn("node", ["scripts/serve.mjs", "--dir", DIST, "--port", String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const results = { preview: [], add: [] };
let linkLength = 0;
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${URL}/journal/data`);
    await page.locator("#feed-file").waitFor();
    let t0 = await page.evaluate(() => performance.now());
    await page.locator("#feed-file").setInputFiles({ name: "feed.xml", mimeType: "application/rss+xml", buffer: Buffer.from(feed) });
    await page.locator(".feed-item").nth(N - 1).waitFor();
    results.preview.push((await page.evaluate(() => performance.now())) - t0);
    t0 = await page.evaluate(() => performance.now());
    await page.getByRole("button", { name: `Add the ticked items to my journal (${N})` }).click();
    await page.getByTestId("feed-status").filter({ hasText: `${N}` }).waitFor();
    results.add.push((await page.evaluate(() => performance.now())) - t0);
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(URL + "/");
  await page.evaluate(([e, s]) => {
    localStorage.setItem("mvp-pathway:journal", JSON.stringify({ v: 1, data: { entries: e } }));
    localStorage.setItem("mvp-pathway:story", JSON.stringify({ v: 1, data: { why_started: s } }));
  }, [entries, story]);
  await page.goto(URL + "/peer");
  await page.getByRole("button", { name: "Create the link" }).click();
  const box = page.getByLabel("Read-only link for your peer");
  await box.waitFor();
  linkLength = (await box.inputValue()).split("#")[1].length;
  await context.close();
} finally {
  await browser.close();
  server.kill();
}
console.log(`\nFeed import and peer link, median of ${RUNS} runs (headless Chromium, ${new Date().toISOString().slice(0, 10)})\n`);
console.log("| measure | value |\n|---|---|");
console.log(`| ${N}-item RSS feed: file chosen -> preview of ${N} rows | ${median(results.preview).toFixed(0)} ms |`);
console.log(`| add ${N} ticked items (click -> saved) | ${median(results.add).toFixed(0)} ms |`);
console.log(`| peer link, 10 entries + 1,000-character story: fragment | ${linkLength} characters |`);
console.log(`| the same link at https://example.org/ | ${"https://example.org/peer/view#".length + linkLength} characters |`);
