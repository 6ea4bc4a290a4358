// The split build: each route downloads only its own code, a page's chunk that cannot be
// downloaded gives a message with a Reload button (never a dead or blank page), and each
// reader downloads only their own language.
import { test, expect, expectNoAxeViolations, appReady, APP_HEADER } from "./fixtures.mjs";
import { SUBPATH_URL } from "../../playwright.config.mjs";
import { chunkedItems, entries } from "../../scripts/lib/journal-data.mjs";

/** Lazy route structs (src/routes.rs) named in the split module file names. */
const VIEWS = ["AboutRoute", "EmbedGeneratorRoute", "FaqRoute", "EventsRoute", "ExplainerRoute",
  "ExplainerWidgetRoute", "ChecklistRoute", "SettingsRoute", "StoryRoute", "JournalLayoutRoute", "JournalEntriesRoute"];

const snake = (name) => name.replace(/[A-Z]/g, (c, i) => (i ? "_" : "") + c.toLowerCase());

/**
 * The lazy views whose code was requested: their own module (`split___<view>_view_<n>.wasm`)
 * or a route pack that holds it (`pack__<view>__<view>.wasm`, scripts/build/split.mjs).
 */
function splitModules(urls) {
  const inPack = (u, v) => /\/pack__[a-z_]+\.wasm$/.test(u) && !u.includes("/pack__with__") && new RegExp(`__${snake(v)}(__|\\.wasm$)`).test(u);
  return VIEWS.filter((v) => urls.some((u) => u.includes(`/split___${snake(v)}_view_`) || inPack(u, v)));
}

