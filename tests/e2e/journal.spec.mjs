// The contribution journal: add, edit, delete and undo; filters; export and import;
// hostile text; corrupted storage; two tabs. Axe runs on every screen.
import { test, expect, expectNoAxeViolations, appReady, ago } from "./fixtures.mjs";
import fs from "node:fs";

const KEY = "mvp-pathway:journal";

function entry(id, fields) {
  return { id, type: "blog", title: id, date: ago(1), created_ms: 1, updated_ms: 1, ...fields };
}

async function seed(page, entries) {
  await page.goto("/");
  await appReady(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ v: 1, data: { entries } })]);
}

/** Every key the app saved, with its text, in key order. */
function saved(page) {
  return page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("mvp-pathway:")).sort());
}

/** Fills this origin's storage to the quota with `filler-<n>` keys (a journal near it). */
function fillStorage(page) {
  return page.evaluate(() => {
    let i = 0;
    for (let size = 512 * 1024; size >= 1; size = Math.floor(size / 2)) {
      const text = "x".repeat(size);
      for (;;) {
        try {
          localStorage.setItem("filler-" + i++, text);
        } catch {
          break;
        }
      }
    }
  });
}

/** Removes what `fillStorage` wrote. */
function emptyStorageFiller(page) {
  return page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("filler-")) localStorage.removeItem(key);
  });
}

async function readStream(download) {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks).toString("utf8");
}

test("empty journal teaches what to log, then add, edit, duplicate warning, delete and undo", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contribution journal");
  await expect(page.getByRole("heading", { name: "Your journal is empty" })).toBeVisible();
  await expectNoAxeViolations(page, "journal (empty)");

  await page.getByRole("link", { name: "Add your first entry" }).click();
  await expect(page).toHaveURL(/\/journal\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New entry");
  // Invalid input: messages next to the fields, and what was typed stays.
  await page.getByLabel("Activity type").selectOption("speaker-third-party");
  await page.getByLabel("Description").fill("Talk about **Bicep** modules");
  await page.getByLabel("Link (URL)").fill("javascript:alert(1)");
  await page.getByLabel("In-person attendees").fill("1,200");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("alert")).toContainText("2 fields need a change");
  const title = page.getByLabel("Title", { exact: true });
  await expect(title).toBeFocused();
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#jf-title-error")).toHaveText(/required/);
  await expect(page.getByLabel("Link (URL)")).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
  await expect(page.getByLabel("Description")).toHaveValue("Talk about **Bicep** modules");
  await expect(page.getByTestId("description-preview").locator("strong")).toHaveText("Bicep");
  await expectNoAxeViolations(page, "entry form with errors");

  await title.fill("Bicep at the Azure meetup");
  await page.getByLabel("Link (URL)").fill("https://meetup.example/bicep");
  await page.getByLabel("Primary technology area").selectOption("azure");
  await page.getByLabel("Developer", { exact: true }).check();
  await page.getByLabel("Role").selectOption("speaker");
  await page.getByLabel("Mark as high impact").check();
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/\/journal$/);
  await expect(page.getByTestId("journal-status")).toContainText("Saved “\u2068Bicep at the Azure meetup\u2069”");
  const card = page.locator(".journal-entry").first();
  await expect(card.getByRole("heading", { level: 2 })).toHaveText("Bicep at the Azure meetup");
  await expect(card).toContainText("In-person attendees: 1,200");
  await expect(card).toContainText("Microsoft Azure");
  await expect(card.locator("strong", { hasText: "Bicep" })).toBeVisible();
  await expectNoAxeViolations(page, "journal with one entry");

  // Edit keeps the id; duplicate warns about the same title and link.
  await card.getByRole("link", { name: /^Edit/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit entry");
  await expect(page.getByTestId("duplicate-warning")).toHaveCount(0);
  await page.getByLabel("Title", { exact: true }).fill("Bicep modules at the Azure meetup");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.locator(".journal-entry")).toHaveCount(1);
  await page.locator(".journal-entry").first().getByRole("link", { name: /^Duplicate/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New entry from a copy");
  await expect(page.getByTestId("duplicate-warning")).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("Bicep modules, part 2");
  await expect(page.getByTestId("duplicate-warning")).toHaveCount(0);
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.locator(".journal-entry")).toHaveCount(2);

  // Delete, then Undo from the keyboard; the offer stays at least 10 seconds.
  await page.clock.install();
  await page.locator(".journal-entry").first().getByRole("button", { name: /^Delete/ }).click();
  await expect(page.locator(".journal-entry")).toHaveCount(1);
  const status = page.getByTestId("journal-status");
  await expect(status).toContainText("Deleted “\u2068Bicep modules, part 2\u2069”");
  await page.clock.runFor(10_500);
  const undo = status.getByRole("button", { name: "Undo" });
  await expect(undo).toBeVisible();
  await expectNoAxeViolations(page, "undo offer");
  await undo.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".journal-entry")).toHaveCount(2);
  await expect(status).toContainText("Restored “\u2068Bicep modules, part 2\u2069”");
  await page.reload();
  await appReady(page);
  await expect(page.locator(".journal-entry")).toHaveCount(2);

  // Without Undo, the offer goes away on its own and the deletion stays.
  await page.locator(".journal-entry").first().getByRole("button", { name: /^Delete/ }).click();
  await expect(undo).toBeFocused();
  // It stays while it has keyboard focus, then goes once focus moves on.
  await page.clock.runFor(16_000);
  await expect(undo).toBeVisible();
  await page.getByLabel("Search", { exact: true }).focus();
  await page.clock.runFor(16_000);
  await expect(status.getByRole("button", { name: "Undo" })).toHaveCount(0);
  await page.reload();
  await appReady(page);
  await expect(page.locator(".journal-entry")).toHaveCount(1);
});

