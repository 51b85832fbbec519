/**
 * Rewriting (README, "What the transformer does"): suspending functions become generator
 * functions speaking the compiled protocol (runtime/PROTOCOL.md); suspending calls become one
 * `yield` each. This file only uses the facts of `transformer/analyse`; it computes none.
 *
 * What each kind of call and construct becomes, with the fixture that shows it
 * (`tests/transformer/fixtures/<group>/<case>/`):
 *
 * | source | output | fixture |
 * | --- | --- | --- |
 * | `Miou.await_exn(p)` (a ⏸ function, `primitive`) | `(yield Miou.await_exn(p))` | basics/primitive-call |
 * | `f(x)`, `f` suspends (`function`) | `(yield at(f(x), $s + k))` | basics/function-call |
 * | `g(f)`, `g` plain, calls its parameter (`twin`) | `(yield at(g$miou(f), $s + k))`, and `function* g$miou` beside `g` | functions/higher-order |
 * | `xs.map(cb)`, `cb` suspends (`array`) | `(yield at(map(xs, cb), $s + k))` | arrays/methods |
 * | `xs?.map(cb)` | `(t = xs) == null ? void 0 : (yield at(map(t, cb), $s + k))` | arrays/optional |
 * | `xs?.map(cb)[0]` (a longer chain) | `(t = xs) == null ? void 0 : (yield at(map(t, cb), $s + k))[0]` | arrays/optional |
 * | `v(x)`, `v` a value a suspending function may reach (`maybe`) | `(suspends(t = v(x)) ? (yield at(t, $s + k)) : t)` | functions/values |
 * | `o?.m(x)`, `m` suspends | `(suspends(t = o?.m(x)) ? (yield at(t, $s + k)) : t)` | expressions/optional-chain |
 * | `` tag`a${x}` ``, `tag` suspends | `(yield at(tag`a${x}`, $s + k))` | expressions/tagged-template |
 * | `v(x)` in plain code, `v` typed `any`, or a twin's parameter in its plain version | `plain(v(x), "v")`: a frame there is a TypeError | functions/higher-order-misuse |
 * | `function f(a = s()) {}` (or a twin whose default suspends in its suspending version) | `function* f(p0 = void 0) { let a = p0 === void 0 ? (yield ...) : p0; }` (body names the defaults read are renamed) | functions/default-parameters; fuzz finding twin-default-suspends |
 * | `() => this.x + s()` | `function* () {...}.bind(this)` | functions/arrow-this |
 * | `() => arguments[0] + s()` | `((a) => function* () { ...a[0]... })(arguments)` | functions/arrow-arguments |
 * | `() => super.m() + s()` | `((sup) => function* () { sup("m").call(this) }.bind(this))((k) => super[k])` | functions/arrow-super |
 * | `function f() { arguments }` at ES5 (a generator or a twin) | `function f() { const a = arguments; return function* () {...a...}.call(this); }` | (program suite at ES5; fuzz findings arguments-at-es5, arguments-of-a-twin-es5) |
 * | `L: { for (...) { break L; } }` in a suspending function at ES5 | `L: { try { for (...) { break L; } } finally {} }` (`labels.ts`) | (fuzz finding break-label-across-loop-es5) |
 * | `call(fn)`, `parallel(fn, xs)` | `call(p0(a, b))`, `const p0 = portable(import.meta.url, 0, (a, b) => fn)` | portable/* |
 *
 * Evaluation order needs no restructuring: a `yield` may stand in any expression position of a
 * generator, so `a() && f()`, `x ?? f()`, `` `${f()}` ``, `{ [f()]: 1 }`, `g(...f())`, loop
 * heads and `switch` cases keep JavaScript's own order and short-circuiting. What cannot hold a
 * `yield` is moved: parameter defaults go into the body.
 */
import type ts from "typescript";
import { functionName, type CallKind, type CallLike, type Facts, type FunctionNode } from "../analyse/facts.js";
import { isFunctionNode } from "../analyse/resolve.js";
import { Imports } from "./imports.js";
import { moveParameters } from "./parameters.js";
import { breaksAcross, guardLabel } from "./labels.js";
import { Portables } from "./portables.js";
import { importTwins, twinCallee, twinName } from "./twins.js";
import { Scopes } from "./scopes.js";

