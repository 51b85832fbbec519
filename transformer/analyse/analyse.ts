/**
 * Which functions suspend (README, "What the transformer does"), to a fixpoint over the whole program.
 *
 * A function suspends when its own body (nested functions not counted) contains a call that
 * suspends. Each call is one of:
 *
 * | call | suspends when | kind |
 * | --- | --- | --- |
 * | of a ⏸ function (a branded callee, by type) | always | `primitive` |
 * | of one known function of the program (a declaration, a `const` arrow) | that function suspends | `function` |
 * | of a method that subclasses override | one of the implementations suspends | `maybe` (`function` if all do) |
 * | of a plain higher-order function, given a value that may hold a suspending function where it calls one of its parameters | always | `twin` (or `function`, when it cannot have a twin) |
 * | `map`, `forEach`, ... of an array, given a callback that may be a suspending function | always | `array` |
 * | through a value: a parameter, a variable, a property, an element, `f.call`, `f.apply` | a suspending function may reach the value (`values.ts`) | `maybe` |
 *
 * Calls wait on facts not yet known: each call on a function is re-examined when that function
 * is found to suspend (so long call chains cost linear work), and the calls resting on values
 * are re-examined in rounds until nothing changes.
 */
import type ts from "typescript";
import { calleeOf, type CallKind, type CallLike, type Facts, type FunctionNode } from "./facts.js";
import { isBranded } from "./brand.js";
import { Flows, isArrayMethodCall } from "./flows.js";
import { Hierarchy } from "./hierarchy.js";
import { portables } from "./captures.js";
import { functionOf, inProgram, isFunctionNode, unwrap } from "./resolve.js";
import { parameterOf, Values, type Knowledge } from "./values.js";
import { settleParameters } from "./shadows.js";

type TS = typeof import("typescript");

/**
 * Whose body a call is in: a function, or a place that cannot suspend (the module's top level, a
 * class field initialiser, a static block), where a suspending call is a diagnostic.
 */
type Owner = FunctionNode | ts.SourceFile | ts.PropertyDeclaration | ts.ClassStaticBlockDeclaration;

/** A call whose suspension rests on facts not known yet. */
interface Candidate {
  call: CallLike;
  owner: Owner;
  /** The call's kind if it suspends as far as known now. */
  decide(): CallKind | undefined;
}

/**
 * Something a function does with one of its parameters that suspends if the parameter holds a
 * suspending function: calls it, or hands it to a function or array method that calls it.
 */
interface ParameterUse {
  call: CallLike;
  index: number;
  /** What the call is when the parameter holds a suspending function. */
  kind(): CallKind | undefined;
}

export function analyse(ts: TS, program: ts.Program): Facts {
  return new Analysis(ts, program).run();
}

/** The facts, and the analysis's conclusion about any expression of the program, to ask later. */
export interface Analysed {
  facts: Facts;
  /** May `e` hold a suspending function, as the finished analysis sees it (`values.ts`)? */
  holds(e: ts.Expression): boolean;
}

/**
 * `analyse`, for a host that keeps the program across edits and must tell whether an edit could
 * change a fact (an expression it replaced held a suspending function: then it could).
 *
 * ```ts
 * const { facts, holds } = analyseProgram(ts, program);
 * if (!holds(expression)) replaceable(expression);
 * ```
 */
export function analyseProgram(ts: TS, program: ts.Program): Analysed {
  const analysis = new Analysis(ts, program);
  const facts = analysis.run();
  return { facts, holds: (e) => analysis.holds(e) };
}

