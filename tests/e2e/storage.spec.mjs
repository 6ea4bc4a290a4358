// What the user sees when storage is blocked, full, or holds data the app cannot read.
import { test, expect, expectNoAxeViolations, appReady } from "./fixtures.mjs";
import { entries } from "../../scripts/lib/journal-data.mjs";

const SETTINGS = "mvp-pathway:settings";

test("where storage is blocked the app works in memory and says so", async ({ page }) => {
  // What Chromium does when a site may not use storage: the localStorage getter throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The user denied permission to access the database.", "SecurityError");
      },
    });
  });
  await page.goto("/");
  await appReady(page);
  const notice = page.getByTestId("memory-notice");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("kept only until you close or reload this page");
  await expectNoAxeViolations(page, "memory-only notice");
  // Still fully usable: preferences apply for this visit.
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.getByLabel("Language").selectOption("es");
  await expect(page.getByTestId("memory-notice")).toContainText("solo se conserva");
});

test("unreadable saved data is kept under a backup key and offered for download", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  const corrupt = '{"v":1,"data":{"theme":"dark"'; // cut off mid-write
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SETTINGS, corrupt]);
  await page.reload();
  await appReady(page);
  const notice = page.getByTestId("recovery-notice");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Nothing was deleted");
  await expectNoAxeViolations(page, "recovery notice");
  const backup = await page.evaluate(() => localStorage.getItem("mvp-pathway:backup:settings:1"));
  expect(backup).toBe(corrupt);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    notice.getByRole("button", { name: "Download the unreadable data" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("mvp-pathway-recovered-data.json");
  const body = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
  expect(body[0].raw).toBe(corrupt);
  expect(body[0].key).toBe("settings");

  // Saving again works, and the backup stays.
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toBeHidden();
  await page.getByLabel("Theme").selectOption("light");
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel("Theme")).toHaveValue("light");
  expect(await page.evaluate(() => localStorage.getItem("mvp-pathway:backup:settings:1"))).toBe(corrupt);
});

test("data written by a newer version is never overwritten", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  const future = '{"v":99,"data":{"theme":"dark","lang":"es","newThing":[1,2,3]}}';
  await page.evaluate(
    ([k, v]) => {
      localStorage.setItem(k, v);
      localStorage.setItem("mvp-pathway:backup:settings:1", "an older backup");
    },
    [SETTINGS, future],
  );
  await page.reload();
  await appReady(page);
  await expect(page.getByTestId("recovery-notice")).toBeVisible();
  const kept = await page.evaluate(() => [
    localStorage.getItem("mvp-pathway:backup:settings:1"),
    localStorage.getItem("mvp-pathway:backup:settings:2"),
  ]);
  expect(kept).toEqual(["an older backup", future]);
});

test("a save that hits the storage quota shows an error and keeps the change on screen", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.evaluate(() => {
    // Fill this origin's storage to the quota, as years of other data might.
    const chunk = "x".repeat(512 * 1024);
    let i = 0;
    for (;;) {
      try {
        localStorage.setItem("filler-" + i++, chunk);
      } catch {
        break;
      }
    }
    let small = "x".repeat(1024);
    for (;;) {
      try {
        localStorage.setItem("filler-" + i++, small);
      } catch {
        if (small.length === 1) break;
        small = small.slice(0, small.length / 2);
      }
    }
  });
  await page.getByLabel("Theme").selectOption("dark");
  const alert = page.getByTestId("save-error");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("storage for the site is full");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expectNoAxeViolations(page, "quota error");
  // Once space is freed, the next save clears the error.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("filler-")) localStorage.removeItem(key);
  });
  await page.getByLabel("Theme").selectOption("light");
  await expect(alert).toBeHidden();
});

test("a saved journal over half the storage quota moves to one key per month, a month at a time", async ({ page }) => {
  // 7,000 entries in format 1 (one key, as older versions saved): about 3 million
  // characters, so the quota (about 5 million) cannot hold every month's key beside it.
  const list = entries(7000, "e");
  const oldText = JSON.stringify({ v: 1, data: { entries: list } });
  await page.goto("/about");
  await appReady(page);
  await page.evaluate((text) => localStorage.setItem("mvp-pathway:journal", text), oldText);
  await page.goto("/journal");
  await expect(page.getByTestId("journal-count")).toContainText("7,000");
  await expect(page.getByTestId("save-error")).toHaveCount(0);
  const stored = await page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem("mvp-pathway:journal:index"));
    const ids = [];
    for (const c of index.data.chunks) {
      const chunk = JSON.parse(localStorage.getItem(`mvp-pathway:journal:${c.month}:${c.gen}`));
      ids.push(...chunk.data.entries.map((e) => e.id));
    }
    return { version: index.v, legacy: index.data.legacy ?? [], old: localStorage.getItem("mvp-pathway:journal"), ids };
  });
  // Finished: a plain chunked index, the old key gone, every entry once.
  expect(stored.version).toBe(2);
  expect(stored.legacy).toEqual([]);
  expect(stored.old).toBeNull();
  expect(stored.ids.length).toBe(7000);
  expect(new Set(stored.ids).size).toBe(7000);
  // And it reads back after a reload, from the chunks.
  await page.reload();
  await expect(page.getByTestId("journal-count")).toContainText("7,000");
});
