#!/usr/bin/env node
// Lighthouse (mobile preset: throttled 4G and CPU) on every route of a built site served
// like a static host, in one run so the figures compare. Prints performance, LCP,
// accessibility and best practices per route as a table.
// Usage: node scripts/lighthouse.mjs [dist] [route ...]   (CHROME_PATH=/usr/bin/chromium)
// LH_DETAIL=1 also prints, per route, the LCP element and the main thread's long tasks
// (start and duration as Lighthouse simulates them), to see what TBT is made of.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { CHROME_PATH, CHROMIUM_FLAGS, serveDist } from "./lib/bench.mjs";

const args = process.argv.slice(2);
const dir = args[0] && !args[0].startsWith("/") ? args.shift() : "dist";
const routes = args.length ? args : ["/", "/explainer", "/checklist", "/journal", "/story", "/faq",
  "/events", "/settings", "/about", "/embed", "/embed/faq", "/embed/explainer", "/embed/checklist"];
const PORT = Number(process.env.LH_PORT || 4191);

const server = await serveDist(dir, PORT);
const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS] });
const rows = [];
try {
  // The first audit of a fresh browser is slow whatever the route (seen: the same page
  // 43 first, 94 after), so one warm-up audit is run and thrown away.
  await lighthouse(`http://127.0.0.1:${PORT}/about`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  for (const route of routes) {
    const result = await lighthouse(`http://127.0.0.1:${PORT}${route}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
    });
    const { categories, audits } = result.lhr;
    if (process.env.LH_DETAIL) detail(route, audits);
    rows.push({
      route,
      perf: Math.round(categories.performance.score * 100),
      lcp: audits["largest-contentful-paint"].numericValue,
      fcp: audits["first-contentful-paint"].numericValue,
      tbt: audits["total-blocking-time"].numericValue,
      a11y: Math.round(categories.accessibility.score * 100),
      bp: Math.round(categories["best-practices"].score * 100),
    });
  }
} finally {
  await chrome.kill();
  server.kill();
}
function detail(route, audits) {
  // Lighthouse 13 reports the LCP element in its "lcp-breakdown-insight" audit.
  const nodes = JSON.stringify(audits["lcp-breakdown-insight"]?.details ?? {}).match(/"nodeLabel":"[^"]*"|"selector":"[^"]*"/g);
  console.log(`${route}: LCP element ${nodes ? nodes.slice(0, 2).join(" ") : "?"}`);
  const work = audits["mainthread-work-breakdown"]?.details?.items ?? [];
  const metric = (id) => `${audits[id]?.numericValue?.toFixed(id === "cumulative-layout-shift" ? 3 : 0)} (score ${audits[id]?.score})`;
  console.log(`  CLS ${metric("cumulative-layout-shift")}, SI ${metric("speed-index")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}`);
  for (const shift of audits["layout-shifts"]?.details?.items ?? []) {
    console.log(`  layout shift ${shift.score?.toFixed(3)}: ${shift.node?.selector ?? "?"} (${(shift.node?.nodeLabel ?? "").slice(0, 60)})`);
  }
  console.log(`  main thread: ${work.map((w) => `${w.groupLabel} ${Math.round(w.duration)} ms`).join(", ")}`);
  for (const t of audits["long-tasks"]?.details?.items ?? []) {
    console.log(`  long task at ${Math.round(t.startTime)} ms: ${Math.round(t.duration)} ms (${t.url})`);
  }
}

const s = (ms) => (ms / 1000).toFixed(2) + " s";
console.log("| route | performance | LCP | FCP | TBT | accessibility | best practices |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(`| \`${r.route}\` | ${r.perf} | ${s(r.lcp)} | ${s(r.fcp)} | ${Math.round(r.tbt)} ms | ${r.a11y} | ${r.bp} |`);
}
