/**
 * Rewriting (transformer.md §2): suspending functions become generator functions speaking the
 * compiled protocol (runtime/PROTOCOL.md); suspending calls become one `yield` each.
 *
 * Evaluation order needs no restructuring: a `yield` may stand in any expression position of a
 * generator, so `a() && f()`, `x ?? f()`, `` `${f()}` ``, `{ [f()]: 1 }`, `g(...f())`, loop
 * heads and `switch` cases keep JavaScript's own order and short-circuiting. What cannot hold a
 * `yield` is moved: parameter defaults go into the body.
 *
 * This file only uses the facts of `transformer/analyse`; it computes none.
 */
import type ts from "typescript";
import { functionName, type CallKind, type Facts, type FunctionNode } from "../analyse/facts.js";
import type { PortableSite } from "../analyse/captures.js";
import { isFunctionNode } from "../analyse/resolve.js";
import { Imports } from "./imports.js";
import { moveParameters } from "./parameters.js";

type TS = typeof import("typescript");

export interface RewriteOptions {
  /** The file name call sites are registered under (what stack traces print). */
  siteFile: string;
  /** The file is emitted as CommonJS: no `import.meta`, `miou/compiled` is required. */
  commonjs?: boolean;
}

/** Does the file contain anything to rewrite? An untouched file is returned as it is. */
export function touches(file: ts.SourceFile, facts: Facts): boolean {
  for (const fn of facts.suspending.keys()) if (fn.getSourceFile() === file) return true;
  for (const fn of facts.twins) if (fn.getSourceFile() === file) return true;
  for (const site of facts.portable.values()) if (site.index >= 0 && site.arg.getSourceFile() === file) return true;
  return false;
}

