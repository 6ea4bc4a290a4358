// Installing and updating: the manifest and its icons, Chromium's installability check,
// the "new version" banner with a typed draft kept through Reload, and no service worker
// in embedded widgets.
import { test, expect, appReady, expectNoAxeViolations, APP_HEADER } from "./fixtures.mjs";
import { ROOT_URL, SUBPATH_URL, HOST_URL } from "../../playwright.config.mjs";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile, readdir } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run as generateServiceWorker } from "../../scripts/build/pwa.mjs";

test.describe.configure({ timeout: 180_000 });

/** The first visit compiles the Wasm while the worker downloads the precache: be patient. */
async function firstLoad(page) {
  await expect(page.locator(APP_HEADER)).toBeVisible({ timeout: 60_000 });
  await appReady(page);
}

const controlled = (page) =>
  page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buffer) {
  expect(buffer.subarray(1, 4).toString("latin1")).toBe("PNG");
  return [buffer.readUInt32BE(16), buffer.readUInt32BE(20)];
}

for (const [where, base] of [
  ["at /", `${ROOT_URL}/`],
  ["under /pathway/", SUBPATH_URL],
]) {
  test(`the manifest is valid, its icons load, and Chromium can install the app ${where}`, async ({ page, request, context }) => {
    await page.goto(base);
    await firstLoad(page);
    const href = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
    expect(href).toBe(base + "manifest.webmanifest");
    const response = await request.get(href);
    expect(response.ok()).toBe(true);
    const manifest = await response.json();
    expect(manifest).toMatchObject({
      name: "MVP Pathway",
      short_name: "MVP Pathway",
      start_url: "./",
      scope: "./",
      display: "standalone",
    });
    expect(manifest.description.length).toBeGreaterThan(20);
    for (const colour of [manifest.theme_color, manifest.background_color]) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(Object.keys(manifest.user_preferences.color_scheme_dark).sort()).toEqual(["background_color", "theme_color"]);
    const purposes = new Set();
    for (const icon of manifest.icons) {
      const file = await request.get(new URL(icon.src, href).href);
      expect(file.ok(), icon.src).toBe(true);
      expect(file.headers()["content-type"]).toBe(icon.type);
      if (icon.type === "image/png") {
        const [w, h] = pngSize(await file.body());
        expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
      }
      purposes.add(`${icon.type} ${icon.purpose} ${icon.sizes}`);
    }
    for (const needed of [
      "image/svg+xml any any",
      "image/png any 192x192",
      "image/png any 512x512",
      "image/png maskable 512x512",
    ]) {
      expect([...purposes]).toContain(needed);
    }

    // What Chromium itself says (the same checks as Lighthouse's installability audit).
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const parsed = await cdp.send("Page.getAppManifest");
    expect(parsed.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    // Test contexts are incognito profiles, where Chromium never installs; that is the one
    // error allowed here (Lighthouse, in a normal profile, reports none).
    expect(installabilityErrors.filter((e) => e.errorId !== "in-incognito")).toEqual([]);
    expect(installabilityErrors.length).toBeLessThanOrEqual(1);
  });
}

test("an embedded widget registers no service worker; the full app does", async ({ page, context }) => {
  const registrations = () => navigator.serviceWorker.getRegistrations().then((r) => r.length);
  // Inside a community site's page (another origin).
  const params = new URLSearchParams({ src: `${ROOT_URL}/embed/faq`, script: `${ROOT_URL}/embed.js` });
  await page.goto(`${HOST_URL}?${params}`);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 60_000 });
  // Opened on its own, at the widget's address.
  const widget = await context.newPage();
  await widget.goto(`${ROOT_URL}/embed/checklist`);
  await expect(widget.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 60_000 });
  await widget.waitForTimeout(1500);
  expect(await page.frames()[1].evaluate(registrations)).toBe(0);
  expect(await widget.evaluate(registrations)).toBe(0);
  // The same browser registers one for the full app.
  await widget.goto(`${ROOT_URL}/faq`);
  await firstLoad(widget);
  await controlled(widget);
  expect(await widget.evaluate(registrations)).toBe(1);
});

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts scripts/serve.mjs on `dir`; resolves when it answers. */
async function serve(dir, port) {
  const child = spawn(process.execPath, ["scripts/serve.mjs", "--dir", dir, "--port", String(port)], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("test server did not start");
}

/** Replaces the contents of `live` with those of `from` (a deploy). */
async function deploy(from, live) {
  for (const name of await readdir(live)) await rm(join(live, name), { recursive: true, force: true });
  await cp(from, live, { recursive: true });
}

// The update journey: build B is build A with a marked index.html (so its service worker's
// precache list differs), deployed over A at the same address while a form is open.
test("a new version: the banner appears, nothing reloads by itself, Reload brings it with the typed draft", async ({ page }) => {
  // Two builds, two servers and a service worker update: slower than one journey.
  test.setTimeout(180_000);
  const work = await mkdtemp(join(tmpdir(), "mvp-pwa-update-"));
  const [a, b, live] = ["a", "b", "live"].map((n) => join(work, n));
  await cp("dist", a, { recursive: true });
  // Build B: the same site with a changed index.html, and its own service worker.
  await cp("dist", b, { recursive: true });
  const html = await readFile(join(b, "index.html"), "utf8");
  // The built page is minified (no <head> tag): mark B right after its charset.
  const marked = html.replace(/<meta charset=[^>]*>/i, (m) => `${m}<meta name="mvp-build" content="B">`);
  expect(marked).not.toBe(html);
  await writeFile(join(b, "index.html"), marked);
  await generateServiceWorker(b, { publicUrl: "/", profile: "release", sourceDir: process.cwd() });
  await cp(a, live, { recursive: true });
  const port = await freePort();
  const server = await serve(live, port);
  try {
    const url = `http://127.0.0.1:${port}/`;
    await page.goto(url);
    await firstLoad(page);
    await controlled(page);

    await deploy(b, live);
    // Opening the form is a navigation: the browser checks for a new worker on the way.
    await page.goto(url + "journal/new");
    await appReady(page);
    await page.getByLabel("Title", { exact: true }).fill("Half-typed talk");
    await page.getByLabel("Description").fill("Notes I have not saved yet");
    const banner = page.getByTestId("update-banner");
    await expect(banner).toContainText("A new version of MVP Pathway is ready.");
    await expectNoAxeViolations(page, "update banner");
    // Still build A, still the same page, nothing lost: it never reloads by itself.
    let navigations = 0;
    page.on("framenavigated", (f) => f === page.mainFrame() && navigations++);
    await page.waitForTimeout(2000);
    expect(navigations).toBe(0);
    expect(await page.locator('meta[name="mvp-build"]').count()).toBe(0);
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Half-typed talk");
    // The banner took nothing from the person typing: focus is where they left it.
    await expect(page.getByLabel("Description")).toBeFocused();

    await banner.getByRole("button", { name: "Reload" }).click();
    await expect(page.locator('meta[name="mvp-build"]')).toHaveAttribute("content", "B");
    await appReady(page);
    await expect(page.getByTestId("draft-restored")).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Half-typed talk");
    await expect(page.getByLabel("Description")).toHaveValue("Notes I have not saved yet");
    await expect(page.getByTestId("update-banner")).toHaveCount(0);
    // Build A's entries are gone from the cache: one index.html, B's.
    const cached = await page.evaluate(async () => {
      const texts = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys()) {
          if (new URL(req.url).pathname === "/index.html") texts.push(await (await cache.match(req)).text());
        }
      }
      return texts;
    });
    expect(cached).toHaveLength(1);
    expect(cached[0]).toContain('content="B"');

    // Saving clears the kept draft: a new form starts empty.
    await page.getByRole("button", { name: "Save entry" }).click();
    await expect(page.getByTestId("journal-status")).toContainText("Saved “\u2068Half-typed talk\u2069”");
    await page.goto(url + "journal/new");
    await appReady(page);
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("");
    await expect(page.getByTestId("draft-restored")).toHaveCount(0);
  } finally {
    server.kill();
    await rm(work, { recursive: true, force: true });
  }
});
