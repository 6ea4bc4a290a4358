// End-to-end tests against the built release site, served like a static host.
// The test script builds dist/ (root) and target/dist-subpath/ (served under /pathway/) first.
import { defineConfig } from "@playwright/test";

// E2E_PORT lets several checkouts run their tests at once; the sub-path copy uses the next port.
const PORT = Number(process.env.E2E_PORT || 4173);
export const ROOT_URL = `http://127.0.0.1:${PORT}`;
export const SUBPATH_URL = `http://127.0.0.1:${PORT + 1}/pathway/`;
// A community site on a different origin, for embedding tests.
export const HOST_URL = `http://127.0.0.1:${PORT + 2}/`;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.mjs",
  // The split build loads each page's code on first visit: long journeys need more time on a
  // loaded 2-core machine.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: ROOT_URL,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `node scripts/serve.mjs --dir dist --port ${PORT}`,
      url: ROOT_URL + "/",
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve.mjs --dir target/dist-subpath --port ${PORT + 1} --base /pathway/`,
      url: SUBPATH_URL,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve.mjs --dir tests/e2e/host --port ${PORT + 2}`,
      url: HOST_URL,
      reuseExistingServer: false,
    },
  ],
});
