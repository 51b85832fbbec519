/**
 * The facts the analysis computes and rewriting uses: a plain table, printable with
 * `miou print --facts`. Nothing here edits code.
 */
import type ts from "typescript";
import type { Capture, Crossing, PortableSite } from "./captures.js";

/** A function whose body the transformer may rewrite. */
export type FunctionNode =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.AccessorDeclaration
  | ts.ConstructorDeclaration;

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
  /** a call through a value the analysis cannot resolve (a parameter, a property, ...) */
  | { kind: "maybe"; name: string };

export interface SuspendReason {
  /** The call in the function's own body that makes it suspend. */
  call: ts.CallExpression;
  kind: CallKind;
}

export interface Facts {
  /** Functions that suspend, each with the first call that makes it suspend. */
  suspending: Map<FunctionNode, SuspendReason>;
  /** Every call that is a suspension point, in every function. */
  calls: Map<ts.CallExpression, CallKind>;
  /** Functions with maybe-suspending calls, and the calls. */
  maybe: Map<FunctionNode, ts.CallExpression[]>;
  /** Functions emitted twice (plain and suspending) because a suspending function reaches them. */
  twins: Set<FunctionNode>;
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

/** The facts as text: one line per suspending function, why, and its suspension points. */
export function printFacts(ts: typeof import("typescript"), facts: Facts, relative: (file: string) => string = (f) => f): string {
  const lines: string[] = [];
  const where = (n: ts.Node) => {
    const p = position(n);
    const file = n.getSourceFile().fileName;
    return relative(file) + p.slice(file.length);
  };
  const describe = (k: CallKind): string => {
    switch (k.kind) {
      case "primitive":
        return `calls ⏸ ${k.name}`;
      case "function":
        return `calls ${functionName(ts, k.fn)}, which suspends`;
      case "array":
        return `calls .${k.method} with a suspending callback`;
      case "twin":
        return `passes a suspending function to ${functionName(ts, k.fn)}`;
      case "maybe":
        return `calls ${k.name}, which may suspend`;
    }
  };
  const sorted = [...facts.suspending].sort(([a], [b]) => (where(a) < where(b) ? -1 : 1));
  for (const [fn, reason] of sorted) {
    const twin = facts.twins.has(fn) ? " (twin: a plain and a suspending version)" : "";
    lines.push(`${functionName(ts, fn)} suspends${twin}: ${where(fn)}`);
    lines.push(`  because it ${describe(reason.kind)} at ${where(reason.call)}`);
  }
  for (const [fn, captures] of facts.captures) {
    lines.push(`${functionName(ts, fn)} runs on another domain: ${where(fn)}`);
    for (const c of captures) lines.push(`  captures ${c.name} (${c.kind}${c.assigned ? ", assigned" : ""}${crossing(c.crossing)}) at ${where(c.node)}`);
    if (captures.length === 0) lines.push("  captures nothing");
  }
  for (const site of facts.portable.values())
    if (site.index >= 0) lines.push(`${site.role === "events" ? "events" : "portable"} #${site.index}: ${site.arg.getText()} at ${where(site.arg)}`);
  for (const [fn, calls] of facts.maybe) {
    if (facts.suspending.has(fn)) continue;
    const twin = facts.twins.has(fn) ? "twin" : "plain";
    lines.push(`${functionName(ts, fn)} may suspend (${twin}): ${where(fn)}`);
    for (const c of calls) lines.push(`  through ${c.expression.getText()} at ${where(c)}`);
  }
  return lines.join("\n");
}
