/**
 * The two versions printed from one generated tree. (A) is direct style: `s` suspends (every
 * call of it is a scheduling point), the program runs in `Miou.run` and is compiled by the
 * transformer. (B) is the same text with a plain `s`, run as a plain call and compiled by plain
 * TypeScript. Both log a trace through the same `show`, which prints a value by its kind (a
 * generator object shows as one, an error as its class and, for the program's own, its message:
 * built-in errors' messages name compiled temporaries, so they are left out, unless
 * FUZZ_MESSAGES=1, to see what a failure says).
 */
import { print, type Node } from "./tree.js";

/**
 * The helpers every program imports (one module, so that they are type-checked once per batch):
 * `u`, a plain identity; `F`, the callback type; `tick`, which every loop body calls and which
 * throws after a fixed number of turns in both versions alike; `log`, which appends a line to the
 * trace, printing each value by its kind.
 */
export const prelude = `export function u<T>(x: T): T { return x; }
export type F = (x: number) => number;
let out: string[] = [];
let fuel = 0;
export function reset(): void { out = []; fuel = 0; }
export function trace(): string[] { return out; }
export function tick(): void { if (++fuel > 400) throw new Error("fuel"); }
export function show(v: unknown, depth = 0): string {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "function") return "<function>";
  if (typeof v !== "object" || v === null) return String(v);
  const o = v as Record<string, unknown>;
  if (typeof o.next === "function" && typeof o.throw === "function") return "<generator object>";
  if (v instanceof Error) return ${process.env.FUZZ_MESSAGES === "1" ? "v.message !== undefined" : "/^(E(-?\\d|NaN|-?Infinity)|fuel)/.test(v.message)"} ? v.name + "(" + v.message + ")" : v.name;
  if (depth > 2) return "<deep>";
  if (Array.isArray(v)) {
    const parts: string[] = [];
    for (let i = 0; i < v.length; i++) parts.push(i in v ? show(v[i], depth + 1) : "<hole>");
    return "[" + parts.join(", ") + "]";
  }
  return "{" + Object.keys(o).map((k) => k + ": " + show(o[k], depth + 1)).join(", ") + "}";
}
export function log(...vs: unknown[]): void { out.push(vs.map((v) => show(v)).join(" ")); }
`;

const imports = `import { log, tick, trace, u, type F } from "./prelude.cjs";
`;
const direct = `import Miou = require("miou");
${imports}function s<T>(x: T): T { Miou.yield_(); return x; }
`;
const plain = `${imports}function s<T>(x: T): T { return x; }
`;

const runDirect = `
export function run(): Promise<string[]> {
  return Miou.run(() => {
    try { main(); log("returned"); } catch (e) { log("threw", e); }
  }).then(trace, (e: unknown) => { log("rejected", e); return trace(); });
}
`;
const runPlain = `
export function run(): Promise<string[]> {
  try { main(); log("returned"); } catch (e) { log("threw", e); }
  return Promise.resolve(trace());
}
`;

export type Version = "direct" | "plain";

/** The lines before the generated code: where a line of a diagnostic is counted from. */
export const headerLines = (version: Version) => (version === "direct" ? direct : plain).split("\n").length - 1;

/** The program's text in one version. */
export function source(tree: Node, version: Version): string {
  const body = generated(tree);
  return version === "direct" ? direct + body + runDirect : plain + body + runPlain;
}

/** Only the generated part, for reports: the helpers above are the same in every program. */
export const generated = (tree: Node) => (tree.k === "b" ? tree.p.map((d) => print(d)).join("\n") : print(tree));