function recordRequests(page) {
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

/** The service worker's registration code (`pwa::start_updates`), which comes once the
 * page is shown: the files of it that the page's pack lacks, as one pack. */
const isWorkerPack = (file) => file.startsWith("pack__with__start_updates__");

/** Drops the browser's own "Failed to load resource" lines for requests a test blocked. */
function allowBlockedRequestErrors(consoleErrors) {
  for (let i = consoleErrors.length - 1; i >= 0; i--) {
    if (/Failed to load resource/.test(consoleErrors[i])) consoleErrors.splice(i, 1);
  }
}

/** What index.html prefetches at idle time on each page (its `next` table). */
const PREFETCHED = {
  "/": ["ExplainerRoute", "JournalLayoutRoute", "JournalEntriesRoute", "FaqRoute"],
  "/explainer": ["JournalLayoutRoute", "JournalEntriesRoute", "ChecklistRoute"],
  "/journal": ["JournalLayoutRoute", "StoryRoute"],
  "/checklist": ["JournalLayoutRoute", "JournalEntriesRoute", "StoryRoute"],
};

const DIRECT = [
  ["/", null, "Is the MVP Program for you?"],
  ["/faq", "FaqRoute", "Frequently asked questions"],
  ["/events", "EventsRoute", null],
  ["/checklist", "ChecklistRoute", null],
  ["/journal", "JournalLayoutRoute", null],
  ["/settings", "SettingsRoute", null],
  ["/story", "StoryRoute", null],
  ["/explainer", "ExplainerRoute", null],
  ["/about", "AboutRoute", "About MVP Pathway"],
  ["/embed", "EmbedGeneratorRoute", null],
];

for (const [path, view, heading] of DIRECT) {
  test(`a cold load of ${path} downloads only its own page code`, async ({ page }) => {
    const urls = recordRequests(page);
    await page.goto(path);
    await appReady(page);
    if (heading) await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    const loaded = splitModules(urls);
    const expected = view ? [view] : [];
    if (path === "/journal") expected.push("JournalEntriesRoute");
    // index.html prefetches the likely next pages when the browser is idle; the embed
    // generator shows a live widget preview in an iframe.
    const next = [...(PREFETCHED[path] ?? []), ...(path === "/embed" ? ["ExplainerWidgetRoute", "ChecklistRoute", "FaqRoute"] : [])];
    for (const v of expected) expect(loaded).toContain(v);
    expect(loaded.filter((v) => !expected.includes(v) && !next.includes(v))).toEqual([]);
  });
}

test("an embedded widget downloads only its widget's code", async ({ page }) => {
  for (const [path, view] of [["/embed/faq", "FaqRoute"], ["/embed/checklist", "ChecklistRoute"], ["/embed/explainer", "ExplainerWidgetRoute"]]) {
    const urls = recordRequests(page);
    await page.goto(path);
    await expect(page.locator("#main h1")).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(splitModules(urls)).toEqual([view]);
    // The widgets' own binary: no main module, chunk or pack of the full app.
    const code = urls.filter((u) => /\.(wasm|js)$/.test(new URL(u).pathname) && /\/pkg-[0-9a-f]{12}\//.test(u));
    expect(code.length).toBeGreaterThan(0);
    expect(code.filter((u) => !/\/pkg-[0-9a-f]{12}\/widget\//.test(u)), path).toEqual([]);
    page.removeAllListeners("request");
  }
});

test("the explainer's intro downloads none of its steps' code; a step opened directly brings it in its page's one pack", async ({ page }) => {
  // The steps' code is held back: the intro shows without it, and asks for it only
  // afterwards (once the browser is idle), as its own pack.
  let urls = recordRequests(page);
  await page.route(/explainer_step/, () => {});
  await page.goto("/explainer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Is the MVP Program for me?");
  await expect(page.getByRole("link", { name: "Start" })).toBeVisible();
  await expect.poll(() => urls.filter((u) => /explainer_step/.test(u)).map((u) => new URL(u).pathname.split("/").pop()))
    .toEqual(["pack__with__explainer_step__explainer_route.wasm"]);
  page.removeAllListeners("request");
  await page.unrouteAll({ behavior: "ignoreErrors" });

  for (const path of ["/explainer/q/age", "/embed/explainer/q/age"]) {
    urls = recordRequests(page);
    await page.goto(path);
    await expect(page.locator("#main h1")).toBeVisible();
    await expect(page.getByRole("radio").first()).toBeVisible();
    const wasm = urls.filter((u) => new URL(u).pathname.endsWith(".wasm")).map((u) => new URL(u).pathname.split("/").pop());
    // The step's code came with the page's code, in one pack: no second round trip. (The
    // next pages' packs are prefetched once it is shown.)
    expect(wasm.filter((f) => f.startsWith("pack__") && /explainer/.test(f) && !isWorkerPack(f)), path).toEqual([
      path.startsWith("/embed/") ? "pack__explainer_widget_route__explainer_step.wasm" : "pack__explainer_route__explainer_step.wasm",
    ]);
    expect(wasm.filter((f) => /^(split|chunk)_/.test(f)), path).toEqual([]);
    page.removeAllListeners("request");
  }
});

test("a slow explainer step still gets the focus on its heading; one that cannot be downloaded says so", async ({ page, consoleErrors }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/explainer_step/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/explainer");
  await appReady(page);
  await page.getByRole("link", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/explainer\/q\/age$/);
  await page.waitForTimeout(300);
  release();
  const h1 = page.locator("#main h1");
  await expect(h1).toBeVisible();
  await expect(h1).toBeFocused();

  await page.unrouteAll({ behavior: "ignoreErrors" });
  const refused = [];
  await page.route(/explainer_step/, (route) => {
    refused.push(route.request().url());
    return route.abort();
  });
  await page.goto("/explainer");
  await appReady(page);
  // The idle-time download fails quietly: the intro stays as it is.
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  await page.waitForTimeout(200);
  await expect(page.getByTestId("chunk-error")).toHaveCount(0);
  await page.getByRole("link", { name: "Start" }).click();
  const alert = page.getByTestId("chunk-error");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("could not be downloaded");
  await expect(page.locator(APP_HEADER)).toBeVisible();
  allowBlockedRequestErrors(consoleErrors);
});

test("the home page is shown before the chunk loader, the pages' styles and the service worker's code are asked for", async ({ page }) => {
  const asked = [];
  await page.route(/\/(chunk-loader\.js|pages-[0-9a-f]{16}\.css|split_start_updates_\d+\.wasm)$/, async (route) => {
    const shown = await page.evaluate(() => !!document.querySelector("#main h1")).catch(() => false);
    asked.push([new URL(route.request().url()).pathname.split("/").pop(), shown]);
    await route.continue();
  });
  await page.goto("/");
  await expect(page.locator("#main h1")).toHaveText("Is the MVP Program for you?");
  // The worker registers once the page is shown and the browser is idle.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), { timeout: 20000 }).toBe(1);
  const files = asked.map(([file]) => file);
  expect(files).toContain("chunk-loader.js");
  expect(files.some((f) => /^pages-/.test(f)), "the pages' styles, at idle time").toBe(true);
  expect(files.some((f) => /^split_start_updates_/.test(f)), "the worker's code").toBe(true);
  expect(asked.filter(([, shown]) => !shown), "asked for before the page was shown").toEqual([]);
});

test("a page reached from the home page is shown only once the pages' styles apply", async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let styles = 0;
  await page.route(/\/pages-[0-9a-f]{16}\.css$/, async (route) => {
    styles++;
    await held;
    await route.continue();
  });
  await page.goto("/");
  await appReady(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "FAQ" }).click();
  await expect.poll(() => styles).toBe(1);
  // Its code may be there, but not its styles: the page waits (the home page stays).
  await page.waitForTimeout(500);
  await expect(page.locator("#main h1:visible")).toHaveText("Is the MVP Program for you?");
  release();
  await expect(page.locator("#main h1:visible")).toHaveText("Frequently asked questions");
  expect(await page.locator(".faq-search").evaluate((e) => getComputedStyle(e).flexDirection)).toBe("column");
});

test("client-side navigation between lazy pages loads each page and moves focus to its heading", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [name, url] of [["FAQ", /\/faq$/], ["Journal", /\/journal$/], ["Checklist", /\/checklist$/], ["Live sessions", /\/events$/], ["Your story", /\/story$/]]) {
    await nav.getByRole("link", { name }).click();
    await expect(page).toHaveURL(url);
    const h1 = page.locator("#main h1:visible");
    await expect(h1).toBeVisible();
    await expect(h1).toBeFocused();
  }
  await page.goBack();
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.locator("#main h1:visible")).toBeVisible();
});

