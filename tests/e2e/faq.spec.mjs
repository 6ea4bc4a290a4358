// FAQ: instant search with highlighted matches, deep links that open their answer,
// copy-link with the full address (also under a sub-path), and axe on every state.
import { test, expect, expectNoAxeViolations, appReady } from "./fixtures.mjs";
import { ROOT_URL, SUBPATH_URL } from "../../playwright.config.mjs";

const questions = (page) => page.locator("details.faq-item:visible");

test("the FAQ lists at least 20 questions with sources, a review date and the unofficial notice", async ({ page }) => {
  await page.goto("/faq");
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Frequently asked questions");
  await expect(page).toHaveTitle("Frequently asked questions · MVP Pathway");
  const notice = page.getByTestId("unofficial-notice");
  await expect(notice).toContainText("unofficial");
  await expect(notice.getByRole("link", { name: "Official Microsoft MVP site" })).toHaveAttribute("href", "https://mvp.microsoft.com");
  expect(await questions(page).count()).toBeGreaterThanOrEqual(20);
  await expect(page.getByRole("status").first()).toHaveText(/^\d+ questions\.$/);
  const first = questions(page).first();
  await first.locator("summary").click();
  await expect(first.locator(".faq-sources").first()).toContainText("Sources:");
  await expect(first.locator(".reviewed")).toHaveText(/Last reviewed: \w+ \d+, \d{4}/);
  await expect(first.getByRole("link", { name: "mvp.microsoft.com", exact: true })).toHaveAttribute("href", "https://mvp.microsoft.com");
  // Every source is a link; other sites' links do not pass on where the reader came from.
  const source = first.locator(".faq-sources").first().getByRole("link", { name: "Official MVP FAQ (mvp.microsoft.com)" });
  await expect(source).toHaveAttribute("href", "https://mvp.microsoft.com");
  await expect(source).toHaveAttribute("rel", "noopener noreferrer");
  await expect(first.locator(".faq-sources").first()).toContainText("Official MVP FAQ (mvp.microsoft.com); The program's post on impact and applying");
  await expectNoAxeViolations(page, "faq (light)");
  await page.getByLabel("Theme").selectOption("dark");
  await expectNoAxeViolations(page, "faq (dark)");
});

test("search filters as you type, highlights matches, announces the count and works from the keyboard", async ({ page }) => {
  await page.goto("/faq");
  await appReady(page);
  // The answers are their own file, loaded by the FAQ page: wait for the count.
  await expect(page.locator("#faq-status")).toHaveText(/^\d+ questions\.$/);
  // The count can be announced a frame before the list is drawn: wait for the list too.
  await expect(questions(page).first()).toBeVisible();
  const total = await questions(page).count();
  const search = page.getByRole("searchbox", { name: "Search the questions" });
  await search.focus();
  await page.keyboard.type("renewal");
  // Count only once the filter has run (on a loaded machine it lags the typing).
  await expect(page.locator("#faq-status")).toHaveText(/ match “renewal”\.$/);
  const shown = await questions(page).count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(total);
  await expect(page.locator("#faq-status")).toHaveText(`${shown} questions match “renewal”.`);
  // Every visible question mentions the word, and the matches are marked.
  await expect(page.locator("details.faq-item:visible mark").first()).toHaveText(/renewal/i);
  for (const text of await questions(page).allInnerTexts()) expect(text.toLowerCase()).toContain("renew");
  // A topic with no match is hidden along with its heading.
  await expect(page.getByRole("heading", { level: 2, name: "This app and your data" })).toBeHidden();
  await expectNoAxeViolations(page, "faq search results");
  // Keyboard: Tab from the search box reaches the first result; Enter opens it.
  await page.keyboard.press("Tab");
  const focused = page.locator("details.faq-item:visible summary").first();
  await expect(focused).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(questions(page).first()).toHaveAttribute("open", "");
  // Escape in the search box shows everything again.
  await search.focus();
  await page.keyboard.press("Escape");
  await expect(search).toHaveValue("");
  await expect(questions(page)).toHaveCount(total);
});

