// The journals the journal benchmark and profile seed, in the app's storage formats, and
// the timing helpers both install in the page (scripts/bench-journal.mjs,
// scripts/profile-journal.mjs).

const TYPES = { blog: ["views", "subscribers"], podcast: ["sessions", "listens"], video: ["sessions", "live-views", "on-demand-views"], "open-source": ["views"], mentorship: ["sessions"], "speaker-third-party": ["attendees", "sessions"] };
const AREAS = ["azure", "security", "developer-technologies", "m365", "data-platform"];
export function entries(n, prefix, compact = false) {
  const out = [];
  const start = Date.UTC(2022, 0, 1);
  for (let i = 0; i < n; i++) {
    const type = Object.keys(TYPES)[i % 6];
    const figures = {};
    for (const f of TYPES[type]) figures[f] = (i * 37) % 5000;
    if (compact) {
      out.push({ id: `${prefix}${i}`, type: "blog", title: `Entry ${i}`, description: "", private_notes: "", date: new Date(start + (i % 1700) * 86400000).toISOString().slice(0, 10), areas: [], audiences: [], quantity: 1, figures: {}, high_impact: false, created_ms: 1700000000000 + i, updated_ms: 1700000000000 + i });
      continue;
    }
    out.push({
      id: `${prefix}${i}`,
      type,
      title: `Contribution number ${i} about ${AREAS[i % 5]} and community`,
      description: `A **description** of contribution ${i}, with a [link](https://example.org/${i}) and some more words to search through.`,
      private_notes: i % 3 ? "" : "private",
      date: new Date(start + (i % 1700) * 86400000).toISOString().slice(0, 10),
      url: `https://example.org/${prefix}/${i}`,
      areas: [AREAS[i % 5]],
      audiences: ["developer"],
      quantity: 1,
      figures,
      high_impact: i % 17 === 0,
      created_ms: 1700000000000 + i,
      updated_ms: 1700000000000 + i,
    });
  }
  return out;
}

export const ALL_TYPES = ["blog", "article", "podcast", "video", "content-feedback", "online-support", "open-source", "product-feedback", "mentorship", "speaker-microsoft", "speaker-third-party", "user-group-owner"];
// The chunked format (src/storage/journal.rs): one key per month and an index.
export function chunkedItems(list) {
  const months = new Map();
  for (const e of list) {
    const m = e.date.slice(0, 7);
    if (!months.has(m)) months.set(m, []);
    months.get(m).push(e);
  }
  const items = [];
  const chunks = [];
  for (const [month, es] of [...months].sort((a, b) => (a[0] < b[0] ? 1 : -1))) {
    items.push([`mvp-pathway:journal:${month}:1`, JSON.stringify({ v: 2, data: { month, entries: es } })]);
    const last = es.map((e) => e.end_date || e.date).sort().at(-1);
    chunks.push({ month, gen: 1, count: es.length, last, types: ALL_TYPES.map((t) => es.filter((e) => e.type === t).length) });
  }
  items.push(["mvp-pathway:journal:index", JSON.stringify({ v: 2, data: { generation: 1, chunks } })]);
  return items;
}

// Timing helpers for the page, installed before the app loads.
export function pageHelpers(imported) {
  window.__imported = imported;
  // Resolves with the time of the DOM change after which `cond()` holds (a MutationObserver
  // callback runs right after the change, so no frame-rate rounding).
  window.__until = (cond) =>
    new Promise((resolve) => {
      if (cond()) return resolve(performance.now());
      const obs = new MutationObserver(() => {
        if (cond()) {
          obs.disconnect();
          resolve(performance.now());
        }
      });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  // The elements matching `selector` that are shown: the app keeps the journal's list in the
  // page, hidden, while another journal page shows.
  window.__shown = (selector) => [...document.querySelectorAll(selector)].filter((e) => !e.closest("[hidden]"));
  // Keeps the module's linear memory, to report its size.
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      const instance = result.instance || result;
      if (instance.exports && instance.exports.memory) window.__wasmMemory = instance.exports.memory;
      return result;
    };
  }
}

// An import on a page that shows /journal/data, in steps both scripts time.
// Notes when the file input's `change` event comes (a capturing listener runs before the
// app's) and when the preview shows; call before handing the file over.
export function watchImportPreview(page) {
  return page.evaluate(() => {
    window.__changed = null;
    window.__previewAt = window.__until(() => document.querySelector("[data-testid=import-preview]"));
    document.addEventListener("change", (e) => { if (e.target.id === "jd-file") window.__changed = performance.now(); }, { capture: true, once: true });
  });
}

// Milliseconds from the `change` event to the preview (after watchImportPreview).
export function previewFromChange(page) {
  return page.evaluate(async () => (await window.__previewAt) - window.__changed);
}

// Clicks Import and resolves with the milliseconds until the status names the imported
// count, or NaN after 20 s (an import that does not finish, such as a full quota).
export function timeImportClick(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const t = performance.now();
        // The count as the app writes it in English ("5,000"), or bare (older builds).
        const counts = [String(window.__imported), window.__imported.toLocaleString("en")];
        const done = window.__until(() => counts.some((c) => document.querySelector("[data-testid=journal-status]").textContent.includes(c)));
        [...document.querySelectorAll("[data-testid=import-preview] button")][0].click();
        done.then((t1) => resolve(t1 - t));
        setTimeout(() => resolve(NaN), 20000);
      }),
  );
}

// Opens the app at `url` with the journal `items` saved, then the list once, so that the
// app settles its storage (a migration happens here, not in the timings). After
// `pageHelpers` is installed.
export async function openSeededJournal(page, url, items) {
  await page.goto(url + "/about");
  await page.locator("#main h1").waitFor();
  await page.evaluate((items) => items.forEach(([k, v]) => localStorage.setItem(k, v)), items);
  await page.goto(url + "/journal");
  await page.locator(".journal-entry").first().waitFor();
  await page.waitForTimeout(1500);
}
