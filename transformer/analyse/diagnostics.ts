/**
 * When the transformer's diagnostics apply: misuse is a compile error with a stable code (TS9100n,
 * message `MIOU100n: ...`) that says what to do instead; what each says is in `messages.ts`.
 * Computed from the facts; a fact like any other, so `miou check` and every host report the same
 * list.
 */
import type ts from "typescript";
import { calleeOf, functionName, type CallLike, type Facts, type FunctionNode } from "./facts.js";
import { MESSAGES, type Code } from "./messages.js";
import { isBranded, isMiouFunction } from "./brand.js";
import { functionOf, isFunctionNode } from "./resolve.js";

type TS = typeof import("typescript");

export interface MiouDiagnostic {
  code: Code;
  node: ts.Node;
  message: string;
}

type Situation = keyof typeof MESSAGES;

/** The diagnostic of `situation` at `node`, its words from the table of messages. */
function report<S extends Situation>(node: ts.Node, situation: S, ...args: Parameters<(typeof MESSAGES)[S]["message"]>): MiouDiagnostic {
  const entry = MESSAGES[situation];
  return { code: entry.code, node, message: (entry.message as (...a: typeof args) => string)(...args) };
}

/** Methods JavaScript calls by itself, with no way to wait for a suspension. */
const IMPLICIT = ["toString", "valueOf", "toJSON", "then"];
const IMPLICIT_SYMBOLS = ["iterator", "asyncIterator", "toPrimitive", "dispose", "asyncDispose"];
const COLLECTIONS = ["Map", "Set", "WeakMap", "WeakSet", "ReadonlyMap", "ReadonlySet"];
/** Array methods that call their callback and have no suspending helper. */
const CALLING_ARRAY_METHODS = ["sort", "toSorted", "findLast", "findLastIndex", "reduceRight"];

