// Chromium's sampling profiler around a step of a page, for the profile scripts: prints the
// functions with the most time (inclusive and self) in the step. PROFILE_TOP=N sets how
// many (25); PROFILE_SAVE=prefix also writes each .cpuprofile (for DevTools).
import fs from "node:fs";

const TOP = Number(process.env.PROFILE_TOP || 25);

export function report(title, profile, wall) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}`.trim();
  const self = new Map();
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(id);
    self.set(name(n), (self.get(name(n)) || 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const nm = name(byId.get(cur));
      if (!seen.has(nm)) {
        seen.add(nm);
        incl.set(nm, (incl.get(nm) || 0) + dt);
      }
    }
  });
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([k, v]) => `  ${v.toFixed(1).padStart(8)}  ${k.slice(0, 150)}`).join("\n");
  console.log(`\n=== ${title}: ${wall.toFixed(1)} ms wall\n-- inclusive\n${top(incl)}\n-- self\n${top(self)}`);
}

// Runs `fn` (which returns its own wall time) under the sampling profiler of `page` and
// prints the report; PROFILE_SAVE=prefix also writes each .cpuprofile.
export async function profiler(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  return async (title, fn) => {
    await cdp.send("Profiler.start");
    const wall = await fn();
    const { profile } = await cdp.send("Profiler.stop");
    report(title, profile, wall);
    if (process.env.PROFILE_SAVE) fs.writeFileSync(`${process.env.PROFILE_SAVE}-${title.replace(/[^A-Za-z0-9]+/g, "-")}.cpuprofile`, JSON.stringify(profile));
  };
}

