/**
 * Parameter defaults that move into the body. A `yield` cannot stand in a parameter list, so
 * from the first parameter whose default or pattern suspends, the parameters become plain names
 * and their defaults move to the top of the body. JavaScript evaluates defaults in a scope of
 * their own, which the body's declarations do not reach: a moved default that reads a name the
 * body declares again (`var x`, a top-level `let`, `function x`) would read the body's. Those
 * body names are renamed.
 */
import type ts from "typescript";
import type { CallLike, Facts, FunctionNode } from "./facts.js";
import { isFunctionNode } from "./resolve.js";

type TS = typeof import("typescript");

/**
 * Once it is known which functions suspend: which parameters move, and which body names are
 * renamed, in each suspending function and in each twin (whose suspending version may call, in a
 * default, what its plain version calls plainly).
 */
export function settleParameters(ts: TS, checker: ts.TypeChecker, facts: Facts): void {
  const settle = (fn: FunctionNode, calls: ReadonlyMap<CallLike, unknown>) => {
    const from = firstMoved(ts, fn, calls);
    if (from < 0) return;
    facts.moved.set(fn, from);
    const shadowed = shadowedNames(ts, checker, fn, from);
    if (shadowed.size > 0) facts.shadowed.set(fn, shadowed);
  };
  for (const fn of facts.suspending.keys()) settle(fn, facts.calls);
  for (const [fn, calls] of facts.twins) settle(fn, calls);
}

/** The index of the first parameter that must move, or -1. */
export function firstMoved(ts: TS, fn: FunctionNode, calls: ReadonlyMap<CallLike, unknown>): number {
  const suspends = (n: ts.Node): boolean =>
    ((ts.isCallExpression(n) || ts.isTaggedTemplateExpression(n)) && calls.has(n)) || (ts.forEachChild(n, (c) => suspends(c) || undefined) ?? false);
  return fn.parameters.findIndex((p) => (p.initializer !== undefined && suspends(p.initializer)) || suspends(p.name));
}

/** The identifiers of `fn`'s body to rename, with their symbols; empty when nothing is shadowed. */
export function shadowedNames(ts: TS, checker: ts.TypeChecker, fn: FunctionNode, from: number): Map<ts.Identifier, ts.Symbol> {
  const out = new Map<ts.Identifier, ts.Symbol>();
  if (fn.body === undefined || !ts.isBlock(fn.body)) return out;
  // Names the moved parameters read from outside the function.
  const read = new Set<string>();
  const collect = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const decl = checker.getSymbolAtLocation(n)?.declarations?.[0];
      if (decl !== undefined && !within(decl, fn)) read.add(n.text);
    }
    ts.forEachChild(n, collect);
  };
  fn.parameters.slice(from).forEach(collect);
  if (read.size === 0) return out;
  // The body's own declarations of those names.
  const symbols = new Set<ts.Symbol>();
  // Only the names a pattern binds: not its property names, nor what its defaults read.
  const declare = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) {
      if (!read.has(name.text)) return;
      const symbol = checker.getSymbolAtLocation(name);
      if (symbol !== undefined) symbols.add(symbol);
    } else for (const e of name.elements) if (!ts.isOmittedExpression(e)) declare(e.name);
  };
  const top = fn.body;
  const find = (n: ts.Node): void => {
    if (isFunctionNode(ts, n) && !ts.isFunctionDeclaration(n)) return;
    if (ts.isVariableDeclaration(n)) {
      const list = n.parent;
      const isVar = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) === 0;
      if (isVar || list.parent?.parent === top) declare(n.name);
    } else if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.parent === top && n.name !== undefined) declare(n.name);
    if (ts.isFunctionDeclaration(n)) return;
    ts.forEachChild(n, find);
  };
  top.statements.forEach(find);
  if (symbols.size === 0) return out;
  const rename = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const symbol = ts.isShorthandPropertyAssignment(n.parent) && n.parent.name === n ? checker.getShorthandAssignmentValueSymbol(n.parent) : checker.getSymbolAtLocation(n);
      if (symbol !== undefined && symbols.has(symbol)) out.set(n, symbol);
    }
    ts.forEachChild(n, rename);
  };
  rename(top);
  return out;
}

function within(node: ts.Node, fn: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n !== undefined; n = n.parent) if (n === fn) return true;
  return false;
}
