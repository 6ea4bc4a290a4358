// Settings and your data: preferences, storage used, export, delete everything, import,
// hostile files, backups, persistent storage.
import { test, expect, expectNoAxeViolations, appReady } from "./fixtures.mjs";
import { SUBPATH_URL } from "../../playwright.config.mjs";

const SEED = {
  "mvp-pathway:settings": '{"v":1,"data":{"theme":"dark","lang":null}}',
  "mvp-pathway:checklist": '{"v":1,"data":{"done":{"gather-links":"2026-03-17"},"notes":{"gather":"Meetup slides"}}}',
  "mvp-pathway:story": '{"v":1,"data":{"why_started":"A question nobody answered","who_helped":"","learned":"","next":"","picked":[]}}',
};

async function seed(page, entries = SEED) {
  await page.goto("/");
  await appReady(page);
  await page.evaluate((e) => {
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
}

const appData = (page) =>
  page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("mvp-pathway:")).sort().map((k) => [k, localStorage.getItem(k)])),
  );

const readDownload = async (download) =>
  Buffer.concat(await (await download.createReadStream()).toArray()).toString();

test("export, delete everything, then import restores every document", async ({ page }, testInfo) => {
  await seed(page);
  await page.goto("/settings");
  await appReady(page);
  await expect(page).toHaveTitle("Settings and your data · MVP Pathway");
  await expect(page.getByTestId("storage-used")).toHaveText(/^This app uses \d+ KB of about 5 MB that browsers allow a site\.$/);
  await expect(page.locator("#settings-theme")).toHaveValue("dark");
  await expectNoAxeViolations(page, "settings");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download all my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mvp-pathway-data-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = await readDownload(download);
  const file = JSON.parse(exported);
  expect(file.app).toBe("mvp-pathway");
  expect(file.format).toBe(1);
  expect(Date.parse(file.exported_at)).not.toBeNaN();
  expect(file.documents.checklist).toEqual(JSON.parse(SEED["mvp-pathway:checklist"]));
  expect(Object.keys(file.documents).sort()).toEqual(["checklist", "settings", "story"]);
  await expect(page.getByTestId("export-status")).toContainText(download.suggestedFilename());
  const before = await appData(page);

  // Delete everything: the confirmation names what will be lost.
  await page.getByRole("button", { name: "Delete everything…" }).click();
  const confirm = page.getByTestId("delete-confirm");
  await expect(confirm).toBeFocused();
  for (const item of ["Your language and theme", "Your applying checklist, with its notes", "Your story draft"]) {
    await expect(confirm.getByRole("listitem").filter({ hasText: item })).toBeVisible();
  }
  await expectNoAxeViolations(page, "delete confirmation");
  await confirm.getByRole("button", { name: "Yes, delete everything" }).click();
  await expect(page).toHaveURL(/\/settings\?cleared=1$/);
  await appReady(page);
  await expect(page.getByText("Everything was deleted. The app starts fresh.")).toBeVisible();
  expect(await appData(page)).toEqual({});
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", "dark");

  // Import the exported file: preview first, nothing changes until confirmed.
  const path = testInfo.outputPath("export.json");
  await download.saveAs(path);
  await page.getByLabel("File to import (.json)").setInputFiles(path);
  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  await expect(preview).toContainText(`Exported: ${file.exported_at}`);
  await expect(preview.getByRole("listitem")).toHaveText([
    "Your applying checklist, with its notes",
    "Your language and theme",
    "Your story draft",
  ]);
  expect(await appData(page)).toEqual({});
  await expectNoAxeViolations(page, "import preview");
  await preview.getByRole("button", { name: "Replace with the file's data" }).click();
  await expect(page).toHaveURL(/\/settings\?imported=3$/);
  await appReady(page);
  await expect(page.getByText("Your data was imported (3 parts).")).toBeVisible();
  expect(await appData(page)).toEqual(before);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.goto("/checklist");
  await appReady(page);
  await expect(page.getByTestId("progress-text")).toHaveText("1 of 18 tasks done");
});

