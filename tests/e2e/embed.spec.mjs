// Embedding: the snippet generator, and widgets framed by a community site on another origin.
import { test, expect, expectNoAxeViolations, appReady } from "./fixtures.mjs";
import { ROOT_URL } from "../../playwright.config.mjs";

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
