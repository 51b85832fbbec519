/**
 * `npm run bench`: measures every peer of every workload listed in `workloads/index.ts`, each
 * in a fresh Node process (`child.ts`), prints the table and writes `bench/RESULTS.md`.
 *
 *   npm run bench                  all of it; rewrites RESULTS.md
 *   npm run bench -- ring deep     only the workloads or peers whose name contains a word,
 *   npm run bench -- ring/native   or the cells matching workload/peer; prints, and leaves
 *                                  RESULTS.md alone
 *   npm run bench -- playground    only the playground in headless Chromium; prints
 *   npm run bench -- hosts         only the bundler hosts (Babel, Vite, the dev server); prints,
 *                                  and rewrites that section of RESULTS.md alone
 *
 * Peers run one after the other, never side by side: on a small machine two measuring
 * processes would share the cores and each other's noise.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { hostsSection } from "./build/hosts.js";
import { buildSection } from "./build/report.js";
import { playgroundSection } from "./playground/report.js";
import { loadWorkloads } from "./load.js";
import { document, median, resultsTable, targetsTable, type Row } from "./report.js";
import { TARGETS } from "./targets.js";
import { WORKLOADS } from "./workloads/index.js";
import { MARK, PEERS, type Outcome, type Workload } from "./workload.js";

const here = dirname(fileURLToPath(import.meta.url));
/** A measuring process that takes longer than this is stopped and its cell shows an error. */
const CHILD_TIMEOUT_MS = 15 * 60_000;

function measure(file: string, workload: Workload, peer: string): Outcome {
  const args = ["--import", "tsx", "--expose-gc", ...(workload.node ?? []), join(here, "child.ts"), file, workload.name, peer];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", timeout: CHILD_TIMEOUT_MS, maxBuffer: 64 << 20 });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith(MARK));
  if (line !== undefined) return JSON.parse(line.slice(MARK.length)) as Outcome;
  const why = r.error?.message ?? r.stderr.trim().split("\n").slice(-1)[0] ?? `exit ${r.status}`;
  return { error: r.signal !== null ? `killed by ${r.signal}` : why };
}

function show(o: Outcome, unit: string): string {
  return "error" in o ? `error: ${o.error}` : `${median(o.samples).toFixed(1)} ${unit} (${o.samples.length} samples)`;
}

/** The 1-minute load average: other processes sharing the cores show in it. */
const load = () => loadavg()[0]!.toFixed(2);

/** Replaces the "Bundler hosts" section of RESULTS.md (up to the next section) with `section`. */
function replaceHostsSection(section: string): void {
  const file = join(here, "RESULTS.md");
  const text = readFileSync(file, "utf8");
  const start = text.indexOf("\n## Bundler hosts\n");
  if (start < 0) throw new Error("bench/RESULTS.md has no Bundler hosts section: run the whole bench");
  const next = text.indexOf("\n## ", start + 1);
  writeFileSync(file, text.slice(0, start) + section + (next < 0 ? "" : text.slice(next)));
}

async function main(): Promise<void> {
  const words = process.argv.slice(2);
  if (words.length === 1 && words[0] === "hosts") {
    const section = hostsSection(join(here, ".."));
    console.log(section);
    replaceHostsSection(section);
    console.log("wrote the Bundler hosts section of bench/RESULTS.md");
    return;
  }
  const loadBefore = load();
  const wanted = (workload: string, peer: string) =>
    words.length === 0 ||
    words.some((word) => {
      const [w, p] = word.split("/");
      return p === undefined ? workload.includes(w!) || peer.includes(w!) : workload.includes(w!) && peer.includes(p);
    });
  const rows: Row[] = [];
  for (const name of WORKLOADS) {
    const file = join(here, "workloads", `${name}.ts`);
    for (const workload of await loadWorkloads(pathToFileURL(file).href)) {
      const peers = PEERS.filter((p) => workload.peers[p] !== undefined && wanted(workload.name, p));
      if (peers.length === 0) continue;
      await workload.prepare?.();
      const row: Row = { workload, outcomes: {} };
      for (const peer of peers) {
        process.stdout.write(`${workload.name} / ${peer} ... `);
        const o = measure(file, workload, peer);
        row.outcomes[peer] = o;
        process.stdout.write(`${show(o, workload.measure === "time" ? "ns/op" : "B")}\n`);
      }
      rows.push(row);
    }
  }
  if (words.length > 0 && words.every((w) => w === "playground")) {
    console.log(await playgroundSection(join(here, "..")));
    return;
  }
  console.log(`\n${resultsTable(rows)}\n\n${targetsTable(rows, TARGETS)}\n`);
  if (words.length > 0) return;
  const notes = [
    "Each cell is the median of its samples; each peer runs in a fresh Node process, after untimed warm-up samples (3 by default, then 7 timed; slow peers take fewer).",
    `A small machine is noisy: the load average was ${loadBefore} when the run started and ${load()} when it ended; differences under about 15% are within the noise.`,
  ];
  writeFileSync(join(here, "RESULTS.md"), document(rows, TARGETS, notes) + buildSection(join(here, "..")) + hostsSection(join(here, "..")) + (await playgroundSection(join(here, ".."))));
  console.log("wrote bench/RESULTS.md");
}

await main();
