// The first paint: before any of the app's code arrives, index.html's loader draws the top
// of the page (header, heading, lead paragraph) in the reader's language, from the
// language files (build.rs `BOOT`). The app's page then takes its place: the same texts in
// the same places, and the drawing is gone.
import { test, expect, APP_HEADER } from "./fixtures.mjs";

/** Every address build.rs `BOOT` draws, with the selector of its paragraph to compare
 * (`null`: the page's top is its heading alone). */
const PAGES = [
  ["/", ".lead"],
  ["/explainer", ".lead"],
  ["/checklist", ".lead"],
  ["/journal", ".lead"],
  ["/journal/new", null],
  ["/journal/data", "section p"],
  ["/story", ".lead"],
  ["/faq", ".lead"],
  ["/events", ".lead"],
  ["/settings", ".lead"],
  ["/about", "section:nth-of-type(2) p"],
  ["/embed", ".lead"],
  ["/embed/faq", ".lead"],
  ["/embed/explainer", ".lead"],
  ["/embed/checklist", ".lead"],
];

/**
 * Holds back every main module (the app's and the widgets') until `release()` is called,
 * so that what is on screen before the code arrives can be looked at.
 */
async function holdCode(page, { abort = false } = {}) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  // For each request of a main module: whether the drawing was on the page, and its paint
  // reported by the browser (first contentful paint), by then.
  const requested = [];
  await page.route(/\/main_bg\.wasm$/, async (route) => {
    const painted = () => !!document.querySelector("#boot h1") && performance.getEntriesByName("first-contentful-paint").length > 0;
    requested.push(await page.evaluate(painted).catch(() => false));
    await held;
    await (abort ? route.abort() : route.continue());
  });
  return { release, requested };
}

/** Texts of the drawn header and page parts that the app's page must repeat. */
const PARTS = [".site-nav", ".site-prefs", ".journal-tabs", ".unofficial-notice", "h2"];
async function parts(page, root) {
  const out = {};
  for (const part of PARTS) {
    const element = page.locator(`${root} ${part}`).first();
    if (await element.count()) out[part] = (await element.textContent()).replace(/\s+/g, " ").trim();
  }
  return out;
}

/** Text and top edge of the heading and of `paragraph` inside `root`. */
async function top(page, root, paragraph) {
  const read = async (selector) => {
    const element = page.locator(`${root} ${selector}`).first();
    return { text: (await element.textContent()).trim(), y: Math.round((await element.boundingBox()).y) };
  };
  return { h1: await read("h1"), paragraph: paragraph ? await read(paragraph) : null };
}

for (const [width, pages] of [[1280, PAGES], [390, PAGES]]) {
  for (const [path, paragraph] of pages) {
    test(`each page's first paint: ${path} at ${width} px shows its top before its code, in the place the page then takes`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const code = await holdCode(page);
      await page.goto(path);
      const boot = page.locator("#boot");
      await expect(boot.locator("h1")).toBeVisible();
      await expect(boot).toHaveAttribute("aria-hidden", "true");
      expect(await boot.evaluate((e) => e.inert)).toBe(true);
      // Nothing of the app is there yet: what the reader sees is the loader's drawing.
      await expect(page.locator("#main")).toHaveCount(0);
      const drawn = await top(page, "#boot", paragraph);
      const drawnParts = await parts(page, "#boot");
      // The code starts downloading only once the top is drawn.
      await expect.poll(() => code.requested.length).toBeGreaterThan(0);
      expect(code.requested.every(Boolean), "the drawing was painted before the code was asked for").toBe(true);

      code.release();
      await expect(page.locator("#main h1")).toBeVisible();
      await expect(boot).toHaveCount(0);
      const shown = await top(page, "#main", paragraph);
      expect(shown.h1.text).toBe(drawn.h1.text);
      expect(Math.abs(shown.h1.y - drawn.h1.y), "the heading stays where it was drawn").toBeLessThanOrEqual(1);
      if (paragraph) {
        expect(shown.paragraph.text).toBe(drawn.paragraph.text);
        expect(Math.abs(shown.paragraph.y - drawn.paragraph.y), "the paragraph stays where it was drawn").toBeLessThanOrEqual(1);
      }
      // The header (navigation, switches), tabs, notices and sections say what the app's do.
      for (const [part, text] of Object.entries(drawnParts)) {
        const app = page.locator(`${part === ".site-nav" || part === ".site-prefs" ? APP_HEADER : "#main"} ${part}`).first();
        expect((await app.textContent()).replace(/\s+/g, " ").trim(), part).toBe(text);
      }
    });
  }
}