type TS = typeof import("typescript");

export interface RewriteOptions {
  /** The file name call sites are registered under (what stack traces print). */
  siteFile: string;
  /** The file is emitted as CommonJS: no `import.meta`, `miou/compiled` is required. */
  commonjs?: boolean;
  /** The emit target is below ES2015: TypeScript lowers the generators into plain functions. */
  es5?: boolean;
}

/** Does the file contain anything to rewrite? An untouched file is returned as it is. */
export function touches(file: ts.SourceFile, facts: Facts): boolean {
  for (const fn of facts.suspending.keys()) if (fn.getSourceFile() === file) return true;
  for (const fn of facts.twins.keys()) if (fn.getSourceFile() === file) return true;
  for (const call of facts.checked.keys()) if (call.getSourceFile() === file) return true;
  for (const site of facts.portable.values()) if (site.index >= 0 && site.arg.getSourceFile() === file) return true;
  return false;
}

export function rewriteFile(ts: TS, context: ts.TransformationContext, file: ts.SourceFile, facts: Facts, options: RewriteOptions): ts.SourceFile {
  return touches(file, facts) ? new Rewriter(ts, context, file, facts, options).file() : file;
}

/**
 * Which version of a function's body is being written: its only version when it suspends
 * (`generator`), the suspending version of a twin (`twin`), or plain code.
 */
type Version = { kind: "generator"; fn: FunctionNode } | { kind: "twin"; fn: FunctionNode; calls: Map<CallLike, CallKind> } | { kind: "plain" };

const PLAIN: Version = { kind: "plain" };

class Rewriter {
  private readonly f: ts.NodeFactory;
  /** The helpers of `miou/compiled` this file uses, imported once. */
  private readonly imports: Imports;
  /** The call sites' table: `name, line, column` per site, registered at the top of the module. */
  private readonly sites: (string | number)[] = [];
  /** The id of the module's first call site (`$s`); the k-th is `$s + k`. */
  private readonly base: ts.Identifier;
  /** Local names imported by name whose twin (`name$miou`) must be imported beside them. */
  private readonly twinImports = new Set<string>();
  /** The module's registry of portable functions (PROTOCOL.md §6): `const p0 = portable(...)`, by index. */
  private readonly portables: Portables;
  /** `this`, `arguments` and `super` of arrows, and renamed body names. */
  private readonly scopes: Scopes;
  /**
   * The temporaries of the generator being written (declared at the top of its body). Our own
   * unique names: TypeScript's lowering below ES2015 makes temporaries of its own (`_a`, ...).
   */
  private temps: ts.Identifier[] = [];

  constructor(
    private readonly ts: TS,
    private readonly context: ts.TransformationContext,
    private readonly source: ts.SourceFile,
    private readonly facts: Facts,
    private readonly options: RewriteOptions,
  ) {
    this.f = context.factory;
    this.imports = new Imports(ts, this.f);
    this.base = this.f.createUniqueName("s");
    this.scopes = new Scopes(ts, context);
    this.portables = new Portables(ts, this.f, facts, this.imports, options.commonjs === true, (fn) => this.visitFunction(fn));
  }

  file(): ts.SourceFile {
    const { ts, f } = this;
    const visited = ts.visitEachChild(this.source, (n) => this.visit(n, PLAIN), this.context);
    const rewritten = f.updateSourceFile(visited, visited.statements.map((st) => (ts.isImportDeclaration(st) ? importTwins(ts, f, st, this.twinImports) : st)));
    return this.imports.prepend(rewritten, [...this.siteTable(), ...this.portables.statements()], this.options.commonjs === true);
  }

  // ---- the vocabulary -------------------------------------------------------------------------

  /** `$s + k` for a new call site of `owner` at `call`. */
  private site(call: CallLike, owner: FunctionNode): ts.Expression {
    const { line, character } = this.source.getLineAndCharacterOfPosition(call.getStart(this.source));
    const k = this.sites.length / 3;
    this.sites.push(functionName(this.ts, owner), line + 1, character + 1);
    return k === 0 ? this.base : this.f.createAdd(this.base, this.f.createNumericLiteral(k));
  }

