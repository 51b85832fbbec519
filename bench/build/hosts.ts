/**
 * The bundler hosts' benchmark: the generated project (see generate.ts) built by Babel with and
 * without miou/babel, and by Vite with and without miou/vite (a library build of its 100
 * modules); and the Vite dev server's update after a one-line edit of one module, from the save
 * to the transformed module. Each build sample is a fresh process (hosts-child.ts), as a build is.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
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
  /** Save-to-output times of the successive edits. */
  updates: number[];
}

export function measureHosts(root: string, samples = 3): HostsResult {
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
  return { lines: project.lines, babel: pair("babel"), vite: pair("vite"), updates: child(root, project.dir, "dev", "miou") as number[] };
}

export function hostsSection(root: string): string {
  process.stdout.write("build / Babel and Vite with and without miou ... ");
  const r = measureHosts(root);
  const ms = (x: number) => `${Math.round(x).toLocaleString("en-US")} ms`;
  const ratio = (p: { plain: number; miou: number }) => p.miou / p.plain;
  const verdict = (ok: boolean) => (ok ? "pass" : "**miss**");
  const update = median(r.updates);
  process.stdout.write(`Babel ${ratio(r.babel).toFixed(2)}x, Vite ${ratio(r.vite).toFixed(2)}x, dev update ${Math.round(update)} ms\n`);
  return [
    "",
    "## Bundler hosts",
    "",
    `The same generated project (${r.lines.toLocaleString("en-US")} lines), each module through Babel 8 with \`@babel/preset-typescript\`, and the whole of it through a Vite library build, with the plugins and without them; medians of 3 builds, each a fresh process. With the plugin, a build also makes the TypeScript program and its type-driven analysis (what \`tspc\` makes), which a build that only strips types never does. The dev-server update is a one-line edit of one module of the running server, from the save to the transformed module (median of ${r.updates.length} edits: ${r.updates.map((x) => Math.round(x)).join(", ")} ms).`,
    "",
    "| build | without | with miou | ratio | target | |",
    "|---|---:|---:|---:|---:|---|",
    `| Babel + miou/babel | ${ms(r.babel.plain)} | ${ms(r.babel.miou)} | ${ratio(r.babel).toFixed(2)}x | ≤ ${TARGET_RATIO.toFixed(2)}x | ${verdict(ratio(r.babel) <= TARGET_RATIO)} |`,
    `| Vite build + miou/vite | ${ms(r.vite.plain)} | ${ms(r.vite.miou)} | ${ratio(r.vite).toFixed(2)}x | ≤ ${TARGET_RATIO.toFixed(2)}x | ${verdict(ratio(r.vite) <= TARGET_RATIO)} |`,
    `| Vite dev server, one-line edit to transformed output | | ${ms(update)} | | ≤ ${TARGET_UPDATE_MS} ms | ${verdict(update <= TARGET_UPDATE_MS)} |`,
    "",
  ].join("\n");
}
