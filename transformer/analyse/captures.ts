/**
 * Portable functions (README, "Domains: parallel tasks"): the functions given to `call` or `parallel`, and the `events`
 * of `run`, which other domains run. For each, what the worker can find (a function expression
 * the module registers, or a module-level name), and what it captures from outside: every name
 * its body uses that is declared around it, and `this`, classified so that the checks (MIOU1005)
 * and the portable rewrite can decide what may cross to another domain and how.
 */
import type ts from "typescript";
import type { FunctionNode } from "./function-node.js";
import { ACCEPTS, PORTABLE } from "./brand.js";
import { Cloneable, MiouTypes } from "./cloneable.js";
import { functionOf, unwrap } from "./resolve.js";

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
  | "this"
  | "arguments";

/** How a capture reaches the function on another domain. */
export type Crossing =
  /** Module-level (an import, a function, a class, a `const`): the registered factory sees it. */
  | { by: "closure" }
  /** A local, sent by value; `check`: typed `any`/`unknown`, checked when sent. */
  | { by: "value"; check: boolean }
  /** It cannot cross; `holds` says what its type holds when that is the reason. */
  | { by: "none"; holds?: string };

export interface Capture {
  name: string;
  kind: CaptureKind;
  /** The first use inside the function. */
  node: ts.Node;
  /** The function assigns it (a capture that can never be sent by value). */
  assigned: boolean;
  crossing: Crossing;
}

/** Where a portable function is handed over, and what the worker will find. */
export interface PortableSite {
  /** A function given to `call`/`parallel`, or the `events` of `run`'s options. */
  role: "call" | "events";
  /** The callee as written (`Miou.call`), or `events`. */
  callee: string;
  /** The expression replaced by `$pN(...)`; for `{ events }`, the shorthand's name. */
  arg: ts.Expression;
  target:
    /** A function expression: moved into the module's registry, its local captures sent by value. */
    | { kind: "function"; fn: FunctionNode }
    /** A module-level function, const or import: the registry returns it (`() => work`). */
    | { kind: "name"; name: ts.Expression; fn: FunctionNode | undefined }
    /** Nothing a worker can find: what the argument is instead. */
    | { kind: "lost"; what: string };
  /** The function's index in its module's registry, or -1 when it is not registered. */
  index: number;
}

export interface Portables {
  /** Every function given to `call`/`parallel` that the program defines, with its captures. */
  captures: Map<FunctionNode, Capture[]>;
  /** Every place a portable function is handed over, by argument. */
  sites: Map<ts.Expression, PortableSite>;
}

export function portables(ts: TS, program: ts.Program): Portables {
  const checker = program.getTypeChecker();
  const miou = new MiouTypes(ts, checker);
  const calls: ts.CallExpression[] = [];
  const objects: ts.ObjectLiteralExpression[] = [];
  const declarationOf = (callee: ts.Expression) => {
    let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
    if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const type = checker.getTypeAtLocation(node.expression);
      const portable = type.getProperty(PORTABLE) !== undefined;
      // miou's own functions (call, run, ...) lead to the module whose types the rules name.
      if (portable || type.getProperty(ACCEPTS) !== undefined) {
        const decl = declarationOf(node.expression);
        if (decl !== undefined) miou.addModuleOf(decl);
      }
      if (portable && node.arguments.length > 0 && !ts.isSpreadElement(node.arguments[0]!)) calls.push(node);
    }
    if (ts.isObjectLiteralExpression(node) && node.properties.some((p) => eventsValue(ts, p) !== undefined)) objects.push(node);
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (!file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file)) visit(file);

  const cloneable = new Cloneable(ts, program, miou);
  const captures = new Map<FunctionNode, Capture[]>();
  const sites: PortableSite[] = [];
  const capture = (fn: FunctionNode) => {
    if (!captures.has(fn)) captures.set(fn, capturesOf(ts, checker, cloneable, fn));
  };

  for (const call of calls) {
    const arg = call.arguments[0]!;
    const target = targetOf(ts, program, arg);
    if (target.kind === "function") capture(target.fn);
    else if (target.kind === "name" && target.fn !== undefined) capture(target.fn);
    sites.push({ role: "call", callee: call.expression.getText(), arg, target, index: -1 });
  }
  // `run(main, { events: f })`: recognised by the property's declaration, `RunOptions.events`.
  for (const object of objects) {
    if (miou.events.size === 0) break;
    const contextual = checker.getContextualType(object);
    if (contextual === undefined) continue;
    const types = contextual.isUnion() ? contextual.types : [contextual];
    if (!types.some((t) => { const p = t.getProperty("events"); return p !== undefined && miou.events.has(p); })) continue;
    for (const p of object.properties) {
      const arg = eventsValue(ts, p);
      if (arg === undefined) continue;
      const target = targetOf(ts, program, arg);
      // Only a function the worker can find by name is registered; others run on dom0 only.
      if (target.kind === "name") sites.push({ role: "events", callee: "events", arg, target, index: -1 });
    }
  }

  // Registry indices, per module in source order; one per function expression, one per name.
  const order = (s: PortableSite) => [s.arg.getSourceFile().fileName, s.arg.getStart()] as const;
  sites.sort((a, b) => {
    const [fa, pa] = order(a);
    const [fb, pb] = order(b);
    return fa === fb ? pa - pb : fa < fb ? -1 : 1;
  });
  const next = new Map<ts.SourceFile, number>();
  const byName = new Map<string, number>();
  for (const site of sites) {
    const { target } = site;
    if (target.kind === "lost") continue;
    const fn = target.fn;
    if (fn !== undefined && site.role === "call" && captures.get(fn)!.some((c) => c.crossing.by === "none")) continue;
    const file = site.arg.getSourceFile();
    const key = target.kind === "name" ? `${file.fileName}\0${nameKey(ts, checker, target.name)}` : undefined;
    const known = key === undefined ? undefined : byName.get(key);
    if (known !== undefined) {
      site.index = known;
      continue;
    }
    site.index = next.get(file) ?? 0;
    next.set(file, site.index + 1);
    if (key !== undefined) byName.set(key, site.index);
  }
  return { captures, sites: new Map(sites.map((s) => [s.arg, s])) };
}

