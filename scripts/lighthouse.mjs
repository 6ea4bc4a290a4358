#!/usr/bin/env node
// Lighthouse (mobile preset: throttled 4G and CPU) on every route of a built site served
// like a static host, in one run so the figures compare. Prints performance, LCP,
// accessibility and best practices per route as a table.
// Usage: node scripts/lighthouse.mjs [dist ...] [route ...]   (CHROME_PATH=/usr/bin/chromium)
// Several builds are audited in turn, route by route; LH_RUNS=N prints medians of N runs.
// LH_DETAIL=1 also prints, per route, the LCP element and the main thread's long tasks
// (start and duration as Lighthouse simulates them), to see what TBT is made of.
// The mobile preset slows the CPU down 4 times, which Lighthouse's throttling guide
// (docs/throttling.md) calibrates for a machine whose BenchmarkIndex is about 1,500; the
// last line prints this machine's, since a slower machine scores lower.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { CHROME_PATH, CHROMIUM_FLAGS, median, serveDist } from "./lib/bench.mjs";

const args = process.argv.slice(2);
// Builds to compare (arguments that are not routes); each route is audited in every build
// in turn, so machine noise falls on all of them alike.
const dirs = args.filter((a) => !a.startsWith("/"));
if (dirs.length === 0) dirs.push("dist");
const given = args.filter((a) => a.startsWith("/"));
const routes = given.length ? given : ["/", "/explainer", "/checklist", "/journal", "/journal/new",
  "/journal/data", "/story", "/faq", "/events", "/settings", "/about", "/embed", "/embed/faq",
  "/embed/explainer", "/embed/checklist"];
const PORT = Number(process.env.LH_PORT || 4191);
// LH_RUNS=N audits each route N times per build and prints the medians (TBT moves by
// hundreds of ms between runs of one build on a shared machine).
const RUNS = Math.max(1, Number(process.env.LH_RUNS || 1));

const servers = await Promise.all(dirs.map((dir, i) => serveDist(dir, PORT + i)));
const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS] });
const samples = new Map(); // `${dir} ${route}` -> rows
const benchmarkIndexes = [];
try {
  // The first audit of a fresh browser is slow whatever the route (seen: the same page
  // 43 first, 94 after), so one warm-up audit is run and thrown away.
  await lighthouse(`http://127.0.0.1:${PORT}/about`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  for (let run = 0; run < RUNS; run++) {
    for (const route of routes) {
      for (const [i, dir] of dirs.entries()) {
        const result = await lighthouse(`http://127.0.0.1:${PORT + i}${route}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices"],
        });
        benchmarkIndexes.push(result.lhr.environment.benchmarkIndex);
        const { categories, audits } = result.lhr;
        const key = `${dir} ${route}`;
        if (process.env.LH_DETAIL) detail(key, audits);
        if (!samples.has(key)) samples.set(key, []);
        samples.get(key).push({
          perf: Math.round(categories.performance.score * 100),
          lcp: audits["largest-contentful-paint"].numericValue,
          fcp: audits["first-contentful-paint"].numericValue,
          tbt: audits["total-blocking-time"].numericValue,
          cls: audits["cumulative-layout-shift"].numericValue,
          a11y: Math.round(categories.accessibility.score * 100),
          bp: Math.round(categories["best-practices"].score * 100),
        });
      }
    }
  }
} finally {
  await chrome.kill();
  for (const server of servers) server.kill();
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
for (const dir of dirs) {
  console.log(`\n${dir}${RUNS > 1 ? `: medians of ${RUNS} runs` : ""}`);
  console.log("| route | performance | LCP | FCP | TBT | CLS | accessibility | best practices |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const route of routes) {
    const rows = samples.get(`${dir} ${route}`);
    const m = (k) => median(rows.map((r) => r[k]));
    console.log(`| \`${route}\` | ${Math.round(m("perf"))} | ${s(m("lcp"))} | ${s(m("fcp"))} | ${Math.round(m("tbt"))} ms | ${m("cls").toFixed(3)} | ${Math.round(m("a11y"))} | ${Math.round(m("bp"))} |`);
  }
}
console.log(`\nBenchmarkIndex of this machine (median of ${benchmarkIndexes.length} audits): ${Math.round(median(benchmarkIndexes))}.`);
