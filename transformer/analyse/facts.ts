/**
 * The facts the analysis computes and rewriting uses: a plain table, printable with
 * `miou print --facts`. Nothing here edits code.
 */
import type ts from "typescript";
import type { Capture, Crossing, PortableSite } from "./captures.js";
import type { FunctionNode } from "./function-node.js";

export type { FunctionNode } from "./function-node.js";

/**
 * A call the analysis classifies: a call expression, or a tagged template (whose tag is called).
 */
export type CallLike = ts.CallExpression | ts.TaggedTemplateExpression;

/** The callee of a call-like node. */
export function calleeOf(call: CallLike): ts.Expression {
  return "tag" in call ? call.tag : call.expression;
}

/** How a call site relates to suspension. */
export type CallKind =
  /** a ⏸ function of miou (or of a library built with the transformer): a branded callee */
  | { kind: "primitive"; name: string }
  /** a function of the program whose body suspends */
  | { kind: "function"; fn: FunctionNode }
  /** an array method (`map`, `forEach`, ...) given a suspending callback */
  | { kind: "array"; method: string; callback: FunctionNode | "primitive" }
  /** a function of the program that suspends only through a suspending function passed to it */
  | { kind: "twin"; fn: FunctionNode }
  /**
   * a call through a value a suspending function can reach (a parameter, a variable, a property,
   * an element, an overridable method): checked at run time, it runs a frame or takes a value
   */
  | { kind: "maybe"; name: string };

export interface SuspendReason {
  /** The call in the function's own body that makes it suspend. */
  call: CallLike;
  kind: CallKind;
}

export interface Facts {
  /** Functions that suspend, each with the first call that makes it suspend. */
  suspending: Map<FunctionNode, SuspendReason>;
  /** Every call that is a suspension point of a suspending function (or misplaced: diagnosed). */
  calls: Map<CallLike, CallKind>;
  /**
   * Functions emitted twice, a plain version and a suspending one (`name$miou`), because a
   * suspending function reaches one of their parameters at some call sites: the suspension points
   * of the suspending version. The plain version checks its calls through those parameters.
   */
  twins: Map<FunctionNode, Map<CallLike, CallKind>>;
  /**
   * Calls in plain code checked at run time (`plain(f(x), "f")`): a suspending function arriving
   * there throws a TypeError instead of handing back a generator object. The calls through a
   * twin's parameters in its plain version, and calls through a callee typed `any` or `Function`.
   */
  checked: Map<CallLike, string>;
  /**
   * Suspending functions, and twins in their suspending version, whose parameter list loses its
   * defaults (a `yield` cannot stand there): the index of the first parameter that moves into the
   * body. A twin's plain version keeps its parameters as written.
   */
  moved: Map<FunctionNode, number>;
  /**
   * In such functions, the body's names that a moved default reads from outside (the body would
   * shadow them): every identifier of the body naming one, with the symbol to rename.
   */
  shadowed: Map<FunctionNode, Map<ts.Identifier, ts.Symbol>>;
  /** Functions given to `call` or `parallel`, with what they capture from outside. */
  captures: Map<FunctionNode, Capture[]>;
  /** Where portable functions are handed over (`call`, `parallel`, `run`'s `events`), by argument. */
  portable: Map<ts.Expression, PortableSite>;
}

export const ARRAY_METHODS = ["map", "forEach", "filter", "reduce", "some", "every", "find", "findIndex", "flatMap"];

/** A readable name for a function: `f`, `C.m`, `<arrow at 3:5>`. */
export function functionName(ts: typeof import("typescript"), fn: FunctionNode): string {
  const own = fn.name !== undefined && ts.isIdentifier(fn.name) ? fn.name.text : undefined;
  if (ts.isMethodDeclaration(fn) || ts.isAccessor(fn) || ts.isConstructorDeclaration(fn)) {
    const cls = fn.parent;
    const owner = ts.isClassLike(cls) && cls.name !== undefined ? `${cls.name.text}.` : "";
    return `${owner}${ts.isConstructorDeclaration(fn) ? "constructor" : (own ?? fn.name.getText())}`;
  }
  if (own !== undefined) return own;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  const { line, character } = fn.getSourceFile().getLineAndCharacterOfPosition(fn.getStart());
  return `<${ts.isArrowFunction(fn) ? "arrow" : "function"} at ${line + 1}:${character + 1}>`;
}

function crossing(c: Crossing): string {
  if (c.by === "closure") return "";
  if (c.by === "value") return c.check ? ", sent by value, checked at run time" : ", sent by value";
  return c.holds === undefined ? ", cannot cross" : `, cannot cross: ${c.holds}`;
}