test("a figure is kept to the digit up to the largest number JSON keeps exactly; a larger one is too large", async ({ page }) => {
  await page.goto("/journal/new");
  await appReady(page);
  await page.getByLabel("Activity type").selectOption("video");
  await page.getByLabel("Title", { exact: true }).fill("A very watched stream");
  const views = page.getByLabel("Live stream views");
  await views.fill("9,007,199,254,740,992");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("alert")).toContainText("1 field needs a change");
  await expect(views).toBeFocused();
  await expect(views).toHaveAccessibleDescription(/This number is too large\.$/);
  await expect(views).toHaveValue("9,007,199,254,740,992");

  await views.fill("9,007,199,254,740,991");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/\/journal$/);
  // Stored as written, and read back by the browser's own JSON parser to the digit.
  const stored = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => /^mvp-pathway:journal:\d{4}-\d{2}:/.test(k))
      .map((k) => localStorage.getItem(k))
      .join(""),
  );
  expect(stored).toContain('"figures":{"live-views":9007199254740991}');
  await page.reload();
  await appReady(page);
  await expect(page.locator(".journal-entry__figures")).toHaveText("Live stream views: 9,007,199,254,740,991");
});

test("search, filters and sort; counts follow the filters", async ({ page }) => {
  await seed(page, [
    entry("a", { title: "Bicep modules", areas: ["azure"], date: ago(2), figures: { views: 500 } }),
    entry("b", { type: "podcast", title: "Talking Rust", url: "https://pod.example/rust-wasm", date: ago(3), figures: { listens: 2000 } }),
    entry("c", { title: "Entra ID tips", areas: ["security", "azure"], date: ago(0, 1), description: "Conditional *access*" }),
    entry("d", { title: "Old post: ÉTÉ À PARIS", date: ago(20) }),
  ]);
  await page.goto("/journal");
  await appReady(page);
  const count = page.getByTestId("journal-count");
  await expect(count).toHaveText("Showing 4 of 4 entries.");
  // The journal saved in one key (format 1) is now saved in chunks, one per month.
  const keys = (await saved(page)).map(([k]) => k);
  expect(keys).toContain("mvp-pathway:journal:index");
  expect(keys).not.toContain(KEY);
  expect(keys.filter((k) => /^mvp-pathway:journal:\d{4}-\d{2}:\d+$/.test(k))).toHaveLength(4);
  await page.getByLabel("Search", { exact: true }).fill("wasm");
  await expect(count).toHaveText("Showing 1 of 4 entries.");
  await expect(page.locator(".journal-entry h2")).toHaveText(["Talking Rust"]);
  await page.getByLabel("Search", { exact: true }).fill("ACCESS");
  await expect(page.locator(".journal-entry h2")).toHaveText(["Entra ID tips"]);
  // Any case in any script: the text is not ASCII on either side.
  await page.getByLabel("Search", { exact: true }).fill("été à");
  await expect(page.locator(".journal-entry h2")).toHaveText(["Old post: ÉTÉ À PARIS"]);
  await page.getByLabel("Search", { exact: true }).fill("");
  await page.getByLabel("Technology area").selectOption("azure");
  await expect(count).toHaveText("Showing 2 of 4 entries.");
  await expect(page.getByLabel("Activity type").locator("option", { hasText: "Blog (2)" })).toHaveCount(1);
  await expect(page.getByLabel("Activity type").locator("option", { hasText: "Podcast (0)" })).toHaveCount(1);
  // The filters are kept on the way to another journal page and back, and shown as kept.
  await page.getByLabel("Sort by").selectOption("oldest");
  await page.locator(".journal-tabs").getByRole("link", { name: "Overview" }).click();
  await page.locator(".journal-tabs").getByRole("link", { name: "Entries" }).click();
  await expect(count).toHaveText("Showing 2 of 4 entries.");
  await expect(page.getByLabel("Technology area")).toHaveValue("azure");
  await expect(page.getByLabel("Sort by")).toHaveValue("oldest");
  await page.getByRole("button", { name: "Clear filters" }).click();
  // Clearing resets what the selects show, and keeps the sort order.
  await expect(page.getByLabel("Technology area")).toHaveValue("");
  await expect(page.getByLabel("Sort by")).toHaveValue("oldest");
  await page.getByLabel("Sort by").selectOption("newest");
  await page.getByLabel("Only the last 12 months").check();
  await expect(count).toHaveText("Showing 3 of 4 entries.");
  await page.getByLabel("Sort by").selectOption("reach");
  await expect(page.locator(".journal-entry h2")).toHaveText(["Talking Rust", "Bicep modules", "Entra ID tips"]);
  await page.getByLabel("Activity type").selectOption("podcast");
  await expect(count).toHaveText("Showing 1 of 4 entries.");
  await page.getByLabel("Search", { exact: true }).fill("nothing like this");
  await expect(page.getByText("No entry matches these filters.")).toBeVisible();
  await expectNoAxeViolations(page, "journal filters, no match");
  await page.locator(".journal-empty").getByRole("button", { name: "Clear filters" }).click();
  await expect(count).toHaveText("Showing 4 of 4 entries.");
  await expect(page.getByLabel("Activity type")).toHaveValue("");
  await expect(page.getByLabel("Sort by")).toHaveValue("reach");
  await expectNoAxeViolations(page, "journal list");
});

