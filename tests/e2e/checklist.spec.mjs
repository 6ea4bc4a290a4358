// The applying checklist: ticking with the keyboard, done dates, progress, notes, links.
import { test, expect, expectNoAxeViolations, appReady } from "./fixtures.mjs";

const KEY = "mvp-pathway:checklist";
const stored = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || "null"), KEY);
const todayIn = (page, lang) =>
  page.evaluate((l) => new Date().toLocaleDateString(l, { dateStyle: "long" }), lang);
const todayIso = (page) =>
  page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });

test("tasks tick and untick with the keyboard, with their dates and the progress", async ({ page }) => {
  await page.goto("/checklist");
  await appReady(page);
  await expect(page).toHaveTitle("Applying checklist · MVP Pathway");
  const status = page.getByTestId("progress-text");
  await expect(status).toHaveText("0 of 18 tasks done");
  await expect(status).toHaveAttribute("role", "status");
  await expectNoAxeViolations(page, "checklist (light)");

  const links = page.getByRole("checkbox", { name: "Collect a link for each contribution you can point to." });
  const figures = page.getByRole("checkbox", { name: /^Add figures where you have them/ });
  await links.focus();
  await page.keyboard.press("Space");
  await expect(links).toBeChecked();
  await expect(status).toHaveText("1 of 18 tasks done");
  const date = page.locator("#task-gather-links-date");
  await expect(date).toHaveText(`Done on ${await todayIn(page, "en")}`);
  await expect(date.locator("time")).toHaveAttribute("datetime", await todayIso(page));
  await expect(links).toHaveAttribute("aria-describedby", "task-gather-links-date");
  await expect(page.locator("section[data-step=gather] .checklist-step__progress")).toHaveText("1 of 3 done");
  await expect(page.locator(".checklist-progress progress")).toHaveAttribute("value", "1");

  await page.keyboard.press("Tab");
  await expect(figures).toBeFocused();
  await page.keyboard.press("Space");
  await expect(status).toHaveText("2 of 18 tasks done");
  // Unticking clears the date.
  await page.keyboard.press("Shift+Tab");
  await expect(links).toBeFocused();
  await page.keyboard.press("Space");
  await expect(links).not.toBeChecked();
  await expect(date).toHaveCount(0);
  await expect(status).toHaveText("1 of 18 tasks done");
  expect(await stored(page)).toEqual({ v: 1, data: { done: { "gather-figures": await todayIso(page) }, notes: {} } });

  await page.reload();
  await appReady(page);
  await expect(figures).toBeChecked();
  await expect(links).not.toBeChecked();
  await expect(status).toHaveText("1 of 18 tasks done");

  // The same page in Spanish, in the user's words and date format.
  await page.locator("#pref-language").selectOption("es");
  await expect(status).toHaveText("1 de 18 tareas hechas");
  await expect(page.locator("#task-gather-figures-date")).toHaveText(`Hecho el ${await todayIn(page, "es")}`);
  await page.locator("#pref-theme").selectOption("dark");
  await expectNoAxeViolations(page, "checklist (Spanish, dark)");
});

test("notes are saved as you type and survive a reload", async ({ page }) => {
  await page.goto("/checklist");
  await appReady(page);
  const notes = page.locator("section[data-step=feedback]").getByLabel("Your notes on this step");
  await notes.click();
  await page.keyboard.type("Ask Ana about the workshop <b>slides</b>");
  // Saved on every keystroke: no button, nothing else to do.
  expect((await stored(page)).data.notes).toEqual({ feedback: "Ask Ana about the workshop <b>slides</b>" });
  await page.reload();
  await appReady(page);
  await expect(page.locator("section[data-step=feedback]").getByLabel("Your notes on this step")).toHaveValue(
    "Ask Ana about the workshop <b>slides</b>",
  );
  await expect(page.locator("section[data-step=reflect]").getByLabel("Your notes on this step")).toHaveValue("");
});

test("a fully done checklist says so, and its steps link to the parts that help", async ({ page }) => {
  await page.goto("/checklist");
  await appReady(page);
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await expect(page.getByTestId("progress-text")).toContainText("18 of 18 tasks done");
  await expect(page.getByTestId("progress-text")).toContainText("Every task is done.");
  await expect(page.locator("section[data-step=reflect] .checklist-step__progress")).toHaveText("Step complete");
  const href = (name) => page.getByRole("link", { name }).getAttribute("href");
  expect(await href("Log your contributions in the journal")).toBe("/journal");
  expect(await href("Read the questions and answers about nomination")).toBe("/faq");
  expect(await href("See the upcoming live sessions")).toBe("/events");
  expect(await href("Check where you stand with the eligibility explainer")).toBe("/explainer");
  expect(await href("Draft your story")).toBe("/story");
  expect(await href("The official MVP site")).toBe("https://mvp.microsoft.com");
  await expectNoAxeViolations(page, "checklist complete");
});

test("the header and the home page lead to the checklist", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.getByRole("link", { name: /Work through the applying checklist/ }).click();
  await expect(page).toHaveURL(/\/checklist$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Applying checklist");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Checklist" })).toHaveAttribute("aria-current", "page");
});
