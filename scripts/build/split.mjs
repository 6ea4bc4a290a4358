// Post-build step 1: turns the copied target/pkg/ folder into a per-build folder and
// wires index.html to it.
//   - Refuses a release build that is not split (the `eager` module must never ship).
//   - Makes the chunk loader (__wasm_split.js) announce a failed download with a
//     `mvp-chunk-error` window event and leave the route pending, instead of reporting
//     the failure to the Wasm, where leptos_router 0.8 would panic and kill the app.
//   - Renames pkg/ to pkg-<hash>/, the hash taken over every file in it, so a main module
//     and chunks of two deploys can never mix and every file can be cached for a year.
//   - Does the next two steps for each binary's folder: the full app's (pkg/) and the
//     widgets' (pkg/widget/, src/bin/widget.rs), each with its own chunk loader.
//   - Packs each route's Wasm files into one file (see `writePacks`): the splitter cuts a
//     route's code into dozens of small shared chunks, and one request per chunk cost
//     more than the code itself (headers, and brotli compressing each file alone).
//   - Fills index.html's placeholders: the folder, the widgets' subfolder, the shipped
//     languages, and for each route the pack to start downloading when the page is opened
//     directly (a widget's pack is in the widgets' folder).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { leb } from "../lib/wasm.mjs";

/**
 * Route prefixes and the lazy route structs (src/routes.rs) whose chunks they need; a
 * snake_case name is a lazy helper (`#[leptos::lazy] fn`) packed with the page: the
 * explainer's steps (`explainer_step`), which its intro does without. The story's Markdown
 * preview is not part of its first paint, so the renderer comes after it, from its helper
 * pack (`helperFiles`), as on the journal.
 */
export const ROUTE_VIEWS = {
  "/about": ["AboutRoute"],
  "/embed": ["EmbedGeneratorRoute"],
  "/faq": ["FaqRoute"],
  "/events": ["EventsRoute"],
  "/explainer": ["ExplainerRoute"],
  "/explainer/q": ["ExplainerRoute", "explainer_step"],
  "/explainer/check": ["ExplainerRoute", "explainer_step"],
  "/explainer/result": ["ExplainerRoute", "explainer_step"],
  "/checklist": ["ChecklistRoute"],
  "/settings": ["SettingsRoute"],
  "/story": ["StoryRoute"],
  "/journal": ["JournalLayoutRoute", "JournalEntriesRoute"],
  // Not an address: the pack index.html downloads for /journal when a journal is saved,
  // with the list of entries (`journal_list`), which an empty journal does without.
  "/journal+list": ["JournalLayoutRoute", "JournalEntriesRoute", "journal_list"],
  "/journal/new": ["JournalLayoutRoute", "JournalNewRoute"],
  "/journal/overview": ["JournalLayoutRoute", "JournalOverviewRoute"],
  "/journal/data": ["JournalLayoutRoute", "JournalDataRoute"],
  "/peer": ["PeerRoute"],
};

/** The same for the widgets, whose own binary (src/bin/widget.rs) is in `pkg/widget/`. */
export const WIDGET_VIEWS = {
  "/embed/faq": ["FaqRoute"],
  "/embed/explainer": ["ExplainerWidgetRoute"],
  "/embed/explainer/q": ["ExplainerWidgetRoute", "explainer_step"],
  "/embed/explainer/check": ["ExplainerWidgetRoute", "explainer_step"],
  "/embed/explainer/result": ["ExplainerWidgetRoute", "explainer_step"],
  "/embed/checklist": ["ChecklistRoute"],
};

/**
 * The page module of each route prefix, whose language file (`text/page-<module>-<lang>.json`)
 * the page needs: read from `lazy_page!(Name => module::Page)` in src/routes.rs, as build.rs
 * does.
 */
