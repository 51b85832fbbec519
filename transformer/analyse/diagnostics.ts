/**
 * The transformer's diagnostics (transformer.md §3): misuse is a compile error with a stable code
 * (TS9100n, message `MIOU100n: ...`) that says what to do instead. Computed from the facts; a
 * fact like any other, so `miou check` and every host report the same list.
 */
import type ts from "typescript";
import { calleeOf, functionName, type CallKind, type CallLike, type Facts, type FunctionNode } from "./facts.js";
import type { Capture } from "./captures.js";
import { isBranded, isMiouFunction } from "./brand.js";
import { functionOf, isFunctionNode } from "./resolve.js";

type TS = typeof import("typescript");

export interface MiouDiagnostic {
  code: 1001 | 1002 | 1003 | 1004 | 1005 | 1006;
  node: ts.Node;
  message: string;
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
    const owner = ownerOf(ts, call);
    const what = `\`${callee(call)}\` suspends`;
    const place = misplaced(ts, owner);
    if (kind.kind === "maybe" && place !== undefined) {
      out.push({ code: 1006, node: call, message: maybeMisplaced(callee(call), kind, place) });
    } else if (ts.isSourceFile(owner)) {
      out.push({ code: 1004, node: call, message: `${what}, but it is called at the top level of the module, outside any function. Move it into a function that Miou.run runs (or that such a function calls).` });
    } else if (ts.isPropertyDeclaration(owner) || ts.isClassStaticBlockDeclaration(owner)) {
      const place = ts.isPropertyDeclaration(owner) ? "a class field initialiser" : "a static block";
      out.push({ code: 1001, node: call, message: `${what}, but it is called in ${place}, which JavaScript runs with no way to wait. Compute the value in a method and assign it there.` });
    } else if (ts.isAccessor(owner) || ts.isConstructorDeclaration(owner)) {
      const place = ts.isConstructorDeclaration(owner) ? "a constructor" : ts.isGetAccessor(owner) ? "a getter" : "a setter";
      const instead = ts.isConstructorDeclaration(owner) ? "a static factory method that constructs, then does the suspending work" : "a method, and call it explicitly";
      out.push({ code: 1001, node: call, message: `${what}, but it is called in ${place} (${functionName(ts, owner)}), which JavaScript calls with no way to wait. Move the suspending work into ${instead}.` });
    } else if (isImplicit(ts, owner)) {
      out.push({ code: 1001, node: call, message: `${what}, but it is called in ${functionName(ts, owner)}, a method JavaScript calls implicitly (for-of, spread, string conversion, JSON, await, using) with no way to wait. Give the suspending work a method of its own and call that explicitly.` });
    } else if (owner.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
      out.push({ code: 1002, node: call, message: `${what}, but it is called inside the async function ${functionName(ts, owner)}: a JavaScript promise cannot carry a Miou suspension. Drop \`async\` and wait for promises with Miou.await_promise(p).` });
    } else if ((ts.isFunctionDeclaration(owner) || ts.isFunctionExpression(owner) || ts.isMethodDeclaration(owner)) && owner.asteriskToken !== undefined) {
      out.push({ code: 1002, node: call, message: `${what}, but it is called inside the generator function ${functionName(ts, owner)}: in direct style write a plain function (the transformer makes the generator); in generator style import from 'miou/gen' and write \`yield* ${callee(call)}(...)\`.` });
    }
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
          out.push({ code: 1003, node: arg, message: `${name} suspends, but it is passed to \`${node.expression.getText()}\`, which comes from outside the program and calls it as a plain function. Run the work in a Miou task instead (Miou.async), or wait for the outside code with Miou.await_promise.` });
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
      portable.push({ code: 1005, node: site.arg, message: `\`${site.callee}\` runs its function on another domain, which must find it there: a function expression, or the name of a module-level function, a module-level const or an import, but this is ${target.what}. Write the function expression here, or name a module-level function.` });
      continue;
    }
    const fn = target.fn;
    if (fn === undefined || checked.has(fn)) continue;
    checked.add(fn);
    const who = target.kind === "function" ? `the function given to \`${site.callee}\`` : `\`${target.name.getText()}\`, given to \`${site.callee}\`,`;
    for (const c of facts.captures.get(fn) ?? []) if (c.crossing.by === "none") portable.push({ code: 1005, node: c.node, message: `${who} runs on another domain, but ${refusal(c)}` });
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

/** Why a capture cannot cross to another domain, and what to do instead. */
function refusal(c: Capture): string {
  const name = `\`${c.name}\``;
  if (c.kind === "this") return `it uses ${name} of the code around it, which cannot cross. Copy what it needs into a local const before the call and use that.`;
  if (c.kind === "arguments") return "it uses `arguments` of the function around it, which cannot cross. Copy what it needs into a local const before the call (`const args = [...arguments]`) and use that.";
  if (c.kind === "module let") return `it uses ${name}, a module-level variable: each domain has its own module, so it would see another variable. Make it a module-level const, or copy its value into a local const before the call.`;
  if (c.assigned) return `it assigns ${name}, a variable around it: it would only change a copy. Compute the value inside the function and return it.`;
  const holds = c.crossing.by === "none" ? c.crossing.holds : undefined;
  if (holds?.startsWith("a Miou handle")) return `it captures ${name}, which holds ${holds}: a handle belongs to the domain that made it. Use it outside the function, or make what the function needs inside it.`;
  return `it captures ${name}, which holds ${holds ?? "a value that cannot cross"}; only values structured clone copies can cross (primitives, arrays, plain objects, Map, Set, Date, RegExp, buffers, Error). Pass it as a value, compute it inside the function, or make it a module-level const or function.`;
}

/** Where a call cannot suspend, in words; undefined where it can. */
function misplaced(ts: TS, owner: ReturnType<typeof ownerOf>): string | undefined {
  if (ts.isSourceFile(owner)) return "at the top level of the module";
  if (ts.isPropertyDeclaration(owner)) return "in a class field initialiser";
  if (ts.isClassStaticBlockDeclaration(owner)) return "in a static block";
  if (ts.isConstructorDeclaration(owner)) return `in a constructor (${functionName(ts, owner)})`;
  if (ts.isAccessor(owner)) return `in ${ts.isGetAccessor(owner) ? "a getter" : "a setter"} (${functionName(ts, owner)})`;
  if (isImplicit(ts, owner)) return `in ${functionName(ts, owner)}, a method JavaScript calls implicitly`;
  if (owner.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return `in the async function ${functionName(ts, owner)}`;
  if ((ts.isFunctionDeclaration(owner) || ts.isFunctionExpression(owner) || ts.isMethodDeclaration(owner)) && owner.asteriskToken !== undefined)
    return `in the generator function ${functionName(ts, owner)}`;
  return undefined;
}

/** MIOU1006: a call through a value a suspending function can reach, where no call can suspend. */
function maybeMisplaced(callee: string, kind: CallKind & { kind: "maybe" }, place: string): string {
  return (
    `\`${callee}\` may hold a suspending function (one of the program's suspending functions fits its type), but it is called ${place}, where nothing can wait for it. ` +
    `Call ${kind.name} from a plain function that Miou.run runs (or that such a function calls), or give it a type no suspending function fits.`
  );
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