test("overview: rolling 12 months, calendar with a table, totals", async ({ page }) => {
  await seed(page, [
    entry("a", { date: ago(0, 1), areas: ["azure"] }),
    entry("b", { date: ago(0, 2), type: "podcast" }),
    entry("c", { date: ago(5), areas: ["azure", "security"] }),
    entry("old", { date: ago(14) }),
  ]);
  await page.goto("/journal/overview");
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
  await expect(page.getByTestId("stat-contributions")).toHaveText("3");
  await expect(page.getByTestId("stat-months")).toHaveText("2/12");
  const rows = page.getByTestId("calendar-table").locator("tbody tr");
  await expect(rows).toHaveCount(12);
  await expect(rows.last().locator("td")).toHaveText("2");
  await expect(page.getByRole("table").filter({ hasText: "Podcast" })).toContainText("Blog");
  await expectNoAxeViolations(page, "overview (light)");
  await page.getByLabel("Theme").selectOption("dark");
  await expectNoAxeViolations(page, "overview (dark)");
  await page.goBack();
});

test("export then import into a fresh browser gives the same journal", async ({ page, browser }) => {
  await seed(page, [
    entry("a", { title: 'Quotes "and", commas', description: "Line\nbreak", private_notes: "secret", areas: ["azure"], audiences: ["developer"], role: "author", figures: { views: 12, subscribers: 3 }, high_impact: true, url: "https://x.example/a", created_ms: 1700000000000, updated_ms: 1700000005000 }),
    entry("b", { type: "video", title: "Stream", date: ago(4), end_date: ago(3), figures: { sessions: 2, "live-views": 40, "on-demand-views": 300 } }),
    entry("c", { type: "speaker-microsoft", title: "Build session", event: "build", date: ago(6) }),
  ]);
  await page.goto("/journal/data");
  await appReady(page);
  await expectNoAxeViolations(page, "export and import");
  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download a backup (JSON)" }).click()]);
  expect(json.suggestedFilename()).toMatch(/^mvp-pathway-journal-\d{4}-\d{2}-\d{2}\.json$/);
  const backupPath = test.info().outputPath("backup.json");
  await json.saveAs(backupPath);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download a spreadsheet (CSV)" }).click()]);
  const csvText = await readStream(csv);
  expect(csvText.startsWith("\ufeffActivity type,Title,Description,")).toBe(true);
  expect(csvText).toContain('"Quotes ""and"", commas"');
  const [md] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /12-month summary/ }).click()]);
  const mdText = await readStream(md);
  expect(mdText).toContain("## Speaker/Presenter at Microsoft event (1)");
  expect(mdText).not.toContain("secret");
  // The summary to copy is shut until asked for (by keyboard here), then holds the file's text.
  const summaryBox = page.getByRole("textbox", { name: "Summary of the last 12 months (Markdown, select and copy)" });
  await expect(summaryBox).toHaveCount(0);
  await page.locator("summary", { hasText: "Summary of the last 12 months" }).focus();
  await page.keyboard.press("Enter");
  await expect(summaryBox).toHaveValue(mdText);
  await expectNoAxeViolations(page, "summary to copy");
  const original = JSON.parse(fs.readFileSync(backupPath, "utf8"));

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/journal/data");
  await appReady(other);
  await other.getByLabel("Backup file (JSON, at most 5 MB)").setInputFiles(backupPath);
  const preview = other.getByTestId("import-preview");
  await expect(preview).toContainText("3 entries will be added.");
  await expect(preview).toContainText("0 entries will be skipped.");
  await expectNoAxeViolations(other, "import preview");
  await preview.getByRole("button", { name: "Import", exact: true }).click();
  await expect(other.getByTestId("journal-status")).toContainText("Import done: 3 added, 0 updated.");
  const [again] = await Promise.all([other.waitForEvent("download"), other.getByRole("button", { name: "Download a backup (JSON)" }).click()]);
  expect(JSON.parse(await readStream(again)).entries).toEqual(original.entries);
  expect(original.entries.map((e) => e.title)).toEqual(['Quotes "and", commas', "Stream", "Build session"]);
  // The same file again: everything is skipped as already there.
  await other.getByLabel("Backup file (JSON, at most 5 MB)").setInputFiles(backupPath);
  await expect(preview).toContainText("0 entries will be added.");
  await expect(preview).toContainText("3 entries will be skipped.");
  await fresh.close();
});

