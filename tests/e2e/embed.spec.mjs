// Embedding: the snippet generator, and widgets framed by a community site on another origin.
import { test, expect, expectNoAxeViolations, appReady } from "./fixtures.mjs";
import { ROOT_URL, HOST_URL } from "../../playwright.config.mjs";

test("the generator's snippet and live preview follow the chosen options", async ({ page }) => {
  await page.goto("/embed");
  await appReady(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Embed MVP Pathway on your site");
  await expectNoAxeViolations(page, "embed generator");
  await page.getByLabel("Applying checklist").check();
  await page.getByLabel("Language", { exact: true }).last().selectOption("es");
  await page.locator("#embed-theme").selectOption("dark");
  await page.getByLabel("Accent colour (optional)").fill("#ffd700");
  await page.getByLabel(/Compact layout/).check();
  const expectedSrc = `${ROOT_URL}/embed/checklist?lang=es&theme=dark&accent=%23ffd700&compact=1`;
  await expect(page.getByLabel("HTML to paste into your page")).toHaveValue(
    `<iframe src="${expectedSrc.replaceAll("&", "&amp;")}" title="MVP Pathway: Applying checklist" loading="lazy" style="width:100%;height:640px;border:0"></iframe>\n<script src="${ROOT_URL}/embed.js" async></script>`,
  );
  await expect(page.locator("iframe.embed-preview")).toHaveAttribute(
    "src",
    "/embed/checklist?lang=es&theme=dark&accent=%23ffd700&compact=1",
  );
});

test("on a phone the preview loads when it is scrolled to, not with the page", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const widgetRequests = [];
  page.on("request", (request) => {
    if (request.frame() !== page.mainFrame()) widgetRequests.push(request.url());
  });
  await page.goto("/embed");
  await appReady(page);
  const preview = page.locator("iframe.embed-preview");
  // Below the options: nothing of the second app is fetched while the page settles.
  await page.waitForLoadState("networkidle");
  await expect(preview).not.toHaveAttribute("src", /./);
  expect(widgetRequests).toEqual([]);
  await preview.scrollIntoViewIfNeeded();
  await expect(preview).toHaveAttribute("src", "/embed/faq");
  await expect(page.frameLocator("iframe.embed-preview").locator("details.faq-item").first()).toBeVisible();
  // The preview runs the widgets' own binary, as on a community site (the full app's has no
  // widget frame): no main module of the full app is fetched again.
  expect(widgetRequests.filter((u) => /\/main_bg\.wasm$/.test(u))).toEqual([expect.stringMatching(/\/pkg-[0-9a-f]{12}\/widget\/main_bg\.wasm$/)]);
  // The options still drive it once it is shown.
  await page.getByLabel("Applying checklist").check();
  await expect(preview).toHaveAttribute("src", "/embed/checklist");
  await expect(page.frameLocator("iframe.embed-preview").getByRole("heading", { level: 1 })).toBeVisible();
});

test("an invalid accent is explained next to the field and left out of the snippet", async ({ page }) => {
  await page.goto("/embed");
  await appReady(page);
  const field = page.getByLabel("Accent colour (optional)");
  await field.fill("#12");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#embed-accent-error")).toContainText("3 or 6 hexadecimal digits");
  await expect(page.getByLabel("HTML to paste into your page")).not.toHaveValue(/accent=/);
  await expectNoAxeViolations(page, "embed generator with an error");
  await field.fill("#0b5cad");
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("HTML to paste into your page")).toHaveValue(/accent=%230b5cad/);
});

test("copy puts the snippet on the clipboard and says so", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ROOT_URL });
  await page.goto("/embed");
  await appReady(page);
  await page.getByRole("button", { name: "Copy snippet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Snippet copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByLabel("HTML to paste into your page").inputValue());
});