test("the first paint is in the reader's language and direction, and names the current section", async ({ page }) => {
  const code = await holdCode(page);
  await page.goto("/journal/data?lang=ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const boot = page.locator("#boot");
  await expect(boot.locator("h1")).toHaveText("التصدير والاستيراد");
  await expect(boot.locator(".site-nav [aria-current=page]")).toHaveText("السجل");
  await expect(boot.locator(".journal-tabs [aria-current=page]")).toHaveText("التصدير والاستيراد");
  await expect(boot.locator("select").first()).toHaveValue("ar");
  code.release();
  await expect(page.locator("#main h1")).toHaveText("التصدير والاستيراد");
  await expect(page.locator(".site-nav [aria-current=page]")).toHaveText("السجل");
  await expect(boot).toHaveCount(0);
});

test("a widget's first paint takes its look from the address, not from the reader's settings", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("mvp-pathway:settings", JSON.stringify({ v: 1, data: { theme: "light", lang: null } })));
  const code = await holdCode(page);
  await page.goto("/embed/faq?theme=dark&compact=1&lang=de");
  await expect(page.locator("#boot h1")).toHaveText("Häufig gestellte Fragen");
  await expect(page.locator("#boot .site-header")).toHaveCount(0);
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(html).toHaveAttribute("data-compact", "");
  const background = () => page.evaluate(() => getComputedStyle(document.getElementById("boot") ?? document.body).backgroundColor);
  const drawn = await background();
  code.release();
  await expect(page.locator("#main h1")).toHaveText("Häufig gestellte Fragen");
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(drawn);
});

test("when the code cannot be downloaded at all, the drawing gives way to the message", async ({ page, consoleErrors }) => {
  const code = await holdCode(page, { abort: true });
  await page.goto("/faq");
  await expect(page.locator("#boot h1")).toBeVisible();
  code.release();
  await expect(page.locator(".load-failure")).toBeVisible();
  await expect(page.locator("#boot")).toHaveCount(0);
  // The browser's own line for the blocked request is expected; nothing else is.
  for (let i = consoleErrors.length - 1; i >= 0; i--) {
    if (/Failed to load resource/.test(consoleErrors[i])) consoleErrors.splice(i, 1);
  }
});

test("while a page's own code is slow, the app's header is live above the drawing", async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/pack__faq_route\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/faq");
  const header = page.locator(APP_HEADER);
  await expect(header).toBeVisible();
  await expect(page.locator("#boot")).toHaveClass(/boot--below/);
  await expect(page.locator("#boot h1")).toBeVisible();
  // What is at the header's links is the app's header, not the drawing: it can be used.
  const box = await header.getByRole("link", { name: "Checklist" }).boundingBox();
  const hit = await page.evaluate(([x, y, app]) => !!document.elementFromPoint(x, y)?.closest(app), [box.x + box.width / 2, box.y + box.height / 2, APP_HEADER]);
  expect(hit).toBe(true);
  const drawnY = (await page.locator("#boot h1").boundingBox()).y;
  release();
  await expect(page.locator("#main h1")).toBeVisible();
  await expect(page.locator("#boot")).toHaveCount(0);
  expect(Math.abs((await page.locator("#main h1").boundingBox()).y - drawnY)).toBeLessThanOrEqual(1);
});

test("an address without a drawing loads the app as before", async ({ page }) => {
  await page.goto("/journal/overview");
  await expect(page.locator("#main h1")).toHaveText("Overview");
  await expect(page.locator("#boot")).toHaveCount(0);
});