test("a page whose code cannot be downloaded says so with a Reload button, and the app keeps working", async ({ page, consoleErrors }) => {
  await page.goto("/");
  await appReady(page);
  let blocked = true;
  await page.route("**/split___faq_route_view_*", (route) => (blocked ? route.abort() : route.continue()));
  await page.route("**/chunk_*.wasm", (route) => (blocked ? route.abort() : route.continue()));
  await page.route("**/pack__*.wasm", (route) => (blocked ? route.abort() : route.continue()));
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "FAQ" }).click();
  const alert = page.getByTestId("chunk-error");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("could not be downloaded");
  await expect(page.locator(APP_HEADER)).toBeVisible();
  await expectNoAxeViolations(page, "chunk error");
  // The rest of the app still responds: the theme switch works.
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  blocked = false;
  await alert.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Frequently asked questions");
  allowBlockedRequestErrors(consoleErrors);
});

test("a direct load whose page code is blocked shows the shell and the message, not a blank page", async ({ page, consoleErrors }) => {
  await page.route("**/split___checklist_route_view_*", (route) => route.abort());
  await page.route("**/pack__checklist_route.wasm", (route) => route.abort());
  await page.goto("/checklist");
  await expect(page.locator(APP_HEADER)).toBeVisible();
  await expect(page.getByTestId("chunk-error")).toBeVisible();
  allowBlockedRequestErrors(consoleErrors);
});

test("a chunk loader that cannot be downloaded is reported as page code that cannot be; the home page and the header work", async ({ page, consoleErrors }) => {
  let blocked = true;
  await page.route(/\/chunk-loader\.js(\?|$)/, (route) => (blocked ? route.abort() : route.continue()));
  await page.goto("/");
  await expect(page.locator("#main h1")).toHaveText("Is the MVP Program for you?");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "FAQ" }).click();
  const alert = page.getByTestId("chunk-error");
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("button", { name: "Reload" })).toBeVisible();
  await expect(page.locator(APP_HEADER)).toBeVisible();
  allowBlockedRequestErrors(consoleErrors);
  // Once it can be downloaded again, the next page comes (under another address: the
  // browser may keep the failed download of the first).
  blocked = false;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Checklist" }).click();
  await expect(page.locator("#main h1:visible")).toHaveText("Applying checklist");
  blocked = true;
  // A direct load of a lazy page says so too, below the live header.
  await page.goto("/faq");
  await expect(page.getByTestId("chunk-error")).toBeVisible();
  await expect(page.locator(APP_HEADER)).toBeVisible();
  allowBlockedRequestErrors(consoleErrors);
});

