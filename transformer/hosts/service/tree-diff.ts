/**
 * Two parses of one module, side by side: where they differ, and which node of the new parse
 * stands for each node of the old one everywhere else.
 *
 * What must stay true: two nodes are paired only when they have the same kind, the same syntactic
 * data (names, literal texts, operators, `let`/`const`, `type`-only...) and children paired the
 * same way, except inside the differing subtrees, which are never paired. So outside those
 * subtrees the two parses say the same program, position for position shifted only; what the
 * edit changed is confined to the differing subtrees (`roots`).
 */
import ts from "typescript";

export interface TreeDiff {
  /** The new node of every old node outside the differing subtrees (the subtrees' ancestors included). */
  map: Map<ts.Node, ts.Node>;
  /** The differing subtrees, as pairs (old, new) at the same place. */
  roots: [ts.Node, ts.Node][];
}

/**
 * Node properties that are not what the code says: positions, caches the compiler fills in
 * lazily, and formatting (quotes, one line or several), which the new parse is printed with anyway.
 */
const IGNORED = new Set(["pos", "end", "flags", "id", "modifierFlagsCache", "transformFlags", "multiLine", "singleQuote", "parent", "original"]);

/** Node flags the compiler sets lazily, or that only aggregate the children's. */
const VOLATILE =
  ts.NodeFlags.HasAggregatedChildData | ts.NodeFlags.ThisNodeOrAnySubNodesHasError | ((ts.NodeFlags as unknown as Record<string, number>)["TypeCached"] ?? 0);

/** The differences between two parses of a module. */
export function diffTrees(before: ts.SourceFile, after: ts.SourceFile): TreeDiff {
  const diff: TreeDiff = { map: new Map([[before, after]]), roots: [] };
  pairChildren(before, after, diff);
  return diff;
}

function pairChildren(a: ts.Node, b: ts.Node, diff: TreeDiff): void {
  const xs = children(a);
  const ys = children(b);
  if (!sameShape(xs, ys)) {
    diff.map.delete(a);
    diff.roots.push([a, b]);
    return;
  }
  xs.forEach((x, i) => {
    const y = ys[i]!;
    if (Array.isArray(x)) x.forEach((n, j) => pair(n, (y as ts.Node[])[j]!, diff));
    else pair(x, y as ts.Node, diff);
  });
}

function pair(a: ts.Node, b: ts.Node, diff: TreeDiff): void {
  if (!sameOwnData(a, b)) {
    diff.roots.push([a, b]);
    return;
  }
  diff.map.set(a, b);
  pairChildren(a, b, diff);
}

/** The children in source order, a list of nodes standing as one array (so `f()` and `f(a)` differ in shape). */
function children(n: ts.Node): (ts.Node | ts.Node[])[] {
  const out: (ts.Node | ts.Node[])[] = [];
  ts.forEachChild(
    n,
    (c) => void out.push(c),
    (cs) => void out.push([...cs]),
  );
  return out;
}

function sameShape(xs: (ts.Node | ts.Node[])[], ys: (ts.Node | ts.Node[])[]): boolean {
  if (xs.length !== ys.length) return false;
  return xs.every((x, i) => {
    const y = ys[i]!;
    return Array.isArray(x) ? Array.isArray(y) && x.length === y.length : !Array.isArray(y);
  });
}

/** Same kind, same flags and the same syntactic data of its own (names, texts, operators). */
function sameOwnData(a: ts.Node, b: ts.Node): boolean {
  if (a.kind !== b.kind || (a.flags & ~VOLATILE) !== (b.flags & ~VOLATILE)) return false;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (IGNORED.has(key)) continue;
    const u = x[key];
    const v = y[key];
    // Objects (children, symbols, flow nodes, emit notes) are compared as children, or not at all.
    const object = (w: unknown) => (typeof w === "object" && w !== null) || typeof w === "function";
    if (!object(u) && !object(v) && u !== v) return false;
  }
  // An identifier's name may live behind a getter (`text`); compare what the code says.
  if (ts.isIdentifier(a) || ts.isPrivateIdentifier(a)) return a.text === (b as ts.Identifier).text;
  return true;
}
