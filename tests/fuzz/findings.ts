/**
 * The findings: each `findings/<name>.ts` is a program the fuzzer found failing, shrunk and
 * trimmed by hand. It opens with a comment whose `expected:` lines are the trace both versions
 * must print (and optionally `target: es2022` or `target: es5`), then imports from `_harness.ts` (for the type-checker; the runner drops imports)
 * and declares `export function main()`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { lit, type Node } from "./tree.js";
import type { Target } from "./runner.js";

export interface Finding {
  name: string;
  /** The trace both versions must print. */
  expected: string[];
  tree: Node;
  /** Where it runs: both targets, unless a `// target: es2022` line says otherwise. */
  targets: Target[];
}

const folder = join(import.meta.dirname, "findings");

export function findings(): Finding[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
    .map((f) => {
      const text = readFileSync(join(folder, f), "utf8");
      const expected = [...text.matchAll(/^\/\/ {3}(.*)$/gm)].map((m) => m[1]!);
      const body = text
        .split("\n")
        .filter((l) => !l.startsWith("import ") && !l.startsWith("//"))
        .join("\n")
        .trim();
      const target = /^\/\/ target: (es5|es2022)$/m.exec(text)?.[1] as Target | undefined;
      return { name: f.slice(0, -3), expected, tree: lit("b", body), targets: target === undefined ? ["es2022", "es5"] : [target] };
    });
}
