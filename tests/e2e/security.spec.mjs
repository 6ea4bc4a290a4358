// The shipped Content Security Policy and headers: what the build writes, what the test
// server (like Netlify and Cloudflare Pages) sends, framing, Trusted Types, the violation
// listener itself, and titles with bidi overrides shown isolated.
import { createHash } from "node:crypto";
import { test, expect, expectNoAxeViolations, appReady, ago, VIOLATION } from "./fixtures.mjs";
import { ROOT_URL, HOST_URL } from "../../playwright.config.mjs";

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const directives = (policy) => Object.fromEntries(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

function hostPage(path, { sandbox } = {}) {
  const params = new URLSearchParams({ src: ROOT_URL + path });
  if (sandbox !== undefined) params.set("sandbox", sandbox);
  return `${HOST_URL}?${params}`;
}

test("index.html carries the policy with a hash for every inline script, and nothing loose", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  expect(meta, "CSP meta tag").not.toBeNull();
  const policy = directives(meta[1].replaceAll("&#39;", "'").replaceAll("&quot;", '"'));
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[1]));
  expect(inline.length).toBeGreaterThan(0);
  for (const [, , text] of inline) expect(policy["script-src"]).toContain(sha256(text));
  expect(policy["script-src"].filter((s) => !s.startsWith("'sha256-"))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(policy["default-src"]).toEqual(["'self'"]);
  expect(policy["style-src"]).toEqual(["'self'"]);
  expect(policy["object-src"]).toEqual(["'none'"]);
  expect(policy["base-uri"]).toEqual(["'self'"]);
  expect(policy["form-action"]).toEqual(["'self'"]);
  expect(policy["require-trusted-types-for"]).toEqual(["'script'"]);
  expect(policy["trusted-types"]).toEqual(["mvp-pathway-html"]);
  expect(policy["frame-ancestors"], "ignored in a meta tag").toBeUndefined();
  expect(meta[1]).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
});

test("pages, widgets and files are served with the production headers", async ({ request }) => {
  for (const path of ["/", "/settings", "/journal/data", "/no-such-page"]) {
    const headers = (await request.get(path)).headers();
    expect(directives(headers["content-security-policy"])["frame-ancestors"], path).toEqual(["'none'"]);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["cache-control"], path).toBe("no-cache");
  }
  for (const path of ["/embed/faq", "/embed/checklist?lang=es"]) {
    const headers = (await request.get(path)).headers();
    const policy = directives(headers["content-security-policy"]);
    expect(policy["frame-ancestors"], path).toBeUndefined();
    expect(policy["script-src"]).toContain("'wasm-unsafe-eval'");
  }
  const html = await (await request.get("/")).text();
  // Minified HTML may leave attribute values unquoted; the split build's files are in a
  // per-build folder named relative to the page (pkg-<hash>/main_bg.wasm).
  const assets = [...new Set([...html.matchAll(/(?:href|src)=["']?\/?([^"'\s>]+\.(?:js|wasm|css))/g)].map((m) => `/${m[1]}`))];
  // The loader script fetches the main module of the app, or of the widgets on a widget page.
  const pkg = html.match(/pkg-[0-9a-f]{12}/)?.[0];
  expect(pkg, "index.html names the per-build folder").toBeTruthy();
  assets.push(`/${pkg}/main_bg.wasm`, `/${pkg}/widget/main_bg.wasm`, `/${pkg}/widget/main.js`);
  for (const asset of assets) {
    const headers = (await request.get(asset)).headers();
    expect(headers["cache-control"], asset).toBe("public, max-age=31536000, immutable");
    expect(headers["access-control-allow-origin"], asset).toBe("*");
    expect(headers["x-content-type-options"], asset).toBe("nosniff");
    // Only documents and workers read these; hashed files get a short policy instead.
    expect(directives(headers["content-security-policy"]), asset).toEqual({ "default-src": ["'none'"], "frame-ancestors": ["'none'"] });
    expect(headers["permissions-policy"], asset).toBeUndefined();
  }
  // A missing file's address in the hashed folder gets index.html (as from a host that
  // falls back to it): it still cannot be framed, and runs nothing.
  const missing = await request.get(`/${pkg}/no-such-page`);
  expect(await missing.text()).toContain("<!doctype html>");
  expect(directives(missing.headers()["content-security-policy"])["frame-ancestors"]).toEqual(["'none'"]);
  expect(directives(missing.headers()["content-security-policy"])["default-src"]).toEqual(["'none'"]);
  // Images (an SVG opened on its own is a document) get the short policy too, revalidated.
  for (const image of ["/favicon.svg", "/icons/icon.svg", "/icons/icon-192.png"]) {
    const headers = (await request.get(image)).headers();
    expect(directives(headers["content-security-policy"]), image).toEqual({ "default-src": ["'none'"], "frame-ancestors": ["'none'"] });
    expect(headers["permissions-policy"], image).toBeUndefined();
    expect(headers["cache-control"], image).toBe("no-cache");
  }
  // The service worker is a worker: it keeps the policy.
  expect(directives((await request.get("/sw.js")).headers()["content-security-policy"])["script-src"]).toContain("'self'");
  const embedJs = (await request.get("/embed.js")).headers();
  expect(embedJs["access-control-allow-origin"]).toBe("*");
  expect(embedJs["cache-control"], "unhashed: revalidated").toBe("no-cache");
  expect((await request.get("/_headers")).status()).toBe(404);
});

test("another site cannot frame the full app, only the widgets", async ({ page, consoleErrors }) => {
  await page.goto(hostPage("/settings"));
  await expect.poll(() => page.frames().map((f) => f.url())).toContain("chrome-error://chromewebdata/");
  await expect(page.frameLocator("iframe").locator("header.site-header")).toHaveCount(0);
  // Expected: the browser may report the refused frame. Nothing else may be in the list.
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/frame-ancestors/.test(e)));

  await page.goto(hostPage("/embed/faq"));
  await expect(page.frameLocator("iframe").locator("details.faq-item").first()).toBeVisible();
});

test("the violation listener catches a violation in the page and in a sandboxed widget", async ({ page, consoleErrors, cspViolations }) => {
  const loadForeignImage = () => {
    const img = document.createElement("img");
    img.alt = "";
    img.src = "https://example.invalid/pixel.png";
    document.body.append(img);
  };
  await page.goto("/about");
  await appReady(page);
  await page.evaluate(loadForeignImage);
  // The policy is both in the header and in the meta tag: each reports the same violation,
  // so distinct reports are counted.
  const distinct = () => new Set(cspViolations.filter((v) => v.includes("img-src"))).size;
  await expect.poll(distinct).toBe(1);

  await page.goto(hostPage("/embed/faq", { sandbox: "allow-scripts" }));
  await expect(page.frameLocator("iframe").locator("details.faq-item").first()).toBeVisible();
  const widget = page.frames().find((f) => f.url().includes("/embed/faq"));
  await widget.evaluate(loadForeignImage);
  await expect.poll(distinct).toBe(2);
  expect(cspViolations.every((v) => v.startsWith(VIOLATION))).toBe(true);
  // Both were caused on purpose; the fixtures check that nothing else was reported.
  cspViolations.length = 0;
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/example\.invalid/.test(e)));
});

