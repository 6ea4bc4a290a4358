// The app shell: home, navigation, focus, titles, themes, languages, 404, sub-path hosting.
import { test, expect, expectNoAxeViolations, appReady } from "./fixtures.mjs";
import { SUBPATH_URL } from "../../playwright.config.mjs";

test("home page carries the program's message and passes axe in light and dark", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await expect(page).toHaveTitle("MVP Pathway");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Is the MVP Program for you?");
  for (const heading of [
    "Impact over visibility",
    "Sustained contribution and generosity",
    "Local voices in a global community",
    "Applying is one step of a longer journey",
  ]) {
    await expect(page.getByRole("heading", { level: 3, name: heading })).toBeVisible();
  }
  await expect(page.getByText("No tool can promise an award")).toBeVisible();
  await expectNoAxeViolations(page, "home (light)");
  await page.getByLabel("Theme").selectOption("dark");
  await expectNoAxeViolations(page, "home (dark)");
});

test("navigation moves focus to the new page's heading, sets the title and works with history", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "About" }).click();
  await expect(page).toHaveURL(/\/about$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("About MVP Pathway");
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle("About MVP Pathway · MVP Pathway");
  await expect(nav.getByRole("link", { name: "About" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Visit the official Microsoft MVP site" })).toHaveAttribute(
    "href",
    "https://mvp.microsoft.com",
  );
  await expect(page.getByRole("heading", { level: 2, name: "Report a translation mistake" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("open an issue in the project's repository (see the README)");
  await expectNoAxeViolations(page, "about");
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Is the MVP Program for you?");
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About MVP Pathway");
});

test("an app route loads directly from the address bar", async ({ page }) => {
  const response = await page.goto("/about");
  expect(response.status()).toBe(200);
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About MVP Pathway");
});

test("the skip link is first in tab order and moves to the main content", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Is this program for me?" })).toBeFocused();
});

test("the chosen theme applies at once and survives a reload", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await background()).not.toBe(light);
  await page.reload();
  await appReady(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByLabel("Theme")).toHaveValue("dark");
  expect(await background()).not.toBe(light);
});

test("the system theme is followed until the user picks one", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/");
  await appReady(page);
  await expect(page.getByLabel("Theme")).toHaveValue("auto");
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe("rgb(17, 20, 24)");
  await page.getByLabel("Theme").selectOption("light");
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
    .toBe("rgb(255, 255, 255)");
  await context.close();
});

test("switching language keeps the page, sets lang, and is remembered", async ({ page }) => {
  await page.goto("/about");
  await appReady(page);
  await page.getByLabel("Language").selectOption("es");
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acerca de MVP Pathway");
  await expect(page).toHaveTitle("Acerca de MVP Pathway · MVP Pathway");
  await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Inicio" })).toBeVisible();
  await expectNoAxeViolations(page, "about (es)");
  await page.reload();
  await appReady(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByLabel("Idioma")).toHaveValue("es");
});

test("the browser's preferred language is used on a first visit", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  await page.goto("/");
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("¿Es el programa MVP para ti?");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await context.close();
});

test("an unknown address shows a helpful 404 page", async ({ page }) => {
  await page.goto("/no/such/page");
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page).toHaveTitle("Page not found · MVP Pathway");
  await expectNoAxeViolations(page, "404");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Is the MVP Program for you?");
});

test("a missing static file is a real 404, not the app", async ({ request }) => {
  const response = await request.get("/missing-file.js");
  expect(response.status()).toBe(404);
});

test("assets are served compressed like a static host", async ({ request }) => {
  const response = await request.get("/", { headers: { "Accept-Encoding": "br" } });
  expect(response.headers()["content-encoding"]).toBe("br");
});

test.describe("hosted under a sub-path", () => {
  test("home, navigation and deep links work under /pathway/", async ({ page }) => {
    await page.goto(SUBPATH_URL);
    await appReady(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Is the MVP Program for you?");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "About" }).click();
    await expect(page).toHaveURL(SUBPATH_URL + "about");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About MVP Pathway");
    await page.goto(SUBPATH_URL + "about");
    await appReady(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About MVP Pathway");
    await page.getByRole("link", { name: "MVP Pathway" }).first().click();
    await expect(page).toHaveURL(SUBPATH_URL);
    await page.goto(SUBPATH_URL + "nowhere");
    await appReady(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});
