#!/usr/bin/env node
// What a cold load's long tasks are made of: each route opened in a fresh browser context
// (cold cache, no service worker, phone-sized, 4× CPU throttling as Lighthouse's mobile
// preset) under a Chromium performance trace; prints every main-thread task over 30 ms
// with the trace events inside it that took the most time (script, Wasm compilation and
// streaming, style, layout). Where profile-route.mjs names the Rust functions, this one
// shows the browser's own work around them (it found the chunk loader's streaming cost).
//   node scripts/trace-route.mjs [dist] /explainer /journal
import { chromium } from "@playwright/test";
import { CHROME_PATH, CHROMIUM_FLAGS, serveDist, throttledColdPage } from "./lib/bench.mjs";

const args = process.argv.slice(2);
const dir = args[0] && !args[0].startsWith("/") ? args.shift() : "dist";
const routes = args.length ? args : ["/explainer"];
const PORT = Number(process.env.TRACE_PORT || 4474);
const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "loading"];

/** The renderer main thread's complete events, from a trace's JSON. */
function mainThreadEvents(trace) {
  const events = JSON.parse(trace).traceEvents;
  const main = new Set(events.filter((e) => e.name === "thread_name" && e.args.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  return events.filter((e) => e.ph === "X" && main.has(`${e.pid}:${e.tid}`));
}

function report(route, events) {
  const start = Math.min(...events.map((e) => e.ts));
  console.log(`\n=== cold load of ${route}: main-thread tasks over 30 ms (start, duration; ms at 4x throttling)`);
  for (const task of events.filter((e) => e.name === "RunTask" && e.dur > 30_000).sort((a, b) => a.ts - b.ts)) {
    const byName = new Map();
    for (const e of events) {
      if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
      const url = e.args?.data?.url ? ` ${e.args.data.url.split("/").pop()}` : "";
      const key = `${e.name}${url}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ""}`;
      byName.set(key, (byName.get(key) || 0) + e.dur);
    }
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`);
    console.log(`${((task.ts - start) / 1000).toFixed(0).padStart(6)} ${(task.dur / 1000).toFixed(0).padStart(5)}  ${top.join(" | ")}`);
  }
}

const server = await serveDist(dir, PORT);
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_FLAGS });
try {
  for (const route of routes) {
    const { context, page } = await throttledColdPage(browser, { viewport: { width: 412, height: 823 } });
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(`http://127.0.0.1:${PORT}${route}`);
    await page.locator("#main h1").first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2500);
    report(route, mainThreadEvents(await browser.stopTracing()));
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