export function routeTexts(routesRs = readFileSync(new URL("../../src/routes.rs", import.meta.url), "utf8")) {
  const modules = {};
  for (const m of routesRs.matchAll(/^\s*(\w+) => (\w+)::(\w+)\s*$/gm)) modules[m[1]] = m[2];
  const texts = {};
  for (const [prefix, views] of Object.entries({ ...ROUTE_VIEWS, ...WIDGET_VIEWS })) {
    const view = views.filter((v) => /Route$/.test(v)).at(-1);
    const module = modules[view];
    if (!module) throw new Error(`split.mjs: ${view} is not a lazy_page! in src/routes.rs`);
    texts[prefix] = module;
  }
  return texts;
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p).map((f) => join(name, f)) : [name];
  });
}

export async function run(dir, ctx) {
  const pkg = join(dir, "pkg");
  if (!existsSync(pkg)) throw new Error("split.mjs: no pkg/ folder in the build (scripts/build/wasm.sh)");
  const split = existsSync(join(pkg, "__wasm_split.js"));
  if (ctx.profile === "release" && (!split || !readdirSync(pkg).some((f) => /^split_.*\.wasm$/.test(f)))) {
    throw new Error("split.mjs: a release build must be the split build (no __wasm_split.js or split_*.wasm)");
  }
  const widget = join(pkg, "widget");
  if (split && !existsSync(join(widget, "__wasm_split.js"))) {
    throw new Error("split.mjs: the split build has no widget binary (pkg/widget/, scripts/build/wasm.sh)");
  }

  // Each binary's folder: its chunk loader patched, its route packs written.
  const routes = {};
  for (const [folder, views, entryPoints] of split ? [[pkg, ROUTE_VIEWS, true], [widget, WIDGET_VIEWS, false]] : []) {
    Object.assign(routes, packFolder(folder, views, entryPoints));
  }

  if (ctx.profile === "release") {
    await minifyJs(pkg);
    if (split) await minifyJs(widget);
  }

  const boot = bootTable(pkg, split);

  const files = walk(pkg).sort();
  const hash = createHash("sha256");
  for (const f of files) {
    hash.update(f);
    hash.update(readFileSync(join(pkg, f)));
  }
  const name = `pkg-${hash.digest("hex").slice(0, 12)}`;
  rmSync(join(dir, name), { recursive: true, force: true });
  renameSync(pkg, join(dir, name));

  const langs = files
    .filter((f) => /^text\/[A-Za-z-]+\.json$/.test(f) && !/^text\/(faq|page)-/.test(f))
    .map((f) => f.slice(5, -5))
    .sort((a, b) => (a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b)));
  const indexPath = join(dir, "index.html");
  let html = readFileSync(indexPath, "utf8");
  const texts = split ? routeTexts() : {};
  html = takePagesCss(html);
  for (const placeholder of ["__MVP_PKG__", "__MVP_WIDGET__", "__MVP_LANGS__", "__MVP_ROUTES__", "__MVP_TEXTS__", "__MVP_BOOT__", "__MVP_LOADER__"]) {
    if (!html.includes(placeholder)) throw new Error(`split.mjs: index.html has no ${placeholder}`);
  }
  html = html
    .replaceAll("__MVP_PKG__", name)
    // Widget pages load the widgets' binary; builds without it (debug) show them from the app's.
    .replaceAll("__MVP_WIDGET__", split ? "widget/" : "")
    .replaceAll("__MVP_LANGS__", JSON.stringify(langs))
    .replaceAll("__MVP_ROUTES__", JSON.stringify(routes))
    .replaceAll("__MVP_TEXTS__", JSON.stringify(texts))
    .replaceAll("__MVP_BOOT__", JSON.stringify(boot))
    .replaceAll("__MVP_LOADER__", JSON.stringify(split ? CHUNK_LOADER : ""));
  if (ctx.profile === "release") html = await minifyInlineScripts(html);
  writeFileSync(indexPath, html);
  console.log(`split.mjs: ${name}/ with ${files.length} files, ${langs.length} languages, ${Object.keys(routes).length} routes mapped`);
}

