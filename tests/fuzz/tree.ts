/**
 * The generated program as a small tree of text with holes, so that the shrinker can work on it
 * without knowing the language: a `"e"` node is an expression of type `number` (it may be replaced
 * by `0` or by an `"e"` node below it), a `"s"` node is a statement (it may be deleted from the
 * block holding it, or replaced by the statements of its own blocks), a `"b"` node is a list of
 * statements, and an `"x"` node is anything else (kept, only its children shrink).
 *
 * What must stay true: every `"e"` node prints an expression of type `number` that may stand
 * where `0` stands, so that the shrinker's replacements keep the program well typed (a candidate
 * that does not type-check is simply skipped, but each one costs a compile).
 */
export type Kind = "e" | "s" | "b" | "x";
export type Part = string | Node;
export interface Node {
  k: Kind;
  p: Part[];
}

function maker(k: Kind) {
  return (strs: TemplateStringsArray, ...holes: Part[]): Node => {
    const p: Part[] = [];
    strs.forEach((s, i) => {
      if (s !== "") p.push(s);
      if (i < holes.length) p.push(holes[i]!);
    });
    return { k, p };
  };
}

/** A `number` expression: ex`(${a} + ${b})`. */
export const ex = maker("e");
/** A statement. */
export const st = maker("s");
/** Anything else (a callback, an array, a declaration's head). */
export const xx = maker("x");
/** A list of statements. */
export const block = (stmts: Node[]): Node => ({ k: "b", p: stmts });
/** A literal text of any kind. */
export const lit = (k: Kind, text: string): Node => ({ k, p: [text] });

/** The program's text; blocks are indented one level deeper than their statement. */
export function print(node: Part, indent = 0): string {
  if (typeof node === "string") return node;
  if (node.k === "b") {
    if (node.p.length === 0) return " ";
    const pad = "  ".repeat(indent + 1);
    return `\n${node.p.map((s) => pad + print(s, indent + 1)).join("\n")}\n${"  ".repeat(indent)}`;
  }
  return node.p.map((p) => print(p, indent)).join("");
}

/** The number of nodes: the shrinker only accepts candidates that make it smaller. */
export function size(node: Part): number {
  return typeof node === "string" ? 0 : 1 + node.p.reduce<number>((n, p) => n + size(p), 0);
}

type Path = number[];

function at(root: Node, path: Path): Node {
  return path.reduce<Node>((n, i) => n.p[i] as Node, root);
}

/** `root` with the node at `path` replaced by `by` (several parts: spliced in, for blocks). */
function replace(root: Node, path: Path, by: Part[]): Node {
  if (path.length === 0) return by[0] as Node;
  const [i, ...rest] = path as [number, ...number[]];
  const p = root.p.slice();
  if (rest.length === 0) p.splice(i, 1, ...by);
  else p.splice(i, 1, replace(root.p[i] as Node, rest, by));
  return { k: root.k, p };
}

function* paths(node: Node, path: Path = []): Generator<Path> {
  yield path;
  for (let i = 0; i < node.p.length; i++) {
    const c = node.p[i]!;
    if (typeof c !== "string") yield* paths(c, [...path, i]);
  }
}

/** The nearest `"e"` nodes below `node`, not counting itself. */
function innerExpressions(node: Node): Node[] {
  return node.p.flatMap((c) => (typeof c === "string" ? [] : c.k === "e" ? [c] : innerExpressions(c)));
}

const isZero = (n: Node) => n.p.length === 1 && n.p[0] === "0";

/**
 * Smaller versions of `root`, biggest cuts first: whole runs of statements deleted, then single
 * statements, then a statement replaced by its inner statements, then expressions simplified.
 */
export function* shrinkTree(root: Node): Generator<Node> {
  const all = [...paths(root)];
  for (const path of all) {
    const b = at(root, path);
    if (b.k !== "b") continue;
    for (let chunk = b.p.length >> 1; chunk >= 2; chunk >>= 1)
      for (let i = 0; i + chunk <= b.p.length; i += chunk) yield replace(root, path, [{ k: "b", p: [...b.p.slice(0, i), ...b.p.slice(i + chunk)] }]);
  }
  for (const path of all) {
    const b = at(root, path);
    if (b.k === "b") for (let i = b.p.length - 1; i >= 0; i--) yield replace(root, [...path, i], []);
  }
  for (const path of all) {
    const s = at(root, path);
    const parent = path.length > 0 ? at(root, path.slice(0, -1)) : undefined;
    if (s.k !== "s" || parent?.k !== "b") continue;
    const inner = s.p.flatMap((c) => (typeof c !== "string" && c.k === "b" ? c.p : []));
    if (inner.length > 0 || s.p.some((c) => typeof c !== "string" && c.k === "b")) yield replace(root, path, inner);
  }
  for (const path of all) {
    const e = at(root, path);
    if (e.k !== "e") continue;
    if (!isZero(e)) yield replace(root, path, [lit("e", "0")]);
    for (const inner of innerExpressions(e)) yield replace(root, path, [inner]);
  }
}
