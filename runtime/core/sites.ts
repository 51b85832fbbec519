/**
 * Call sites: where compiled code suspends, for stacks and errors that name user lines
 * (PROTOCOL.md §3). Compiled modules register their sites once (`registerSites`).
 */

/**
 * The call-site register. Compiled code stores the id of the call site it is about to
 * yield from (`at(x, id)`); the runtime reads it once per yield and clears it. A plain global
 * store, so that call-site tracking costs no allocation.
 */
export const SITE = { id: 0 };

/** Flat table: [function name, file, line, column] per id; id 0 is "unknown". */
const sites: (string | number)[] = ["", "", 0, 0];

/**
 * Registers a module's call sites: `table` holds `name, line, column` triples. Returns the id of
 * the first; the k-th triple has id `base + k`.
 */
export function registerSites(file: string, table: readonly (string | number)[]): number {
  const base = sites.length / 4;
  for (let i = 0; i + 2 < table.length; i += 3) sites.push(table[i]!, file, table[i + 1]!, table[i + 2]!);
  return base;
}

/** A call site as V8 names a frame: `name (file:line:column)`, or `file:line:column` at a module's top. */
export function siteText(id: number): string | undefined {
  const k = id * 4;
  if (id <= 0 || k >= sites.length) return undefined;
  const name = sites[k] as string;
  const where = `${sites[k + 1]}:${sites[k + 2]}:${sites[k + 3]}`;
  return name === "" ? where : `${name} (${where})`;
}

/** The stack line for a call site, as V8 prints a frame. */
export function siteLine(id: number): string | undefined {
  const text = siteText(id);
  return text === undefined ? undefined : `    at ${text}`;
}

/** Stores `id` in the call-site register and hands `x` through: `yield at(f(a), 12)`. */
export function at<X>(x: X, id: number): X {
  SITE.id = id;
  return x;
}