/**
 * index.html without the `<link>` Trunk wrote for style/pages.css, whose address goes to
 * the loader instead (`__MVP_PAGES_CSS__`): it adds the file when a page needs it.
 */
export function takePagesCss(html) {
  const links = [...html.matchAll(/<link\b[^>]*\bhref="?([^"\s>]*\/pages-[0-9a-f]{16}\.css)"?[^>]*>\s*/g)];
  if (links.length !== 1 || !html.includes("__MVP_PAGES_CSS__")) {
    throw new Error("split.mjs: index.html needs one Trunk-hashed pages-<hash>.css link and __MVP_PAGES_CSS__");
  }
  return html.replace(links[0][0], "").replaceAll("__MVP_PAGES_CSS__", JSON.stringify(links[0][1]));
}

/**
 * What index.html's loader draws before the app arrives (build.rs `BOOT`): read from
 * `text/boot.json`, which is then deleted (it is inlined, never downloaded). In the split
 * build each address's module must be the one whose texts the loader fetches for it.
 */
function bootTable(pkg, split) {
  const file = join(pkg, "text", "boot.json");
  if (!existsSync(file)) throw new Error("split.mjs: build.rs wrote no text/boot.json");
  const boot = JSON.parse(readFileSync(file, "utf8"));
  rmSync(file);
  const texts = split ? routeTexts() : null;
  for (const [address, [module]] of Object.entries(boot.pages)) {
    if (texts && (texts[address] ?? "") !== module) {
      throw new Error(`split.mjs: build.rs BOOT reads ${address} from page "${module}", but its page is "${texts[address] ?? ""}"`);
    }
  }
  return boot;
}

/**
 * One binary's folder (`pkg/` or `pkg/widget/`): patches its chunk loader and writes the
 * packs of `views`' routes. Returns the pack of each route prefix. With `entryPoints` (the
 * full app's folder), the loader moves to `CHUNK_LOADER` and the glue gets
 * `loaderEntryPoints` instead; a widget page needs its loader at once, so keeps it.
 */
function packFolder(folder, views, entryPoints) {
  const files = readdirSync(folder).filter((f) => statSync(join(folder, f)).isFile()).sort();
  const loaderPath = join(folder, "__wasm_split.js");
  let loader = patchLoader(readFileSync(loaderPath, "utf8"));
  const packs = writePacks(folder, routeFiles(loader, files, views), helperFiles(loader, files), views);
  loader = addPackLoader(loader, [...new Set(Object.values(packs.routes))].sort(), packs.helpers);
  if (entryPoints) {
    writeFileSync(join(folder, CHUNK_LOADER), loader);
    const gluePath = join(folder, "main.js");
    writeFileSync(gluePath, loaderEntryPoints(readFileSync(gluePath, "utf8"), loader));
    rmSync(loaderPath);
  } else {
    writeFileSync(loaderPath, loader);
  }
  return packs.routes;
}

/**
 * The lazy parts whose failed download is not announced (no "could not be downloaded"
 * message): background work the page does not need, which is tried again on the next
 * visit. Matches a part's file (`split_<part>_<n>.wasm`) and its entry point
 * (`__wasm_split_load_<part>_<n>`).
 */
const QUIET = "/_(start_updates)_\\d+/";

/**
 * The generated statements that report a part which could not be downloaded, `part` being
 * a JS expression for its file or entry point and `error` for the error: a warning, and
 * unless the part is `QUIET`, the `mvp-chunk-error` event the page shows a Reload
 * button for. The chunk loader's and the glue's entry points (`loaderEntryPoints`) both use it.
 */
const reportFailure = (part, error) =>
  `console.warn("MVP Pathway: a part of the app could not be downloaded", ${error});
            if (!${QUIET}.test(${part})) window.dispatchEvent(new CustomEvent("mvp-chunk-error"));`;