/** `file:line:col` of a node, 1-based, as editors and stack traces print it. */
export function position(node: ts.Node): string {
  const file = node.getSourceFile();
  const { line, character } = file.getLineAndCharacterOfPosition(node.getStart());
  return `${file.fileName}:${line + 1}:${character + 1}`;
}

/**
 * The facts as text, in source order. Each suspending function is followed by the chain of calls
 * that makes it suspend, one call site per line, down to a ⏸ function of miou (or to a call
 * checked at run time); then twins, functions run on other domains, portable sites, checked calls.
 *
 * ```text
 * top, at a.ts:4:7, suspends:
 *   top calls leaf at a.ts:4:61
 *   leaf calls ⏸ Miou.await_exn at a.ts:3:62
 * ```
 */
export function printFacts(ts: typeof import("typescript"), facts: Facts, relative: (file: string) => string = (f) => f): string {
  const lines: string[] = [];
  const where = (n: ts.Node) => {
    const p = position(n);
    const file = n.getSourceFile().fileName;
    return relative(file) + p.slice(file.length);
  };
  const name = (fn: FunctionNode) => functionName(ts, fn);
  const step = (caller: string, k: CallKind, call: CallLike) => `  ${caller} ${describe(ts, k)} at ${where(call)}`;
  const chain = (fn: FunctionNode): string[] => {
    const out: string[] = [];
    const seen = new Set<FunctionNode>();
    for (let f: FunctionNode | undefined = fn; f !== undefined && !seen.has(f); ) {
      seen.add(f);
      const reason = facts.suspending.get(f);
      if (reason === undefined) break;
      out.push(step(name(f), reason.kind, reason.call));
      f = next(reason.kind);
    }
    return out;
  };
  for (const fn of inSourceOrder(facts.suspending.keys())) lines.push(`${name(fn)}, at ${where(fn)}, suspends:`, ...chain(fn));
  for (const fn of inSourceOrder(facts.twins.keys())) {
    lines.push(`${name(fn)}, at ${where(fn)}, has a suspending twin, ${name(fn)}$miou, for the calls that pass it a suspending function:`);
    const calls = facts.twins.get(fn)!;
    for (const c of inSourceOrder(calls.keys())) lines.push(step(`${name(fn)}$miou`, calls.get(c)!, c));
  }
  for (const fn of inSourceOrder(facts.captures.keys())) {
    const captures = facts.captures.get(fn)!;
    lines.push(`${name(fn)}, at ${where(fn)}, runs on another domain:`);
    for (const c of captures) lines.push(`  captures ${c.name} (${c.kind}${c.assigned ? ", assigned" : ""}${crossing(c.crossing)}) at ${where(c.node)}`);
    if (captures.length === 0) lines.push("  captures nothing");
  }
  for (const site of facts.portable.values())
    if (site.index >= 0) lines.push(`${site.role === "events" ? "events" : "portable"} #${site.index}: ${site.arg.getText()} at ${where(site.arg)}`);
  for (const c of inSourceOrder(facts.checked.keys())) lines.push(`checked at run time: ${facts.checked.get(c)!}(...) at ${where(c)}`);
  return lines.join("\n");
}

/** What a call does, after the caller's name: "calls leaf", "calls ⏸ Miou.yield_". */
function describe(ts: typeof import("typescript"), k: CallKind): string {
  switch (k.kind) {
    case "primitive":
      return `calls ⏸ ${k.name}`;
    case "function":
      return `calls ${functionName(ts, k.fn)}`;
    case "array":
      return `calls .${k.method} with ${k.callback === "primitive" ? "a ⏸ function of miou" : functionName(ts, k.callback)}`;
    case "twin":
      return `passes a suspending function to ${functionName(ts, k.fn)} (so calls ${functionName(ts, k.fn)}$miou)`;
    case "maybe":
      return `calls ${k.name}, which may hold a suspending function (checked at run time)`;
  }
}

/** The function the chain goes on with after a call of this kind, if any. */
function next(k: CallKind): FunctionNode | undefined {
  if (k.kind === "function") return k.fn;
  if (k.kind === "array" && k.callback !== "primitive") return k.callback;
  return undefined;
}

/** Nodes sorted by file, then position in it. */
function inSourceOrder<N extends ts.Node>(nodes: Iterable<N>): N[] {
  return [...nodes].sort((a, b) => {
    const fa = a.getSourceFile().fileName;
    const fb = b.getSourceFile().fileName;
    return fa === fb ? a.getStart() - b.getStart() : fa < fb ? -1 : 1;
  });
}
