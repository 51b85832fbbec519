/**
 * Labelled blocks at ES5. TypeScript's ES5 lowering of generators (its `generators.ts`) finds
 * where `break L` goes by the blocks it has entered, and takes a loop or a `switch` that stands
 * right inside the statement labelled `L` for `L`'s own, as in `L: for (...)`. It cannot tell
 * `L: { for (...) { break L; } more(); }` from that: the `break` leaves the loop only, and `more()`
 * runs (or, when the `switch` has no `yield` in its clauses, `break L` is left to a label the
 * lowering removed: a SyntaxError).
 *
 * The rewrite: such a labelled statement's body goes into `try { ... } finally {}`. A `try` is a
 * block of its own to the lowering that no `break` or `continue` binds to, so the loop is no
 * longer right inside `L`, and the `finally` is empty, so nothing runs that did not. Only
 * labelled statements that are not loops and hold a `break L` inside a loop or `switch` of their
 * own are rewritten; nothing else changes.
 */
import type ts from "typescript";

type TS = typeof import("typescript");

/** Does `labelled`'s statement (not a loop) hold a `break` to its label from inside a loop or `switch`? */
export function breaksAcross(ts: TS, labelled: ts.LabeledStatement): boolean {
  if (ts.isIterationStatement(labelled.statement, false)) return false;
  const label = labelled.label.text;
  const find = (n: ts.Node, inside: boolean): boolean => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return false;
    if (ts.isBreakStatement(n)) return inside && n.label?.text === label;
    const deeper = inside || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n);
    return ts.forEachChild(n, (c) => find(c, deeper) || undefined) ?? false;
  };
  return find(labelled.statement, false);
}

/** `L: { try { ...body } finally {} }`, from the already visited labelled statement. */
export function guardLabel(ts: TS, f: ts.NodeFactory, visited: ts.LabeledStatement): ts.LabeledStatement {
  const body = ts.isBlock(visited.statement) ? visited.statement : f.createBlock([visited.statement], true);
  const guarded = f.createTryStatement(body, undefined, f.createBlock([]));
  return f.updateLabeledStatement(visited, visited.label, f.createBlock([guarded], true));
}
