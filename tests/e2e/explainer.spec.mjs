// The eligibility explainer: journeys through the questions to the result, with axe on
// every screen, history, change links, keyboard use, reload and Spanish.
import { test, expect, expectNoAxeViolations, appReady, APP_HEADER } from "./fixtures.mjs";
import { SUBPATH_URL } from "../../playwright.config.mjs";

// Whole journeys with axe on every screen take longer than the default 30 s.
test.describe.configure({ timeout: 120_000 });

const OFFICIAL = "https://mvp.microsoft.com";

/** Picks the labelled answers of the current question (axe first), then continues. */
async function answer(page, labels, { axe = true } = {}) {
  await expect(page.locator("#main h1:visible")).toBeVisible();
  if (axe) await expectNoAxeViolations(page, page.url());
  for (const label of labels) {
    await page.getByLabel(label, { exact: true }).check();
  }
  const before = page.url();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).not.toHaveURL(before);
}

const STRONG = [
  ["age", ["Yes"]],
  ["employee", ["No"]],
  ["conduct", ["Yes"]],
  ["active", ["Yes"]],
  ["months", ["10 to 12 months"]],
  ["forms", ["Writing (blog posts, articles, books)", "Mentoring or coaching"]],
  ["reach", ["Yes"]],
  ["area", ["Microsoft Azure"]],
  ["versions", ["Mostly current versions"]],
  ["community", ["I support a community in my own language"]],
  ["recommender", ["Yes"]],
  ["examples", ["Yes"]],
  ["feedback", ["Yes"]],
];

async function answerAll(page, list, options) {
  for (const [id, labels] of list) {
    await expect(page).toHaveURL(new RegExp(`/explainer/q/${id}$`));
    await answer(page, labels, options);
  }
}

function card(page, title) {
  return page.locator(".explainer-card").filter({ has: page.getByRole("heading", { level: 3, name: title }) });
}