test("Trusted Types: a plain string cannot become HTML, the app's own rendering still works", async ({ page, consoleErrors, cspViolations }) => {
  await page.goto("/faq");
  await appReady(page);
  // An answer's HTML is inserted through the app's one Trusted Types policy.
  await page.locator("details.faq-item summary").first().click();
  await expect(page.locator(".faq-answer p").first()).toBeVisible();
  const outcome = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML("beforeend", "<img src=x>");
      return "inserted";
    } catch (e) {
      return e.name;
    }
  });
  expect(outcome).toBe("TypeError");
  await expect.poll(() => new Set(cspViolations.filter((v) => v.includes("require-trusted-types-for"))).size).toBe(1);
  // Caused on purpose: the refusal and the browser's own report of it.
  cspViolations.length = 0;
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/TrustedHTML|Trusted Type/.test(e)));
});

test("a title with a right-to-left override is shown isolated wherever titles are shown", async ({ page }) => {
  const title = "Talk \u202Eabc.exe";
  const entries = [
    { id: "rlo", type: "blog", title, date: ago(1), created_ms: 1, updated_ms: 1 },
    { id: "plain", type: "blog", title: "Plain title", date: ago(2), created_ms: 1, updated_ms: 1 },
  ];
  await page.goto("/");
  await appReady(page);
  await page.evaluate((v) => localStorage.setItem("mvp-pathway:journal", v), JSON.stringify({ v: 1, data: { entries } }));

  const isolated = async (locator) => {
    await expect(locator).toHaveText(title);
    const bidi = await locator.evaluate((el) => [el.localName, getComputedStyle(el).unicodeBidi]);
    expect(bidi).toEqual(["bdi", "isolate"]);
  };
  await page.goto("/journal");
  await appReady(page);
  const item = page.locator("h2.journal-entry__title", { hasText: "abc" });
  await isolated(item.locator("bdi"));
  await expectNoAxeViolations(page, "journal with a bidi title");

  await page.goto("/story");
  await appReady(page);
  await isolated(page.locator(".story-highlight__title", { hasText: "abc" }));

  // Messages built from the title wrap it in FSI ... PDI, the text form of <bdi>.
  await page.goto("/journal");
  await appReady(page);
  await page.locator(".journal-entry", { hasText: "abc" }).getByRole("button", { name: /^Delete/ }).click();
  await expect(page.getByTestId("journal-status")).toContainText(`Deleted “\u2068${title}\u2069”`);
});
