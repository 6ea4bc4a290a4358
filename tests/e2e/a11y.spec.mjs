// Accessibility across the whole app (issue 11, WCAG 2.2 AA): axe on every route and widget
// in every language, keyboard-only journeys, and the WCAG 2.2 checks axe cannot make (focus
// not obscured by the sticky header, target size, forced colours, reduced motion, form errors).
import { test, expect, expectNoAxeViolations, ago } from "./fixtures.mjs";

const LANGS = [
  ["en", "ltr"],
  ["es", "ltr"],
  ["pt-BR", "ltr"],
  ["fr", "ltr"],
  ["de", "ltr"],
  ["ja", "ltr"],
  ["zh-Hans", "ltr"],
  ["ar", "rtl"],
];

/** Every page of the app and every widget; the explainer's result is seeded (see below). */
const ROUTES = [
  "/",
  "/explainer",
  "/explainer/q/age",
  "/explainer/result",
  "/checklist",
  "/journal",
  "/journal/new",
  "/journal/overview",
  "/journal/data",
  "/story",
  "/peer",
  "/peer/view",
  "/peer/reply",
  "/faq",
  "/events",
  "/settings",
  "/embed",
  "/about",
  "/no/such/page",
  "/embed/faq",
  "/embed/explainer",
  "/embed/checklist",
];

/** Explainer answers with a mix of met and "not sure" findings, so the result shows its cards. */
const ANSWERS = {
  age: ["yes"],
  employee: ["no"],
  conduct: ["yes"],
  active: ["yes"],
  months: ["not-sure"],
  forms: ["not-sure"],
  reach: ["yes"],
  area: ["not-sure"],
  versions: ["not-sure"],
  community: ["not-sure"],
  recommender: ["yes"],
  examples: ["not-sure"],
  feedback: ["yes"],
};

/** Two journal entries (format 1: the app migrates it into chunks on load). */
function journalEntries() {
  const base = { created_ms: 1, updated_ms: 1 };
  return [
    { ...base, id: "a", type: "blog", title: "Bicep modules in practice", date: ago(1), areas: ["azure"], figures: { views: 500 } },
    { ...base, id: "b", type: "speaker-third-party", title: "Rust and Wasm at the meetup", date: ago(3), high_impact: true },
  ];
}

/** Seeds explainer answers and a small journal before any page script runs (once per context). */
async function seedState(page, { journal = true } = {}) {
  await page.addInitScript(
    ([answers, entries]) => {
      if (sessionStorage.getItem("a11y-seeded")) return;
      sessionStorage.setItem("a11y-seeded", "1");
      localStorage.setItem("mvp-pathway:explainer", JSON.stringify({ v: 1, data: { answers } }));
      if (entries) localStorage.setItem("mvp-pathway:journal", JSON.stringify({ v: 1, data: { entries } }));
    },
    [ANSWERS, journal ? journalEntries() : null],
  );
}

/** Opens `route` in `lang` and waits for the page's h1 (lazy pages render after their code). */
async function openPage(page, route, lang) {
  const sep = route.includes("?") ? "&" : "?";
  await page.goto(`${route}${sep}lang=${lang}`);
  // A lazy page's code and text arrive after the shell: longer than the default on a busy machine.
  // The app's heading (`#main`), not the loader's drawing of it (`#boot`, aria-hidden).
  await expect(page.locator("#main h1").first()).toBeVisible({ timeout: 30_000 });
}

test.describe("axe on every route in every language", () => {
  // 22 pages with axe each: a language takes well over the default timeout on a loaded machine.
  test.describe.configure({ timeout: 360_000 });
  for (const [lang, dir] of LANGS) {
    test(`every route and widget in ${lang}`, async ({ page }) => {
      await seedState(page);
      for (const route of ROUTES) {
        await openPage(page, route, lang);
        const html = page.locator("html");
        await expect(html, `lang on ${route}`).toHaveAttribute("lang", lang);
        await expect(html, `dir on ${route}`).toHaveAttribute("dir", dir);
        if (route === "/explainer/result") await expect(page.locator(".explainer-card").first()).toBeVisible();
        if (route === "/journal") await expect(page.locator(".journal-entry")).toHaveCount(2);
        await expectNoAxeViolations(page, `${route} (${lang})`);
      }
    });
  }
});

// ---- keyboard only ----