test("the service worker's code failing to download in the background leaves a working page as it is", async ({ page, consoleErrors }) => {
  let blocked = 0;
  await page.route(/\/(split_start_updates_\d+\.wasm|pack__with__start_updates__[a-z_]+\.wasm)$/, (route) => {
    blocked++;
    return route.abort();
  });
  for (const path of ["/", "/faq"]) {
    blocked = 0;
    await page.goto(path);
    await expect(page.locator("#main h1")).toBeVisible();
    await expect.poll(() => blocked, { timeout: 20000 }).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await expect(page.getByTestId("chunk-error")).toHaveCount(0);
    await expect(page.locator("[role=alert]")).toHaveCount(0);
  }
  allowBlockedRequestErrors(consoleErrors);
});

test("?lang= works on a deep link, sets lang and dir, and only that language is downloaded", async ({ page }) => {
  const urls = recordRequests(page);
  await page.goto("/faq?lang=es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Preguntas frecuentes");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const texts = urls.filter((u) => /\/text\/[^/]+\.json$/.test(u)).map((u) => u.split("/text/")[1]);
  expect(texts.sort()).toEqual(["es.json", "faq-es.json", "page-faq-es.json"]);

  await page.goto("/journal?lang=ar");
  await appReady(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.goto("/?lang=ja");
  await appReady(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});

test("the home page loads only the shell's texts; each lazy page brings only its own", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => {
    if (/\/text\/[^/]+\.json$/.test(r.url())) requests.push([r.url().split("/text/")[1], r.headers()["sec-purpose"] ?? ""]);
  });
  const fetched = () => requests.filter(([, purpose]) => !purpose.includes("prefetch")).map(([f]) => f);
  await page.goto("/?lang=de");
  await appReady(page);
  expect(requests[0]).toEqual(["de.json", ""]);
  // Only the idle-time prefetch may ask for a page's texts before that page is opened.
  expect(fetched()).toEqual(["de.json"]);
  const nav = (name) => page.getByRole("navigation", { name });
  await nav("Hauptmenü").getByRole("link", { name: "Checkliste" }).click();
  await expect(page.locator("#main h1:visible")).toHaveText("Checkliste zur Bewerbung");
  await expect(page.locator("#main h1:visible")).toBeFocused();
  expect(fetched()).toEqual(["de.json", "page-checklist-de.json"]);
  await nav("Hauptmenü").getByRole("link", { name: "Über" }).click();
  await expect(page).toHaveURL(/\/about/);
  await expect(page.locator("#main h1:visible")).toBeFocused();
  expect(fetched()).toEqual(["de.json", "page-checklist-de.json", "page-about-de.json"]);
  // A language chosen now comes with the texts of every page opened, and nothing else.
  await page.locator("#pref-language").selectOption("fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await nav("Principale").getByRole("link", { name: "Check-list" }).click();
  await expect(page.locator("#main h1:visible")).toBeFocused();
  await expect(page.locator("#main h1:visible")).toHaveText(/\S/);
  expect(fetched().slice(3).sort()).toEqual(["fr.json", "page-about-fr.json", "page-checklist-fr.json"]);
});

test("the language switch keeps the page, its query and fragment, and names each language in itself", async ({ page }) => {
  await page.goto("/faq?lang=en#twelve-month-window");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Frequently asked questions");
  const select = page.locator("#pref-language");
  await expect(select.locator("option[value=ja]")).toHaveText("日本語");
  await expect(select.locator("option[value=ja]")).toHaveAttribute("lang", "ja");
  await expect(select.locator("option[value=ar]")).toHaveText("العربية");
  await select.selectOption("de");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  expect(new URL(page.url()).pathname).toBe("/faq");
  expect(new URL(page.url()).hash).toBe("#twelve-month-window");
  expect(new URL(page.url()).searchParams.get("lang")).toBe("de");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Frequently asked questions");
  await expectNoAxeViolations(page, "faq in German");
});

test("a language file that cannot be downloaded keeps the current language and says why", async ({ page, consoleErrors }) => {
  await page.goto("/about");
  await appReady(page);
  await page.route("**/text/fr.json", (route) => route.abort());
  await page.locator("#pref-language").selectOption("fr");
  await expect(page.getByTestId("lang-error")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About MVP Pathway");
  allowBlockedRequestErrors(consoleErrors);
});

test("under a sub-path, lazy pages load directly and by navigation", async ({ page }) => {
  await page.goto(SUBPATH_URL + "journal/new");
  await appReady(page);
  await page.goto(SUBPATH_URL + "faq");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Frequently asked questions");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Checklist" }).click();
  await expect(page).toHaveURL(/\/pathway\/checklist$/);
  await expect(page.locator("#main h1:visible")).toBeFocused();
});