/** The loader with failed downloads announced to the page instead of the Wasm. */
export function patchLoader(js) {
  const original = `        } catch (e) {
            console.error(e);
            success = false;
        } finally {
            const sharedImports = getSharedImports();
            sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
        }`;
  const patched = `            // MVP Pathway (scripts/build/split.mjs): a page is shown with its styles
            // (style/pages.css, which index.html's loader adds).
            if (globalThis.__mvp && globalThis.__mvp.styles) await globalThis.__mvp.styles();
        } catch (e) {
            // MVP Pathway (scripts/build/split.mjs): the app cannot recover from a failed
            // load (leptos_router 0.8 panics), so the page is told and shows a Reload
            // button, and the route stays pending.
            // \`file\`: see addPackLoader.
            ${reportFailure('typeof file === "string" ? file : ""', "e")}
            return;
        }
        const sharedImports = getSharedImports();
        sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, true);`;
  if (js.includes("mvp-chunk-error")) return js;
  if (!js.includes(original)) {
    throw new Error("split.mjs: __wasm_split.js is not the expected version (wasm_split_cli_support 0.2.4); update patchLoader");
  }
  return js.replace(original, patched);
}

const snake = (name) => name.replace(/[A-Z]/g, (c, i) => (i ? "_" : "") + c.toLowerCase());

/** The chunk files of the loader's code, each with the splits that need it. */
function chunksOf(js) {
  // Split modules: `export const __wasm_split_load_<split> = wrapAsyncCb(makeLoad(..."./split_<split>.wasm"..., [deps]))`
  // Chunks: `/* <split>, <split> */ const __chunk_<n> = makeLoad(... "./chunk_<n>.wasm" ...)`
  const chunkOf = new Map();
  for (const m of js.matchAll(/\/\* ([^*]*) \*\/\s*const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(chunk_\d+\.wasm)"/g)) {
    chunkOf.set(m[2], { splits: m[1].split(", "), file: m[3] });
  }
  return chunkOf;
}

/**
 * The lazy helpers that are not route views (`#[leptos::lazy]` functions, such as the
 * Markdown renderer): for each, its split file and the files it needs.
 */
export function helperFiles(js, files) {
  const chunkOf = chunksOf(js);
  const result = {};
  for (const file of files.filter((f) => /^split_[^_].*\.wasm$/.test(f))) {
    const split = file.slice("split_".length, -".wasm".length);
    const needed = new Set([file]);
    for (const { splits, file: chunk } of chunkOf.values()) if (splits.includes(split)) needed.add(chunk);
    result[file] = [...needed].sort();
  }
  return result;
}

/** For each route prefix, the Wasm files its lazy views need, from the loader's code. */
export function routeFiles(js, files, routeViews = ROUTE_VIEWS) {
  const chunkOf = chunksOf(js);
  const result = {};
  for (const [prefix, views] of Object.entries(routeViews)) {
    const needed = new Set();
    for (const view of views) {
      // `#[lazy_route]` names the split after the struct: AboutRoute -> __about_route_view_<n>;
      // `#[lazy]` after the function: markdown_renderer -> markdown_renderer_<n>.
      const helper = !/Route$/.test(view);
      const split = helper ? `${view}_` : `__${snake(view)}_view_`;
      const own = files.filter((f) => (helper ? f.startsWith(`split_${split}`) : f.startsWith("split_") && f.includes(split)));
      if (own.length === 0) throw new Error(`split.mjs: no split module for ${view} (src/routes.rs and ROUTE_VIEWS disagree)`);
      own.forEach((f) => needed.add(f));
      for (const { splits, file } of chunkOf.values()) {
        if (splits.some((s) => s.includes(split))) needed.add(file);
      }
    }
    result[prefix] = [...needed].sort();
  }
  return result;
}

/** The pack's file name for a list of lazy route structs: `pack__faq_route.wasm`. */
export const packName = (views) => `pack__${views.map((v) => snake(v)).join("__")}.wasm`;

/**
 * Writes one pack per route: a valid, empty Wasm module whose custom sections are the
 * route's Wasm files, each named after its file. Being a `.wasm` file, every static host
 * serves it as `application/wasm` and compresses it like the modules themselves.
 * Returns the pack of each route prefix and the files in each pack.
 */
export function writePacks(pkg, routeFileLists, helperFileLists = {}, routeViews = ROUTE_VIEWS) {
  const routes = {};
  const table = {};
  const helpers = {};
  const write = (name, list) => {
    const parts = [Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])];
    for (const file of list) {
      const nameBytes = Buffer.from(file, "utf8");
      const body = readFileSync(join(pkg, file));
      const payload = Buffer.concat([leb(nameBytes.length), nameBytes, body]);
      parts.push(Buffer.from([0]), leb(payload.length), payload);
    }
    writeFileSync(join(pkg, name), Buffer.concat(parts));
    table[name] = list;
  };
  for (const [prefix, list] of Object.entries(routeFileLists)) {
    const name = packName(routeViews[prefix]);
    routes[prefix] = name;
    if (!table[name]) write(name, list);
  }
  // A helper's files that a route's pack does not hold, as one pack per helper and route
  // pack: `pack__with__<helper>__<views>.wasm` (the helper's own files on that page).
  for (const [file, list] of Object.entries(helperFileLists)) {
    const helper = file.slice("split_".length, -".wasm".length).replace(/_\d+$/, "");
    helpers[file] = {};
    for (const routePack of new Set(Object.values(routes))) {
      const missing = list.filter((f) => !table[routePack].includes(f));
      if (missing.length < 2) continue;
      const name = `pack__with__${helper}__${routePack.slice("pack__".length)}`;
      write(name, missing);
      helpers[file][routePack] = name;
    }
  }
  return { routes, table, helpers };
}