test("a search with no results says so and offers suggestions", async ({ page }) => {
  await page.goto("/faq");
  await appReady(page);
  const search = page.getByRole("searchbox", { name: "Search the questions" });
  await search.fill("<b>zzqx</b>");
  await expect(questions(page)).toHaveCount(0);
  await expect(page.locator("#faq-status")).toHaveText("No question matches “<b>zzqx</b>”.");
  await expect(page.getByTestId("faq-empty")).toContainText("try one of these");
  await expectNoAxeViolations(page, "faq no results");
  await page.getByRole("button", { name: "nomination", exact: true }).click();
  await expect(search).toHaveValue("nomination");
  await expect(search).toBeFocused();
  expect(await questions(page).count()).toBeGreaterThan(0);
  await search.fill("zzqx");
  await page.getByRole("button", { name: "Show all questions" }).click();
  await expect(search).toHaveValue("");
  expect(await questions(page).count()).toBeGreaterThanOrEqual(20);
});

test("Spanish search ignores accents and the Spanish FAQ uses the same anchors", async ({ page }) => {
  await page.goto("/faq#twelve-month-window");
  await appReady(page);
  await page.getByLabel("Language").selectOption("es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Preguntas frecuentes");
  await page.getByRole("searchbox", { name: "Buscar en las preguntas" }).fill("nominacion");
  await expect(page.locator("details.faq-item:visible mark").first()).toHaveText(/nominación/i);
  await expectNoAxeViolations(page, "faq (es)");
  // A fresh load of the deep link (the same address again would be a same-page jump).
  await page.goto("/");
  await page.goto("/faq#twelve-month-window");
  await appReady(page);
  const item = page.locator("#twelve-month-window");
  await expect(item).toHaveAttribute("open", "");
  await expect(item.locator("summary")).toContainText("¿Qué periodo de contribuciones");
});

test("opening a deep link scrolls to the answer, opens it and focuses its question", async ({ page }) => {
  await page.goto("/faq#award-cycle");
  await appReady(page);
  const item = page.locator("#award-cycle");
  await expect(item).toHaveAttribute("open", "");
  await expect(item.locator("summary")).toBeFocused();
  await expect(item.locator(".faq-answer")).toBeInViewport();
  await expect(item.locator(".faq-answer")).toContainText("1 July");
  await expectNoAxeViolations(page, "faq deep link");
});

test("a link inside an answer to another question opens that one", async ({ page }) => {
  await page.goto("/faq#who-can-be-awarded");
  await appReady(page);
  await page.locator("#who-can-be-awarded").getByRole("link", { name: "the question on employees" }).click();
  await expect(page).toHaveURL(/\/faq#microsoft-employees$/);
  await expect(page.locator("#microsoft-employees")).toHaveAttribute("open", "");
  await expect(page.locator("#microsoft-employees summary")).toBeFocused();
});

test("copy link puts the full address on the clipboard, and that address opens the answer", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ROOT_URL });
  await page.goto("/faq");
  await appReady(page);
  const item = page.locator("#twelve-month-window");
  await item.locator("summary").click();
  await item.getByRole("button", { name: "Copy link to this question" }).click();
  const expected = `${ROOT_URL}/faq#twelve-month-window`;
  await expect(page.getByTestId("copy-status")).toHaveText(`Link copied: ${expected}`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  const fresh = await context.newPage();
  await fresh.goto(expected);
  await appReady(fresh);
  await expect(fresh.locator("#twelve-month-window")).toHaveAttribute("open", "");
  await expect(fresh.locator("#twelve-month-window .faq-answer")).toBeInViewport();
});

test.describe("hosted under a sub-path", () => {
  test("copy link includes the sub-path, deep links open, and answer links stay under it", async ({ page, context }) => {
    const origin = new URL(SUBPATH_URL).origin;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    await page.goto(SUBPATH_URL + "faq#benefits");
    await appReady(page);
    const item = page.locator("#benefits");
    await expect(item).toHaveAttribute("open", "");
    await item.getByRole("button", { name: "Copy link to this question" }).click();
    const expected = `${SUBPATH_URL}faq#benefits`;
    await expect(page.getByTestId("copy-status")).toHaveText(`Link copied: ${expected}`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await page.goto(SUBPATH_URL + "faq#live-sessions");
    await appReady(page);
    await page.locator("#live-sessions").getByRole("link", { name: "Live sessions" }).click();
    await expect(page).toHaveURL(SUBPATH_URL + "events");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Live sessions");
    // A source that is a page of this app links under the sub-path too.
    await page.goto(SUBPATH_URL + "faq#is-this-official");
    await appReady(page);
    const about = page.locator("#is-this-official").getByRole("link", { name: "This app's README and About page" });
    await expect(about).toHaveAttribute("href", new URL(SUBPATH_URL).pathname + "about");
    await about.click();
    await expect(page).toHaveURL(SUBPATH_URL + "about");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About MVP Pathway");
  });
});
