// "What's your MVP story?": prompts saved as you type, the Markdown draft, copy and download.
import { test, expect, expectNoAxeViolations, appReady } from "./fixtures.mjs";

const readDownload = async (download) =>
  Buffer.concat(await (await download.createReadStream()).toArray()).toString();

test("answers are saved as you type and become a safe Markdown draft", async ({ page }) => {
  await page.goto("/story");
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What's your MVP story?");
  await expect(page.getByText("Answer a question above and your draft appears here.")).toBeVisible();
  await expectNoAxeViolations(page, "story (empty)");

  await page.getByLabel("Why did you start contributing?").fill("Nobody answered my *question*,\nso I wrote it up.");
  await page.getByLabel("What did you learn?").fill('# not a heading <img src=x onerror="window.pwned=1">');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("mvp-pathway:story")));
  expect(saved.v).toBe(1);
  expect(saved.data.why_started).toBe("Nobody answered my *question*,\nso I wrote it up.");

  const preview = page.locator(".story-preview__body");
  await expect(preview.getByRole("heading", { level: 4 })).toHaveText("My MVP story");
  await expect(preview.getByRole("heading", { level: 5 })).toHaveText(["Why I started", "What I learned"]);
  await expect(preview).toContainText("Nobody answered my *question*,");
  await expect(preview).toContainText('# not a heading <img src=x onerror="window.pwned=1">');
  await expect(preview.locator("img, em")).toHaveCount(0);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  await expect(page.getByLabel("Markdown")).toHaveValue(
    "# My MVP story\n\n## Why I started\n\nNobody answered my \\*question\\*,\\\nso I wrote it up.\n\n" +
      '## What I learned\n\n\\# not a heading \\<img src=x onerror="window.pwned=1"\\>\n',
  );
  await expectNoAxeViolations(page, "story (draft)");

  await page.reload();
  await appReady(page);
  await expect(page.getByLabel("Why did you start contributing?")).toHaveValue(
    "Nobody answered my *question*,\nso I wrote it up.",
  );
  await expect(preview.getByRole("heading", { level: 5 })).toHaveText(["Why I started", "What I learned"]);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download .md" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("my-mvp-story.md");
  expect(await readDownload(download)).toBe(await page.getByLabel("Markdown").inputValue());
  await expect(page.getByTestId("story-outcome")).toHaveText("Downloaded as my-mvp-story.md.");
});

test("copy puts the draft on the clipboard and says so", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/story");
  await appReady(page);
  await page.getByLabel("What comes next?").fill("Start a study group.");
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByTestId("story-outcome")).toHaveText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "# My MVP story\n\n## What comes next\n\nStart a study group.\n",
  );
  await expectNoAxeViolations(page, "story (copied)");
});

test("where copying fails the page says so and selects the Markdown instead", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      get: () => ({ writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) }),
    });
  });
  await page.goto("/story");
  await appReady(page);
  await page.getByLabel("What comes next?").fill("Mentor two newcomers.");
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByTestId("story-outcome")).toHaveText(
    "Copying did not work in this browser. Select the text in the Markdown box and copy it yourself.",
  );
  await expect(page.getByLabel("Markdown")).toBeFocused();
  // The same where the browser has no clipboard API at all.
  await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { get: () => undefined }));
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByTestId("story-outcome")).toContainText("Copying did not work");
});

test("without journal entries the page points to the journal; nav and home lead here", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.getByRole("link", { name: /Write your MVP story/ }).click();
  await expect(page).toHaveURL(/\/story$/);
  await expect(page.getByText("Your journal's strongest entries will appear here once you log some.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the contribution journal" })).toHaveAttribute("href", "/journal");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your story" }),
  ).toHaveAttribute("aria-current", "page");
  await page.locator("#pref-language").selectOption("es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("¿Cuál es tu historia MVP?");
  await page.getByLabel("¿Qué aprendiste?").fill("Mucho");
  await expect(page.locator(".story-preview__body h5")).toHaveText("Qué aprendí");
});
