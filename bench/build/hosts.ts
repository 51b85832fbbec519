/**
 * The bundler hosts' benchmark: the generated project (see generate.ts) built by Babel with and
 * without miou/babel, and by Vite with and without miou/vite (a library build of its 100
 * modules); and the Vite dev server's update after a one-line edit of one module, from the save
 * to the transformed module. Each build sample is a fresh process (hosts-child.ts), as a build is.
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

export interface HostsResult {
  lines: number;
  babel: { plain: number; miou: number };
  vite: { plain: number; miou: number };
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
  const pair = (tool: string) => {
    const plain: number[] = [];
    const miou: number[] = [];
    for (let i = 0; i < samples; i++) {
      plain.push(child(root, project.dir, tool, "plain") as number);
      miou.push(child(root, project.dir, tool, "miou") as number);
    }
    return { plain: median(plain), miou: median(miou) };
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
  const ratio = (p: { plain: number; miou: number }) => p.miou / p.plain;
  const verdict = (ok: boolean) => (ok ? "pass" : "**miss**");
  const update = median(r.updates);
  const factUpdate = median(r.factUpdates);
  const floor = (r.vite.plain + r.service) / r.vite.plain;
  const list = (xs: number[]) => xs.map((x) => Math.round(x)).join(", ");
  process.stdout.write(`Babel ${ratio(r.babel).toFixed(2)}x, Vite ${ratio(r.vite).toFixed(2)}x, dev update ${Math.round(update)} ms\n`);
  return [
    "",
    "## Bundler hosts",
    "",
    `The same generated project (${r.lines.toLocaleString("en-US")} lines), each module through Babel 8 with \`@babel/preset-typescript\`, and the whole of it through a Vite library build, with the plugins and without them; medians of 3 builds, each a fresh process. With the plugin, a build also makes what \`tspc\` makes: loading TypeScript, the program, its type-driven analysis, each module rewritten and printed, once per build. That share alone (the host service over the 100 modules, a fresh process) is ${ms(r.service)}: ${ms(r.serviceParts.load)} to load TypeScript, ${ms(r.serviceParts.analysis)} for the first module (parsing and binding the program with its lib files, the analysis, which asks the checker the type of every callee and every value stored, and the diagnostics), ${ms(r.serviceParts.emit)} to rewrite and print the other 99 with TypeScript's emitter and their source maps; a profile of it finds the time in TypeScript's parser, checker and printer, not in work the build does not need. \`tspc\` with the transformer builds the same project in ${ms(r.tspc)}. It is the floor (Babel parses each module once either way: the plugin hands it the rewritten module to parse): Babel without the plugin takes ${ms(r.babel.plain)}, so Babel with it stays near ${((r.babel.plain + r.service) / r.babel.plain).toFixed(1)}x (the share measured alone and the builds are separate processes on a shared machine); Vite without it only strips types with a native compiler (${ms(r.vite.plain)}), so a Vite build with it stays near ${floor.toFixed(0)}x.`,
    "",
    `The dev-server update is a one-line edit of one module of the running server, from the save to the transformed module. An edit that changes no fact (\`let total = x;\` to \`x + 1\`) re-parses that module and carries the facts over: median of ${r.updates.length} edits (${list(r.updates)} ms). An edit that does change them (a \`Miou.yield_()\` added to, then removed from, a plain function) analyses the whole program again (a module's facts depend on modules beyond its imports: which values may hold a suspending function is decided over the whole program), with a new checker: median of ${r.factUpdates.length} edits (${list(r.factUpdates)} ms).`,
    "",
    "| build | without | with miou | ratio | target | |",
    "|---|---:|---:|---:|---:|---|",
    `| Babel + miou/babel | ${ms(r.babel.plain)} | ${ms(r.babel.miou)} | ${ratio(r.babel).toFixed(2)}x | ≤ ${TARGET_RATIO.toFixed(2)}x | ${verdict(ratio(r.babel) <= TARGET_RATIO)} |`,
    `| Vite build + miou/vite | ${ms(r.vite.plain)} | ${ms(r.vite.miou)} | ${ratio(r.vite).toFixed(2)}x | ≤ ${TARGET_RATIO.toFixed(2)}x | ${verdict(ratio(r.vite) <= TARGET_RATIO)} |`,
    `| miou's share alone (the floor of both) | | ${ms(r.service)} | | | |`,
    `| tspc + miou/transformer, for comparison | | ${ms(r.tspc)} | | | |`,
    `| Vite dev server, one-line edit to transformed output | | ${ms(update)} | | ≤ ${TARGET_UPDATE_MS} ms | ${verdict(update <= TARGET_UPDATE_MS)} |`,
    `| the same, an edit that changes a fact | | ${ms(factUpdate)} | | | |`,
    "",
    `The load average was ${r.load.before} when these rows started and ${r.load.after} when they ended (the machine is shared).`,
    "",
  ].join("\n");
}