/** What has focus in the page (not in a frame): tag, id, type, checked, text and label. */
function active(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      type: el.type ?? "",
      checked: !!el.checked,
      value: el.value ?? "",
      text: (el.innerText ?? "").trim(),
      label: (el.labels?.[0]?.innerText ?? "").trim(),
      inCard: !!el.closest(".explainer-card"),
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page, match, { back = false, max = 80 } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const a = await active(page);
    if (match(a)) return a;
    seen.push(`${a.tag}#${a.id}:${(a.text || a.label).slice(0, 30)}`);
  }
  throw new Error(`focus never reached the element; went through: ${seen.join(" | ")}`);
}

/** Waits until the page's h1 has focus (the app moves it there after a navigation). */
async function expectHeadingFocused(page, text) {
  const h1 = page.locator("#main h1:visible");
  await expect(h1).toHaveText(text);
  await expect.poll(() => page.evaluate(() => document.activeElement?.matches("#main h1"))).toBe(true);
}

const KEYBOARD_ANSWERS = [
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

test.describe("keyboard only", () => {
  test.describe.configure({ timeout: 180_000 });

  test("the explainer from its start to the result cards", async ({ page }) => {
    await page.goto("/explainer");
    await expect(page.locator("#main h1:visible")).toHaveText("Is the MVP Program for me?");
    await tabTo(page, (a) => a.tag === "a" && a.text === "Start");
    await page.keyboard.press("Enter");
    for (const [id, labels] of KEYBOARD_ANSWERS) {
      await expect(page).toHaveURL(new RegExp(`/explainer/q/${id}$`));
      await expect.poll(() => page.evaluate(() => document.activeElement?.matches("#main h1"))).toBe(true);
      for (const label of labels) {
        let a = await tabTo(page, (x) => x.tag === "input", { max: 20 });
        if (a.type === "radio") {
          // Arrow keys move through a radio group and check the radio they reach.
          for (let i = 0; i < 12 && a.label !== label; i++) {
            await page.keyboard.press("ArrowDown");
            a = await active(page);
          }
          expect(a.label).toBe(label);
          if (!a.checked) await page.keyboard.press("Space");
        } else {
          if (a.label !== label) a = await tabTo(page, (x) => x.tag === "input" && x.label === label, { max: 20 });
          await page.keyboard.press("Space");
        }
        expect((await active(page)).checked, `${id}: ${label} checked`).toBe(true);
      }
      await tabTo(page, (a) => a.tag === "button" && a.text === "Continue", { max: 20 });
      await page.keyboard.press("Enter");
      await expect(page).not.toHaveURL(new RegExp(`/explainer/q/${id}$`));
    }
    await expect(page).toHaveURL(/\/explainer\/check$/);
    await expectHeadingFocused(page, "Check your answers");
    await tabTo(page, (a) => a.tag === "a" && a.text === "See your result", { max: 60 });
    await page.keyboard.press("Enter");
    await expectHeadingFocused(page, "Where you stand");
    await expect(page.locator('.explainer-card[data-state="met"]')).toHaveCount(12);
    const inCard = await tabTo(page, (a) => a.inCard, { max: 20 });
    expect(inCard.tag).toBe("a");
  });

  test("the journal: add, edit, delete and undo, import a backup", async ({ page }) => {
    // Listen from the start: Playwright turns on file chooser interception asynchronously,
    // and a single key press can beat a listener added just before it.
    const choosers = [];
    page.on("filechooser", (c) => choosers.push(c));
    await page.goto("/journal");
    await expect(page.locator("#main h1:visible")).toHaveText("Contribution journal");
    await tabTo(page, (a) => a.tag === "a" && a.text === "Add your first entry");
    await page.keyboard.press("Enter");
    await expectHeadingFocused(page, "New entry");
    await tabTo(page, (a) => a.id === "jf-title");
    await page.keyboard.type("Keyboard-only talk");
    await tabTo(page, (a) => a.tag === "button" && a.text === "Save entry");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/journal$/);
    await expect(page.locator(".journal-entry h2")).toHaveText(["Keyboard-only talk"]);

    await tabTo(page, (a) => a.tag === "a" && a.text.startsWith("Edit"));
    await page.keyboard.press("Enter");
    await expectHeadingFocused(page, "Edit entry");
    await tabTo(page, (a) => a.id === "jf-title");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Keyboard-only talk, edited");
    await tabTo(page, (a) => a.tag === "button" && a.text === "Save entry");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/journal$/);
    await expect(page.locator(".journal-entry h2")).toHaveText(["Keyboard-only talk, edited"]);

    await tabTo(page, (a) => a.tag === "button" && a.text.startsWith("Delete"));
    await page.keyboard.press("Enter");
    await expect(page.locator(".journal-entry")).toHaveCount(0);
    // Focus goes to Undo, so one key press brings the entry back.
    await expect.poll(async () => (await active(page)).text).toBe("Undo");
    await page.keyboard.press("Enter");
    await expect(page.locator(".journal-entry h2")).toHaveText(["Keyboard-only talk, edited"]);
    await expect(page.getByTestId("journal-status")).toContainText("Restored");

    await tabTo(page, (a) => a.tag === "a" && a.text === "Export and import", { back: true });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/journal\/data$/);
    await tabTo(page, (a) => a.id === "jd-file");
    const backup = { format: "mvp-pathway-journal", version: 1, entries: [{ id: "kb1", type: "blog", title: "Imported by keyboard", date: ago(2), created_ms: 1, updated_ms: 1 }] };
    // Space on the focused file input opens the browser's file chooser.
    await page.keyboard.press("Space");
    await expect.poll(() => choosers.length).toBe(1);
    await choosers[0].setFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup)) });
    await expect(page.getByTestId("import-preview")).toContainText("1 entry will be added.");
    await tabTo(page, (a) => a.tag === "button" && a.text === "Import", { max: 20 });
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("journal-status")).toContainText("Import done: 1 added, 0 updated.");
    await tabTo(page, (a) => a.tag === "a" && a.text === "Entries", { back: true });
    await page.keyboard.press("Enter");
    await expect(page.locator(".journal-entry h2")).toHaveText(["Keyboard-only talk, edited", "Imported by keyboard"]);
  });

  test("the embed generator: widget and options, then copy", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto("/embed");
    await expect(page.locator("#main h1:visible")).toHaveText("Embed MVP Pathway on your site");
    let a = await tabTo(page, (x) => x.type === "radio");
    for (let i = 0; i < 4 && a.label !== "Applying checklist"; i++) {
      await page.keyboard.press("ArrowDown");
      a = await active(page);
    }
    expect(a).toMatchObject({ label: "Applying checklist", checked: true });
    await tabTo(page, (x) => x.id === "embed-lang", { max: 10 });
    // A closed select takes the option whose text is typed.
    await page.keyboard.type("Esp");
    expect((await active(page)).value).toBe("es");
    await tabTo(page, (x) => x.id === "embed-theme", { max: 10 });
    await page.keyboard.type("Dark");
    expect((await active(page)).value).toBe("dark");
    await tabTo(page, (x) => x.type === "checkbox", { max: 10 });
    await page.keyboard.press("Space");
    expect((await active(page)).checked).toBe(true);
    const snippet = page.locator("#embed-snippet");
    await expect(snippet).toHaveValue(/\/embed\/checklist\?lang=es&amp;theme=dark&amp;compact=1/);
    // Past the live preview (its own focusable content) to the copy button.
    await tabTo(page, (x) => x.tag === "button" && x.text === "Copy snippet", { max: 120 });
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Snippet copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());
  });
});