test("the host script ships and has no dependencies", async ({ request }) => {
  const response = await request.get("/embed.js");
  expect(response.status()).toBe(200);
  const body = await response.text();
  expect(body).toContain('data.source !== "mvp-pathway"');
  expect(body).not.toMatch(/\bimport\b|\brequire\(/);
});

/** The community site's page, framing `path` of the app (optionally sandboxed). */
function hostPage(path, { sandbox, script = true } = {}) {
  const params = new URLSearchParams({ src: ROOT_URL + path });
  if (script) params.set("script", ROOT_URL + "/embed.js");
  if (sandbox !== undefined) params.set("sandbox", sandbox);
  return `${HOST_URL}?${params}`;
}

const frameHeight = async (page) => Math.round((await page.locator("iframe").boundingBox()).height);

test.describe("widgets on a community site (another origin)", () => {
  test("the FAQ widget renders without the site frame and its iframe follows the content height", async ({ page }) => {
    await page.goto(hostPage("/embed/faq"));
    const frame = page.frameLocator("iframe");
    await expect(frame.locator("details.faq-item").first()).toBeVisible();
    await expect(frame.locator("header.site-header")).toHaveCount(0);
    await expect(frame.getByRole("link", { name: /Open the full app/ })).toHaveAttribute("target", "_blank");
    await expect.poll(() => frameHeight(page)).not.toBe(300);
    const contentHeight = await frame.locator("body").evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
    expect(Math.abs((await frameHeight(page)) - contentHeight)).toBeLessThanOrEqual(1);
    const closed = await frameHeight(page);
    await frame.locator("details.faq-item summary").first().click();
    await expect.poll(() => frameHeight(page)).toBeGreaterThan(closed);
  });

  test("the explainer widget grows and shrinks with each step", async ({ page }) => {
    await page.goto(hostPage("/embed/explainer?lang=es"));
    const frame = page.frameLocator("iframe");
    await expect(frame.locator("html")).toHaveAttribute("lang", "es");
    await expect(frame.locator("#main h1:visible")).toBeVisible();
    await expect.poll(() => frameHeight(page)).not.toBe(300);
    const intro = await frameHeight(page);
    await frame.locator("#main").getByRole("link").or(frame.locator("#main").getByRole("button")).first().click();
    await expect(frame.locator("fieldset, form").first()).toBeVisible();
    await expect.poll(() => frameHeight(page)).not.toBe(intro);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/\?/);
  });

  test("theme and accent apply, with readable text on the accent", async ({ page }) => {
    await page.goto(hostPage("/embed/checklist?theme=dark&accent=%23ffd700&compact=1"));
    const frame = page.frameLocator("iframe");
    const html = frame.locator("html");
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect(html).toHaveAttribute("data-compact", "");
    // The loader sets the theme before any code runs; the accent comes with the widget's
    // code (a constructed stylesheet), so it is waited for.
    const tokens = () =>
      html.evaluate((el) => {
        const style = getComputedStyle(el);
        return [style.getPropertyValue("--fill").trim(), style.getPropertyValue("--on-fill").trim(), style.backgroundColor];
      });
    await expect.poll(tokens).toEqual(["#ffd700", "#000000", "rgb(17, 20, 24)"]);
  });

  test("bad parameters fall back to the defaults and never break the widget", async ({ page }) => {
    await page.goto(hostPage("/embed/faq?accent=javascript:alert(1)&theme=neon&lang=xx&compact=maybe"));
    const frame = page.frameLocator("iframe");
    await expect(frame.locator("details.faq-item").first()).toBeVisible();
    const html = frame.locator("html");
    await expect(html).toHaveAttribute("data-theme", "auto");
    await expect(html).not.toHaveAttribute("data-compact", /.*/);
    const fill = await html.evaluate((el) => getComputedStyle(el).getPropertyValue("--fill").trim());
    expect(fill).toBe("");
  });

  test("in a sandboxed iframe without storage the widget works in memory and says so", async ({ page }) => {
    await page.goto(hostPage("/embed/checklist", { sandbox: "allow-scripts" }));
    const frame = page.frameLocator("iframe");
    await expect(frame.getByTestId("memory-notice")).toBeVisible();
    const box = frame.locator("input[type=checkbox]").first();
    await box.check();
    await expect(box).toBeChecked();
    await expect.poll(() => frameHeight(page)).not.toBe(300);
  });

  test("without the script the iframe keeps its own height; the message carries only the height", async ({ page }) => {
    await page.addInitScript(() => {
      window.__messages = [];
      window.addEventListener("message", (e) => window.__messages.push({ origin: e.origin, data: e.data }));
    });
    await page.goto(hostPage("/embed/faq", { script: false }));
    await expect(page.frameLocator("iframe").locator("details.faq-item").first()).toBeVisible();
    // The footer waits for the page, so the first report can be the bare frame; once the
    // questions are shown, the last one carries the widget's whole height.
    await expect.poll(() => page.evaluate(() => window.__messages.at(-1)?.data.height ?? 0)).toBeGreaterThan(100);
    const messages = await page.evaluate(() => window.__messages);
    for (const message of messages) {
      expect(message.origin).toBe(ROOT_URL);
      expect(Object.keys(message.data).sort()).toEqual(["height", "source", "type"]);
      expect(message.data.source).toBe("mvp-pathway");
      expect(message.data.type).toBe("resize");
    }
    expect(await frameHeight(page)).toBe(300);
  });
});

for (const widget of ["explainer", "checklist", "faq"]) {
  test(`the ${widget} widget passes axe in light and dark, English and Spanish`, async ({ page }) => {
    for (const query of ["", "?theme=dark&lang=es&accent=%230b5cad"]) {
      await page.goto(`/embed/${widget}${query}`);
      await expect(page.locator("#main h1, #main h2").first()).toBeVisible();
      await expectNoAxeViolations(page, `/embed/${widget}${query}`);
    }
  });
}
