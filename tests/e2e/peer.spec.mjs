// Peer feedback by link: the owner builds a read-only link, a peer opens it in a fresh
// browser (nothing sent, nothing stored), replies with a link, and the owner saves the reply
// to the checklist. Damaged links get a clear message. Axe on each screen.
import { test, expect, expectNoAxeViolations, appReady, ago } from "./fixtures.mjs";

const STORY = "mvp-pathway:story";
const JOURNAL = "mvp-pathway:journal";

const rnd = () => Math.random().toString(36).slice(2, 12);

function entries(n, long = false) {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    type: i % 2 ? "blog" : "speaker-third-party",
    title: long ? `Talk ${i} ${rnd()} ${rnd()} ${rnd()}` : `Contribution ${i} about Azure`,
    date: ago(i % 11),
    url: long ? `https://example.org/${rnd()}/${rnd()}/${i}` : `https://example.org/post/${i}`,
    areas: ["azure"],
    high_impact: i === 0,
    created_ms: i,
    updated_ms: i,
  }));
}

async function seed(page, journal, story) {
  await page.goto("/");
  await appReady(page);
  await page.evaluate(
    ([j, s, jv, sv]) => {
      localStorage.setItem(j, jv);
      if (sv) localStorage.setItem(s, sv);
    },
    [JOURNAL, STORY, JSON.stringify({ v: 1, data: { entries: journal } }), story && JSON.stringify({ v: 1, data: story })],
  );
}

