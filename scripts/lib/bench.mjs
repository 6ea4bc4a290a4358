// Shared by the benchmark scripts: the built site served like a static host, and the
// Chromium flags that keep a headless browser quiet on a closed network.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

export const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";
export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** The median of `xs` (for an even count, the upper of the two middle values). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A fresh browser context (cold cache, no service worker) with a page whose CPU runs 4×
 * slower, as in Lighthouse's mobile preset: for the cold-load profile and trace scripts.
 */
export async function throttledColdPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ serviceWorkers: "block", ...contextOptions });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return { context, page };
}

/** Starts scripts/serve.mjs on `dir` at `port`; returns the child process to kill. */
export async function serveDist(dir, port) {
  const server = spawn("node", ["scripts/serve.mjs", "--dir", dir, "--port", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  await sleep(400);
  return server;
}
