/**
 * The edit-run loop: a generated program of 20 modules, each calling the one before, run as a
 * user runs it. `miou-compiled` is `node dist/cli.js run app.ts` (type checking, the transformer
 * and its compile cache); `native` is `tsx` running the same program without miou (the same
 * modules with plain functions), as a TypeScript user runs code without a build. Three rows:
 *
 * - cold start: no cache at all (miou's `.cache/miou/` removed, tsx's cache disabled);
 * - unchanged re-run: the same program again, nothing edited;
 * - one-file edit: one module edited (a comment changes) before each sample.
 *
 * One operation is one whole run of the program, from spawning Node to its exit.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Case, type Workload } from "../workload.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = join(root, "bench", "out", "first-hour");
const MODULES = 20;
/** What `app.ts` prints: f(1) adds every module's index to 1. */
const EXPECTED = `${1 + (MODULES * (MODULES - 1)) / 2}\n`;

/** Module `i` of the program; `miou`: with a ⏸ call, so that it is compiled to a generator. */
function module(i: number, miou: boolean): string {
  const name = `f${i}`;
  const call = i === 0 ? "n" : `f${i - 1}(n)`;
  return `${miou ? 'import * as Miou from "miou";\n' : ""}${i > 0 ? `import { f${i - 1} } from "./m${i - 1}.js";\n` : ""}
/** A record the module works on, so that there is something to type-check. */
export interface Step${i} {
  readonly index: number;
  readonly label: string;
  readonly weights: readonly number[];
}

export const step${i}: Step${i} = { index: ${i}, label: "step ${i}", weights: [${i}, ${i + 1}, ${i + 2}] };

function weigh(s: Step${i}): number {
  return s.weights.reduce((a, b) => a + b, 0) - 3 * s.index - 3;
}

export function ${name}(n: number): number {
${miou ? "  Miou.yield_();\n" : ""}  return ${call} + weigh(step${i}) + step${i}.index;
}
`;
}

function generate(dir: string, miou: boolean): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  // As if installed: miou and the Node types in the program's own node_modules.
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "miou"));
  symlinkSync(join(root, "node_modules", "@types"), join(dir, "node_modules", "@types"));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", strict: true, types: ["node"] } }));
  for (let i = 0; i < MODULES; i++) writeFileSync(join(dir, `m${i}.ts`), module(i, miou));
  const last = `f${MODULES - 1}`;
  writeFileSync(
    join(dir, "app.ts"),
    miou
      ? `import * as Miou from "miou";\nimport { ${last} } from "./m${MODULES - 1}.js";\nconsole.log(await Miou.run(() => ${last}(1)));\n`
      : `import { ${last} } from "./m${MODULES - 1}.js";\nconsole.log(${last}(1));\n`,
  );
}

const dirOf = (miou: boolean) => join(out, miou ? "miou" : "plain");

function runOnce(miou: boolean, env: Record<string, string> = {}): void {
  const dir = dirOf(miou);
  const args = miou ? [join(root, "dist", "cli.js"), "run", "app.ts"] : ["--import", "tsx", "app.ts"];
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8", env: { ...process.env, ...env } });
  expect(`${miou ? "miou run" : "tsx"} app.ts (${r.stderr.trim().split("\n").slice(-1)[0] ?? ""})`, r.stdout, EXPECTED);
}

let edits = 0;
/** Edits the module in the middle of the chain: its comment changes, so its hash does too. */
function edit(miou: boolean): void {
  appendFileSync(join(dirOf(miou), `m${MODULES / 2}.ts`), `// edit ${++edits}\n`);
}

function peer(miou: boolean, kind: "cold" | "unchanged" | "edit"): Case {
  const slow = kind !== "unchanged" && miou;
  return {
    warmup: slow ? 1 : 2,
    iterations: slow ? 5 : 7,
    async run() {
      if (kind === "cold") {
        if (miou) rmSync(join(dirOf(true), ".cache"), { recursive: true, force: true });
        runOnce(miou, miou ? {} : { TSX_DISABLE_CACHE: "1" });
        return 1;
      }
      if (kind === "edit") edit(miou);
      runOnce(miou);
      return 1;
    },
  };
}

const workload = (name: string, kind: "cold" | "unchanged" | "edit", what: string): Workload => ({
  name,
  operation: `one run of a 20-module program (${what}), from starting Node to its exit`,
  note: "miou-compiled: `miou run` (type check, transform, compile cache); native: tsx on the same modules without miou",
  measure: "time",
  async prepare() {
    generate(dirOf(true), true);
    generate(dirOf(false), false);
    if (kind !== "cold") {
      runOnce(true); // the cache a re-run starts from
      runOnce(false);
    }
  },
  peers: { "miou-compiled": peer(true, kind), native: peer(false, kind) },
});

export default [
  workload("run-cold", "cold", "no cache"),
  workload("run-unchanged", "unchanged", "nothing changed since the last run"),
  workload("run-one-edit", "edit", "one module edited since the last run"),
];