class Analysis implements Knowledge {
  readonly facts: Facts;
  private readonly checker: ts.TypeChecker;
  private readonly values: Values;
  /** Calls to re-examine when a function is found to suspend, by that function. */
  private readonly dependents = new Map<FunctionNode, Candidate[]>();
  /** Functions found to suspend whose dependents are not re-examined yet. */
  private readonly queue: FunctionNode[] = [];
  /** Every candidate, re-examined at each round until decided. */
  private readonly candidates: Candidate[] = [];
  /** The direct call sites of each program function. */
  private readonly callSites = new Map<FunctionNode, CallLike[]>();
  /** What each function does with its parameters (see `ParameterUse`). */
  private readonly parameterUses = new Map<FunctionNode, ParameterUse[]>();
  /** Calls through values other than the calling function's own parameters. */
  private readonly valueCalls: { call: CallLike; owner: Owner; callee: ts.Expression }[] = [];
  /** Callbacks of array methods, with the array whose elements they receive. */
  private readonly arrayCallbacks = new Map<FunctionNode, { array: ts.Expression; method: string }>();
  /** Parameters being examined, against cycles (`f(g) { f(g) }`). */
  private readonly examining = new Set<string>();
  /** Twinnable functions reached through a parameter at some direct call site. */
  private readonly twinned = new Set<FunctionNode>();
  /** Where function values go: stored, handed on, called unseen. */
  private readonly flows: Flows;
  /** The program's classes, for the methods that override a method. */
  private readonly hierarchy: Hierarchy;

  constructor(
    private readonly ts: TS,
    private readonly program: ts.Program,
  ) {
    this.checker = program.getTypeChecker();
    const { captures, sites } = portables(ts, program);
    this.facts = { suspending: new Map(), calls: new Map(), twins: new Map(), checked: new Map(), moved: new Map(), shadowed: new Map(), captures, portable: sites };
    this.values = new Values(ts, program, this.checker, this);
    this.flows = new Flows(ts, program);
    this.hierarchy = new Hierarchy(ts, this.checker);
  }

  run(): Facts {
    for (const file of this.program.getSourceFiles())
      if (!file.isDeclarationFile && !this.program.isSourceFileFromExternalLibrary(file)) this.walk(file, file);
    this.values.refresh(this.flows.escaping, this.flows.valueFunctions);
    for (let changed = true; changed; ) changed = this.round();
    this.settleTwins();
    this.settleChecks();
    settleParameters(this.ts, this.checker, this.facts);
    return this.facts;
  }

  /** After `run`: may `e` hold a suspending function (by type too)? */
  holds(e: ts.Expression): boolean {
    return this.values.holds(e, true);
  }

  // ---- Knowledge ------------------------------------------------------------------------------

  suspends(fn: FunctionNode): boolean {
    return this.facts.suspending.has(fn);
  }

  reachedParameter(fn: FunctionNode, index: number): boolean {
    const param = fn.parameters[index];
    if (param === undefined) return false;
    const key = `${fn.pos}:${fn.getSourceFile().fileName}:${index}`;
    if (this.examining.has(key)) return false;
    this.examining.add(key);
    try {
      if (param.initializer !== undefined && this.values.holds(param.initializer, false)) return true;
      for (const site of this.callSites.get(fn) ?? []) {
        const arg = argumentsOf(this.ts, site)[index];
        if (arg !== undefined && this.values.holds(arg)) return true;
      }
      const callback = this.arrayCallbacks.get(fn);
      if (callback !== undefined && index === (callback.method === "reduce" ? 1 : 0) && this.elementHolds(callback.array)) return true;
      return this.flows.calledUnseen.has(fn) && this.values.typeHolds(this.checker.getTypeAtLocation(param), false);
    } finally {
      this.examining.delete(key);
    }
  }

  // ---- the walk -------------------------------------------------------------------------------