/** The value of an `events: f` (or `{ events }`) property. */
function eventsValue(ts: TS, p: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  if (p.name === undefined || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) || p.name.text !== "events") return undefined;
  return ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
}

/** The same name at two sites is one registry entry: keyed by what the name resolves to. */
function nameKey(ts: TS, checker: ts.TypeChecker, e: ts.Expression): string {
  const root = ts.isPropertyAccessExpression(e) ? e.expression : e;
  const decl = (ts.isIdentifier(root) ? valueSymbol(ts, checker, root) : undefined)?.declarations?.[0];
  const member = ts.isPropertyAccessExpression(e) ? `.${e.name.text}` : "";
  return `${decl?.pos ?? root.getText()}${member}`;
}

/** What a worker can find for the function argument `arg`. */
function targetOf(ts: TS, program: ts.Program, arg: ts.Expression): PortableSite["target"] {
  const checker = program.getTypeChecker();
  const e = unwrap(ts, arg);
  if ((ts.isArrowFunction(e) || ts.isFunctionExpression(e)) && e.body !== undefined) return { kind: "function", fn: e };
  const fn = () => functionOf(ts, program, e);
  if (ts.isIdentifier(e)) {
    const symbol = valueSymbol(ts, checker, e);
    let decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (decl !== undefined && ts.isBindingElement(decl)) decl = ts.walkUpBindingElementsAndPatterns(decl);
    if (symbol === undefined || decl === undefined) return { kind: "lost", what: `\`${e.text}\`, which is not declared in the program` };
    if (symbol.flags & ts.SymbolFlags.Alias) return { kind: "name", name: e, fn: fn() };
    if (isTopLevel(ts, decl)) {
      if (ts.isFunctionDeclaration(decl) || (ts.isVariableDeclaration(decl) && isConst(ts, decl))) return { kind: "name", name: e, fn: fn() };
      return { kind: "lost", what: `\`${e.text}\`, a module-level variable (each domain has its own)` };
    }
    if (ts.isParameter(decl)) return { kind: "lost", what: `\`${e.text}\`, a parameter` };
    return { kind: "lost", what: `\`${e.text}\`, a local ${ts.isFunctionDeclaration(decl) || fn() !== undefined ? "function" : "variable"}` };
  }
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
    // A member of a namespace import (`H.work`, `import H = require(...)`) is an import.
    const decl = checker.getSymbolAtLocation(e.expression)?.declarations?.[0];
    if (decl !== undefined && (ts.isNamespaceImport(decl) || ts.isImportEqualsDeclaration(decl))) return { kind: "name", name: e, fn: fn() };
  }
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return { kind: "lost", what: `\`${e.getText()}\`, a property` };
  if (ts.isCallExpression(e)) return { kind: "lost", what: "a function made by a call" };
  return { kind: "lost", what: "a function value" };
}

/** What a name refers to; for `{ x }`, the variable `x`, not the object's property. */
function valueSymbol(ts: TS, checker: ts.TypeChecker, id: ts.Identifier): ts.Symbol | undefined {
  return ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id ? checker.getShorthandAssignmentValueSymbol(id.parent) : checker.getSymbolAtLocation(id);
}

function isConst(ts: TS, decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
}

function isTopLevel(ts: TS, n: ts.Node): boolean {
  return ts.isSourceFile(n.parent) || (ts.isVariableDeclarationList(n.parent) && ts.isVariableStatement(n.parent.parent) && ts.isSourceFile(n.parent.parent.parent));
}

