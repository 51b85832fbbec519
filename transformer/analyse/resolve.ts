/** Resolving expressions to the program's functions: shared by the analysis and the diagnostics. */
import type ts from "typescript";
import type { FunctionNode } from "./function-node.js";

type TS = typeof import("typescript");

export function isFunctionNode(ts: TS, n: ts.Node): n is FunctionNode {
  return (
    ts.isFunctionDeclaration(n) ||
    ts.isFunctionExpression(n) ||
    ts.isArrowFunction(n) ||
    ts.isMethodDeclaration(n) ||
    ts.isAccessor(n) ||
    ts.isConstructorDeclaration(n)
  );
}

/** `e` without parentheses, type assertions, `satisfies` and `!`. */
export function unwrap(ts: TS, e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e))
    e = e.expression;
  return e;
}

/** The program function with a body that an expression names or is, if any. */
export function functionOf(ts: TS, program: ts.Program, e: ts.Expression): FunctionNode | undefined {
  const checker = program.getTypeChecker();
  const inner = unwrap(ts, e);
  if ((ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) && inner.body !== undefined) return inner;
  let symbol = checker.getSymbolAtLocation(inner);
  if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const decl = symbol?.valueDeclaration;
  if (decl === undefined || !inProgram(program, decl)) return undefined;
  if (isFunctionNode(ts, decl) && decl.body !== undefined) return decl;
  // A `const` holds its function for good; a `let` or `var` may be assigned another one.
  if (ts.isVariableDeclaration(decl) && decl.initializer !== undefined && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) {
    const init = unwrap(ts, decl.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

/** Is the node in the program's own sources (not a declaration file, not a dependency)? */
export function inProgram(program: ts.Program, n: ts.Node): boolean {
  const file = n.getSourceFile();
  return !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file);
}