test("an import that does not fit in storage says storage is full and loses nothing", async ({ page }) => {
  await seed(page, [entry("a", { title: "Saved before" }), entry("b", { title: "Also saved", date: ago(40) })]);
  await page.goto("/journal/data");
  await appReady(page);
  const before = await saved(page);
  expect(before.map(([k]) => k)).toContain("mvp-pathway:journal:index");
  // Fill this origin's storage to the quota (as a journal near it plus a large import does).
  await fillStorage(page);
  const backup = { format: "mvp-pathway-journal", version: 1, exported: "2026-01-01", entries: [0, 1, 2].map((i) => entry(`new-${i}`, { title: `Imported ${i}`, date: ago(i * 31) })) };
  await page.getByLabel("Backup file (JSON, at most 5 MB)").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup)) });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("3 entries will be added.");
  await preview.getByRole("button", { name: "Import", exact: true }).click();
  const alert = page.getByTestId("save-error");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("storage for the site is full");
  // Said where the person is, too: the banner is at the top of the page, the import below.
  const status = page.getByTestId("journal-status");
  await expect(status).toContainText("storage for the site is full");
  await expect(status).not.toContainText("Import done");
  await expect(status).toBeInViewport();
  await expectNoAxeViolations(page, "import without room");
  // Storage holds exactly the journal saved before; with room again it opens whole.
  expect(await saved(page)).toEqual(before);
  await emptyStorageFiller(page);
  await page.goto("/journal");
  await appReady(page);
  await expect(page.getByTestId("journal-count")).toHaveText("Showing 2 of 2 entries.");
  await expect(page.getByRole("heading", { name: "Saved before" })).toBeVisible();
});