export function rewriteFile(ts: TS, context: ts.TransformationContext, file: ts.SourceFile, facts: Facts, options: RewriteOptions): ts.SourceFile {
  if (!touches(file, facts)) return file;
  const f = context.factory;
  const imports = new Imports(ts, f);
  const table: (string | number)[] = [];
  const base = f.createUniqueName("s");

  /** `base + k` for a new call site of `owner` at `call`. */
  const site = (call: ts.CallExpression, owner: FunctionNode): ts.Expression => {
    const { line, character } = file.getLineAndCharacterOfPosition(call.getStart(file));
    const k = table.length / 3;
    table.push(functionName(ts, owner), line + 1, character + 1);
    return k === 0 ? base : f.createAdd(base, f.createNumericLiteral(k));
  };

  const yielding = (call: ts.CallExpression, e: ts.Expression): ts.Expression => {
    const y = f.createYieldExpression(undefined, e);
    ts.setTextRange(y, call);
    return f.createParenthesizedExpression(y);
  };

  const rewriteCall = (call: ts.CallExpression, kind: CallKind, owner: FunctionNode): ts.Expression => {
    const visited = ts.visitEachChild(call, (n) => visit(n, owner), context);
    const where = site(call, owner);
    // An optional chain may give `undefined` instead of calling: the result is checked at run time.
    const optional = (call.flags & ts.NodeFlags.OptionalChain) !== 0;
    if (kind.kind === "maybe" || optional) return yielding(call, f.createCallExpression(imports.use("maybe"), undefined, [visited, where]));
    if (kind.kind === "array") {
      const callee = visited.expression as ts.PropertyAccessExpression;
      const helper = f.createCallExpression(imports.use(kind.method), undefined, [callee.expression, ...visited.arguments]);
      return yielding(call, f.createCallExpression(imports.use("at"), undefined, [helper, where]));
    }
    const target = kind.kind === "twin" ? twinCallee(visited) : visited;
    return yielding(call, f.createCallExpression(imports.use("at"), undefined, [target, where]));
  };

  /** Local names imported by name whose twin (`name$miou`) must be imported beside them. */
  const twinImports = new Set<string>();

  /** The call with its callee pointing at the suspending twin (`name$miou`). */
  const twinCallee = (call: ts.CallExpression): ts.CallExpression => {
    const callee = call.expression;
    if (ts.isIdentifier(callee)) twinImports.add(callee.text);
    const renamed = ts.isIdentifier(callee)
      ? f.createIdentifier(twinName(callee.text))
      : ts.isPropertyAccessExpression(callee)
        ? f.updatePropertyAccessExpression(callee, callee.expression, f.createIdentifier(twinName(callee.name.text)))
        : callee;
    return f.updateCallExpression(call, renamed, call.typeArguments, call.arguments);
  };

  const toGenerator = (fn: FunctionNode): ts.Node => {
    // `async` functions and hand-written generators cannot suspend a task (MIOU1002): left as written.
    const written = fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) || ("asteriskToken" in fn && fn.asteriskToken !== undefined);
    if (written) return ts.visitEachChild(fn, (n) => visit(n, null), context);
    const star = f.createToken(ts.SyntaxKind.AsteriskToken);
    const { parameters, prologue } = moveParameters(ts, f, fn, facts, (n) => visit(n, fn));
    const body = generatorBody(fn, prologue);
    if (ts.isFunctionDeclaration(fn))
      return f.updateFunctionDeclaration(fn, fn.modifiers, star, fn.name, fn.typeParameters, parameters, undefined, body);
    if (ts.isFunctionExpression(fn))
      return f.updateFunctionExpression(fn, fn.modifiers, star, fn.name, fn.typeParameters, parameters, undefined, body);
    if (ts.isMethodDeclaration(fn))
      return f.updateMethodDeclaration(fn, fn.modifiers, star, fn.name, fn.questionToken, fn.typeParameters, parameters, undefined, body);
    if (ts.isArrowFunction(fn)) return arrowToGenerator(fn, parameters, body);
    return ts.visitEachChild(fn, (n) => visit(n, null), context); // accessors, constructors: diagnosed, left as they are
  };

  /**
   * An arrow's `this` and `arguments` are those around it: the generator is bound to that `this`,
   * and reads `arguments` through a parameter of an arrow called with the `arguments` around it:
   * `((args) => function* () { ...args... }.bind(this))(arguments)`.
   */
  const arrowToGenerator = (fn: ts.ArrowFunction, parameters: ts.NodeArray<ts.ParameterDeclaration>, body: ts.Block): ts.Expression => {
    const args = usesArguments(ts, fn.body) ? f.createUniqueName("arguments") : undefined;
    const renamed = args === undefined ? body : (renameArguments(ts, context, body, args) as ts.Block);
    let gen: ts.Expression = ts.setTextRange(f.createFunctionExpression(fn.modifiers, f.createToken(ts.SyntaxKind.AsteriskToken), undefined, fn.typeParameters, parameters, undefined, renamed), fn);
    if (usesThis(ts, fn.body)) gen = f.createCallExpression(f.createPropertyAccessExpression(f.createParenthesizedExpression(gen), "bind"), undefined, [f.createThis()]);
    if (args === undefined) return gen;
    const capture = f.createArrowFunction(undefined, undefined, [f.createParameterDeclaration(undefined, undefined, args)], undefined, undefined, gen);
    return f.createCallExpression(f.createParenthesizedExpression(capture), undefined, [f.createIdentifier("arguments")]);
  };

  const generatorBody = (fn: FunctionNode, prologue: ts.Statement[]): ts.Block => {
    const body = fn.body!;
    if (ts.isBlock(body)) {
      const visited = ts.visitEachChild(body, (n) => visit(n, fn), context);
      return prologue.length === 0 ? visited : f.updateBlock(visited, [...prologue, ...visited.statements]);
    }
    const value = visit(body, fn) as ts.Expression;
    const ret = f.createReturnStatement(value);
    ts.setTextRange(ret, body);
    return ts.setTextRange(f.createBlock([...prologue, ret], true), body);
  };

  /** The module's registry of portable functions (PROTOCOL.md §6): `const p0 = portable(...)`, by index. */
  const registry = new Map<number, { ref: ts.Identifier; statement?: ts.Statement }>();

  const url = (): ts.Expression =>
    options.commonjs === true
      ? f.createPropertyAccessExpression(
          f.createCallExpression(f.createPropertyAccessExpression(f.createCallExpression(f.createIdentifier("require"), undefined, [f.createStringLiteral("url")]), "pathToFileURL"), undefined, [f.createIdentifier("__filename")]),
          "href",
        )
      : f.createPropertyAccessExpression(f.createMetaProperty(ts.SyntaxKind.ImportKeyword, f.createIdentifier("meta")), "url");

  /** A registered portable function at its site: `p0(a, b)`, the function made with its local captures. */
  const portableRef = (site: PortableSite): ts.Expression => {
    const { target, index } = site;
    const locals = target.kind === "function" ? facts.captures.get(target.fn)!.filter((c) => c.crossing.by === "value") : [];
    let entry = registry.get(index);
    if (entry === undefined) {
      entry = { ref: f.createUniqueName(`p${index}`) };
      registry.set(index, entry);
      // A function expression moves into the factory, compiled as anywhere else; a name is returned.
      const made = target.kind === "function" ? (visitFunction(target.fn) as ts.Expression) : target.kind === "name" ? target.name : undefined;
      const factory = f.createArrowFunction(undefined, undefined, locals.map((c) => f.createParameterDeclaration(undefined, undefined, c.name)), undefined, f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), made!);
      const check = locals.flatMap((c, i) => (c.crossing.by === "value" && c.crossing.check ? [i] : []));
      const args = [url(), f.createNumericLiteral(index), factory];
      if (locals.length > 0) args.push(f.createArrayLiteralExpression(locals.map((c) => f.createStringLiteral(c.name))));
      if (check.length > 0) args.push(f.createArrayLiteralExpression(check.map((i) => f.createNumericLiteral(i))));
      const init = f.createCallExpression(imports.use("portable"), undefined, args);
      const statement = f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(entry.ref, undefined, undefined, init)], ts.NodeFlags.Const));
      // Mapped to the function (or name) it registers.
      entry.statement = ts.setSourceMapRange(statement, target.kind === "function" ? target.fn : site.arg);
    }
    const ref = f.createCallExpression(entry.ref, undefined, locals.map((c) => f.createIdentifier(c.name)));
    return ts.setSourceMapRange(ref, site.arg);
  };

  /** The replacement of a node that hands over a registered portable function, if it is one. */
  const portableAt = (node: ts.Node): ts.Node | undefined => {
    const site = facts.portable.get(node as ts.Expression);
    if (site !== undefined && site.index >= 0) return portableRef(site);
    if (ts.isShorthandPropertyAssignment(node)) {
      const short = facts.portable.get(node.name);
      if (short !== undefined && short.index >= 0) return ts.setTextRange(f.createPropertyAssignment(node.name.text, portableRef(short)), node);
    }
    return undefined;
  };

  const visit = (node: ts.Node, owner: FunctionNode | null): ts.Node | ts.Node[] => {
    const portable = portableAt(node);
    if (portable !== undefined) return portable;
    if (isFunctionNode(ts, node)) return visitFunction(node);
    if (owner !== null && ts.isCallExpression(node)) {
      const kind = facts.calls.get(node);
      if (kind !== undefined) return rewriteCall(node, kind, owner);
    }
    return ts.visitEachChild(node, (n) => visit(n, owner), context);
  };

  const visitFunction = (node: FunctionNode): ts.Node | ts.Node[] => {
    if (facts.suspending.has(node)) return toGenerator(node);
    if (facts.twins.has(node) && (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node))) {
      const plain = ts.visitEachChild(node, (n) => visitPlainTwin(n, node), context);
      return [plain, twinOf(node)];
    }
    return ts.visitEachChild(node, (n) => visit(n, null), context);
  };

  /** The suspending version of a plain higher-order function: calls through its parameters may suspend. */
  const twinOf = (fn: ts.FunctionDeclaration | ts.MethodDeclaration): ts.Node => {
    const star = f.createToken(ts.SyntaxKind.AsteriskToken);
    const body = ts.visitEachChild(fn.body!, (n) => visitTwin(n, fn), context);
    if (ts.isFunctionDeclaration(fn))
      return f.createFunctionDeclaration(fn.modifiers, star, twinName(fn.name!.text), fn.typeParameters, fn.parameters, undefined, body);
    return f.createMethodDeclaration(fn.modifiers, star, twinName((fn.name as ts.Identifier).text), fn.questionToken, fn.typeParameters, fn.parameters, undefined, body);
  };

  /** The plain version of a twin: a transformed function reaching it is a TypeError naming the callee. */
  const visitPlainTwin = (node: ts.Node, owner: FunctionNode): ts.Node | ts.Node[] => {
    const portable = portableAt(node);
    if (portable !== undefined) return portable;
    if (isFunctionNode(ts, node)) return visit(node, null);
    if (ts.isCallExpression(node) && (facts.maybe.get(owner) ?? []).includes(node)) {
      const visited = ts.visitEachChild(node, (n) => visitPlainTwin(n, owner), context);
      return f.createCallExpression(imports.use("plain"), undefined, [visited, f.createStringLiteral(node.expression.getText())]);
    }
    return ts.visitEachChild(node, (n) => visitPlainTwin(n, owner), context);
  };

  const visitTwin = (node: ts.Node, owner: FunctionNode): ts.Node | ts.Node[] => {
    const portable = portableAt(node);
    if (portable !== undefined) return portable;
    if (isFunctionNode(ts, node)) return visit(node, null);
    if (ts.isCallExpression(node) && (facts.maybe.get(owner) ?? []).includes(node))
      return rewriteCall(node, { kind: "maybe", name: node.expression.getText() }, owner);
    return ts.visitEachChild(node, (n) => visitTwin(n, owner), context);
  };

  const visited = ts.visitEachChild(file, (n) => visit(n, null), context);
  const rewritten = f.updateSourceFile(visited, visited.statements.map((st) => (ts.isImportDeclaration(st) ? importTwins(ts, f, st, twinImports) : st)));
  // The call sites' table, when the file has suspending calls (a file may only register portable functions).
  const register =
    table.length === 0
      ? []
      : [
          f.createVariableStatement(
            undefined,
            f.createVariableDeclarationList(
              [
                f.createVariableDeclaration(
                  base,
                  undefined,
                  undefined,
                  f.createCallExpression(imports.use("registerSites"), undefined, [
                    f.createStringLiteral(options.siteFile),
                    f.createArrayLiteralExpression(table.map((x) => (typeof x === "string" ? f.createStringLiteral(x) : f.createNumericLiteral(x)))),
                  ]),
                ),
              ],
              ts.NodeFlags.Const,
            ),
          ),
        ];
  const registered = [...registry].sort(([a], [b]) => a - b).map(([, e]) => e.statement!);
  return imports.prepend(rewritten, [...register, ...registered], options.commonjs === true);
}