// ---- WCAG 2.2 checks axe does not make ----

/** Journal entries enough for a long list (format 1: the app migrates them on load). */
function manyEntries(n) {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    type: "blog",
    title: `Entry number ${i + 1}`,
    date: ago(i % 11, 1 + (i % 27)),
    url: `https://blog.example/${i}`,
    created_ms: 1,
    updated_ms: 1,
  }));
}

/**
 * 2.4.11: what hides the focused element. Looks at the header and at every sticky or fixed
 * element that does not contain the focused element, and returns those that overlap it.
 */
function focusCovers(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return [];
    const r = el.getBoundingClientRect();
    const candidates = [...document.querySelectorAll("body *")].filter((o) => {
      const p = getComputedStyle(o).position;
      return o.matches("header.site-header") || p === "sticky" || p === "fixed";
    });
    return candidates
      .filter((o) => !o.contains(el) && !el.contains(o) && getComputedStyle(o).visibility !== "hidden")
      .map((o) => ({ o, q: o.getBoundingClientRect() }))
      .filter(({ q }) => q.width > 0 && q.height > 0)
      .map(({ o, q }) => ({ o, q, top: Math.max(r.top, q.top), bottom: Math.min(r.bottom, q.bottom), left: Math.max(r.left, q.left), right: Math.min(r.right, q.right) }))
      .filter(({ top, bottom, left, right }) => bottom - top > 0 && right - left > 0)
      // Overlapping boxes hide the focus only where the other element is painted on top.
      .filter(({ o, top, bottom, left, right }) => {
        const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
        return hit && o.contains(hit) && !el.contains(hit);
      })
      .map(({ o, q }) => `${el.tagName} "${(el.innerText || el.id).trim().slice(0, 30)}" [${Math.round(r.top)}..${Math.round(r.bottom)}] under ${o.tagName}.${o.className} [${Math.round(q.top)}..${Math.round(q.bottom)}]`);
  });
}

