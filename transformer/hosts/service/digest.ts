/**
 * A digest of the facts about each file: when a module is edited, the modules whose digest
 * changed are the ones whose output may have changed (a function of theirs stopped suspending,
 * a twin appeared, a call became a suspension point), so the bundler must transform them again.
 *
 * What must stay true: every fact that changes a file's output changes its digest. The facts are
 * walked generically (every table of `Facts`, every entry keyed by a node of the file), so a new
 * kind of fact is covered without a change here. A node of the file is named by its position and
 * kind; a node of another file by its file and kind only, so that editing a file does not change
 * the digests of the files that merely refer to it.
 */
import type ts from "typescript";
import type { Miou } from "../../core.js";

const isNode = (v: unknown): v is ts.Node =>
  typeof v === "object" && v !== null && typeof (v as ts.Node).kind === "number" && typeof (v as ts.Node).getSourceFile === "function";

/**
 * The digest of every file some fact is about (or of `only` that file), by file name. Files with
 * no fact are absent.
 */
export function digests(facts: Miou["facts"], only?: string): Map<string, string> {
  const lines = new Map<string, string[]>();
  for (const [table, value] of Object.entries(facts as object)) {
    const entries: Iterable<[unknown, unknown]> =
      value instanceof Map ? value : value instanceof Set ? [...value].map((k) => [k, undefined] as [unknown, unknown]) : [];
    for (const [key, entry] of entries) {
      if (!isNode(key)) continue;
      const file = key.getSourceFile().fileName;
      if (only !== undefined && file !== only) continue;
      const list = lines.get(file) ?? [];
      list.push(`${table} ${key.pos}:${key.kind} ${describe(entry, file, 0)}`);
      lines.set(file, list);
    }
  }
  return new Map([...lines].map(([file, list]) => [file, list.sort().join("\n")]));
}

/** A value of the facts as text, nodes named as the header says; deep enough for every table. */
function describe(value: unknown, file: string, depth: number): string {
  if (value === null || typeof value !== "object") return typeof value === "function" ? "fn" : String(value);
  if (isNode(value)) {
    const own = value.getSourceFile().fileName;
    return own === file ? `@${value.pos}:${value.kind}` : `@${own}:${value.kind}`;
  }
  if (depth > 4) return "…";
  if (Array.isArray(value)) return `[${value.map((v) => describe(v, file, depth + 1)).join(",")}]`;
  if (value instanceof Map || value instanceof Set) return `{${value.size}}`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${k}=${describe(v, file, depth + 1)}`)
    .join(",")}}`;
}

/** The files whose digest differs between two analyses. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const files = new Set([...before.keys(), ...after.keys()]);
  return [...files].filter((f) => before.get(f) !== after.get(f));
}