test("a contributor who meets the signals reaches a full, sourced result", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  const entries = page.locator(".entry-points > li");
  await expect(entries.first()).toContainText("Is this program for me?");
  await entries.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Is the MVP Program for me?");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Is it for me?" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expectNoAxeViolations(page, "explainer intro");
  await page.getByRole("link", { name: "Start" }).click();
  await expect(page.getByText("Question 1", { exact: true })).toBeVisible();
  await answerAll(page, STRONG.slice(0, 4));
  await expect(page.getByText("Question 5 of 13")).toBeVisible();
  await answerAll(page, STRONG.slice(4));

  await expect(page).toHaveURL(/\/explainer\/check$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await expect(page.locator(".summary-row")).toHaveCount(13);
  await expect(page.locator('[data-question="forms"] dd').first()).toContainText("Mentoring or coaching");
  await expectNoAxeViolations(page, "check answers");
  await page.getByRole("link", { name: "See your result" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where you stand");
  await expect(page.locator(".explainer-card")).toHaveCount(12);
  await expect(page.locator('.explainer-card[data-state="met"]')).toHaveCount(12);
  await expect(page.getByTestId("explainer-summary")).toHaveText(
    "You meet the requirements. Reviewers weigh 9 things. In place: 9. Not there yet: 0. Not sure: 0.",
  );
  await expect(page.getByText("This is not a prediction. There is no fixed benchmark")).toBeVisible();
  const age = card(page, "Age 18 or over");
  await expect(age).toContainText("Widely reported by third-party sources");
  await expect(age.getByRole("link", { name: "check the official MVP site" })).toHaveAttribute("href", OFFICIAL);
  // Next steps lead to the parts of the app that help (not followed: built elsewhere).
  await expect(card(page, "Contributions in the last 12 months").getByRole("link", { name: "Start a contribution journal" })).toHaveAttribute("href", "/journal");
  await expect(card(page, "Examples and peer feedback").getByRole("link", { name: "Work through the applying checklist" })).toHaveAttribute("href", "/checklist");
  await expect(card(page, "Forms of contribution").getByRole("link", { name: /what counts as a contribution/ })).toHaveAttribute("href", "/faq");
  await expect(card(page, "A path to a recommendation").getByRole("link", { name: /live "MVP Program Essentials" session/ })).toHaveAttribute("href", "/events");
  await expectNoAxeViolations(page, "result (light)");
  await page.getByLabel("Theme").selectOption("dark");
  await expectNoAxeViolations(page, "result (dark)");

  // The print stylesheet drops the app frame and the buttons, keeps the cards.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(APP_HEADER)).toBeHidden();
  await expect(page.getByRole("button", { name: "Start over" })).toBeHidden();
  await expect(page.locator(".explainer-card").first()).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("button", { name: "Start over" }).click();
  await expect(page).toHaveURL(/\/explainer\/q\/age$/);
  await expect(page.getByLabel("Yes", { exact: true })).not.toBeChecked();
});

test("a Microsoft employee learns it is not possible right now, and why, without a judgement", async ({ page }) => {
  await page.goto("/explainer/q/age");
  await appReady(page);
  await answer(page, ["Yes"]);
  await answer(page, ["Yes"]);
  await expect(page).toHaveURL(/\/explainer\/check$/);
  await expect(page.locator(".summary-row")).toHaveCount(2);
  await expectNoAxeViolations(page, "check (employee)");
  await page.getByRole("link", { name: "See your result" }).click();
  const employee = card(page, "Not a current Microsoft employee");
  await expect(employee).toHaveAttribute("data-state", "not-yet");
  await expect(employee).toContainText("Not possible right now");
  await expect(employee).toContainText("the award recognises independent community leaders");
  await expect(employee).toContainText("you can recommend community members");
  await expect(employee).toContainText("Accounts by former MVPs");
  await expect(page.getByTestId("explainer-summary")).toContainText("not about the value of what you do");
  await expect(page.locator('.explainer-card[data-state="does-not-apply"]')).toHaveCount(10);
  await expect(card(page, "Consistency over the year")).toContainText("a requirement above decides the outcome for now");
  await expectNoAxeViolations(page, "result (employee)");
});

test("someone who is not sure of anything gets 'not sure' with where to find out", async ({ page }) => {
  await page.goto("/explainer");
  await appReady(page);
  await page.getByRole("link", { name: "Start" }).click();
  for (let i = 0; i < 13; i++) {
    await answer(page, ["Not sure"]);
  }
  await expect(page).toHaveURL(/\/explainer\/check$/);
  await expect(page.locator(".summary-row")).toHaveCount(13);
  await page.getByRole("link", { name: "See your result" }).click();
  await expect(page.locator('.explainer-card[data-state="not-sure"]')).toHaveCount(12);
  await expect(page.getByTestId("explainer-summary")).toContainText("find out about the requirements you were not sure of");
  await expect(card(page, "A technology area of the program")).toContainText("compare your work with the categories on the official site");
  await expectNoAxeViolations(page, "result (not sure)");
});

test("keyboard only: choose, get an error for no answer, continue and go back", async ({ page }) => {
  await page.goto("/explainer");
  await appReady(page);
  const start = page.getByRole("link", { name: "Start" });
  await start.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/explainer\/q\/age$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  // Submitting with nothing chosen explains the problem next to the question.
  await page.keyboard.press("Tab"); // the radio group
  await page.keyboard.press("Tab"); // continue button (a radio group is one stop)
  await expect(page.getByRole("button", { name: "Continue" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Choose an answer" })).toBeVisible();
  await expect(page.getByLabel("Yes", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("group")).toHaveAccessibleDescription(/Choose an answer/);
  await expectNoAxeViolations(page, "question with error");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Yes", { exact: true })).toBeChecked();
  await expect(page.locator("#explainer-age-error")).toBeEmpty();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/explainer\/q\/employee$/);
  // A checkbox question: Space toggles, "Not sure" clears the others.
  await page.goto("/explainer/q/forms");
  await appReady(page);
  await page.getByLabel("Writing (blog posts, articles, books)").focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Writing (blog posts, articles, books)")).toBeChecked();
  await page.getByLabel("Not sure", { exact: true }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Writing (blog posts, articles, books)")).not.toBeChecked();
  await expect(page.getByLabel("Not sure", { exact: true })).toBeChecked();
  // The back link is reachable and works with Enter.
  await page.getByRole("link", { name: "Back" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/explainer\/q\/months$/);
});

test("browser back and forward, back links and change links keep the answers", async ({ page }) => {
  await page.goto("/explainer/q/age");
  await appReady(page);
  await answer(page, ["Yes"], { axe: false });
  await answer(page, ["No"], { axe: false });
  await expect(page).toHaveURL(/\/q\/conduct$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/q\/employee$/);
  await expect(page.getByLabel("No", { exact: true })).toBeChecked();
  await page.goBack();
  await expect(page).toHaveURL(/\/q\/age$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you 18 or older?");
  await expect(page.getByLabel("Yes", { exact: true })).toBeChecked();
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Do you currently work for Microsoft as an employee?");
  await page.goForward();
  await expect(page).toHaveURL(/\/q\/conduct$/);
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page).toHaveURL(/\/q\/employee$/);
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page).toHaveURL(/\/q\/age$/);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await answerAll(page, STRONG.slice(2), { axe: false });
  await expect(page).toHaveURL(/\/explainer\/check$/);

  // No recent activity removes the activity details; the change returns to the check page.
  await page.locator('[data-question="active"]').getByRole("link", { name: /Change/ }).click();
  await expect(page).toHaveURL(/\/q\/active\?from=check$/);
  await expect(page.getByRole("link", { name: "Back" })).toHaveAttribute("href", "/explainer/check");
  await answer(page, ["No"]);
  await expect(page).toHaveURL(/\/explainer\/check$/);
  await expect(page.locator(".summary-row")).toHaveCount(10);
  await expect(page.locator('[data-question="months"]')).toHaveCount(0);
  // A skipped question's address says it is not needed.
  await page.goto("/explainer/q/months");
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This question is not needed");
  await expectNoAxeViolations(page, "skipped question");
  await page.goto("/explainer/check");
  await appReady(page);
  await page.locator('[data-question="employee"]').getByRole("link", { name: /Change/ }).click();
  await answer(page, ["Yes"], { axe: false });
  await expect(page.locator(".summary-row")).toHaveCount(2);
  await page.locator('[data-question="employee"]').getByRole("link", { name: /Change/ }).click();
  await answer(page, ["No"], { axe: false });
  await expect(page).toHaveURL(/\/explainer\/check$/);
  await expect(page.locator(".summary-row")).toHaveCount(10);
  await page.getByRole("link", { name: "See your result" }).click();
  await expect(card(page, "Contributions in the last 12 months")).toHaveAttribute("data-state", "not-yet");
  await expect(card(page, "Evidence of reach")).toHaveAttribute("data-state", "does-not-apply");
});

test("a reload in the middle keeps the answers; 'clear my answers' removes them", async ({ page }) => {
  await page.goto("/explainer/q/age");
  await appReady(page);
  await answer(page, ["Yes"], { axe: false });
  await answer(page, ["No"], { axe: false });
  await page.getByLabel("Not sure", { exact: true }).check();
  await page.reload();
  await appReady(page);
  await expect(page).toHaveURL(/\/q\/conduct$/);
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page.getByLabel("No", { exact: true })).toBeChecked();
  await page.goto("/explainer");
  await appReady(page);
  await expect(page.getByText("You have answered 2 questions so far.")).toBeVisible();
  await expectNoAxeViolations(page, "intro with answers");
  await page.getByRole("link", { name: "Continue where you left off" }).click();
  await expect(page).toHaveURL(/\/q\/conduct$/);
  await page.goBack();
  await page.getByRole("button", { name: "Clear my answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your answers were cleared." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Start" })).toBeVisible();
  await page.reload();
  await appReady(page);
  await expect(page.getByRole("link", { name: "Start" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Clear my answers" })).toHaveCount(0);
});

test("the explainer works in Spanish", async ({ page }) => {
  await page.goto("/explainer");
  await appReady(page);
  await page.getByLabel("Language").selectOption("es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("¿Es el programa MVP para mí?");
  await page.getByRole("link", { name: "Empezar" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("¿Tienes 18 años o más?");
  await page.getByRole("button", { name: "Continuar" }).click();
  await expect(page.getByRole("alert")).toHaveText("Elige una respuesta, o «No estoy seguro».");
  await page.getByLabel("Sí", { exact: true }).check();
  await page.getByRole("button", { name: "Continuar" }).click();
  await page.getByLabel("Sí", { exact: true }).check();
  await page.getByRole("button", { name: "Continuar" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Revisa tus respuestas");
  await expectNoAxeViolations(page, "check (es)");
  await page.getByRole("link", { name: "Ver tu resultado" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("En qué punto estás");
  await expect(card(page, "No ser empleado actual de Microsoft")).toContainText("No es posible por ahora");
  await expectNoAxeViolations(page, "result (es)");
});

test("an unknown question address explains itself", async ({ page }) => {
  await page.goto("/explainer/q/shoe-size");
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This question does not exist");
  await expectNoAxeViolations(page, "unknown question");
});

test("under a sub-path the explainer's addresses and next steps keep the path", async ({ page }) => {
  await page.goto(SUBPATH_URL + "explainer");
  await appReady(page);
  await page.getByRole("link", { name: "Start" }).click();
  await expect(page).toHaveURL(SUBPATH_URL + "explainer/q/age");
  await answer(page, ["Yes"], { axe: false });
  await answer(page, ["Yes"], { axe: false });
  await expect(page).toHaveURL(SUBPATH_URL + "explainer/check");
  await page.getByRole("link", { name: "See your result" }).click();
  await expect(card(page, "Not a current Microsoft employee").getByRole("link", { name: /how nominations/ })).toHaveAttribute(
    "href",
    "/pathway/faq",
  );
  await page.reload();
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where you stand");
});
