/**
 * The bundler hosts' benchmark: the generated project (see generate.ts) built by Babel with and
 * without miou/babel, and by Vite with and without miou/vite (a library build of its 100
 * modules), miou's build cache off (cold: every build makes the TypeScript program) and on, with
 * nothing changed since the last build (warm); and the Vite dev server's update after a one-line
 * edit of one module, from the save to the transformed module. Each build sample is a fresh
 * process in plain Node (build-child.mjs), as a build is.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generate } from "./generate.js";

const TARGET_RATIO = 2;
const TARGET_UPDATE_MS = 150;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function child(root: string, dir: string, tool: string, mode: string): number | number[] {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(root, "bench", "build", "hosts-child.ts"), dir, tool, mode], { cwd: root, encoding: "utf8", maxBuffer: 16 << 20 });
  const line = out.split("\n").find((l) => l.startsWith("MIOU_BENCH "));
  if (line === undefined) throw new Error(`${tool} ${mode}: no result\n${out}`);
  return JSON.parse(line.slice("MIOU_BENCH ".length)) as number | number[];
}

/** Medians: without miou, with it and no cache, with it and an unchanged project's cache. */
interface Builds {
  plain: number;
  cold: number;
  warm: number;
}

export interface HostsResult {
  lines: number;
  babel: Builds;
  vite: Builds;
  /** miou's share of a build alone (the host service over every module), and `tspc` with the transformer. */
  service: number;
  /** The parts of `service`: loading TypeScript; the first module (the program, the analysis, its emit); the other modules' emits. */
  serviceParts: { load: number; analysis: number; emit: number };
  tspc: number;
  /** Save-to-output times of the successive edits: edits that change no fact, and edits that do. */
  updates: number[];
  factUpdates: number[];
  load: { before: string; after: string };
}

/** The 1-minute load average: other processes sharing the cores show in it. */
const load = () => loadavg()[0]!.toFixed(2);

/** `tspc -p tsconfig.miou.json`: the type check, the analysis and the emit of the same project. */
function tspc(root: string, dir: string): number {
  const start = performance.now();
  execFileSync(process.execPath, [join(root, "node_modules", "ts-patch", "bin", "tspc.js"), "-p", join(dir, "tsconfig.miou.json")], { cwd: dir, stdio: "pipe" });
  return performance.now() - start;
}

export function measureHosts(root: string, samples = 3): HostsResult {
  const before = load();
  const project = generate(join(root, ".cache", "bench-hosts"), root);
  const build = (tool: string, mode: string, cache = "cold") => {
    const out = execFileSync(process.execPath, [join(root, "bench", "build", "build-child.mjs"), project.dir, tool, mode, cache], { cwd: root, encoding: "utf8" });
    const line = out.split("\n").find((l) => l.startsWith("MIOU_BENCH "));
    if (line === undefined) throw new Error(`${tool} ${mode} ${cache}: no result\n${out}`);
    return JSON.parse(line.slice("MIOU_BENCH ".length)) as number;
  };
  const pair = (tool: string): Builds => {
    const plain: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    build(tool, "miou", "warm"); // the build that fills the cache
    for (let i = 0; i < samples; i++) {
      plain.push(build(tool, "plain"));
      cold.push(build(tool, "miou"));
      warm.push(build(tool, "miou", "warm"));
    }
    return { plain: median(plain), cold: median(cold), warm: median(warm) };
  };
  const babel = pair("babel");
  const vite = pair("vite");
  // Each sample: the total, then its parts (see hosts-child.ts); the parts of the median total.
  const shares = Array.from({ length: samples }, () => child(root, project.dir, "service", "miou") as number[]);
  const parts = shares.find((s) => s[0] === median(shares.map((x) => x[0]!)))!;
  const service = parts[0]!;
  const serviceParts = { load: parts[1]!, analysis: parts[2]!, emit: parts[3]! };
  const tspcMs = median(Array.from({ length: samples }, () => tspc(root, project.dir)));
  const updates = child(root, project.dir, "dev", "neutral") as number[];
  const factUpdates = child(root, project.dir, "dev", "facts") as number[];
  return { lines: project.lines, babel, vite, service, serviceParts, tspc: tspcMs, updates, factUpdates, load: { before, after: load() } };
}