test("an Undo that does not fit in storage says so beside the offer and damages nothing saved", async ({ page }) => {
  await seed(page, [entry("a", { title: "Deleted then restored" }), entry("b", { title: "Also saved", date: ago(40) })]);
  await page.goto("/journal");
  await appReady(page);
  await page.locator(".journal-entry").first().getByRole("button", { name: /^Delete/ }).click();
  await expect(page.locator(".journal-entry")).toHaveCount(1);
  const afterDelete = await saved(page);
  expect(JSON.stringify(afterDelete)).not.toContain("Deleted then restored");
  // No room left for the entry to come back (a journal near the quota).
  await fillStorage(page);
  const status = page.getByTestId("journal-status");
  await status.getByRole("button", { name: "Undo" }).click();
  // Said where the person is (the storage banner is at the top of the page), and not
  // "Restored": the entry is back on the list but not saved.
  await expect(status).toContainText("storage for the site is full");
  await expect(status).not.toContainText("Restored");
  await expect(status).toBeInViewport();
  await expect(page.locator(".journal-entry")).toHaveCount(2);
  await expectNoAxeViolations(page, "undo without room");
  expect(await saved(page)).toEqual(afterDelete);
  await emptyStorageFiller(page);
});

test("replace asks for confirmation and downloads a backup first; bad files change nothing", async ({ page }) => {
  await seed(page, [entry("keep", { title: "Keep me" })]);
  await page.goto("/journal/data");
  await appReady(page);
  const before = await saved(page);
  const file = page.getByLabel("Backup file (JSON, at most 5 MB)");
  for (const [name, body, message] of [
    ["broken.json", "{ not json", "not a readable JSON file"],
    ["other.json", JSON.stringify({ hello: "world" }), "not a journal backup"],
    ["future.json", JSON.stringify({ format: "mvp-pathway-journal", version: 99, entries: [] }), "newer version"],
    ["huge.json", "x".repeat(5 * 1024 * 1024 + 1), "larger than 5 MB"],
  ]) {
    await file.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(body) });
    await expect(page.locator("#jd-file-error")).toContainText(message);
    await expect(file).toHaveAttribute("aria-invalid", "true");
  }
  await expectNoAxeViolations(page, "import error");
  expect(await saved(page)).toEqual(before);

  const backup = { format: "mvp-pathway-journal", version: 1, entries: [entry("n1", { title: "New one" }), entry("bad", { title: "Bad", url: "javascript:alert(1)" })] };
  await page.getByLabel("Replace my journal with the backup").check();
  await file.setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup)) });
  const preview = page.getByTestId("import-preview");
  // One entry: the singular (Intl.PluralRules picks the variant).
  await expect(preview).toContainText("1 entry will be added.");
  await expect(preview).toContainText("The 1 entry now in your journal will be removed.");
  await preview.getByRole("button", { name: "Replace my journal" }).click();
  await expect(preview.getByRole("alert")).toContainText("This removes the 1 entry now in your journal. A backup of it will be downloaded first");
  const [backupFile] = await Promise.all([page.waitForEvent("download"), preview.getByRole("button", { name: "Yes, download a backup and replace" }).click()]);
  expect(await readStream(backupFile)).toContain("Keep me");
  await page.getByRole("link", { name: "Entries" }).click();
  await expect(page.locator(".journal-entry h2")).toHaveText(["New one"]);
});

