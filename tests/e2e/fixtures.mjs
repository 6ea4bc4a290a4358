// Shared test fixtures: every test fails on a console error, an uncaught exception or a
// Content Security Policy violation (in the page and in every frame, the sandboxed embed
// included), and `expectNoAxeViolations` checks the page against WCAG 2.2 A/AA rules.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const test = base.extend({
  consoleErrors: [
    async ({ page }, use) => {
      const errors = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(String(err)));
      await use(errors);
      expect(errors, "console errors or uncaught exceptions").toEqual([]);
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ page }, use) => {
      const violations = [];
      // Runs in every frame before its own scripts; reports through the console, which
      // reaches the test from any frame, sandboxed or not.
      await page.addInitScript((marker) => {
        document.addEventListener(
          "securitypolicyviolation",
          (e) => console.warn(`${marker} ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.documentURI}${e.sample ? ` (${e.sample})` : ""}`),
          true,
        );
      }, VIOLATION);
      page.on("console", (msg) => {
        if (msg.text().startsWith(VIOLATION)) violations.push(msg.text());
      });
      await use(violations);
      expect(violations, "Content Security Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

/** Start of the console message the violation listener writes. */
export const VIOLATION = "securitypolicyviolation:";

export { expect };

/** The app's header: not the loader's drawing of it in `#boot` (see boot.spec.mjs). */
export const APP_HEADER = "header.site-header:not(#boot *)";

/** Runs axe-core on the current page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page, label = page.url()) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * Waits until the app has mounted (the header is rendered by the Wasm app; the one in
 * `#boot` is the loader's drawing of it, see boot.spec.mjs).
 */
export async function appReady(page) {
  await expect(page.locator(APP_HEADER)).toBeVisible();
  await expect(page.locator("#main h1:visible")).toBeVisible();
}

/** An ISO date `monthsAgo` months before today (day clamped to 28). */
export function ago(monthsAgo, day = 10) {
  // A date in the month `monthsAgo` months back, never later than today: the journal's
  // 12-month window ends today, so a day later in the current month would fall outside it.
  const today = new Date();
  const d = new Date(today.getFullYear(), today.getMonth() - monthsAgo, 1);
  const cap = monthsAgo === 0 ? today.getDate() : 28;
  d.setDate(Math.min(day, 28, cap));
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