/**
 * The link last followed (`__mvp.clicked`), which the chunk loader reads when it picks a
 * pack: the router loads a page's code before it changes the address. Watched from the
 * start, by the loader or by its entry points (`loaderEntryPoints`), whichever comes first.
 */
const WATCH_CLICKS = `if (typeof document !== "undefined" && !mvpState.watchingClicks) {
    mvpState.watchingClicks = true;
    document.addEventListener("click", (e) => {
        const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
        if (link) mvpState.clicked = { url: link.href, at: Date.now() };
    }, true);
}`;

/** The file the full app's chunk loader is moved to (see `loaderEntryPoints`). */
export const CHUNK_LOADER = "chunk-loader.js";

/**
 * The full app's glue (`main.js`) with its own entry points into the chunk loader, which
 * it imported before (`__wasm_split.js`, then deleted): the main module's imports of the
 * loader's exports (`__wasm_split_load_<part>`) are answered by a function that imports
 * the loader (`CHUNK_LOADER`) the first time a lazy part is needed, and then calls it.
 * The home page, whose code is all in the main module, so never downloads the loader
 * (5 KB of brotli) before it is shown; index.html starts it with the page's code on any
 * other page, and only prefetches it at idle time on the home page. A loader that cannot
 * be downloaded is announced as a failed chunk is (`reportFailure`), and tried again the
 * next time under another address.
 */