test("hostile Markdown and titles run no script", async ({ page }) => {
  await page.addInitScript(() => {
    window.__pwned = 0;
  });
  await seed(page, [
    entry("x", {
      title: "<img src=x onerror=window.__pwned=1>",
      description: "<script>window.__pwned=2</script>\n\n[click](javascript:window.__pwned=3) <svg onload=window.__pwned=4>",
      url: "https://safe.example/",
    }),
  ]);
  await page.goto("/journal");
  await appReady(page);
  const card = page.locator(".journal-entry").first();
  await expect(card.getByRole("heading", { level: 2 })).toHaveText("<img src=x onerror=window.__pwned=1>");
  await expect(card).toContainText("<script>window.__pwned=2</script>");
  await expect(card.locator("script, img, svg, a[href^='javascript']")).toHaveCount(0);
  await card.getByText("click").click();
  await card.getByRole("link", { name: /^Edit/ }).click();
  await page.getByLabel("Description").fill("<img src=y onerror=window.__pwned=5> [a](javascript:window.__pwned=6)");
  const preview = page.getByTestId("description-preview");
  await expect(preview).toContainText("<img src=y onerror=window.__pwned=5>");
  await expect(preview.locator("img, a")).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBe(0);
});

test("corrupted journal data shows recovery and loses nothing", async ({ page }) => {
  const corrupt = '{"v":1,"data":{"entries":[{"id":"a","type":"blog","title":"Half writ';
  await page.goto("/");
  await appReady(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, corrupt]);
  await page.goto("/journal");
  await appReady(page);
  const notice = page.getByTestId("recovery-notice");
  await expect(notice).toContainText("Nothing was deleted");
  await expectNoAxeViolations(page, "journal recovery");
  expect(await page.evaluate(() => localStorage.getItem("mvp-pathway:backup:journal:1"))).toBe(corrupt);
  // An entry the app cannot accept (unknown type) is treated the same way, not dropped.
  const unknown = JSON.stringify({ v: 1, data: { entries: [entry("a", { type: "rocket" }), entry("b")] } });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, unknown]);
  await page.reload();
  await appReady(page);
  expect(await page.evaluate(() => localStorage.getItem("mvp-pathway:backup:journal:2"))).toBe(unknown);
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await page.getByRole("link", { name: "Add your first entry" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Fresh start");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.locator(".journal-entry h2")).toHaveText(["Fresh start"]);
  expect(await page.evaluate(() => localStorage.getItem("mvp-pathway:backup:journal:1"))).toBe(corrupt);
});

test("two tabs: a save in one shows in the other, and a form being typed in keeps its text", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto("/journal");
  await appReady(a);
  await b.goto("/journal/new");
  await appReady(b);
  await b.getByLabel("Title", { exact: true }).fill("Typed in tab B");
  await b.getByLabel("Description").fill("Half a thought");

  await a.getByRole("link", { name: "Add your first entry" }).click();
  await a.getByLabel("Title", { exact: true }).fill("Saved in tab A");
  await a.getByRole("button", { name: "Save entry" }).click();
  await expect(a.locator(".journal-entry h2")).toHaveText(["Saved in tab A"]);

  // Tab B's form is untouched; saving it keeps tab A's entry too.
  await expect(b.getByLabel("Title", { exact: true })).toHaveValue("Typed in tab B");
  await expect(b.getByLabel("Description")).toHaveValue("Half a thought");
  await b.getByRole("button", { name: "Save entry" }).click();
  await expect(b.locator(".journal-entry h2")).toHaveText(["Typed in tab B", "Saved in tab A"]);
  // And tab A sees tab B's entry without a reload.
  await expect(a.locator(".journal-entry h2")).toHaveText(["Typed in tab B", "Saved in tab A"]);
  await a.locator(".journal-entry").first().getByRole("button", { name: /^Delete/ }).click();
  await expect(b.locator(".journal-entry h2")).toHaveText(["Saved in tab A"]);
});