export function diagnose(ts: TS, program: ts.Program, facts: Facts): MiouDiagnostic[] {
  const checker = program.getTypeChecker();
  const out: MiouDiagnostic[] = [];
  const callee = (call: CallLike) => calleeOf(call).getText();

  for (const [call, kind] of facts.calls) {
    const place = placeOf(ts, ownerOf(ts, call));
    if (place === undefined) continue;
    const name = callee(call);
    if (kind.kind === "maybe") out.push(report(call, "valueCallMisplaced", name, kind.name, placeWords(place)));
    else if (place.kind === "topLevel") out.push(report(call, "topLevel", name));
    else if (place.kind === "initialiser") out.push(report(call, "initialiser", name, place.what));
    else if (place.kind === "accessor") out.push(report(call, "accessor", name, place.what, place.fn));
    else out.push(report(call, place.kind, name, place.fn));
  }

  // MIOU1003: a suspending function handed to code outside the program that will call it plainly.
  const suspendingValue = (arg: ts.Expression): string | undefined => {
    if (isBranded(checker, arg)) return arg.getText();
    const fn = functionOf(ts, program, arg);
    return fn !== undefined && facts.suspending.has(fn) ? (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg) ? "this function" : arg.getText()) : undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const args = node.arguments ?? [];
      if (args.length > 0 && isExternal(ts, program, checker, node)) {
        for (const arg of args) {
          const name = suspendingValue(arg);
          if (name === undefined) continue;
          out.push(report(arg, "outsideCaller", name, node.expression.getText()));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (!file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file)) visit(file);

  // MIOU1005: a function given to call/parallel must be found by another domain, and what it
  // captures must cross to it.
  const checked = new Set<FunctionNode>();
  const portable: MiouDiagnostic[] = [];
  for (const site of facts.portable.values()) {
    if (site.role !== "call") continue;
    const { target } = site;
    if (target.kind === "lost") {
      portable.push(report(site.arg, "portableLost", site.callee, target.what));
      continue;
    }
    const fn = target.fn;
    if (fn === undefined || checked.has(fn)) continue;
    checked.add(fn);
    const who = target.kind === "function" ? `the function given to \`${site.callee}\`` : `\`${target.name.getText()}\`, given to \`${site.callee}\`,`;
    for (const c of facts.captures.get(fn) ?? []) if (c.crossing.by === "none") portable.push(report(c.node, "portableCapture", who, c));
  }
  const at = (d: MiouDiagnostic) => [d.node.getSourceFile().fileName, d.node.getStart()] as const;
  portable.sort((a, b) => {
    const [fa, pa] = at(a);
    const [fb, pb] = at(b);
    return fa === fb ? pa - pb : fa < fb ? -1 : 1;
  });
  out.push(...portable);
  return out;
}

/** Where a call stands that cannot suspend there, or undefined where it can. */
type Place =
  | { kind: "topLevel" }
  | { kind: "initialiser"; what: "a class field initialiser" | "a static block" }
  | { kind: "constructor"; fn: string }
  | { kind: "accessor"; what: "a getter" | "a setter"; fn: string }
  | { kind: "implicitMethod" | "asyncFunction" | "generatorFunction"; fn: string };

function placeOf(ts: TS, owner: ReturnType<typeof ownerOf>): Place | undefined {
  if (ts.isSourceFile(owner)) return { kind: "topLevel" };
  if (ts.isPropertyDeclaration(owner)) return { kind: "initialiser", what: "a class field initialiser" };
  if (ts.isClassStaticBlockDeclaration(owner)) return { kind: "initialiser", what: "a static block" };
  // The name is made only for a misplaced call: placeOf runs for every suspension point.
  const fn = () => functionName(ts, owner);
  if (ts.isConstructorDeclaration(owner)) return { kind: "constructor", fn: fn() };
  if (ts.isAccessor(owner)) return { kind: "accessor", what: ts.isGetAccessor(owner) ? "a getter" : "a setter", fn: fn() };
  if (isImplicit(ts, owner)) return { kind: "implicitMethod", fn: fn() };
  if (owner.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return { kind: "asyncFunction", fn: fn() };
  if ((ts.isFunctionDeclaration(owner) || ts.isFunctionExpression(owner) || ts.isMethodDeclaration(owner)) && owner.asteriskToken !== undefined)
    return { kind: "generatorFunction", fn: fn() };
  return undefined;
}

/** The place in words, after "it is called": "in a getter (C.x)". */
function placeWords(place: Place): string {
  switch (place.kind) {
    case "topLevel":
      return "at the top level of the module";
    case "initialiser":
      return `in ${place.what}`;
    case "constructor":
      return `in a constructor (${place.fn})`;
    case "accessor":
      return `in ${place.what} (${place.fn})`;
    case "implicitMethod":
      return `in ${place.fn}, a method JavaScript calls implicitly`;
    case "asyncFunction":
      return `in the async function ${place.fn}`;
    case "generatorFunction":
      return `in the generator function ${place.fn}`;
  }
}

/** The function (or other place) whose own body holds `node`. */
export function ownerOf(ts: TS, node: ts.Node): FunctionNode | ts.SourceFile | ts.PropertyDeclaration | ts.ClassStaticBlockDeclaration {
  for (let n = node.parent; ; n = n.parent) {
    if (ts.isSourceFile(n) || ts.isClassStaticBlockDeclaration(n)) return n;
    if (ts.isPropertyDeclaration(n) && n.initializer !== undefined && ts.isClassLike(n.parent)) return n;
    if (isFunctionNode(ts, n)) return n;
  }
}

function isImplicit(ts: TS, fn: FunctionNode): boolean {
  if (!ts.isMethodDeclaration(fn)) return false;
  const name = fn.name;
  if (!ts.isIdentifier(name) && !ts.isStringLiteral(name)) return IMPLICIT_SYMBOLS.includes(symbolName(ts, name) ?? "");
  if (IMPLICIT.includes(name.text)) return true;
  // `next` counts when it belongs to an iterator: its class or object also has [Symbol.iterator].
  const siblings: readonly (ts.ClassElement | ts.ObjectLiteralElement)[] = ts.isClassLike(fn.parent)
    ? fn.parent.members
    : ts.isObjectLiteralExpression(fn.parent)
      ? fn.parent.properties
      : [];
  return name.text === "next" && siblings.some((m) => m.name !== undefined && symbolName(ts, m.name) === "iterator");
}

/** `iterator` for `[Symbol.iterator]`. */
function symbolName(ts: TS, name: ts.PropertyName): string | undefined {
  if (!ts.isComputedPropertyName(name)) return undefined;
  const e = name.expression;
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "Symbol" ? e.name.text : undefined;
}

/** Is the callee declared outside the program, and not one of miou's functions that take suspending ones? */
function isExternal(ts: TS, program: ts.Program, checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression): boolean {
  if (isMiouFunction(checker, call.expression)) return false;
  const type = checker.getTypeAtLocation(call.expression);
  if (ts.isPropertyAccessExpression(call.expression)) {
    const receiver = checker.getNonNullableType(checker.getTypeAtLocation(call.expression.expression));
    // Arrays and collections store functions without calling them, and the array methods that
    // do call them are rewritten to helpers that can suspend, but for these few.
    const array = checker.isArrayType(receiver) || checker.isTupleType(receiver);
    if (array && CALLING_ARRAY_METHODS.includes(call.expression.name.text)) return true;
    if (array || COLLECTIONS.includes(receiver.getSymbol()?.name ?? "")) return false;
  }
  const decl = ts.isCallExpression(call) ? checker.getResolvedSignature(call)?.declaration : undefined;
  const where = decl ?? type.getSymbol()?.declarations?.[0];
  if (where === undefined) return false;
  const file = where.getSourceFile();
  return file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file);
}