export function loaderEntryPoints(glue, loader) {
  const exports = loader.match(/^export /gm)?.length ?? 0;
  const names = loader.match(/^export const __wasm_split_load_\w+ = /gm)?.length ?? 0;
  if (names === 0 || names !== exports) {
    throw new Error("split.mjs: the chunk loader exports something other than `__wasm_split_load_*`; update loaderEntryPoints");
  }
  const imports = /^import \* as (\w+) from "\.\/__wasm_split\.js";?\n/gm;
  const bindings = [...glue.matchAll(imports)].map((m) => m[1]);
  const out = glue.replace(imports, "");
  if (bindings.length === 0 || out.includes('from "./__wasm_split.js"')) {
    throw new Error("split.mjs: main.js does not import __wasm_split.js as expected (wasm-bindgen 0.2.130); update loaderEntryPoints");
  }
  const entryPoints = `// MVP Pathway (scripts/build/split.mjs): the main module's entry points into the chunk
// loader (${CHUNK_LOADER}), downloaded the first time a lazy part of the app is needed.
const mvpState = (globalThis.__mvp = globalThis.__mvp || {});
${WATCH_CLICKS}
let mvpLoader;
let mvpAttempts = 0;
function mvpLoad() {
    if (mvpLoader === undefined) {
        // A browser may keep a failed module download for the page's life (Chromium
        // does): each new attempt asks for the file under another address.
        const attempt = import("./${CHUNK_LOADER}" + (mvpAttempts ? "?attempt=" + mvpAttempts : ""));
        mvpAttempts++;
        attempt.catch(() => { if (mvpLoader === attempt) mvpLoader = undefined; });
        mvpLoader = attempt;
    }
    return mvpLoader;
}
const mvpEntryPoints = new Proxy({}, {
    get: (_, name) => typeof name === "string" && name.startsWith("__wasm_split_load_")
        ? (callbackIndex, callbackData) => mvpLoad()
            .then((m) => m[name](callbackIndex, callbackData))
            .catch((e) => {
                ${reportFailure("name", "e")}
            })
        : undefined,
});
${bindings.map((b) => `const ${b} = mvpEntryPoints;`).join("\n")}
`;
  return entryPoints + out;
}

/**
 * Teaches the chunk loader to take a lazy route's files from its pack. When a lazy view's
 * code is first needed, the loader picks a pack holding that view: the one index.html
 * already started for the page opened, else the current address's, else the one with the
 * fewest other views. Each module is then instantiated from its section of the pack; a
 * module no pack has (or whose pack failed to download) is downloaded alone. When the
 * other views of the pack are already loaded (going from /journal to /journal/new, whose
 * layout is shared), the pack would mostly repeat them: it is used only if index.html
 * prefetched it at idle time (`__mvp.prefetched`), else the new view's few missing files
 * are downloaded alone.
 */