/** Tabs `steps` times forward, then back, checking at each stop that nothing hides the focus. */
async function walkFocus(page, steps, keys = ["Tab", "Shift+Tab"]) {
  const problems = [];
  for (const key of keys) {
    for (let i = 0; i < steps; i++) {
      await page.keyboard.press(key);
      problems.push(...(await focusCovers(page)));
    }
  }
  return problems;
}

for (const [width, height] of [[1280, 720], [420, 800]]) {
  test(`2.4.11 focus is not hidden by the header or sticky messages at ${width} px`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await page.goto("/faq");
    await expect(page.locator(".faq-item").first()).toBeVisible();
    expect(await walkFocus(page, 45), "/faq").toEqual([]);

    // The journal's status message sticks to the bottom of the window while entries scroll.
    await page.evaluate((v) => localStorage.setItem("mvp-pathway:journal", v), JSON.stringify({ v: 1, data: { entries: manyEntries(30) } }));
    await page.goto("/journal/new");
    await expect(page.locator("#main h1:visible")).toHaveText("New entry");
    await page.locator("#jf-title").fill("A fresh entry");
    await page.getByRole("button", { name: "Save entry" }).click();
    await expect(page).toHaveURL(/\/journal$/);
    const toast = page.getByTestId("journal-status");
    await expect(toast).toContainText("Saved");
    // The toast is on screen and stuck (it overlaps the list's place in the page).
    await expect(toast).toBeInViewport();
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".journal-toast")).position)).toBe("sticky");
    expect(await walkFocus(page, 40), "/journal with the status message").toEqual([]);

    // After a deletion the message holds Undo and Dismiss (taller at 420 px); focus is on
    // Undo, so walk up the list first, then down again towards the message.
    await page.locator(".journal-entry").first().getByRole("button", { name: /^Delete/ }).click();
    await expect(toast.getByRole("button", { name: "Undo" })).toBeFocused();
    expect(await walkFocus(page, 30, ["Shift+Tab", "Tab"]), "/journal with the Undo offer").toEqual([]);
  });
}

/**
 * 2.5.8: every target at least 24 × 24 CSS px, unless a 24 px circle on its centre touches no
 * other target (spacing exception) or it is a link inside a sentence (inline exception).
 */
function smallTargets(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return s.visibility !== "hidden" && s.display !== "none" && r.width > 1 && r.height > 1 && r.bottom > 0 && !el.closest("[hidden], .visually-hidden, .explainer-vh");
    };
    const all = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]")].filter(visible);
    const inline = (el) => {
      if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
      let block = el.parentElement;
      while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
      if (!block) return false;
      // Running text: the block has words of its own besides its links.
      const copy = block.cloneNode(true);
      copy.querySelectorAll("a").forEach((a) => a.remove());
      return /[\p{L}\p{N}]/u.test(copy.textContent);
    };
    const rects = all.map((el) => el.getBoundingClientRect());
    const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
    const distToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const small = all.map((el, i) => rects[i].width < 23.99 || rects[i].height < 23.99);
    const out = [];
    all.forEach((el, i) => {
      if (!small[i] || inline(el)) return;
      const c = centre(rects[i]);
      const clash = all.findIndex((other, j) => {
        if (j === i || other.contains(el) || el.contains(other)) return false;
        if (distToRect(c, rects[j]) < 12) return true;
        if (small[j]) {
          const d = centre(rects[j]);
          return Math.hypot(c[0] - d[0], c[1] - d[1]) < 24;
        }
        return false;
      });
      if (clash >= 0) {
        const r = rects[i];
        const name = (el.innerText || el.getAttribute("aria-label") || el.labels?.[0]?.innerText || el.id || el.className).trim().slice(0, 40);
        out.push(`${el.tagName.toLowerCase()} "${name}" ${r.width.toFixed(1)}x${r.height.toFixed(1)} near ${all[clash].tagName.toLowerCase()}`);
      }
    });
    return out;
  });
}

