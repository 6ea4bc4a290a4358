// The parts working together: what the journal knows prefills the explainer and feeds the story.
import { test, expect, expectNoAxeViolations, appReady, ago } from "./fixtures.mjs";

const entries = [
  { id: "a", type: "blog", title: "Bicep modules explained", date: ago(1), created_ms: 1, updated_ms: 1, figures: { views: 500 } },
  { id: "b", type: "podcast", title: "Talking Rust and Wasm", date: ago(3), created_ms: 1, updated_ms: 1, figures: { listens: 2000 } },
  { id: "c", type: "blog", title: "Our meetup recap", date: ago(5), created_ms: 1, updated_ms: 1, high_impact: true },
];

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.evaluate((v) => localStorage.setItem("mvp-pathway:journal", v), JSON.stringify({ v: 1, data: { entries } }));
});

test("the explainer offers to fill the activity questions from the journal", async ({ page }) => {
  await page.goto("/explainer");
  await appReady(page);
  const offer = page.getByRole("region", { name: "Use your contribution journal" }).or(
    page.locator("section, div").filter({ has: page.getByRole("heading", { name: "Use your contribution journal" }) }).last(),
  );
  await expect(offer).toContainText("3 contributions from the last 12 months, in 3 different months");
  await expectNoAxeViolations(page, "explainer with journal offer");
  await page.getByRole("button", { name: "Fill from my journal" }).click();
  await expect(page.getByText(/answers were filled from your journal/)).toBeVisible();
  // The filled answers are saved like typed ones: the activity questions now have answers.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("mvp-pathway:explainer")));
  for (const question of ["active", "months", "forms", "reach"]) {
    expect(saved.data.answers[question], question).toBeTruthy();
  }
  expect(saved.data.answers.forms).toEqual(expect.arrayContaining(["writing", "video"]));
});

test("the story offers the journal's strongest entries, high impact first", async ({ page }) => {
  await page.goto("/story");
  await appReady(page);
  const list = page.locator(".story-highlights");
  await expect(list.locator(".story-highlight")).toHaveCount(3);
  await expect(list.locator(".story-highlight").first()).toContainText("Our meetup recap");
  await expect(list.locator(".story-highlight").nth(1)).toContainText("Talking Rust and Wasm");
  await expectNoAxeViolations(page, "story with highlights");
});
