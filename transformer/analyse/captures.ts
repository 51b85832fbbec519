/**
 * What a function given to `call` or `parallel` captures (api.md §6): every name its body uses
 * that is declared outside it, and `this`, classified so that the domains' checks (MIOU1005) and
 * the portable rewrite can decide what may cross to another domain and how.
 */
import type ts from "typescript";
import type { FunctionNode } from "./facts.js";
import { isPortableTaker } from "./brand.js";
import { functionOf } from "./resolve.js";

type TS = typeof import("typescript");

export type CaptureKind =
  | "import"
  | "module function"
  | "module class"
  | "module const"
  | "module let"
  | "local const"
  | "local let"
  | "parameter"
  | "this";

export interface Capture {
  name: string;
  kind: CaptureKind;
  /** The first use inside the function. */
  node: ts.Node;
  /** The function assigns it (a capture that can never be sent by value). */
  assigned: boolean;
}

/** The functions handed to a portable-taking callee, with their captures. */
export function portableCaptures(ts: TS, program: ts.Program): Map<FunctionNode, Capture[]> {
  const checker = program.getTypeChecker();
  const out = new Map<FunctionNode, Capture[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isPortableTaker(checker, node.expression)) {
      const arg = node.arguments[0];
      const fn = arg === undefined ? undefined : functionOf(ts, program, arg);
      if (fn !== undefined && !out.has(fn)) out.set(fn, capturesOf(ts, checker, fn));
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (!file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file)) visit(file);
  return out;
}

function capturesOf(ts: TS, checker: ts.TypeChecker, fn: FunctionNode): Capture[] {
  const found = new Map<string, Capture>();
  const inside = (n: ts.Node) => n.pos >= fn.pos && n.end <= fn.end;
  const visit = (node: ts.Node, arrowsOnly: boolean): void => {
    if (node.kind === ts.SyntaxKind.ThisKeyword && arrowsOnly && !found.has("this")) found.set("this", { name: "this", kind: "this", node, assigned: false });
    if (ts.isIdentifier(node) && !isDeclarationName(ts, node) && !isPropertyName(ts, node)) {
      const symbol = checker.getSymbolAtLocation(node);
      const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      if (decl !== undefined && !inside(decl)) {
        const capture = found.get(node.text) ?? { name: node.text, kind: kindOf(ts, decl), node, assigned: false };
        if (isAssigned(ts, node)) capture.assigned = true;
        found.set(node.text, capture);
      }
    }
    // A nested function or class has a `this` of its own; arrows see through.
    const own = ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node) || ts.isMethodDeclaration(node);
    ts.forEachChild(node, (c) => visit(c, arrowsOnly && !own));
  };
  ts.forEachChild(fn, (c) => visit(c, ts.isArrowFunction(fn)));
  return [...found.values()];
}

function kindOf(ts: TS, decl: ts.Node): CaptureKind {
  if (ts.isImportSpecifier(decl) || ts.isImportClause(decl) || ts.isNamespaceImport(decl) || ts.isImportEqualsDeclaration(decl)) return "import";
  if (ts.isParameter(decl)) return "parameter";
  const topLevel = (n: ts.Node) => ts.isSourceFile(n.parent) || (ts.isVariableDeclarationList(n.parent) && ts.isVariableStatement(n.parent.parent) && ts.isSourceFile(n.parent.parent.parent));
  if (ts.isFunctionDeclaration(decl)) return topLevel(decl) ? "module function" : "local const";
  if (ts.isClassDeclaration(decl)) return topLevel(decl) ? "module class" : "local const";
  if (ts.isVariableDeclaration(decl)) {
    const constant = (decl.parent.flags & ts.NodeFlags.Const) !== 0;
    if (topLevel(decl)) return constant ? "module const" : "module let";
    return constant ? "local const" : "local let";
  }
  return "local let";
}

function isDeclarationName(ts: TS, id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) && p.name === id;
}

function isPropertyName(ts: TS, id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === id) || (ts.isPropertyAssignment(p) && p.name === id);
}

function isAssigned(ts: TS, id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isBinaryExpression(p) && p.left === id && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
  return (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken);
}
