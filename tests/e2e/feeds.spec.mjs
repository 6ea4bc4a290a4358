// Filling the journal from feeds and calendars (each kind, and the same file twice), bad
// files, the monthly reminder download and the one-page printed summary. Axe on each screen.
import { test, expect, expectNoAxeViolations, appReady, ago } from "./fixtures.mjs";
import { SUBPATH_URL } from "../../playwright.config.mjs";

const KEY = "mvp-pathway:journal";
const rfc822 = (iso) => new Date(`${iso}T09:00:00Z`).toUTCString();
const basic = (iso) => iso.replaceAll("-", "");

// Dates relative to today, so that "in the last 12 months" holds whenever the test runs.
function rss() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Ana&#039;s Cloud Notes</title><link>https://ana.example</link>
<item><title>Bicep modules: 5 tips &#8211; from a real migration</title>
<link>https://ana.example/bicep</link><pubDate>${rfc822(ago(1))}</pubDate>
<description><![CDATA[<p>We moved 40 templates to <strong>Bicep</strong> &amp; lived.</p><img src=x onerror="window.pwned=1"><script>window.pwned=2</script>]]></description></item>
<item><title>Minimal APIs &amp; &lt;T&gt; generics</title><link>https://ana.example/minimal</link>
<pubDate>${rfc822(ago(3))}</pubDate><description>&lt;p&gt;Typed results&lt;/p&gt;</description></item>
<item><title>An old post</title><link>https://ana.example/old</link><pubDate>${rfc822(ago(15))}</pubDate></item>
</channel></rss>`;
}

function atomYouTube() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
<yt:channelId>UCxxxx</yt:channelId><title>Kenji Builds</title>
<entry><yt:videoId>AbCdEfGhIjk</yt:videoId><title>GitHub Copilot in VS Code: 10 shortcuts</title>
<link rel="alternate" href="https://www.youtube.com/watch?v=AbCdEfGhIjk"/><published>${ago(2)}T15:00:06+00:00</published>
<media:group><media:description>Ten shortcuts I use every day.</media:description>
<media:community><media:statistics views="12873"/></media:community></media:group></entry>
</feed>`;
}

