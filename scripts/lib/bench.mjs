// Shared by the benchmark scripts: the built site served like a static host, and the
// Chromium flags that keep a headless browser quiet on a closed network.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

export const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";
export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Starts scripts/serve.mjs on `dir` at `port`; returns the child process to kill. */
export async function serveDist(dir, port) {
  const server = spawn("node", ["scripts/serve.mjs", "--dir", dir, "--port", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  await sleep(400);
  return server;
}