async function makeLink(page) {
  await page.getByRole("button", { name: "Create the link" }).click();
  const box = page.getByLabel("Read-only link for your peer");
  await expect(box).toHaveValue(/\/peer\/view#r=1\./);
  return box.inputValue();
}

test("a peer opens the link in a fresh browser, nothing is sent or stored, and the reply reaches the checklist", async ({ page, browser }) => {
  const story = "I run the Madrid .NET meetup <script>window.pwned=1</script> and **write** about Azure.";
  await seed(page, entries(12), { why_started: story });
  await page.goto("/story");
  await appReady(page);
  await page.getByRole("link", { name: "Ask a peer for feedback on this story" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask a peer for feedback");
  await expect(page.getByTestId("peer-anyone")).toContainText("Anyone with the link can read what it holds.");
  await page.getByLabel("Your name (optional)").fill("Ana");
  await page.getByLabel("What would you like feedback on? (optional)").fill("Is my story clear?");
  await expect(page.getByLabel("Story draft (Markdown)")).toHaveValue(/Madrid \.NET meetup/);
  // The 10 strongest are ticked at first; the high-impact entry comes first.
  const boxes = page.getByRole("group", { name: /Contributions to show/ }).getByRole("checkbox");
  await expect(boxes).toHaveCount(12);
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(10)).not.toBeChecked();
  const link = await makeLink(page);
  await expect(page.getByTestId("peer-link-length")).toHaveText(`Link length: ${link.length} characters.`);
  await expect(page.getByTestId("peer-link-long")).toHaveCount(0);
  await expectNoAxeViolations(page, "peer link builder");

  // The peer: a fresh browser context, every request recorded.
  const peerContext = await browser.newContext();
  const peer = await peerContext.newPage();
  const requests = [];
  peer.on("request", (r) => requests.push({ url: r.url(), body: r.postData() || "" }));
  const peerErrors = [];
  peer.on("pageerror", (e) => peerErrors.push(String(e)));
  await peer.goto(link);
  await expect(peer.getByRole("heading", { level: 1 })).toHaveText("Ana asks for your feedback");
  await expect(peer.getByTestId("peer-anyone")).toContainText("Anyone with this link can read what it holds.");
  await expect(peer.getByTestId("peer-question")).toHaveText("Is my story clear?");
  const shownStory = peer.getByTestId("peer-story");
  await expect(shownStory).toContainText("I run the Madrid .NET meetup <script>window.pwned=1</script> and");
  await expect(shownStory.locator("script")).toHaveCount(0);
  await expect(peer.getByTestId("peer-entries").locator("li")).toHaveCount(10);
  await expect(peer.getByTestId("peer-entries").getByRole("link", { name: "https://example.org/post/0" })).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expectNoAxeViolations(peer, "peer view");
  await peer.getByLabel("Your name (optional)").fill("Luis");
  await peer.getByRole("button", { name: "Create the reply link" }).click();
  await expect(peer.getByRole("alert")).toHaveText("Write some feedback first.");
  await peer.getByLabel("Feedback (plain text, at most 4,000 characters)").fill("Lead with the meetup numbers.\nThe **Bicep** post is your strongest.");
  await peer.getByRole("button", { name: "Create the reply link" }).click();
  const replyBox = peer.getByLabel("Reply link: send it back to the person who asked");
  await expect(replyBox).toHaveValue(/\/peer\/reply#f=1\./);
  const reply = await replyBox.inputValue();
  expect(await peer.evaluate(() => localStorage.length), "the peer's storage stays empty").toBe(0);
  expect(await peer.evaluate(() => window.pwned)).toBeUndefined();
  const payload = link.split("#")[1];
  const origin = new URL(link).origin;
  for (const r of requests) {
    expect(new URL(r.url).origin, "no request leaves the app's origin").toBe(origin);
    expect(r.url + r.body).not.toContain(payload.slice(4, 40));
    expect(r.url + r.body).not.toContain("Madrid");
  }
  expect(peerErrors).toEqual([]);
  await peerContext.close();

  // The owner opens the reply and saves it to the checklist.
  await page.goto(reply);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feedback from Luis");
  await expect(page.getByTestId("peer-feedback")).toHaveText("Lead with the meetup numbers.\nThe **Bicep** post is your strongest.");
  await expect(page.getByText("In answer to the request from Ana.")).toBeVisible();
  await expectNoAxeViolations(page, "reply");
  await page.getByRole("button", { name: 'Save to the checklist step "Ask peers or community members for feedback"' }).click();
  await expect(page.getByTestId("peer-saved")).toContainText("Saved in the notes");
  await page.getByRole("link", { name: "Open the checklist" }).click();
  const notes = page.locator("#notes-feedback");
  await expect(notes).toHaveValue(/^Feedback from Luis \(\d{4}-\d{2}-\d{2}\):\nLead with the meetup numbers\.\nThe \*\*Bicep\*\* post is your strongest\.$/);
});

test("damaged, cut and foreign links get a clear message", async ({ page }) => {
  await seed(page, entries(3), null);
  await page.goto("/peer");
  await appReady(page);
  const link = await makeLink(page);
  const hash = link.split("#")[1];
  const [, data] = hash.split(".");
  const flipped = data[10] === "A" ? "B" : "A";
  const cases = [
    [link.slice(0, link.length - 20), "This link is cut short or was changed"],
    [link.replace(data, data.slice(0, 10) + flipped + data.slice(11)), "This link is cut short or was changed"],
    [link.replace("#r=1.", "#r=7."), "made by a newer version"],
    [link.split("#")[0], "This address holds no shared data."],
  ];
  for (const [url, message] of cases) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link cannot be opened");
    await expect(page.getByTestId("peer-error")).toContainText(message);
  }
  await expectNoAxeViolations(page, "broken peer link");
  // A request link opened as a reply is refused, not misread.
  await page.goto(link.replace("/peer/view#", "/peer/reply#"));
  await expect(page.getByTestId("peer-error")).toContainText("This address holds no shared data.");
});

test("a link too long for chat apps says so and can include fewer entries", async ({ page }) => {
  await seed(page, entries(40, true), null);
  await page.goto("/peer");
  await appReady(page);
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await makeLink(page);
  await expect(page.getByTestId("peer-link-long")).toContainText("longer than 2000 characters");
  await page.getByRole("button", { name: "Include fewer entries until it fits" }).click();
  await expect(page.getByTestId("peer-link-long")).toHaveCount(0);
  const fitted = await page.getByLabel("Read-only link for your peer").inputValue();
  expect(fitted.length).toBeLessThanOrEqual(2000);
  const ticked = await page.getByRole("checkbox", { checked: true }).count();
  expect(ticked).toBeGreaterThan(0);
  expect(ticked).toBeLessThan(40);
});