function podcast() {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
<title>Café con Datos</title><itunes:author>Marta</itunes:author>
<item><title>Episodio 42: Fabric para analistas</title><pubDate>${rfc822(ago(1, 5))}</pubDate>
<guid isPermaLink="true">https://cafecondatos.example/42</guid>
<enclosure url="https://media.cafecondatos.example/42.mp3" length="1" type="audio/mpeg"/></item>
</channel></rss>`;
}

function calendar() {
  const future = new Date();
  future.setMonth(future.getMonth() + 2);
  const next = future.toISOString().slice(0, 10);
  return [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Meetup//EN",
    "BEGIN:VEVENT", "UID:a@meetup", `DTSTART;TZID=Europe/Madrid:${basic(ago(2))}T190000`,
    "SUMMARY:Talk: Observability with OpenTelemetry\\, .NET and Azure Monitor",
    "DESCRIPTION:Ana shows traces\\, metrics and logs end",
    "  to end\\; bring your laptop!",
    "URL:https://www.meetup.com/madrid-dotnet/events/301234567/", "END:VEVENT",
    "BEGIN:VEVENT", "UID:b@meetup", `DTSTART;VALUE=DATE:${basic(next)}`, "SUMMARY:Upcoming workshop", "END:VEVENT",
    "END:VCALENDAR", "",
  ].join("\r\n");
}

async function openData(page) {
  await page.goto("/journal/data");
  await appReady(page);
  await expect(page.getByRole("heading", { name: "Import from a feed or calendar" })).toBeVisible();
}

async function choose(page, name, text, mimeType = "application/xml") {
  await page.getByLabel("Feed or calendar file (RSS, Atom or .ics, at most 5 MB)").setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

// The saved journal as `{ data: { entries } }`, read the way the app stores it (format 2: the
// index names one key per month), or null when nothing is saved.
const stored = (page) =>
  page.evaluate((k) => {
    const index = JSON.parse(localStorage.getItem(`${k}:index`) || "null");
    if (!index) return null;
    const entries = index.data.chunks.flatMap((c) => JSON.parse(localStorage.getItem(`${k}:${c.month}:${c.gen}`)).data.entries);
    return { data: { entries } };
  }, KEY);

test("a blog's RSS feed: preview, confirm, and the same file again adds nothing", async ({ page }) => {
  await openData(page);
  await expectNoAxeViolations(page, "journal data with feed import");
  await choose(page, "feed.xml", rss());
  const preview = page.getByTestId("feed-preview");
  await expect(preview.getByRole("heading", { level: 3 })).toHaveText("Items found in this RSS feed: 3");
  const first = preview.getByLabel("Bicep modules: 5 tips – from a real migration");
  await expect(first).toBeChecked();
  await expect(first).toHaveAccessibleDescription(/Blog/);
  await expect(preview.getByLabel("Minimal APIs & <T> generics")).toBeChecked();
  const old = preview.getByLabel("An old post");
  await expect(old).toHaveAccessibleDescription(/Older than 12 months/);
  await expectNoAxeViolations(page, "feed preview");
  expect(await stored(page), "nothing is written before confirming").toBeNull();

  await old.uncheck();
  await preview.getByRole("button", { name: "Add the ticked items to my journal (2)" }).click();
  await expect(page.getByTestId("feed-status")).toHaveText("Entries added to your journal: 2. You can edit them in the entries list.");
  const saved = await stored(page);
  expect(saved.data.entries.map((e) => e.title).sort()).toEqual(["Bicep modules: 5 tips – from a real migration", "Minimal APIs & <T> generics"]);
  const bicep = saved.data.entries.find((e) => e.url === "https://ana.example/bicep");
  expect(bicep.type).toBe("blog");
  expect(bicep.date).toBe(ago(1));
  expect(bicep.description).toBe("We moved 40 templates to Bicep & lived.");

  // The same file again: the two imported items are marked and unticked.
  await choose(page, "feed.xml", rss());
  await expect(preview.getByLabel("Bicep modules: 5 tips – from a real migration")).not.toBeChecked();
  await expect(preview.getByLabel("Bicep modules: 5 tips – from a real migration")).toHaveAccessibleDescription(/Already in your journal/);
  await expect(preview.getByText("Already in your journal, so not ticked: 2.")).toBeVisible();
  // The old post was left out the first time: it is still new, and still ticked.
  await expect(preview.getByLabel("An old post")).toBeChecked();
  await preview.getByLabel("An old post").uncheck();
  await preview.getByRole("button", { name: "Add the ticked items to my journal (0)" }).click();
  await expect(page.getByTestId("feed-status")).toHaveText("No item is ticked, so nothing was added.");
  expect((await stored(page)).data.entries).toHaveLength(2);

  await page.getByRole("link", { name: "Entries" }).click();
  await expect(page.locator(".journal-entry h2")).toHaveText(["Bicep modules: 5 tips – from a real migration", "Minimal APIs & <T> generics"]);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
});

test("a YouTube feed becomes videos with their view counts", async ({ page }) => {
  await openData(page);
  await choose(page, "videos.xml", atomYouTube());
  const preview = page.getByTestId("feed-preview");
  await expect(preview.getByRole("heading", { level: 3 })).toHaveText("Items found in this YouTube channel feed: 1");
  await expect(preview.getByLabel("GitHub Copilot in VS Code: 10 shortcuts")).toHaveAccessibleDescription(/Webinar, online training, video or livestream.*12,873 views/);
  await preview.getByRole("button", { name: "Add the ticked items to my journal (1)" }).click();
  await expect(page.getByTestId("feed-status")).toContainText("Entries added to your journal: 1.");
  const [video] = (await stored(page)).data.entries;
  expect(video.type).toBe("video");
  expect(video.figures).toEqual({ "on-demand-views": 12873 });
  // Importing the same channel again adds nothing and says so.
  await choose(page, "videos.xml", atomYouTube());
  await expect(page.getByTestId("feed-nothing-new")).toHaveText("Nothing new: every item of this file is already in your journal.");
});

test("a podcast feed becomes episodes", async ({ page }) => {
  await openData(page);
  await choose(page, "podcast.rss", podcast());
  const preview = page.getByTestId("feed-preview");
  await expect(preview.getByRole("heading", { level: 3 })).toHaveText("Items found in this Podcast feed: 1");
  await expect(preview.getByLabel("Episodio 42: Fabric para analistas")).toHaveAccessibleDescription(/^Podcast/);
  await preview.getByRole("button", { name: "Add the ticked items to my journal (1)" }).click();
  await expect(page.getByTestId("feed-status")).toContainText("Entries added to your journal: 1.");
  const [episode] = (await stored(page)).data.entries;
  expect(episode).toMatchObject({ type: "podcast", url: "https://cafecondatos.example/42" });
});

test("a meetup calendar (.ics) becomes talks; upcoming events are left unticked", async ({ page }) => {
  await openData(page);
  await choose(page, "meetup.ics", calendar(), "text/calendar");
  const preview = page.getByTestId("feed-preview");
  await expect(preview.getByRole("heading", { level: 3 })).toHaveText("Items found in this Calendar (.ics): 2");
  const talk = preview.getByLabel("Talk: Observability with OpenTelemetry, .NET and Azure Monitor");
  await expect(talk).toBeChecked();
  await expect(talk).toHaveAccessibleDescription(/Speaker\/Presenter at Third-party event/);
  const upcoming = preview.getByLabel("Upcoming workshop");
  await expect(upcoming).not.toBeChecked();
  await expect(upcoming).toHaveAccessibleDescription(/Upcoming/);
  await expectNoAxeViolations(page, "calendar preview");
  await preview.getByRole("button", { name: "Add the ticked items to my journal (1)" }).click();
  const [entry] = (await stored(page)).data.entries;
  expect(entry).toMatchObject({ type: "speaker-third-party", date: ago(2), url: "https://www.meetup.com/madrid-dotnet/events/301234567/" });
  expect(entry.description).toBe("Ana shows traces, metrics and logs end to end; bring your laptop!");
  await choose(page, "meetup.ics", calendar(), "text/calendar");
  await expect(preview.getByLabel("Talk: Observability with OpenTelemetry, .NET and Azure Monitor")).not.toBeChecked();
});

test("bad files get a clear message next to the field and change nothing", async ({ page }) => {
  await openData(page);
  const field = page.getByLabel("Feed or calendar file (RSS, Atom or .ics, at most 5 MB)");
  await choose(page, "backup.json", '{"app":"mvp-pathway"}', "application/json");
  await expect(page.locator("#feed-file-error")).toHaveText("This file is not an RSS or Atom feed or an .ics calendar. Nothing was changed.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "feed import error");
  const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title><pubDate>${rfc822(ago(1))}</pubDate></item></channel></rss>`;
  await choose(page, "evil.xml", laughs);
  await expect(page.locator("#feed-file-error")).toHaveText(/declares its own XML entities/);
  await choose(page, "big.xml", `<rss>${"x".repeat(5 * 1024 * 1024 + 10)}</rss>`);
  await expect(page.locator("#feed-file-error")).toHaveText(/larger than 5 MB/);
  const many = Array.from({ length: 1200 }, (_, i) => `<item><title>Post ${i}</title><link>https://b.example/${i}</link><pubDate>${rfc822(ago(i % 11))}</pubDate></item>`).join("");
  await choose(page, "many.xml", `<rss><channel>${many}</channel></rss>`);
  await expect(page.getByTestId("feed-preview")).toContainText("The file has 1,200 items; only the newest 500 are shown.");
  await expect(page.getByTestId("feed-preview").getByRole("checkbox")).toHaveCount(500);
  expect(await stored(page)).toBeNull();
});