  /** `(yield e)`, mapped to the call it stands for. */
  private yielding(call: CallLike, e: ts.Expression): ts.Expression {
    const y = this.f.createYieldExpression(undefined, e);
    this.ts.setTextRange(y, call);
    return this.f.createParenthesizedExpression(y);
  }

  /** A new temporary of the generator being written. */
  private temp(): ts.Identifier {
    const t = this.f.createUniqueName("t");
    this.temps.push(t);
    return t;
  }

  /** `body` with the temporaries made while writing it declared first. */
  private withTemps(body: ts.Block, temps: ts.Identifier[]): ts.Block {
    if (temps.length === 0) return body;
    const { ts, f } = this;
    const decl = f.createVariableStatement(undefined, f.createVariableDeclarationList(temps.map((t) => f.createVariableDeclaration(t)), ts.NodeFlags.Let));
    return f.updateBlock(body, [decl, ...body.statements]);
  }

  /** `helper(args...)` of `miou/compiled`. */
  private helper(name: string, args: ts.Expression[]): ts.Expression {
    return this.f.createCallExpression(this.imports.use(name), undefined, args);
  }

  // ---- visiting -------------------------------------------------------------------------------

  private visit(node: ts.Node, version: Version): ts.Node | ts.Node[] {
    const { ts } = this;
    const portable = this.portables.at(node);
    if (portable !== undefined) return portable;
    if (isFunctionNode(ts, node)) return this.visitFunction(node);
    if (ts.isIdentifier(node)) return this.scopes.renamed(node) ?? node;
    if (ts.isShorthandPropertyAssignment(node)) {
      const name = this.scopes.renamed(node.name);
      if (name !== undefined) return this.f.createPropertyAssignment(node.name.text, name);
    }
    if (version.kind !== "plain" && this.options.es5 === true && ts.isLabeledStatement(node) && breaksAcross(ts, node))
      return guardLabel(ts, this.f, this.visitChildren(node, version));
    if (version.kind !== "plain" && ts.isOptionalChain(node) && !continuesChain(ts, node) && this.facts.calls.size > 0) {
      const lowered = this.lowerChain(node, version);
      if (lowered !== undefined) return lowered;
    }
    if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) {
      const kind = version.kind === "generator" ? this.facts.calls.get(node) : version.kind === "twin" ? version.calls.get(node) : undefined;
      if (kind !== undefined && version.kind !== "plain") return this.rewriteCall(node, kind, version);
      const checked = version.kind !== "generator" ? this.facts.checked.get(node) : undefined;
      if (checked !== undefined) return this.helper("plain", [this.visitChildren(node, version) as ts.Expression, this.f.createStringLiteral(checked)]);
    }
    return this.visitChildren(node, version);
  }

  private visitChildren<T extends ts.Node>(node: T, version: Version): T {
    return this.ts.visitEachChild(node, (n) => this.visit(n, version), this.context);
  }

  private rewriteCall(call: CallLike, kind: CallKind, version: Version & { fn: FunctionNode }): ts.Expression {
    const { ts, f } = this;
    const visited = this.visitChildren(call, version);
    const where = this.site(call, version.fn);
    if (kind.kind === "array") {
      const c = visited as ts.CallExpression;
      const callee = c.expression as ts.PropertyAccessExpression;
      if (callee.questionDotToken === undefined) return this.yielding(call, this.helper("at", [this.helper(kind.method, [callee.expression, ...c.arguments]), where]));
      // `xs?.map(cb)`: nothing is called when `xs` is null or undefined.
      const t = this.temp();
      const run = this.yielding(call, this.helper("at", [this.helper(kind.method, [t, ...c.arguments]), where]));
      return f.createParenthesizedExpression(f.createConditionalExpression(f.createEquality(f.createAssignment(t, callee.expression), f.createNull()), undefined, f.createVoidZero(), undefined, run));
    }
    // An optional chain may give `undefined` instead of calling: the result is checked at run time.
    const optional = (call.flags & ts.NodeFlags.OptionalChain) !== 0;
    if (kind.kind === "maybe" || optional) {
      // A checked call: only a frame or an operation is yielded; a plain value is used at once.
      const t = this.temp();
      const test = this.helper("suspends", [f.createAssignment(t, visited as ts.Expression)]);
      return f.createParenthesizedExpression(f.createConditionalExpression(test, undefined, this.yielding(call, this.helper("at", [t, where])), undefined, t));
    }
    const target = kind.kind === "twin" ? twinCallee(ts, f, visited as ts.CallExpression, this.twinImports) : visited;
    return this.yielding(call, this.helper("at", [target, where]));
  }

  /**
   * `xs?.map(f)[0]`, the array call inside a longer chain: the whole chain short-circuits when
   * `xs` is null or undefined, `(t = xs) == null ? void 0 : (yield at(map(t, f), site))[0]`, and
   * the links above the call are rebuilt around its result.
   */
  private lowerChain(top: ts.OptionalChain, version: Exclude<Version, { kind: "plain" }>): ts.Expression | undefined {
    const { ts, f } = this;
    const links: ts.Expression[] = [];
    let n: ts.Expression = top;
    let call: ts.CallExpression | undefined;
    while (ts.isOptionalChain(n)) {
      const kind = ts.isCallExpression(n) ? (version.kind === "generator" ? this.facts.calls.get(n) : version.calls.get(n)) : undefined;
      if (kind?.kind === "array" && ts.isPropertyAccessExpression(n.expression) && n.expression.questionDotToken !== undefined) {
        call = n as ts.CallExpression;
        break;
      }
      if (kind !== undefined) return undefined; // another suspending call in the chain: left to the general rule
      links.push(n);
      n = (n as ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression | ts.NonNullExpression).expression;
    }
    if (call === undefined || links.length === 0) return undefined;
    const kind = (version.kind === "generator" ? this.facts.calls.get(call) : version.calls.get(call)) as CallKind & { kind: "array" };
    const t = this.temp();
    const receiver = this.visit((call.expression as ts.PropertyAccessExpression).expression, version) as ts.Expression;
    const args = call.arguments.map((a) => this.visit(a, version) as ts.Expression);
    let cur: ts.Expression = this.yielding(call, this.helper("at", [this.helper(kind.method, [t, ...args]), this.site(call, version.fn)]));
    let chained = false;
    for (const link of links.reverse()) {
      const qd = "questionDotToken" in link ? (link as { questionDotToken?: ts.QuestionDotToken }).questionDotToken : undefined;
      chained ||= qd !== undefined;
      if (ts.isPropertyAccessExpression(link)) cur = chained ? f.createPropertyAccessChain(cur, qd, link.name) : f.createPropertyAccessExpression(cur, link.name);
      else if (ts.isElementAccessExpression(link)) {
        const index = this.visit(link.argumentExpression, version) as ts.Expression;
        cur = chained ? f.createElementAccessChain(cur, qd, index) : f.createElementAccessExpression(cur, index);
      } else if (ts.isCallExpression(link)) {
        const rest = link.arguments.map((a) => this.visit(a, version) as ts.Expression);
        cur = chained ? f.createCallChain(cur, qd, undefined, rest) : f.createCallExpression(cur, undefined, rest);
      } else cur = f.createNonNullExpression(cur);
    }
    const test = f.createEquality(f.createAssignment(t, receiver), f.createNull());
    return f.createParenthesizedExpression(f.createConditionalExpression(test, undefined, f.createVoidZero(), undefined, cur));
  }

  private visitFunction(node: FunctionNode): ts.Node | ts.Node[] {
    const { ts } = this;
    if (this.facts.suspending.has(node)) return this.toGenerator(node);
    const calls = this.facts.twins.get(node);
    if (calls !== undefined && (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node))) return [this.visitChildren(node, PLAIN), this.twinOf(node, calls)];
    return this.visitChildren(node, PLAIN);
  }

  /** The suspending version of a plain higher-order function: calls through its parameters may suspend. */
  private twinOf(fn: ts.FunctionDeclaration | ts.MethodDeclaration, calls: Map<CallLike, CallKind>): ts.Node {
    const { f, ts } = this;
    const star = f.createToken(ts.SyntaxKind.AsteriskToken);
    const { parameters, body } = this.generatorParts(fn, { kind: "twin", fn, calls });
    const twin = ts.isFunctionDeclaration(fn)
      ? f.createFunctionDeclaration(fn.modifiers, star, twinName(fn.name!.text), fn.typeParameters, parameters, undefined, body)
      : f.createMethodDeclaration(fn.modifiers, star, twinName((fn.name as ts.Identifier).text), fn.questionToken, fn.typeParameters, parameters, undefined, body);
    // Below ES2015 the twin's `arguments` must be its call's, as the suspending version's are.
    if (this.options.es5 === true && this.scopes.usesArguments(fn)) return this.scopes.capturingArguments(twin, parameters, body);
    return twin;
  }

  private toGenerator(fn: FunctionNode): ts.Node {
    const { ts, f } = this;
    // `async` functions and hand-written generators cannot suspend a task (MIOU1002): left as written.
    const written = fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) || ("asteriskToken" in fn && fn.asteriskToken !== undefined);
    if (written || ts.isAccessor(fn) || ts.isConstructorDeclaration(fn)) return this.visitChildren(fn, PLAIN); // diagnosed, left as they are
    const { parameters, body } = this.generatorParts(fn, { kind: "generator", fn });
    if (ts.isArrowFunction(fn)) return this.scopes.arrowToGenerator(fn, parameters, body);
    if (this.options.es5 === true && this.scopes.usesArguments(fn)) return this.scopes.capturingArguments(fn, parameters, body);
    const star = f.createToken(ts.SyntaxKind.AsteriskToken);
    if (ts.isFunctionDeclaration(fn)) return f.updateFunctionDeclaration(fn, fn.modifiers, star, fn.name, fn.typeParameters, parameters, undefined, body);
    if (ts.isFunctionExpression(fn)) return f.updateFunctionExpression(fn, fn.modifiers, star, fn.name, fn.typeParameters, parameters, undefined, body);
    return f.updateMethodDeclaration(fn as ts.MethodDeclaration, fn.modifiers, star, fn.name as ts.PropertyName, (fn as ts.MethodDeclaration).questionToken, fn.typeParameters, parameters, undefined, body);
  }

  /**
   * The parameters and body of `fn`'s suspending version (a suspending function's, or a twin's):
   * defaults that suspend moved into the body, the names they read renamed there, temporaries
   * declared at its top.
   */
  private generatorParts(fn: FunctionNode, version: Version): { parameters: ts.NodeArray<ts.ParameterDeclaration>; body: ts.Block } {
    const restore = this.scopes.renameShadowed(fn, this.facts);
    const outer = this.temps;
    this.temps = [];
    const { parameters, prologue } = moveParameters(this.ts, this.f, fn, this.facts, (n) => this.visit(n, version));
    const body = this.withTemps(this.generatorBody(fn, prologue, version), this.temps);
    this.temps = outer;
    restore();
    return { parameters, body };
  }

  private generatorBody(fn: FunctionNode, prologue: ts.Statement[], version: Version): ts.Block {
    const { ts, f } = this;
    const body = fn.body!;
    if (ts.isBlock(body)) {
      const visited = this.visitChildren(body, version);
      return prologue.length === 0 ? visited : f.updateBlock(visited, [...prologue, ...visited.statements]);
    }
    const ret = ts.setTextRange(f.createReturnStatement(this.visit(body, version) as ts.Expression), body);
    return ts.setTextRange(f.createBlock([...prologue, ret], true), body);
  }

  /** The call sites' table, when the file has suspending calls (a file may only register portable functions). */
  private siteTable(): ts.Statement[] {
    const { ts, f } = this;
    if (this.sites.length === 0) return [];
    const table = f.createArrayLiteralExpression(this.sites.map((x) => (typeof x === "string" ? f.createStringLiteral(x) : f.createNumericLiteral(x))));
    const init = this.helper("registerSites", [f.createStringLiteral(this.options.siteFile), table]);
    return [f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(this.base, undefined, undefined, init)], ts.NodeFlags.Const))];
  }
}

/** Is `node` a link in the middle of an optional chain (its parent continues the chain)? */
function continuesChain(ts: TS, node: ts.Node): boolean {
  const parent = node.parent as ts.Node | undefined;
  return parent !== undefined && ts.isOptionalChain(parent) && (parent as ts.PropertyAccessExpression).expression === node;
}