test("2.5.8 the target check finds small, crowded targets and exempts spaced ones and links in a sentence", async ({ page }) => {
  await page.goto("/about");
  await expect(page.locator("#main h1:visible")).toBeVisible();
  // The about page's links inside sentences are under 24 px high, and exempt.
  expect(await page.locator("#main p a").evaluateAll((links) => links.filter((a) => a.getBoundingClientRect().height < 24).length)).toBeGreaterThan(0);
  expect(await smallTargets(page)).toEqual([]);
  // Two 16 px buttons side by side fail; a lone one far from others passes (spacing).
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.id = "probe";
    const add = (name, x, y) => {
      const b = document.createElement("button");
      b.textContent = name;
      for (const [k, v] of Object.entries({ position: "fixed", left: `${x}px`, top: `${y}px`, width: "16px", height: "16px", padding: "0", border: "0", "font-size": "8px" })) b.style.setProperty(k, v);
      box.append(b);
    };
    add("p1", 300, 300);
    add("p2", 318, 300);
    add("p3", 600, 300);
    document.body.append(box);
  });
  const found = await smallTargets(page);
  expect(found.filter((f) => f.includes('"p1"') || f.includes('"p2"'))).toHaveLength(2);
  expect(found.filter((f) => f.includes('"p3"'))).toEqual([]);
});

for (const [width, lang] of [[1280, "en"], [420, "en"], [420, "ar"], [420, "ja"]]) {
  test(`2.5.8 targets are at least 24 × 24 px or spaced, on every route at ${width} px in ${lang}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    await seedState(page);
    const problems = [];
    for (const route of ROUTES) {
      await openPage(page, route, lang);
      if (route === "/journal") await expect(page.locator(".journal-entry")).toHaveCount(2);
      if (route === "/faq") await expect(page.locator(".faq-item").first()).toBeVisible();
      problems.push(...(await smallTargets(page)).map((p) => `${route}: ${p}`));
    }
    expect(problems).toEqual([]);
  });
}

/** The visible marks of an element beyond its colours: borders, outline, underline, weight. */
function marks(page, selector) {
  const target = typeof selector === "string" ? page.locator(selector).first() : selector;
  return target.evaluate((el) => {
    const s = getComputedStyle(el);
    const opaque = (c) => !/^rgba\(.*,\s*0\)$/.test(c) && c !== "transparent";
    const border = ["Top", "Right", "Bottom", "Left"]
      .filter((side) => parseFloat(s[`border${side}Width`]) >= 2 && s[`border${side}Style`] !== "none" && opaque(s[`border${side}Color`]))
      .map((side) => `${side}:${s[`border${side}Color`]}`)
      .join(" ");
    return {
      border,
      outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 && opaque(s.outlineColor) ? s.outlineColor : "",
      underline: s.textDecorationLine,
      weight: s.fontWeight,
    };
  });
}

/** A selected state shows a border or outline that its unselected sibling does not have. */
async function expectMarked(page, selected, plain, label) {
  const on = await marks(page, selected);
  const off = await marks(page, plain);
  const extra = (on.border && on.border !== off.border) || (on.outline && !off.outline);
  expect(extra, `${label}: selected ${JSON.stringify(on)} vs ${JSON.stringify(off)}`).toBeTruthy();
}

test("forced colours: focus rings stay, selected and current states show without colour", async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ forcedColors: "active" });
  await page.goto("/checklist");
  await expect(page.locator("#main h1:visible")).toBeVisible();
  expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);

  // Focus rings: every element reached by Tab shows an outline of at least 2 px.
  const rings = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    rings.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        return { el: `${el.tagName} ${(el.innerText || el.id).trim().slice(0, 20)}`, visible: el.matches(":focus-visible"), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      }),
    );
  }
  expect(rings.filter((r) => !r.visible || r.style === "none" || r.width < 2)).toEqual([]);

  // The current page in the navigation.
  await expectMarked(page, '.site-nav a[aria-current="page"]', '.site-nav a[href="/about"]', "current nav link");
  // A done checklist task against one not done.
  const tasks = page.locator(".checklist-task");
  await tasks.first().locator("input").check();
  await expectMarked(page, tasks.nth(0).locator("label"), tasks.nth(1).locator("label"), "checked checklist task");

  // The chosen answer in the explainer.
  await page.goto("/explainer/q/age");
  await page.getByLabel("Yes", { exact: true }).check();
  await expectMarked(page, ".explainer-choice:has(input:checked) label", ".explainer-choice:has(input:not(:checked)) label", "chosen answer");

  // The chosen widget in the embed generator, and the journal's current section.
  await page.goto("/embed");
  await page.getByLabel("Applying checklist").check();
  await expectMarked(page, "label.choice:has(input[type=radio]:checked)", "label.choice:has(input[type=radio]:not(:checked))", "chosen widget");
  await page.goto("/journal/overview");
  await expect(page.locator("#main h1:visible")).toBeVisible();
  await expectMarked(page, '.journal-tabs a[aria-current="page"]', '.journal-tabs a:not([aria-current])', "current journal section");

  // Theme and language are native selects: the choice is their text, drawn by the system.
  await page.goto("/settings?lang=de");
  await expect(page.locator("#main h1:visible")).toBeVisible();
  for (const id of ["pref-language", "pref-theme"]) {
    const shown = await page.locator(`#${id}`).evaluate((s) => ({ tag: s.tagName, text: s.selectedOptions[0]?.text, adjust: getComputedStyle(s).forcedColorAdjust }));
    expect(shown.tag).toBe("SELECT");
    expect(shown.adjust).not.toBe("none");
  }
  await expect(page.locator("#pref-language")).toHaveValue("de");
});