test("the monthly reminder downloads from the journal and the checklist, linking to this app", async ({ page }) => {
  const readDownload = async (d) => Buffer.concat(await (await d.createReadStream()).toArray()).toString();
  await openData(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Add a monthly reminder to your calendar" }).click()]);
  expect(download.suggestedFilename()).toBe("mvp-pathway-monthly-reminder.ics");
  const ics = await readDownload(download);
  expect(ics).toContain("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1\r\n");
  expect(ics).toContain("SUMMARY:Log this month's contributions\r\n");
  const origin = new URL(page.url()).origin;
  expect(ics.replace(/\r\n /g, "")).toContain(`URL:${origin}/journal/new\r\n`);

  // Under a sub-path, in Spanish, from the checklist.
  await page.goto(SUBPATH_URL + "checklist");
  await appReady(page);
  await page.locator("#pref-language").selectOption("es");
  const button = page.getByRole("button", { name: "Añadir un recordatorio mensual a tu calendario" });
  await expectNoAxeViolations(page, "checklist with reminder");
  const [sub] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const spanish = (await readDownload(sub)).replace(/\r\n /g, "");
  expect(spanish).toContain("SUMMARY:Registra las contribuciones de este mes\r\n");
  expect(spanish).toContain(`URL:${SUBPATH_URL}journal/new\r\n`);
  expect(spanish).toMatch(/DESCRIPTION:.*diario de MVP Pathway.*pathway\/journal\/new/);
});

test("the 12-month overview prints on one page, A4 and Letter, in English and Spanish", async ({ page }) => {
  const entries = Array.from({ length: 40 }, (_, i) => ({
    id: `p${i}`, type: i % 2 ? "blog" : "speaker-third-party", title: `A contribution with a fairly long title number ${i}`,
    date: ago(i % 12), url: `https://example.org/a/very/long/path/that/is/printed/in/full/${i}?utm=none`,
    areas: ["azure"], high_impact: i % 3 === 0, created_ms: i, updated_ms: i,
  }));
  await page.goto("/");
  await appReady(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ v: 1, data: { entries } })]);
  for (const lang of ["en", "es"]) {
    await page.goto("/journal/overview");
    await appReady(page);
    await page.getByLabel("Language").selectOption(lang);
    const highlights = page.getByTestId("print-highlights");
    await expect(highlights.locator("li")).toHaveCount(10);
    await expect(highlights).toContainText("https://example.org/a/very/long/path/that/is/printed/in/full/0?utm=none");
    await expect(page.getByRole("button", { name: lang === "en" ? "Print or save as PDF" : "Imprimir o guardar como PDF" })).toBeVisible();
    if (lang === "en") await expectNoAxeViolations(page, "overview with print");
    for (const format of ["A4", "Letter"]) {
      const pdf = (await page.pdf({ format })).toString("latin1");
      const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
      expect(pages, `${lang} ${format}`).toBe(1);
    }
  }
});