test("a hostile, foreign or oversized file gets a clear message and changes nothing", async ({ page }) => {
  await seed(page);
  await page.goto("/settings");
  await appReady(page);
  const before = await appData(page);
  const field = page.getByLabel("File to import (.json)");
  const error = page.locator("#import-error");
  const doc = { settings: { v: 1, data: { theme: "light" } } };
  const cases = [
    ["notes.json", "this is not json", "it is not JSON"],
    ["other.json", JSON.stringify({ app: "other-app", format: 1, documents: doc }), "was not exported by MVP Pathway"],
    ["future.json", JSON.stringify({ app: "mvp-pathway", format: 9, documents: doc }), "comes from a newer version"],
    [
      "types.json",
      JSON.stringify({ app: "mvp-pathway", format: 1, documents: { story: { v: 1, data: { learned: 42 } } } }),
      "A part of this file (Your story draft) is damaged",
    ],
    [
      "future-doc.json",
      JSON.stringify({ app: "mvp-pathway", format: 1, documents: { checklist: { v: 99, data: {} } } }),
      "A part of this file (Your applying checklist, with its notes) is damaged or comes from a newer version",
    ],
    ["huge.json", "[" + "1,".repeat(2_700_000) + "1]", "larger than 5 MB"],
  ];
  for (const [name, text, message] of cases) {
    await field.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    await expect(error, name).toContainText(message);
    await expect(error).toContainText("Nothing was changed.");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("import-preview")).toHaveCount(0);
  }
  await expectNoAxeViolations(page, "import error");
  expect(await appData(page)).toEqual(before);

  // A good file clears the error; unknown parts are named and left out.
  const mixed = { app: "mvp-pathway", format: 1, documents: { ...doc, "from-a-newer-app": { v: 1, data: {} } } };
  await field.setInputFiles({ name: "ok.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(mixed)) });
  await expect(page.getByTestId("import-ignored")).toHaveText(
    "Parts this version does not know will be left out: from-a-newer-app.",
  );
  await expect(error).toBeEmpty();
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("import-preview")).toHaveCount(0);
  await expect(field).toBeFocused();
  expect(await appData(page)).toEqual(before);
});

