// Live sessions: the 17 March session with no invented time, a countdown from the
// browser's clock, a downloadable .ics file, and past sessions shown as past.
import { readFile } from "node:fs/promises";
import { test, expect, expectNoAxeViolations, appReady } from "./fixtures.mjs";

test("the next session shows its date, no invented time, a countdown and the unofficial notice", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-27T12:00:00"));
  await page.goto("/events");
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Live sessions");
  await expect(page).toHaveTitle("Live sessions · MVP Pathway");
  const notice = page.getByTestId("unofficial-notice");
  await expect(notice).toContainText("unofficial");
  await expect(notice.getByRole("link", { name: "Official Microsoft MVP site" })).toHaveAttribute("href", "https://mvp.microsoft.com");
  const session = page.locator(".session").first();
  await expect(session.getByRole("heading", { level: 3 })).toHaveText("MVP Program Essentials: What You Need to Know");
  await expect(session).toContainText("Next session");
  await expect(session.locator("time")).toHaveText("March 17, 2027");
  await expect(session.locator("time")).toHaveAttribute("datetime", "2027-03-17");
  await expect(session).toContainText("the time is announced on the official page");
  await expect(session).toContainText("without a year");
  await expect(session.getByTestId("countdown")).toHaveText("Starts in 110 days.");
  await expect(page.getByText("No past sessions are listed.")).toBeVisible();
  await expectNoAxeViolations(page, "events (light)");
  await page.getByLabel("Theme").selectOption("dark");
  await expectNoAxeViolations(page, "events (dark)");
});

test("the date and countdown follow the page language (Intl)", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-27T12:00:00"));
  await page.goto("/events?lang=fr");
  await appReady(page);
  const session = page.locator(".session").first();
  await expect(session.locator("time")).toHaveText("17 mars 2027");
  await expect(session.getByTestId("countdown")).toHaveText("Commence dans 110 jours.");
  await page.goto("/events?lang=ar");
  await appReady(page);
  // Arabic: 110 is CLDR `few` (plural noun); numbers and dates are isolated (FSI…PDI).
  await expect(session.getByTestId("countdown")).toHaveText("تبدأ الجلسة بعد \u2068110\u2069 أيام.");
  await expect(session.locator("time")).toHaveText(/^\u2068(17|١٧) مارس (2027|٢٠٢٧)\u2069$/);
  await expectNoAxeViolations(page, "events (Arabic)");
});

test("add to calendar downloads a valid all-day .ics file", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-27T12:00:00Z"));
  await page.goto("/events");
  await appReady(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Add to calendar (.ics)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("mvp-program-essentials-2027-03-17.ics");
  const text = await readFile(await download.path(), "utf8");
  expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toContain("\n");
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const unfolded = text.replace(/\r\n /g, "");
  expect(unfolded).toContain("\r\nDTSTART;VALUE=DATE:20270317\r\n");
  expect(unfolded).toContain("\r\nDTEND;VALUE=DATE:20270318\r\n");
  expect(unfolded).toContain("\r\nDTSTAMP:20261127T120000Z\r\n");
  expect(unfolded).toContain("\r\nSUMMARY:MVP Program Essentials: What You Need to Know\r\n");
  expect(unfolded).toMatch(/\r\nUID:[^\r]+\r\n/);
  expect(unfolded.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "Calendar file downloaded" })).toContainText(
    "mvp-program-essentials-2027-03-17.ics",
  );
  await expectNoAxeViolations(page, "events after download");
});

test("after the date the session is shown as past, without a countdown or calendar button", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2027-04-02T12:00:00"));
  await page.goto("/events");
  await appReady(page);
  await expect(page.getByText("No upcoming session is listed here yet.")).toBeVisible();
  const past = page.locator("section", { has: page.getByRole("heading", { name: "Past sessions" }) });
  await expect(past.locator(".session")).toHaveCount(1);
  await expect(past.locator(".session")).toContainText("Past");
  await expect(page.getByTestId("countdown")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add to calendar (.ics)" })).toHaveCount(0);
  await expectNoAxeViolations(page, "events (past)");
});

test("on the day itself the session says it is today; Spanish dates are written out", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2027-03-17T08:00:00"));
  await page.goto("/events");
  await appReady(page);
  await expect(page.getByTestId("countdown")).toHaveText("Happening today.");
  await page.getByLabel("Language").selectOption("es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sesiones en directo");
  await expect(page.locator(".session time")).toHaveText("17 de marzo de 2027");
  await expect(page.getByTestId("countdown")).toHaveText("Es hoy.");
  await expectNoAxeViolations(page, "events (es)");
});

test("the header and the home page lead to the FAQ and live sessions", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.getByRole("link", { name: "Live sessions The program's" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Live sessions");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "FAQ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Frequently asked questions");
  await expect(nav.getByRole("link", { name: "FAQ" })).toHaveAttribute("aria-current", "page");
});
