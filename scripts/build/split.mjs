// Post-build step 1: turns the copied target/pkg/ folder into a per-build folder and
// wires index.html to it.
//   - Refuses a release build that is not split (the `eager` module must never ship).
//   - Makes the chunk loader (__wasm_split.js) announce a failed download with a
//     `mvp-chunk-error` window event and leave the route pending, instead of reporting
//     the failure to the Wasm, where leptos_router 0.8 would panic and kill the app.
//   - Renames pkg/ to pkg-<hash>/, the hash taken over every file in it, so a main module
//     and chunks of two deploys can never mix and every file can be cached for a year.
//   - Fills index.html's placeholders: the folder, the shipped languages, and for each
//     route the chunk files to preload when the page is opened directly.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Route prefixes and the lazy route structs (src/routes.rs) whose chunks they need. */
export const ROUTE_VIEWS = {
  "/about": ["AboutRoute"],
  "/embed": ["EmbedGeneratorRoute"],
  "/embed/faq": ["FaqRoute"],
  "/embed/explainer": ["ExplainerRoute"],
  "/embed/checklist": ["ChecklistRoute"],
  "/faq": ["FaqRoute"],
  "/events": ["EventsRoute"],
  "/explainer": ["ExplainerRoute"],
  "/checklist": ["ChecklistRoute"],
  "/settings": ["SettingsRoute"],
  "/story": ["StoryRoute"],
  "/journal": ["JournalLayoutRoute", "JournalEntriesRoute"],
  "/journal/new": ["JournalLayoutRoute", "JournalNewRoute"],
  "/journal/overview": ["JournalLayoutRoute", "JournalOverviewRoute"],
  "/journal/data": ["JournalLayoutRoute", "JournalDataRoute"],
};

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p).map((f) => join(name, f)) : [name];
  });
}

export async function run(dir, ctx) {
  const pkg = join(dir, "pkg");
  if (!existsSync(pkg)) throw new Error("split.mjs: no pkg/ folder in the build (scripts/build/wasm.sh)");
  const files = walk(pkg).sort();
  const split = existsSync(join(pkg, "__wasm_split.js"));
  if (ctx.profile === "release" && (!split || !files.some((f) => /^split_.*\.wasm$/.test(f)))) {
    throw new Error("split.mjs: a release build must be the split build (no __wasm_split.js or split_*.wasm)");
  }

  let routes = {};
  if (split) {
    const loaderPath = join(pkg, "__wasm_split.js");
    const loader = patchLoader(readFileSync(loaderPath, "utf8"));
    writeFileSync(loaderPath, loader);
    routes = routeFiles(loader, files);
  }

  const hash = createHash("sha256");
  for (const f of files) {
    hash.update(f);
    hash.update(readFileSync(join(pkg, f)));
  }
  const name = `pkg-${hash.digest("hex").slice(0, 12)}`;
  rmSync(join(dir, name), { recursive: true, force: true });
  renameSync(pkg, join(dir, name));

  const langs = files
    .filter((f) => /^text\/[A-Za-z-]+\.json$/.test(f) && !f.startsWith("text/faq-"))
    .map((f) => f.slice(5, -5))
    .sort((a, b) => (a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b)));
  const indexPath = join(dir, "index.html");
  let html = readFileSync(indexPath, "utf8");
  for (const placeholder of ["__MVP_PKG__", "__MVP_LANGS__", "__MVP_ROUTES__"]) {
    if (!html.includes(placeholder)) throw new Error(`split.mjs: index.html has no ${placeholder}`);
  }
  html = html
    .replaceAll("__MVP_PKG__", name)
    .replaceAll("__MVP_LANGS__", JSON.stringify(langs))
    .replaceAll("__MVP_ROUTES__", JSON.stringify(routes));
  writeFileSync(indexPath, html);
  console.log(`split.mjs: ${name}/ with ${files.length} files, ${langs.length} languages, ${Object.keys(routes).length} routes mapped`);
}

/** The loader with failed downloads announced to the page instead of the Wasm. */
export function patchLoader(js) {
  const original = `        } catch (e) {
            console.error(e);
            success = false;
        } finally {
            const sharedImports = getSharedImports();
            sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
        }`;
  const patched = `        } catch (e) {
            // MVP Pathway (scripts/build/split.mjs): the app cannot recover from a failed
            // load (leptos_router 0.8 panics), so the page is told and shows a Reload
            // button, and the route stays pending.
            console.warn("MVP Pathway: a part of the app could not be downloaded", e);
            window.dispatchEvent(new CustomEvent("mvp-chunk-error"));
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

/** For each route prefix, the Wasm files its lazy views need, from the loader's code. */
export function routeFiles(js, files) {
  // Split modules: `export const __wasm_split_load_<split> = wrapAsyncCb(makeLoad(..."./split_<split>.wasm"..., [deps]))`
  // Chunks: `/* <split>, <split> */ const __chunk_<n> = makeLoad(... "./chunk_<n>.wasm" ...)`
  const chunkOf = new Map();
  for (const m of js.matchAll(/\/\* ([^*]*) \*\/\s*const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(chunk_\d+\.wasm)"/g)) {
    chunkOf.set(m[2], { splits: m[1].split(", "), file: m[3] });
  }
  const result = {};
  for (const [prefix, views] of Object.entries(ROUTE_VIEWS)) {
    const needed = new Set();
    for (const view of views) {
      // `#[lazy_route]` names the split after the struct: AboutRoute -> __about_route_view_<n>.
      const split = `__${snake(view)}_view_`;
      const own = files.filter((f) => f.startsWith("split_") && f.includes(split));
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