test("backup copies can be downloaded, and cancelling a delete keeps everything", async ({ page }) => {
  await seed(page, { ...SEED, "mvp-pathway:backup:story:1": '{"v":1,"data":{"why' });
  await page.goto("/settings");
  await appReady(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download story:1" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("mvp-pathway-backup-story-1.txt");
  expect(await readDownload(download)).toBe('{"v":1,"data":{"why');

  const before = await appData(page);
  const open = page.getByRole("button", { name: "Delete everything…" });
  await open.click();
  await expect(page.getByTestId("delete-confirm")).toContainText("Copies of unreadable data: 1");
  await page.getByRole("button", { name: "Keep my data", exact: true }).click();
  await expect(page.getByTestId("delete-confirm")).toHaveCount(0);
  await expect(open).toBeFocused();
  expect(await appData(page)).toEqual(before);
});

test("persistent storage: the current state is shown and can be requested", async ({ page }) => {
  await page.goto("/settings");
  await appReady(page);
  const state = page.getByTestId("persist-state");
  await expect(state).not.toHaveText("Checking what this browser does…");
  const text = await state.textContent();
  if (text.startsWith("This browser may delete")) {
    await page.getByRole("button", { name: "Ask the browser to keep my data" }).click();
    await expect(page.getByTestId("persist-answer")).toHaveText(
      /^(Done: the browser will keep this site's data until you delete it\.|The browser said no this time\..*)$/,
    );
  } else {
    expect(text).toBe("This browser has agreed to keep this site's data until you delete it.");
  }
  await expectNoAxeViolations(page, "settings after persist request");
});

test("the footer leads to settings, and language and theme can be changed there", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Settings and your data" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await page.locator("#settings-theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.locator("#settings-language").selectOption("es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ajustes y tus datos");
  await expect(page.getByTestId("storage-used")).toContainText("KB de los 5 MB aproximados");
  await expectNoAxeViolations(page, "settings (Spanish, dark)");
});

test("under a sub-path, links and the reload after deleting stay under it", async ({ page }) => {
  await page.goto(SUBPATH_URL + "checklist");
  await appReady(page);
  await expect(page.getByRole("link", { name: "Log your contributions in the journal" })).toHaveAttribute(
    "href",
    "/pathway/journal",
  );
  await page.getByRole("checkbox").first().check();
  await page.getByRole("contentinfo").getByRole("link", { name: "Settings and your data" }).click();
  await expect(page).toHaveURL(SUBPATH_URL + "settings");
  await page.getByRole("button", { name: "Delete everything…" }).click();
  await expect(page.getByTestId("delete-confirm")).toContainText("Your applying checklist, with its notes");
  await page.getByRole("button", { name: "Yes, delete everything" }).click();
  await expect(page).toHaveURL(SUBPATH_URL + "settings?cleared=1");
  await expect(page.getByText("Everything was deleted. The app starts fresh.")).toBeVisible();
  expect(await appData(page)).toEqual({});
});

test("settings reminds once to back up a journal, and a download records the backup", async ({ page }) => {
  const entries = [1, 2].map((i) => ({ id: `e${i}`, type: "blog", title: `Post ${i}`, date: "2026-03-0" + i, created_ms: i, updated_ms: i }));
  await seed(page, { "mvp-pathway:journal": JSON.stringify({ v: 1, data: { entries } }) });
  await page.goto("/settings");
  await appReady(page);
  // The reminder waits for the journal's fingerprint, read in its own chunk.
  const reminder = page.getByTestId("backup-reminder");
  await expect(reminder).toContainText("Your journal has entries but no backup yet.");
  await expect(page.getByTestId("last-backup")).toHaveText("You have not downloaded a backup yet.");
  await expectNoAxeViolations(page, "settings with the backup reminder");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download all my data" }).click(),
  ]);
  const file = JSON.parse(await readDownload(download));
  expect(file.documents.journal.data.entries.map((e) => e.title).sort()).toEqual(["Post 1", "Post 2"]);
  await expect(reminder).toHaveCount(0);
  await expect(page.getByTestId("last-backup")).toHaveText(/^Last backup downloaded: \w+ \d{1,2}, \d{4}\.$/);
  const record = await page.evaluate(() => JSON.parse(localStorage.getItem("mvp-pathway-device:last-backup")));
  expect(record.last_backup_ms).toBeGreaterThan(Date.now() - 60_000);

  // The backup covers the journal as it is: no reminder on the next visit.
  await page.reload();
  await appReady(page);
  await expect(page.getByTestId("last-backup")).toHaveText(/^Last backup downloaded:/);
  await page.waitForTimeout(500);
  await expect(reminder).toHaveCount(0);
});

test("a backup record whose date no date can hold counts as no backup, and the page works", async ({ page }) => {
  const entries = [{ id: "e1", type: "blog", title: "Post 1", date: "2026-03-01", created_ms: 1, updated_ms: 1 }];
  await seed(page, {
    "mvp-pathway:journal": JSON.stringify({ v: 1, data: { entries } }),
    "mvp-pathway-device:last-backup": '{"v":1,"last_backup_ms":9007199254740991,"fingerprint":"00000000000000aa","reminded_ms":-9223372036854775808}',
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/settings");
  await appReady(page);
  await expect(page.getByTestId("last-backup")).toHaveText("You have not downloaded a backup yet.");
  await expect(page.getByTestId("backup-reminder")).toContainText("Your journal has entries but no backup yet.");
  // Still working: a download records a real backup.
  await page.getByRole("button", { name: "Download all my data" }).click();
  await expect(page.getByTestId("last-backup")).toHaveText(/^Last backup downloaded: \w+ \d{1,2}, \d{4}\.$/);
  expect(errors).toEqual([]);
});
