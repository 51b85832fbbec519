/**
 * Edits that can change no fact of the program: then the facts of the version before the edit,
 * carried onto the new parse of the module, are exactly what a new analysis would find, and the
 * host service skips it (a dev server's typical edit, a number or a sum, costs one module's emit).
 *
 * An edit is neutral when each subtree it changed (`tree-diff.ts`), before and after, is made only
 * of literals, names of variables and parameters, arithmetic and comparisons, and:
 *
 * | rule | why it keeps every fact |
 * | --- | --- |
 * | no call, function, class, object, assignment, `typeof`, `===`, `!`, `&&`... inside | the analysis walks calls, functions, classes and the expressions that store values; none is there, and nothing there narrows a variable's type elsewhere |
 * | each name is a variable or parameter of a primitive type (number, string, bigint; no union, no enum) | it names no function, and a condition on it narrows nothing |
 * | the subtree's type is the same primitive type before and after | the types of everything around it, which the analysis reads, are the same |
 * | it is read where it stands (an initialiser, an operand, an argument, a condition...), never written | it declares nothing and assigns nothing |
 * | or it is an argument of a call of the same declaration, not generic, whose type stays the same primitive (or void) | the call is the same call to the analysis, and nothing flows out of the argument but the call's type |
 * | a bare parameter in its place before held no suspending function, and none is there after | a parameter is the one name the analysis follows by value (`values.ts`) |
 * | no function around it has moved defaults or runs on another domain | those facts list names of its body (`shadowed`, `captures`) |
 *
 * Anything else is not neutral, and the service analyses the program again.
 */
import ts from "typescript";
import type { Facts } from "../../analyse/facts.js";
import { diffTrees } from "./tree-diff.js";

/** One version of the module, with the checker of its program. */
export interface Side {
  file: ts.SourceFile;
  checker: ts.TypeChecker;
}

/** Binary operators that compute a value and narrow nothing. */
const OPERATORS = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.LessThanLessThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
  ts.SyntaxKind.AmpersandToken,
  ts.SyntaxKind.BarToken,
  ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
]);
const PREFIX = new Set([ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.TildeToken]);
/** Assignments whose right side may be the edited subtree (the variable gets the same type either way). */
const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
]);
const LITERALS = new Set([
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

/**
 * The pairing of the old module's nodes with the new one's, when the edit from `before` to
 * `after` can change no fact; undefined otherwise. `holds`: the analysis's conclusion about an
 * expression of `before`, undefined when it has none.
 */
export function neutralEdit(before: Side, after: Side, facts: Facts, holds: (e: ts.Expression) => boolean | undefined): Map<ts.Node, ts.Node> | undefined {
  const diff = diffTrees(before.file, after.file);
  const regions = new Set<ts.Node>();
  const changed = (n: ts.Node, side: Side) => plain(n, side.checker) || (OPERATORS.has(n.kind) && ts.isBinaryExpression(n.parent));
  if (!diff.roots.every(([old, now]) => changed(old, before) && changed(now, after))) return undefined;
  for (const [old, now] of diff.roots) {
    if (inside(old, regions)) continue;
    // From the changed subtree up to the smallest expression whose type did not change (`x + 1`
    // for a `1` that became `2`), through arithmetic only: the operands around are the same code,
    // of the same types (an operand of arithmetic takes no type from the other).
    let [top, topNow] = [old, now];
    while (!neutral(top, topNow, before, after, holds)) {
      const up = top.parent;
      if (up === undefined || diff.map.get(up) !== topNow.parent) return undefined;
      diff.map.delete(up);
      // An argument of a call whose signature and type stay the same: the call is the region.
      const call = sameCall(up, topNow.parent, before, after, diff.map) && argument(top, topNow, before, after, holds);
      if (!call && !arithmetic(up)) return undefined;
      [top, topNow] = [up, topNow.parent];
      if (call) break;
    }
    if (listedAround(top, facts)) return undefined;
    regions.add(top);
  }
  return diff.map;
}

/**
 * Are `call` (before) and `now` (after) calls of the same non-generic signature, with the same
 * primitive or void type? Then nothing flows out of their arguments but through the call's type
 * (no type parameter to infer), and the call stays what it was for the analysis: the same callee,
 * handed values that hold no function (`argument`).
 */
function sameCall(call: ts.Node, now: ts.Node, before: Side, after: Side, map: ReadonlyMap<ts.Node, ts.Node>): boolean {
  if (!(ts.isCallExpression(call) || ts.isNewExpression(call)) || !(ts.isCallExpression(now) || ts.isNewExpression(now))) return false;
  const a = before.checker.getResolvedSignature(call);
  const b = after.checker.getResolvedSignature(now);
  const declaration = a?.declaration;
  if (declaration === undefined || b?.declaration === undefined || (map.get(declaration) ?? declaration) !== b.declaration) return false;
  if (a!.typeParameters !== undefined || b.typeParameters !== undefined || ((declaration as ts.SignatureDeclaration).typeParameters?.length ?? 0) > 0) return false;
  const type = (side: Side, e: ts.Expression) => {
    const t = side.checker.getTypeAtLocation(e);
    const primitive = t.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.NumberLike | ts.TypeFlags.StringLike | ts.TypeFlags.BigIntLike);
    const ok = t.flags & ts.TypeFlags.Boolean || (primitive && !(t.flags & (ts.TypeFlags.Union | ts.TypeFlags.EnumLike)));
    return ok ? side.checker.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation) : undefined;
  };
  const t = type(before, call);
  return t !== undefined && t === type(after, now);
}

