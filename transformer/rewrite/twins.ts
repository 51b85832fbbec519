/**
 * Twins (README, "Calls through values"): a plain higher-order function that some call hands a
 * suspending function gets a suspending version beside it, `name$miou`. A call that needs it
 * points at it, and a module that imports the function by name imports its twin too. What must
 * stay true: the twin's name is derived from the function's alone, so importers find it.
 */
import type ts from "typescript";

type TS = typeof import("typescript");

export function twinName(name: string): string {
  return `${name}$miou`;
}

/** The call with its callee pointing at the suspending twin; a local name used is noted in `imported`. */
export function twinCallee(ts: TS, f: ts.NodeFactory, call: ts.CallExpression, imported: Set<string>): ts.CallExpression {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) imported.add(callee.text);
  const renamed = ts.isIdentifier(callee)
    ? f.createIdentifier(twinName(callee.text))
    : ts.isPropertyAccessExpression(callee)
      ? f.updatePropertyAccessExpression(callee, callee.expression, f.createIdentifier(twinName(callee.name.text)))
      : callee;
  return f.updateCallExpression(call, renamed, call.typeArguments, call.arguments);
}

/** `import { twice } from "./a.js"` also imports `twice$miou` when a call here uses the twin. */
export function importTwins(ts: TS, f: ts.NodeFactory, decl: ts.ImportDeclaration, locals: ReadonlySet<string>): ts.ImportDeclaration {
  const named = decl.importClause?.namedBindings;
  if (named === undefined || !ts.isNamedImports(named)) return decl;
  const added = named.elements
    .filter((e) => locals.has(e.name.text))
    .map((e) => f.createImportSpecifier(false, f.createIdentifier(twinName((e.propertyName ?? e.name).getText())), f.createIdentifier(twinName(e.name.text))));
  if (added.length === 0) return decl;
  const clause = f.updateImportClause(decl.importClause!, decl.importClause!.isTypeOnly, decl.importClause!.name, f.updateNamedImports(named, [...named.elements, ...added]));
  return f.updateImportDeclaration(decl, decl.modifiers, clause, decl.moduleSpecifier, decl.attributes);
}