test("reduced motion: nothing moves for longer than 0.01 s", async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await seedState(page);
  const slow = [];
  for (const route of ["/", "/explainer/result", "/checklist", "/journal", "/faq", "/events", "/embed", "/embed/faq"]) {
    await openPage(page, route, "en");
    slow.push(
      ...(await page.evaluate(() => {
        const longest = (list) => Math.max(...list.split(",").map((t) => (t.trim().endsWith("ms") ? parseFloat(t) / 1000 : parseFloat(t))));
        const out = [];
        for (const el of document.querySelectorAll("*")) {
          for (const pseudo of [null, "::before", "::after"]) {
            const s = getComputedStyle(el, pseudo);
            const t = longest(s.transitionDuration) + Math.max(0, longest(s.transitionDelay));
            const a = s.animationName !== "none" ? longest(s.animationDuration) : 0;
            if (t > 0.01 || a > 0.01) out.push(`${location.pathname} ${el.tagName}.${el.className}${pseudo ?? ""}: transition ${t}s, animation ${a}s`);
          }
        }
        if (getComputedStyle(document.documentElement).scrollBehavior !== "auto") out.push(`${location.pathname} smooth scrolling`);
        return out;
      })),
    );
  }
  expect(slow).toEqual([]);
});

for (const [lang, message] of [["en", "2 fields need a change"], ["ar", null]]) {
  test(`journal form errors are announced, focused and linked to their fields (${lang})`, async ({ page }) => {
    await page.goto(`/journal/new?lang=${lang}`);
    await expect(page.locator("#main h1:visible")).toBeVisible();
    await page.locator("#jf-url").fill("javascript:alert(1)");
    // Submit from the keyboard: Enter in a text field.
    await page.locator("#jf-url").press("Enter");
    const alert = page.locator('#main [role="alert"]');
    await expect(alert).toBeVisible();
    if (message) await expect(alert).toContainText(message);
    const title = page.locator("#jf-title");
    await expect(title).toBeFocused();
    for (const id of ["jf-title", "jf-url"]) {
      const field = page.locator(`#${id}`);
      await expect(field).toHaveAttribute("aria-invalid", "true");
      const described = (await field.getAttribute("aria-describedby")).split(/\s+/);
      expect(described).toContain(`${id}-error`);
      const error = page.locator(`#${id}-error`);
      await expect(error).toBeVisible();
      await expect(error).not.toBeEmpty();
      await expect(field).toHaveAccessibleDescription(new RegExp((await error.innerText()).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").slice(0, 15)));
    }
    // Fixing the field clears its error state.
    await title.fill("A title");
    await page.locator("#jf-url").fill("https://example.org/");
    await page.locator("#jf-url").press("Enter");
    await expect(page).toHaveURL(/\/journal$/);
  });
}