test("the list waits behind the journal's other pages: only the page opened shows, and the list comes back as it was with what changed", async ({ page, context }) => {
  await seed(page, Array.from({ length: 30 }, (_, i) => entry(`e${i}`, { title: `Entry ${i}`, date: ago(i + 1) })));
  await page.goto("/journal");
  await appReady(page);
  await expect(page.locator(".journal-entry")).toHaveCount(25);
  await page.getByRole("button", { name: "Show 5 more" }).click();
  await expect(page.locator(".journal-entry")).toHaveCount(30);

  // The form alone: its heading, title and focus; no entry of the list is shown.
  await page.locator(".journal-entry").nth(27).getByRole("link", { name: /^Edit/ }).click();
  await expect(page.locator("#main h1:visible")).toHaveText("Edit entry");
  await expect(page).toHaveTitle("Edit entry · MVP Pathway");
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Edit entry");
  await expect(page.locator(".journal-entry:visible")).toHaveCount(0);
  await expect(page.getByTestId("journal-count")).toBeHidden();
  await expectNoAxeViolations(page, "entry form, the list kept behind it");

  // Another tab saves while the list is not shown.
  const other = await context.newPage();
  await other.goto("/journal/new");
  await appReady(other);
  await other.getByLabel("Title", { exact: true }).fill("From the other tab");
  await other.getByRole("button", { name: "Save entry" }).click();
  await expect(other.locator(".journal-entry h2:visible").first()).toHaveText("From the other tab");

  await page.getByLabel("Title", { exact: true }).fill("Entry 27, edited");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/\/journal$/);
  await expect(page).toHaveTitle("Contribution journal · MVP Pathway");
  await expect(page.locator("#main h1:visible")).toHaveText("Contribution journal");
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Contribution journal");
  // "Show more" still in effect (two pages: all 31 shown, not the first 25), with the edit
  // and the other tab's entry in it.
  await expect(page.getByTestId("journal-count")).toContainText("31");
  await expect(page.locator(".journal-entry:visible")).toHaveCount(31);
  await expect(page.locator(".journal-entry h2:visible").first()).toHaveText("From the other tab");
  await expect(page.locator(".journal-entry h2:visible", { hasText: "Entry 27, edited" })).toHaveCount(1);

  // The overview and back: the same list, the form gone.
  await page.locator(".journal-tabs").getByRole("link", { name: "Overview" }).click();
  await expect(page.locator(".journal-entry:visible")).toHaveCount(0);
  await page.locator(".journal-tabs").getByRole("link", { name: "Entries" }).click();
  await expect(page.locator(".journal-entry:visible")).toHaveCount(31);
  await expect(page.locator("#jf-title")).toHaveCount(0);
});

test("the journal works under a sub-path and in Spanish", async ({ page }) => {
  const { SUBPATH_URL } = await import("../../playwright.config.mjs");
  await page.goto(SUBPATH_URL + "journal/overview");
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
  await page.getByRole("link", { name: "Export and import" }).click();
  await expect(page).toHaveURL(SUBPATH_URL + "journal/data");
  await page.getByLabel("Language").selectOption("es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exportar e importar");
  await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Diario" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diario de contribuciones");
  await expectNoAxeViolations(page, "journal (es)");
  expect(fs.existsSync("dist/index.html")).toBe(true);
});