export function addPackLoader(js, packNames, helperPacks = {}) {
  if (js.includes("MVP_PACKS")) return js;
  const runtime = `
// MVP Pathway (scripts/build/split.mjs): each lazy route's files come from its pack.
const MVP_PACKS = ${JSON.stringify(packNames)};
// Lazy helpers (not views): for each, the pack of its files missing from a route's pack.
const MVP_HELPER_PACKS = ${JSON.stringify(helperPacks)};
const mvpState = (globalThis.__mvp = globalThis.__mvp || {});
const mvpPackLoads = (mvpState.packs = mvpState.packs || {});
const mvpUnpacked = new Map();
const mvpViewsLoaded = new Set();
function mvpUnpack(buffer) {
    const b = new Uint8Array(buffer);
    const files = new Map();
    let i = 8;
    const leb = () => {
        let value = 0, scale = 1, byte;
        do { byte = b[i++]; value += (byte & 127) * scale; scale *= 128; } while (byte & 128);
        return value;
    };
    while (i < b.length) {
        const id = b[i++];
        const size = leb();
        const end = i + size;
        if (id === 0) {
            const length = leb();
            files.set(new TextDecoder().decode(b.subarray(i, i + length)), b.subarray(i + length, end));
        }
        i = end;
    }
    return files;
}
function mvpPack(name) {
    if (!mvpUnpacked.has(name)) {
        let load = mvpPackLoads[name];
        if (!load) {
            load = mvpPackLoads[name] = fetch(new URL("./" + name, import.meta.url)).then((r) => {
                if (!r.ok) throw new Error(name + ": HTTP " + r.status);
                return r.arrayBuffer();
            });
        }
        const unpacked = load.then(mvpUnpack);
        unpacked.catch(() => {
            if (mvpPackLoads[name] === load) delete mvpPackLoads[name];
            if (mvpUnpacked.get(name) === unpacked) mvpUnpacked.delete(name);
        });
        mvpUnpacked.set(name, unpacked);
    }
}
const mvpViews = (pack) => pack.slice(6, -5).split("__");
${WATCH_CLICKS}
function mvpRoutePack(target) {
    const routes = mvpState.routes || {};
    const base = new URL(document.baseURI).pathname;
    const path = "/" + target.pathname.slice(base.length);
    let best = "";
    for (const r in routes) if ((path === r || path.startsWith(r + "/")) && r.length > best.length) best = r;
    return routes[best];
}
// A helper loads on the page it is used on: its files that page's pack lacks, unless a
// pack already loaded or on its way holds it (index.html's /journal+list, a prefetch).
// The address's pack may itself hold the helper (an explainer step's address, reached
// from the intro): then the helper pack of a pack already loaded is the one to take.
function mvpHelperPack(file) {
    const helper = MVP_HELPER_PACKS[file];
    const own = file.replace(/^split_/, "").replace(/_\\d+\\.wasm$/, "");
    const loaded = [...mvpUnpacked.keys()];
    if ([...loaded, ...Object.keys(mvpPackLoads)].some((p) => mvpViews(p).includes(own))) return;
    const name = helper[mvpRoutePack(location)] || loaded.map((p) => helper[p]).find(Boolean);
    if (name) mvpPack(name);
}
// The page's code asks for a helper ahead of its use (an explainer intro, for its steps):
// its pack is downloaded and unpacked, silently; a failure leaves it to be tried again
// when the helper is used, where it is reported.
mvpState.prefetchHelper = (helper) => {
    const file = Object.keys(MVP_HELPER_PACKS).find((f) => f.startsWith("split_" + helper + "_"));
    if (file && !mvpViewsLoaded.has(file) && navigator.onLine !== false) mvpHelperPack(file);
};
function mvpUsePack(file) {
    const helper = MVP_HELPER_PACKS[file];
    if (helper) {
        if (!mvpViewsLoaded.has(file) && navigator.onLine !== false) mvpHelperPack(file);
        mvpViewsLoaded.add(file);
        return;
    }
    const view = file.replace(/^split___/, "").replace(/_view_\\d+\\.wasm$/, "");
    const first = !mvpViewsLoaded.has(view);
    mvpViewsLoaded.add(view);
    if (!first || mvpUnpacked.size > 0 && [...mvpUnpacked.keys()].some((p) => mvpViews(p).includes(view))) return;
    const candidates = MVP_PACKS.filter((p) => mvpViews(p).includes(view));
    // The page being opened: the link just followed (the router loads a page's code
    // before it changes the address), else the current address.
    const routes = mvpState.routes || {};
    const clicked = mvpState.clicked;
    const target = clicked && Date.now() - clicked.at < 5000 ? new URL(clicked.url) : location;
    // Else the pack of the shortest route that has this view (a layout's index page).
    const shortest = Object.keys(routes).sort((a, b) => a.length - b.length).map((r) => routes[r]);
    const name = candidates.find((p) => p in mvpPackLoads)
        || candidates.find((p) => p === mvpRoutePack(target))
        || candidates.find((p) => (mvpState.prefetched || []).includes(p))
        || shortest.find((p) => candidates.includes(p))
        || candidates[0];
    // Offline, only the single files are in the service worker's cache.
    if (!name || navigator.onLine === false) return;
    // Its other views loaded already: the pack would mostly repeat them, so it is used
    // only if index.html prefetched it at idle time; else the few missing files come alone.
    const siblingsLoaded = mvpViews(name).some((v) => v !== view && mvpViewsLoaded.has(v));
    if (siblingsLoaded && !(mvpState.prefetched || []).includes(name)) return;
    mvpPack(name);
}
// Compiles a module as soon as its bytes are there, in parallel with the loads of the
// modules it depends on, and instantiates it once those are done. A module taken from a
// pack is compiled from its bytes: a Response made of bytes already in memory went through
// the browser's streaming path on the main thread (a route's hundred small modules cost
// ~50 ms of main thread there, at 4x CPU throttling ~200 ms).
function mvpCompile(source) {
    const compiled = source.then((s) => (s instanceof Response ? WebAssembly.compileStreaming(s) : WebAssembly.compile(s)));
    compiled.catch(() => {});
    return async (imports) => WebAssembly.instantiate(await compiled, imports);
}
function mvpSource(file) {
    const url = new URL("./" + file, import.meta.url);
    if (mvpUnpacked.size === 0) return fetch(url);
    return Promise.allSettled([...mvpUnpacked.values()]).then((packs) => {
        for (const p of packs) {
            if (p.status === "fulfilled" && p.value.has(file)) return p.value.get(file);
        }
        return fetch(url);
    });
}
`;
  const wrapBefore = "function wrapAsyncCb(callee) {\n    return async (callbackIndex, callbackData) => {\n";
  if (!js.includes(wrapBefore)) throw new Error("split.mjs: unexpected wrapAsyncCb in __wasm_split.js; update addPackLoader");
  let out = js.replace(wrapBefore, "function wrapAsyncCb(file, callee) {\n    return async (callbackIndex, callbackData) => {\n        mvpUsePack(file);\n");
  let exports = 0;
  out = out.replace(
    /wrapAsyncCb\(makeLoad\(\(\) => \{\n(\s*)const src = fetch\(new URL\("\.\/(split_[^"]+\.wasm)", import\.meta\.url\)\);/g,
    (_, indent, file) => {
      exports++;
      return `wrapAsyncCb("${file}", makeLoad(() => {\n${indent}const src = mvpSource("${file}");`;
    },
  );
  out = out.replace(/fetch\(new URL\("\.\/(chunk_\d+\.wasm)", import\.meta\.url\)\)/g, (_, file) => `mvpSource("${file}")`);
  const instantiate = "return async (imports) => (WebAssembly.instantiateStreaming(src, imports));";
  const modules = out.split("mvpSource(").length - 1;
  out = out.replaceAll(instantiate, "return mvpCompile(src);");
  if (out.includes("instantiateStreaming") || out.split("mvpCompile(src)").length - 1 !== modules) {
    throw new Error("split.mjs: not every module instantiation in __wasm_split.js was rewritten; update addPackLoader");
  }
  if (exports === 0 || /fetch\(new URL\("\.\/(split|chunk)_/.test(out)) {
    throw new Error("split.mjs: not every module fetch in __wasm_split.js was rewritten; update addPackLoader");
  }
  const anchor = "function wrapAsyncCb(";
  return out.replace(anchor, runtime.trimStart() + anchor);
}

/**
 * Minifies index.html's inline scripts (the loader: its comments are most of its bytes).
 * scripts/build/security.mjs hashes them afterwards, as built.
 */
async function minifyInlineScripts(html) {
  const { minify } = await import("terser");
  const parts = html.split(/(<script>)([\s\S]*?)(<\/script>)/);
  for (let i = 2; i < parts.length; i += 4) {
    const result = await minify(parts[i], { ecma: 2020, compress: { passes: 2 } });
    parts[i] = result.code;
  }
  return parts.join("");
}

/** Minifies the wasm-bindgen glue and the chunk loader (terser; exports keep their names). */
export async function minifyJs(pkg) {
  const { minify } = await import("terser");
  for (const file of ["main.js", "__wasm_split.js", CHUNK_LOADER]) {
    const path = join(pkg, file);
    if (!existsSync(path)) continue;
    const result = await minify(readFileSync(path, "utf8"), { module: true, ecma: 2020, compress: { passes: 2 } });
    writeFileSync(path, result.code);
  }
}