/** `import { twice } from "./a.js"` also imports `twice$miou` when a call here uses the twin. */
function importTwins(ts: TS, f: ts.NodeFactory, decl: ts.ImportDeclaration, locals: ReadonlySet<string>): ts.ImportDeclaration {
  const named = decl.importClause?.namedBindings;
  if (named === undefined || !ts.isNamedImports(named)) return decl;
  const added = named.elements
    .filter((e) => locals.has(e.name.text))
    .map((e) => f.createImportSpecifier(false, f.createIdentifier(twinName((e.propertyName ?? e.name).getText())), f.createIdentifier(twinName(e.name.text))));
  if (added.length === 0) return decl;
  const clause = f.updateImportClause(decl.importClause!, decl.importClause!.isTypeOnly, decl.importClause!.name, f.updateNamedImports(named, [...named.elements, ...added]));
  return f.updateImportDeclaration(decl, decl.modifiers, clause, decl.moduleSpecifier, decl.attributes);
}

export function twinName(name: string): string {
  return `${name}$miou`;
}

/** Functions and classes have a `this` and an `arguments` of their own; arrows see through. */
function ownScope(ts: TS, node: ts.Node): boolean {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node) || ts.isConstructorDeclaration(node);
}

/** Does `node` use the `this` of the scope it is in? */
function usesThis(ts: TS, node: ts.Node): boolean {
  if (node.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ownScope(ts, node)) return false;
  return ts.forEachChild(node, (c) => usesThis(ts, c) || undefined) ?? false;
}

const isArguments = (ts: TS, node: ts.Node): node is ts.Identifier => ts.isIdentifier(node) && node.text === "arguments";

/** Does `node` use the `arguments` of the scope it is in? */
function usesArguments(ts: TS, node: ts.Node): boolean {
  if (isArguments(ts, node)) return true;
  if (ownScope(ts, node)) return false;
  return ts.forEachChild(node, (c) => usesArguments(ts, c) || undefined) ?? false;
}

function renameArguments(ts: TS, context: ts.TransformationContext, node: ts.Node, to: ts.Identifier): ts.Node {
  if (isArguments(ts, node)) return to;
  if (ownScope(ts, node)) return node;
  return ts.visitEachChild(node, (c) => renameArguments(ts, context, c, to), context);
}