  /** Walks `node`, attributing calls to `owner`; nested functions get their own walk. */
  private walk(node: ts.Node, owner: Owner): void {
    const { ts } = this;
    if (isFunctionNode(ts, node)) {
      if (ts.isMethodDeclaration(node)) this.flows.valueFunctions.add(node);
      if (node.body !== undefined) ts.forEachChild(node, (child) => this.walk(child, node));
      return;
    }
    if (ts.isClassStaticBlockDeclaration(node) || (ts.isPropertyDeclaration(node) && node.initializer !== undefined)) {
      ts.forEachChild(node, (child) => this.walk(child, node));
      return;
    }
    if (ts.isClassLike(node)) this.hierarchy.note(node);
    if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) this.visitCall(node, owner);
    this.flows.note(node);
    ts.forEachChild(node, (child) => this.walk(child, owner));
  }

  /** Classifies one call of `owner`'s own body, and registers what it rests on. */
  private visitCall(call: CallLike, owner: Owner): void {
    const { ts, checker } = this;
    const callee = calleeOf(call);
    if (isBranded(checker, callee)) return this.mark(owner, call, { kind: "primitive", name: callee.getText() });
    if (this.visitArrayCall(call, owner)) return;

    // `f.call(self, ...)` and `f.apply(self, args)` call `f` (its twin cannot be reached that way).
    const through = ts.isCallExpression(call) && ts.isPropertyAccessExpression(callee) && (callee.name.text === "call" || callee.name.text === "apply") && checker.getTypeAtLocation(callee.expression).getCallSignatures().length > 0;
    const value = through ? (callee as ts.PropertyAccessExpression).expression : callee;
    // Only a callee that names its function resolves to it (`(c ? f : g)(x)` names neither).
    const named = (e: ts.Expression) => ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || e.kind === ts.SyntaxKind.SuperKeyword;
    const decl = through || !named(unwrap(ts, value)) ? undefined : checker.getResolvedSignature(call)?.declaration;
    // By the callee's symbol, not the resolved signature: a parameter whose type is a union of
    // two arrows' types resolves to one of their signatures, yet holds either.
    const target = functionOf(ts, this.program, value);
    if (target !== undefined) {
      const args = !through ? argumentsOf(ts, call) : (callee as ts.PropertyAccessExpression).name.text === "call" ? argumentsOf(ts, call).slice(1) : [];
      return this.visitDirectCall(call, owner, target, args, !through);
    }

    // A call of outside code (`console.log`, a library's function) is none of the program's
    // business; a call through a value the program declares (or typed `any`) is.
    const symbol = checker.getSymbolAtLocation(value);
    const ours = (d: ts.Node | undefined) => d !== undefined && inProgram(this.program, d);
    const outside = named(unwrap(ts, value)) && !ours(decl) && !ours(symbol?.valueDeclaration);
    if (outside && !this.values.opaque(checker.getTypeAtLocation(value))) return;
    const param = parameterOf(ts, checker, unwrap(ts, value));
    if (param !== undefined && param.fn === owner) this.use(owner, { call, index: param.index, kind: () => ({ kind: "maybe", name: value.getText() }) });
    else this.valueCalls.push({ call, owner, callee: value });
  }

  /** `xs.map(cb)` and the other array methods with a helper that can suspend. */
  private visitArrayCall(call: CallLike, owner: Owner): boolean {
    const { ts, checker } = this;
    if (!isArrayMethodCall(ts, checker, call)) return false;
    const callee = call.expression;
    const method = callee.name.text;
    const cb = call.arguments[0]!;
    const fn = functionOf(ts, this.program, cb);
    if (fn !== undefined && !this.arrayCallbacks.has(fn)) this.arrayCallbacks.set(fn, { array: callee.expression, method });
    const c: Candidate = { call, owner, decide: () => (this.values.holds(cb) ? { kind: "array", method, callback: fn ?? "primitive" } : undefined) };
    if (fn !== undefined) this.depend(fn, c);
    this.candidates.push(c);
    const param = parameterOf(ts, checker, unwrap(ts, cb));
    if (param !== undefined && param.fn === owner) this.use(owner, { call, index: param.index, kind: () => ({ kind: "array", method, callback: "primitive" }) });
    return true;
  }

  /** A call of one known function of the program (or of a method subclasses may override). */
  private visitDirectCall(call: CallLike, owner: Owner, target: FunctionNode, args: readonly (ts.Expression | undefined)[], twinOk: boolean): void {
    const { ts, checker } = this;
    if (twinOk) (this.callSites.get(target) ?? this.callSites.set(target, []).get(target)!).push(call);
    else this.flows.calledUnseen.add(target);
    const c: Candidate = { call, owner, decide: () => this.decideDirect(call, target, args) };
    this.depend(target, c);
    for (const arg of args) {
      const fn = arg === undefined ? undefined : functionOf(ts, this.program, arg);
      if (fn !== undefined) this.depend(fn, c);
    }
    this.candidates.push(c);
    // Handing one of the owner's own parameters to a parameter the target calls.
    args.forEach((arg, i) => {
      const param = arg === undefined ? undefined : parameterOf(ts, checker, unwrap(ts, arg));
      if (param === undefined || param.fn !== owner) return;
      this.use(owner, {
        call,
        index: param.index,
        kind: () => (this.suspends(target) ? { kind: "function", fn: target } : this.usedParameters(target).has(i) ? this.twinKind(target) : undefined),
      });
    });
  }

  private decideDirect(call: CallLike, target: FunctionNode, args: readonly (ts.Expression | undefined)[]): CallKind | undefined {
    const impls = this.hierarchy.implementations(target);
    if (impls.length > 1) {
      const suspending = impls.filter((fn) => this.suspends(fn)).length;
      if (suspending === 0) return undefined;
      return suspending === impls.length ? { kind: "function", fn: target } : { kind: "maybe", name: calleeOf(call).getText() };
    }
    if (this.suspends(target)) return { kind: "function", fn: target };
    for (const i of this.usedParameters(target)) {
      const arg = args[i];
      if (arg !== undefined && this.values.holds(arg)) return this.twinKind(target);
    }
    return undefined;
  }

  /**
   * A call handing a suspending function to `target`'s parameters: its twin when it can have one;
   * otherwise `target` itself suspends, through what it does with its parameters.
   */
  private twinKind(target: FunctionNode): CallKind {
    if (twinnable(this.ts, target) && !this.flows.calledUnseen.has(target)) {
      this.twinned.add(target);
      return { kind: "twin", fn: target };
    }
    for (const use of this.parameterUses.get(target) ?? []) {
      const kind = use.kind();
      if (kind !== undefined) this.mark(target, use.call, kind);
    }
    return { kind: "function", fn: target };
  }

  private usedParameters(fn: FunctionNode): Set<number> {
    return new Set((this.parameterUses.get(fn) ?? []).map((u) => u.index));
  }

  private use(fn: FunctionNode, use: ParameterUse): void {
    (this.parameterUses.get(fn) ?? this.parameterUses.set(fn, []).get(fn)!).push(use);
  }

  // ---- deciding -------------------------------------------------------------------------------

  private mark(owner: Owner, call: CallLike, kind: CallKind): void {
    if (this.facts.calls.has(call)) return;
    this.facts.calls.set(call, kind);
    if (!isFunctionNode(this.ts, owner) || this.facts.suspending.has(owner)) return;
    this.facts.suspending.set(owner, { call, kind });
    this.queue.push(owner);
  }

  private depend(fn: FunctionNode, c: Candidate): void {
    const list = this.dependents.get(fn);
    if (list === undefined) this.dependents.set(fn, [c]);
    else list.push(c);
  }

  /** Re-examines the dependents of the functions newly found to suspend. */
  private propagate(): void {
    while (this.queue.length > 0) {
      const fn = this.queue.pop()!;
      for (const c of this.dependents.get(fn) ?? []) this.decide(c);
    }
  }

  private decide(c: Candidate): boolean {
    if (this.facts.calls.has(c.call)) return false;
    const kind = c.decide();
    if (kind === undefined) return false;
    this.mark(c.owner, c.call, kind);
    return true;
  }

  /** One round over everything that rests on values; true when something changed. */
  private round(): boolean {
    let changed = false;
    this.propagate();
    for (const c of this.candidates) changed = this.decide(c) || changed;
    // A function that suspends anyway, or that cannot have a twin, suspends through its
    // parameters as soon as a suspending function reaches them.
    for (const [fn, uses] of this.parameterUses) {
      const whole = this.suspends(fn) || !twinnable(this.ts, fn) || this.flows.calledUnseen.has(fn);
      if (!whole) continue;
      for (const use of uses) {
        if (this.facts.calls.has(use.call) || !this.reachedParameter(fn, use.index)) continue;
        const kind = use.kind();
        if (kind === undefined) continue;
        this.mark(fn, use.call, kind);
        changed = true;
      }
    }
    for (const { call, owner, callee } of this.valueCalls) {
      if (this.facts.calls.has(call) || this.values.opaque(this.checker.getTypeAtLocation(callee)) || !this.values.holds(callee)) continue;
      this.mark(owner, call, { kind: "maybe", name: callee.getText() });
      changed = true;
    }
    this.propagate();
    return this.values.refresh(this.flows.escaping, this.flows.valueFunctions) || changed;
  }

  /** Does an element of `array` (an array literal, or any array by its element type) hold one? */
  private elementHolds(array: ts.Expression): boolean {
    const { ts, checker } = this;
    const inner = unwrap(ts, array);
    if (ts.isArrayLiteralExpression(inner)) return inner.elements.some((e) => this.values.holds(ts.isSpreadElement(e) ? e.expression : e));
    const type = checker.getNonNullableType(checker.getTypeAtLocation(inner));
    const element = checker.isArrayType(type) ? checker.getTypeArguments(type as ts.TypeReference)[0] : undefined;
    return element !== undefined && this.values.typeHolds(element, false);
  }

  /** The suspending versions of the twins: what their parameter uses become there. */
  private settleTwins(): void {
    for (const fn of this.twinned) {
      if (this.suspends(fn)) continue;
      const calls = new Map<CallLike, CallKind>();
      for (const use of this.parameterUses.get(fn) ?? []) {
        const kind = use.kind();
        if (kind !== undefined) calls.set(use.call, kind);
        if (kind?.kind === "maybe") this.facts.checked.set(use.call, kind.name);
      }
      this.facts.twins.set(fn, calls);
    }
    // A twin found to suspend anyway is simply a suspending function: its calls use that version.
    for (const [call, kind] of this.facts.calls) if (kind.kind === "twin" && this.suspends(kind.fn)) this.facts.calls.set(call, { kind: "function", fn: kind.fn });
  }

  /**
   * Calls through a callee typed `any` or `Function`, which the analysis cannot judge: in a
   * suspending function they are checked calls that work either way; in plain code, once any
   * suspending function flows into values, the runtime checks that none arrives there.
   */
  private settleChecks(): void {
    const { ts, checker } = this;
    const opaque = (callee: ts.Expression) => this.values.typeHolds(checker.getTypeAtLocation(callee), true) && this.values.opaque(checker.getTypeAtLocation(callee));
    const plainUses = [...this.parameterUses].flatMap(([fn, uses]) => (this.twinned.has(fn) ? [] : uses.map((u) => ({ call: u.call, owner: fn as Owner, callee: calleeOf(u.call) }))));
    for (const { call, owner, callee } of [...this.valueCalls, ...plainUses]) {
      if (this.facts.calls.has(call) || !opaque(callee)) continue;
      if (isFunctionNode(ts, owner) && this.suspends(owner)) this.facts.calls.set(call, { kind: "maybe", name: callee.getText() });
      else this.facts.checked.set(call, callee.getText());
    }
  }
}

/** Can a twin stand beside `fn` under a name of its own (`name$miou`)? */
function twinnable(ts: TS, fn: FunctionNode): boolean {
  return (ts.isFunctionDeclaration(fn) && fn.name !== undefined) || (ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name) && ts.isClassLike(fn.parent));
}

/** The arguments a call-like node passes, by parameter index (a tagged template's strings first). */
function argumentsOf(ts: TS, call: CallLike): readonly (ts.Expression | undefined)[] {
  if (ts.isCallExpression(call)) {
    const spread = call.arguments.findIndex((a) => ts.isSpreadElement(a));
    return spread < 0 ? call.arguments : call.arguments.slice(0, spread);
  }
  return ts.isTemplateExpression(call.template) ? [undefined, ...call.template.templateSpans.map((s) => s.expression)] : [];
}
