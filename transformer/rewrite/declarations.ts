/**
 * The brand in declaration output (README, "What the transformer does"): every exported function that suspends
 * carries `__miou_suspends` in its type in the `.d.ts`, so the builds of a library's users
 * recognise it as they recognise miou's own ⏸ functions.
 *
 * - `declare function f(...)` gains a merged `declare namespace f { const __miou_suspends: true }`;
 * - `declare const f: (...) => R` becomes `import("miou").Suspending<(...) => R>`;
 * - a class method becomes a property of type `import("miou").Suspending<(...) => R>`.
 */
import type ts from "typescript";
import { SUSPENDS } from "../analyse/brand.js";
import type { Facts, FunctionNode } from "../analyse/facts.js";

type TS = typeof import("typescript");

export function brandDeclarations(ts: TS, context: ts.TransformationContext, node: ts.SourceFile | ts.Bundle, facts: Facts): ts.SourceFile | ts.Bundle {
  if (!ts.isSourceFile(node)) return node;
  const f = context.factory;
  const suspends = (n: ts.Node) => facts.suspending.has(ts.getOriginalNode(n) as FunctionNode);
  // Overload signatures have no body: a function suspends when its implementation does.
  const source = ts.getOriginalNode(node);
  const suspendingFunctions = new Set(
    [...facts.suspending.keys()].filter((fn) => ts.isFunctionDeclaration(fn) && fn.getSourceFile() === source && fn.name !== undefined).map((fn) => (fn.name as ts.Identifier).text),
  );
  const suspendingInit = (d: ts.VariableDeclaration) => {
    const original = ts.getOriginalNode(d);
    return ts.isVariableDeclaration(original) && original.initializer !== undefined && facts.suspending.has(original.initializer as FunctionNode);
  };
  const branded = (type: ts.TypeNode) =>
    f.createImportTypeNode(f.createLiteralTypeNode(f.createStringLiteral("miou")), undefined, f.createIdentifier("Suspending"), [type]);
  const asFunctionType = (m: ts.SignatureDeclarationBase) =>
    f.createFunctionTypeNode(m.typeParameters, m.parameters, m.type ?? f.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword));

  let changed = false;
  const namespaces = new Set<string>();
  const statements: ts.Statement[] = [];
  for (const s of node.statements) {
    if (ts.isFunctionDeclaration(s) && s.name !== undefined && suspendingFunctions.has(s.name.text)) {
      statements.push(s);
      if (namespaces.has(s.name.text)) continue; // overloads share one namespace
      namespaces.add(s.name.text);
      const exported = s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
      const modifiers = [...(exported ? [f.createModifier(ts.SyntaxKind.ExportKeyword)] : []), f.createModifier(ts.SyntaxKind.DeclareKeyword)];
      const brand = f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(SUSPENDS, undefined, f.createLiteralTypeNode(f.createTrue()))], ts.NodeFlags.Const));
      statements.push(f.createModuleDeclaration(modifiers, f.createIdentifier(s.name.text), f.createModuleBlock([brand]), ts.NodeFlags.Namespace));
      changed = true;
    } else if (ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => d.type !== undefined && suspendingInit(d))) {
      const list = s.declarationList.declarations.map((d) => (d.type !== undefined && suspendingInit(d) ? f.updateVariableDeclaration(d, d.name, d.exclamationToken, branded(d.type), d.initializer) : d));
      statements.push(f.updateVariableStatement(s, s.modifiers, f.updateVariableDeclarationList(s.declarationList, list)));
      changed = true;
    } else if (ts.isClassDeclaration(s) && s.members.some((m) => ts.isMethodDeclaration(m) && suspends(m))) {
      const members = s.members.map((m) =>
        ts.isMethodDeclaration(m) && suspends(m) ? f.createPropertyDeclaration(m.modifiers, m.name, m.questionToken, branded(asFunctionType(m)), undefined) : m,
      );
      statements.push(f.updateClassDeclaration(s, s.modifiers, s.name, s.typeParameters, s.heritageClauses, members));
      changed = true;
    } else {
      statements.push(s);
    }
  }
  return changed ? f.updateSourceFile(node, statements) : node;
}