/** Is `old` (now `now`) an argument of its call that holds no function, before and after? */
function argument(old: ts.Node, now: ts.Node, before: Side, after: Side, holds: (e: ts.Expression) => boolean | undefined): boolean {
  const call = old.parent as ts.CallExpression | ts.NewExpression;
  if (!ts.isExpression(old) || !ts.isExpression(now) || !call.arguments?.includes(old)) return false;
  if (isParameter(root(old), before.checker) && holds(root(old)) !== false) return false;
  return !isParameter(root(now), after.checker);
}

/** Arithmetic a changed subtree may grow into. */
function arithmetic(n: ts.Node): boolean {
  if (ts.isBinaryExpression(n)) return OPERATORS.has(n.operatorToken.kind);
  if (ts.isPrefixUnaryExpression(n)) return PREFIX.has(n.operator);
  return ts.isParenthesizedExpression(n) || ts.isTemplateSpan(n) || ts.isTemplateExpression(n);
}

/** Can `now` stand for `old`, both read where they stand with the same primitive type? */
function neutral(old: ts.Node, now: ts.Node, before: Side, after: Side, holds: (e: ts.Expression) => boolean | undefined): boolean {
  if (!ts.isExpression(old) || !ts.isExpression(now) || !readHere(old)) return false;
  const type = primitiveType(old, before.checker);
  if (type === undefined || type !== primitiveType(now, after.checker)) return false;
  if (isParameter(root(old), before.checker) && holds(root(old)) !== false) return false;
  return !isParameter(root(now), after.checker);
}

function inside(n: ts.Node, regions: Set<ts.Node>): boolean {
  for (let p: ts.Node | undefined = n; p !== undefined; p = p.parent) if (regions.has(p)) return true;
  return false;
}

/** Only literals, names of primitive variables, arithmetic and comparisons. */
function plain(e: ts.Node, checker: ts.TypeChecker): boolean {
  if (LITERALS.has(e.kind)) return true;
  if (ts.isIdentifier(e)) {
    const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
    const variable = decl !== undefined && (ts.isVariableDeclaration(decl) || ts.isParameter(decl) || ts.isBindingElement(decl));
    return variable && primitiveType(e, checker) !== undefined;
  }
  if (ts.isBinaryExpression(e)) return OPERATORS.has(e.operatorToken.kind) && plain(e.left, checker) && plain(e.right, checker);
  if (ts.isPrefixUnaryExpression(e)) return PREFIX.has(e.operator) && plain(e.operand, checker);
  if (ts.isParenthesizedExpression(e)) return plain(e.expression, checker);
  if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => plain(s.expression, checker) && LITERALS.has(s.literal.kind));
  return false;
}

/** The expression's type when it is one primitive type (`number`, `"a"`, `` `x${string}` ``...), as text. */
function primitiveType(e: ts.Expression, checker: ts.TypeChecker): string | undefined {
  const type = checker.getTypeAtLocation(e);
  const primitive = ts.TypeFlags.NumberLike | ts.TypeFlags.StringLike | ts.TypeFlags.BigIntLike;
  if (!(type.flags & primitive) || type.flags & (ts.TypeFlags.Union | ts.TypeFlags.EnumLike)) return undefined;
  return checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
}

/** Is `e` (through parentheses) read where it stands, and never written or declared? */
function readHere(e: ts.Expression): boolean {
  let node: ts.Node = e;
  let parent = e.parent;
  while (ts.isParenthesizedExpression(parent)) [node, parent] = [parent, parent.parent];
  if (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isPropertyDeclaration(parent)) return parent.initializer === node;
  if (ts.isBinaryExpression(parent)) return OPERATORS.has(parent.operatorToken.kind) || (ASSIGNMENTS.has(parent.operatorToken.kind) && parent.right === node);
  if (ts.isPrefixUnaryExpression(parent)) return PREFIX.has(parent.operator);
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return parent.arguments?.includes(node as ts.Expression) ?? false;
  if (ts.isElementAccessExpression(parent)) return parent.argumentExpression === node;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return parent.expression === node;
  return ts.isReturnStatement(parent) || ts.isTemplateSpan(parent) || ts.isExpressionStatement(parent) || ts.isConditionalExpression(parent);
}

function root(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

function isParameter(e: ts.Expression, checker: ts.TypeChecker): boolean {
  if (!ts.isIdentifier(e)) return false;
  const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
  return decl !== undefined && ts.isParameter(decl);
}

/** Is a function around `e` one whose body's names are facts (moved defaults, another domain)? */
function listedAround(e: ts.Node, facts: Facts): boolean {
  for (let n = e.parent; n !== undefined; n = n.parent) {
    const fn = n as Parameters<typeof facts.moved.has>[0];
    if (facts.moved.has(fn) || facts.shadowed.has(fn) || facts.captures.has(fn)) return true;
  }
  return false;
}