test("the Markdown renderer downloads only where a text needs it, as one pack", async ({ page }) => {
  const urls = recordRequests(page);
  const renderer = () => urls.filter((u) => /\/(split_markdown_renderer_|pack__with__markdown_renderer__)/.test(u));
  await page.goto("/journal");
  await expect(page.locator("#main h1:visible")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(renderer(), "an empty journal renders no Markdown").toEqual([]);

  await page.evaluate((items) => items.forEach(([k, v]) => localStorage.setItem(k, v)), chunkedItems(entries(3, "md")));
  urls.length = 0;
  await page.reload();
  const description = page.locator(".journal-entry__description").first();
  await expect(description.locator("strong")).toHaveText("description");
  await expect(description.locator("a")).toHaveAttribute("href", /^https:\/\/example\.org\//);
  // The renderer's files that the page's pack (with the list: a journal is saved) lacks.
  expect(renderer().map((u) => u.split("/").at(-1))).toEqual([
    "pack__with__markdown_renderer__journal_layout_route__journal_entries_route__journal_list.wasm",
  ]);
  expect(urls.filter((u) => /\/(split|chunk)_[^/]*\.wasm$/.test(u)), "no file fetched alone").toEqual([]);
});

test("the journal's list of entries downloads only where a journal is saved, with the page's code in one pack", async ({ page }) => {
  const urls = recordRequests(page);
  const packs = () => urls.map((u) => new URL(u).pathname.split("/").pop()).filter((f) => /^pack__.*\.wasm$/.test(f));
  await page.goto("/journal");
  await expect(page.getByRole("heading", { name: "Your journal is empty" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(urls.filter((u) => /journal_list/.test(u)), "an empty journal shows no list").toEqual([]);

  await page.evaluate((items) => items.forEach(([k, v]) => localStorage.setItem(k, v)), chunkedItems(entries(3)));
  urls.length = 0;
  await page.reload();
  await expect(page.locator(".journal-entry")).toHaveCount(3);
  await expect(page.getByRole("searchbox")).toBeVisible();
  // The page's code and its list in one pack; neither the pack without the list nor the
  // list's own (what a client-side visit adds) is downloaded. The next pages' packs are
  // prefetched once the page is shown.
  const pagePacks = packs().filter((f) => /journal_(entries_route|list)/.test(f) && !f.startsWith("pack__with__markdown") && !isWorkerPack(f));
  expect(pagePacks).toEqual(["pack__journal_layout_route__journal_entries_route__journal_list.wasm"]);
  expect(urls.filter((u) => /\/(split|chunk)_[^/]*\.wasm$/.test(u)), "no file fetched alone").toEqual([]);

  // Adding the first entry from an empty journal brings the list then.
  await page.evaluate(() => localStorage.clear());
  await page.goto("/journal");
  await expect(page.getByRole("heading", { name: "Your journal is empty" })).toBeVisible();
  await page.getByRole("link", { name: "Add your first entry" }).click();
  await page.getByLabel("Title", { exact: true }).fill("First talk");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.locator(".journal-entry")).toHaveCount(1);
  await expect(page.getByRole("searchbox")).toBeVisible();
});

test("a step opened before its code was prefetched comes as one pack; so does a saved journal's list reached from home", async ({ page }) => {
  // No idle time: nothing is prefetched.
  await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
  let urls = recordRequests(page);
  await page.goto("/explainer");
  await appReady(page);
  await page.getByRole("link", { name: "Start" }).click();
  await expect(page.getByRole("radio").first()).toBeVisible();
  const names = () => urls.map((u) => new URL(u).pathname.split("/").pop());
  expect(names().filter((f) => /explainer_step/.test(f))).toEqual(["pack__with__explainer_step__explainer_route.wasm"]);
  expect(names().filter((f) => /^(split|chunk)_.*\.wasm$/.test(f)), "no file fetched alone").toEqual([]);
  page.removeAllListeners("request");

  // A saved journal: a visit from home takes the journal's pack with its list, and
  // nothing more for the list.
  await page.evaluate((items) => items.forEach(([k, v]) => localStorage.setItem(k, v)), chunkedItems(entries(3)));
  await page.goto("/");
  await appReady(page);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  urls = recordRequests(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journal" }).click();
  await expect(page.locator(".journal-entry")).toHaveCount(3);
  const journal = names().filter((f) => /journal_(entries_route|list)/.test(f) && !f.startsWith("pack__with__markdown"));
  expect(journal.every((f) => f === "pack__journal_layout_route__journal_entries_route__journal_list.wasm"), journal.join()).toBe(true);
  expect(names().filter((f) => /^(split|chunk)_.*\.wasm$/.test(f)), "no file fetched alone").toEqual([]);
});

test("the story shows its page first, then its Markdown preview, with the renderer as one pack", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.evaluate(() =>
    localStorage.setItem("mvp-pathway:story", JSON.stringify({ v: 1, data: { why_started: "A **question** nobody answered", who_helped: "", learned: "", next: "", picked: [] } })),
  );
  // The home page's own work at idle time (the service worker's code) is over.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), { timeout: 20000 }).toBe(1);
  const urls = recordRequests(page);
  await page.goto("/story");
  await expect(page.locator("#main h1:visible")).toHaveText("What's your MVP story?");
  const preview = page.locator(".story-preview__body");
  // Formatted once the renderer is there (the answer itself stays text: it is escaped).
  await expect(preview.locator("h4")).toHaveText("My MVP story");
  await expect(preview.locator("h5")).toHaveText("Why I started");
  await expect(preview).toContainText("A **question** nobody answered");
  const files = urls.map((u) => u.split("/").at(-1));
  // (Other pages' packs may be prefetched once the heading is shown.)
  expect(files.filter((f) => f.startsWith("pack__") && f.includes("story_route") && !isWorkerPack(f))).toEqual(["pack__story_route.wasm", "pack__with__markdown_renderer__story_route.wasm"]);
  expect(urls.filter((u) => /\/(split|chunk)_[^/]*\.wasm$/.test(u)), "no file fetched alone").toEqual([]);
});

// The shell paints before a lazy page's code arrives; the page then fills space below it
// and nothing the reader already sees moves (Lighthouse counted 0.19 CLS here: the footer).
test.describe("on a phone-sized screen", () => {
  test.use({ viewport: { width: 412, height: 823 } });
  for (const path of ["/checklist", "/journal", "/embed/checklist", "/embed/faq"]) {
    test(`a cold load of ${path} whose page code is slow moves nothing already shown`, async ({ page }) => {
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) {
              window.__shifts.push({ value: entry.value, nodes: entry.sources.map((s) => s.node?.className || s.node?.nodeName) });
            }
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      // The page's code arrives well after the shell has painted.
      await page.route("**/pack__*.wasm", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1200));
        await route.continue();
      });
      await page.goto(path);
      await expect(page.locator("#main h1:visible")).toBeVisible();
      await expect(page.locator("p.lead").first()).toBeVisible();
      if (path === "/embed/faq") await expect(page.locator("details.faq-item").first()).toBeVisible();
      await page.waitForTimeout(500);
      const shifts = await page.evaluate(() => window.__shifts);
      expect(shifts.reduce((sum, s) => sum + s.value, 0), JSON.stringify(shifts)).toBeLessThan(0.01);
    });
  }
});