export function hostsSection(root: string): string {
  process.stdout.write("build / Babel and Vite with and without miou ... ");
  const r = measureHosts(root);
  const ms = (x: number) => `${Math.round(x).toLocaleString("en-US")} ms`;
  const verdict = (ok: boolean) => (ok ? "pass" : "**miss**");
  const update = median(r.updates);
  const factUpdate = median(r.factUpdates);
  const list = (xs: number[]) => xs.map((x) => Math.round(x)).join(", ");
  const row = (name: string, plain: number, miou: number, target: string | undefined, ok: boolean) =>
    `| ${name} | ${ms(plain)} | ${ms(miou)} | ${(miou / plain).toFixed(2)}x | ${target ?? ""} | ${target === undefined ? "" : verdict(ok)} |`;
  const target = `≤ ${TARGET_RATIO.toFixed(2)}x`;
  const rows = (name: string, b: Builds) => [
    row(`${name}, warm (nothing changed since the last build)`, b.plain, b.warm, target, b.warm / b.plain <= TARGET_RATIO),
    row(`${name}, cold (no cache: the TypeScript program is built)`, b.plain, b.cold, target, b.cold / b.plain <= TARGET_RATIO),
  ];
  process.stdout.write(`Babel ${(r.babel.warm / r.babel.plain).toFixed(2)}x warm, ${(r.babel.cold / r.babel.plain).toFixed(2)}x cold; Vite ${(r.vite.warm / r.vite.plain).toFixed(2)}x warm, ${(r.vite.cold / r.vite.plain).toFixed(2)}x cold; dev update ${Math.round(update)} ms\n`);
  return [
    "",
    "## Bundler hosts",
    "",
    `The same generated project (${r.lines.toLocaleString("en-US")} lines), each module through Babel 8's \`transformAsync\` with \`@babel/preset-typescript\` (as \`@babel/cli\` and babel-loader call it), and the whole of it through a Vite library build, with the plugins and without them; medians of 3 builds, each a fresh process in plain Node, from its start (loading Babel or Vite included) to the last module built.`,
    "",
    `**Warm**: miou's build cache (\`node_modules/.cache/miou\`) holds the last build, and no file it read has changed since (a rebuild, a CI run with the cache restored, a dev server started again). The plugin replays the file-system record of the last build, finds the same answers, and hands each module its kept output: no TypeScript program is built, and TypeScript is not even loaded.`,
    "",
    `**Cold**: no cache (\`cache: false\`, or after any change the program rests on). The build then does what \`tspc\` does: loading TypeScript, the program, its type-driven analysis, each module rewritten and printed. That share alone (the host service over the 100 modules, a fresh process) is ${ms(r.service)}: ${ms(r.serviceParts.load)} to load TypeScript, ${ms(r.serviceParts.analysis)} for the first module (parsing and binding the program with its lib files, the analysis, which asks the checker the type of every callee and every value stored, and the diagnostics), ${ms(r.serviceParts.emit)} to rewrite and print the other 99; a profile of it finds the time in TypeScript's parser, binder, checker and printer. \`tspc\` with the transformer builds the same project in ${ms(r.tspc)}. Meeting the target cold would take an analysis that builds no TypeScript program, where the facts would no longer be \`tspc\`'s.`,
    "",
    `The dev-server update is a one-line edit of one module of the running server, from the save to the transformed module. An edit that changes no fact (\`let total = x;\` to \`x + 1\`) re-parses that module and carries the facts over: median of ${r.updates.length} edits (${list(r.updates)} ms). An edit that does change them (a \`Miou.yield_()\` added to, then removed from, a plain function) analyses the whole program again (a module's facts depend on modules beyond its imports: which values may hold a suspending function is decided over the whole program), with a new checker: median of ${r.factUpdates.length} edits (${list(r.factUpdates)} ms).`,
    "",
    "| build | without | with miou | ratio | target | |",
    "|---|---:|---:|---:|---:|---|",
    ...rows("Babel + miou/babel", r.babel),
    ...rows("Vite build + miou/vite", r.vite),
    `| miou's share of a cold build alone | | ${ms(r.service)} | | | |`,
    `| tspc + miou/transformer, for comparison | | ${ms(r.tspc)} | | | |`,
    `| Vite dev server, one-line edit to transformed output | | ${ms(update)} | | ≤ ${TARGET_UPDATE_MS} ms | ${verdict(update <= TARGET_UPDATE_MS)} |`,
    `| the same, an edit that changes a fact | | ${ms(factUpdate)} | | | |`,
    "",
    `The load average was ${r.load.before} when these rows started and ${r.load.after} when they ended (the machine is shared).`,
    "",
  ].join("\n");
}