function capturesOf(ts: TS, checker: ts.TypeChecker, cloneable: Cloneable, fn: FunctionNode): Capture[] {
  const found = new Map<string, Capture>();
  const file = fn.getSourceFile();
  const inside = (n: ts.Node) => n.getSourceFile() === file && n.pos >= fn.pos && n.end <= fn.end;
  const own = (name: string, kind: "this" | "arguments", node: ts.Node) => {
    if (!found.has(name)) found.set(name, { name, kind, node, assigned: false, crossing: { by: "none" } });
  };
  const visit = (node: ts.Node, arrowsOnly: boolean): void => {
    // Types are not values: nothing in them crosses (but a class's `extends` is a value).
    if (ts.isTypeNode(node) && !isClassExtends(ts, node)) return;
    if ((node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword) && arrowsOnly) own(node.getText(), "this", node);
    if (ts.isIdentifier(node) && !isPropertyName(ts, node)) {
      const symbol = valueSymbol(ts, checker, node);
      const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      if (node.text === "arguments" && decl === undefined && arrowsOnly) own("arguments", "arguments", node);
      // Globals (declared in other files without an import) exist on every domain.
      const kind = symbol === undefined || decl === undefined || inside(decl) || decl.getSourceFile() !== file ? undefined : kindOf(ts, decl);
      if (kind !== undefined) {
        const capture = found.get(node.text) ?? { name: node.text, kind, node, assigned: false, crossing: crossingOf(checker, cloneable, kind, symbol!) };
        if (isAssigned(ts, node)) capture.assigned = true;
        found.set(node.text, capture);
      }
    }
    // A nested function or class has a `this` of its own; arrows see through.
    const scope = ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node) || ts.isConstructorDeclaration(node);
    ts.forEachChild(node, (c) => visit(c, arrowsOnly && !scope));
  };
  ts.forEachChild(fn, (c) => visit(c, ts.isArrowFunction(fn)));
  const out = [...found.values()];
  // A local the function assigns would only change a copy.
  for (const c of out) if (c.assigned && c.kind !== "module let") c.crossing = { by: "none" };
  return out;
}

function crossingOf(checker: ts.TypeChecker, cloneable: Cloneable, kind: CaptureKind, symbol: ts.Symbol): Crossing {
  switch (kind) {
    case "import":
    case "module function":
    case "module class":
    case "module const":
      return { by: "closure" };
    case "module let":
    case "this":
    case "arguments":
      return { by: "none" };
    default: {
      const v = cloneable.verdict(checker.getTypeOfSymbol(symbol));
      if (v.ok === false) return { by: "none", holds: v.where === undefined ? v.what : `${v.what} in ${v.where}` };
      return { by: "value", check: v.ok === "check" };
    }
  }
}

/** The kind of a capture by its declaration; `undefined` for what is not a variable (a property). */
function kindOf(ts: TS, decl: ts.Node): CaptureKind | undefined {
  if (ts.isImportSpecifier(decl) || ts.isImportClause(decl) || ts.isNamespaceImport(decl) || ts.isImportEqualsDeclaration(decl)) return "import";
  if (ts.isBindingElement(decl)) decl = ts.walkUpBindingElementsAndPatterns(decl);
  if (ts.isParameter(decl)) return "parameter";
  const top = isTopLevel(ts, decl);
  if (ts.isFunctionDeclaration(decl)) return top ? "module function" : "local const";
  if (ts.isClassDeclaration(decl)) return top ? "module class" : "local const";
  if (ts.isEnumDeclaration(decl) || ts.isModuleDeclaration(decl)) return top ? "module const" : "local const";
  if (ts.isVariableDeclaration(decl)) {
    const constant = isConst(ts, decl);
    if (top) return constant ? "module const" : "module let";
    return constant ? "local const" : "local let";
  }
  return undefined;
}

/** `class C extends Base`: `Base` is a value the class needs. */
function isClassExtends(ts: TS, node: ts.TypeNode): boolean {
  const clause = node.parent;
  return ts.isExpressionWithTypeArguments(node) && ts.isHeritageClause(clause) && clause.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(clause.parent);
}

function isPropertyName(ts: TS, id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === id) || (ts.isPropertyAssignment(p) && p.name === id) || (ts.isBindingElement(p) && p.propertyName === id);
}

/** Is the identifier written to: `x = ...`, `x += ...`, `x++`, `[x] = ...`, `({ x } = ...)`, `for (x of ...)`? */
function isAssigned(ts: TS, id: ts.Identifier): boolean {
  const p = id.parent;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  // Up through destructuring patterns to the assignment or loop head they are the target of.
  let n: ts.Node = id;
  for (;;) {
    const q = n.parent;
    const climb =
      ts.isParenthesizedExpression(q) ||
      ts.isArrayLiteralExpression(q) ||
      ts.isObjectLiteralExpression(q) ||
      ts.isSpreadElement(q) ||
      ts.isSpreadAssignment(q) ||
      (ts.isShorthandPropertyAssignment(q) && q.name === n) ||
      (ts.isPropertyAssignment(q) && q.initializer === n);
    if (!climb) break;
    n = q;
  }
  const q = n.parent;
  if (ts.isBinaryExpression(q) && q.left === n) {
    const op = q.operatorToken.kind;
    return n === id ? op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment : op === ts.SyntaxKind.EqualsToken;
  }
  return (ts.isForOfStatement(q) || ts.isForInStatement(q)) && q.initializer === n;
}
