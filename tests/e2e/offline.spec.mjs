// Offline: after one online visit, every part loads and works with the network switched
// off (pages come from the service worker's precache), at / and under /pathway/.
import { test, expect, appReady, expectNoAxeViolations, APP_HEADER } from "./fixtures.mjs";
import { ROOT_URL, SUBPATH_URL } from "../../playwright.config.mjs";

test.describe.configure({ timeout: 180_000 });

/** The first visit compiles the Wasm while the worker downloads the precache: be patient. */
async function firstLoad(page) {
  await expect(page.locator(APP_HEADER)).toBeVisible({ timeout: 60_000 });
  await appReady(page);
}

/** Waits until the service worker has installed and controls the page. */
export async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
}

/** Loads `url` as a full navigation and checks that the service worker answered it. */
async function openOffline(page, url) {
  const response = await page.goto(url);
  expect(response, `a response for ${url}`).not.toBeNull();
  expect(response.fromServiceWorker(), `${url} comes from the service worker`).toBe(true);
  await appReady(page);
}

for (const [where, base] of [
  ["at /", `${ROOT_URL}/`],
  ["under /pathway/", SUBPATH_URL],
]) {
  test(`after one visit, every part works offline ${where}`, async ({ page, context }) => {
    await page.goto(base);
    await firstLoad(page);
    await controlled(page);
    await context.setOffline(true);
    // The network really is off for the page.
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    await openOffline(page, base);
    await expect(page.locator("#main h1:visible")).toBeVisible();

    await openOffline(page, base + "explainer");
    await page.getByRole("link", { name: "Start" }).click();
    await page.getByLabel("Yes", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/explainer\/q\/employee$/);

    await openOffline(page, base + "checklist");
    await page.getByRole("checkbox").first().check();
    await expect(page.getByTestId("progress-text")).toContainText("1 of 18");

    await openOffline(page, base + "faq");
    await page.getByRole("searchbox", { name: "Search the questions" }).fill("renewal");
    await expect(page.locator("#faq-status")).toContainText("match “renewal”");

    await openOffline(page, base + "events");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Live sessions");
    await expect(page.getByTestId("countdown").first()).toBeVisible();

    // A journal entry added offline is still there after a reload.
    await openOffline(page, base + "journal/new");
    await page.getByLabel("Title", { exact: true }).fill("Offline talk on the train");
    await page.getByRole("button", { name: "Save entry" }).click();
    // The title is isolated (FSI…PDI) inside the message, as every typed title is.
    await expect(page.getByTestId("journal-status")).toContainText("Saved “\u2068Offline talk on the train\u2069”");
    await page.reload();
    await appReady(page);
    await expect(page.getByRole("heading", { name: "Offline talk on the train" })).toBeVisible();
    await expectNoAxeViolations(page, `journal offline ${where}`);

    // In-app navigation offline, too.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "FAQ" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Frequently asked questions");
    await context.setOffline(false);
  });
}
