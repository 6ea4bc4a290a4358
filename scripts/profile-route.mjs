// Where a cold load's main-thread time goes: each route opened in a fresh browser context
// (cold cache, no service worker) with 4× CPU throttling, as Lighthouse's mobile preset
// does, under Chromium's sampling profiler until a moment after its h1 is shown; prints
// the functions with the most time (inclusive and self). Use it to find what makes a
// page's first long task (Lighthouse's TBT). Function names need a build that keeps them:
//   MVP_WASM_NAMES=1 trunk build --release --dist target/dist-prof
//   node scripts/profile-route.mjs target/dist-prof /checklist /faq
// PROFILE_TOP=N and PROFILE_SAVE=prefix as in scripts/lib/profile.mjs.
import { chromium } from "@playwright/test";
import { CHROME_PATH, CHROMIUM_FLAGS, serveDist, throttledColdPage } from "./lib/bench.mjs";
import { profiler } from "./lib/profile.mjs";

const args = process.argv.slice(2);
const dir = args[0] && !args[0].startsWith("/") ? args.shift() : "dist";
const routes = args.length ? args : ["/checklist"];
const PORT = Number(process.env.PROFILE_PORT || 4473);

const server = await serveDist(dir, PORT);
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_FLAGS });
try {
  for (const route of routes) {
    const { context, page } = await throttledColdPage(browser);
    const profiled = await profiler(context, page);
    await profiled(`cold load of ${route}`, async () => {
      const t0 = Date.now();
      await page.goto(`http://127.0.0.1:${PORT}${route}`);
      await page.locator("#main h1, main h1").first().waitFor({ timeout: 30_000 });
      const shown = Date.now() - t0;
      await page.waitForTimeout(1000);
      return shown;
    });
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
