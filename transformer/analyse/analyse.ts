/**
 * Which functions suspend (transformer.md §1), to a fixpoint over the whole program.
 *
 * A function suspends when its own body (nested functions not counted) contains a call that
 * suspends: a call of a branded ⏸ function, of a program function that suspends, of an array
 * method given a suspending callback, or of a plain higher-order function of the program given a
 * suspending function for a parameter it calls (its suspending twin).
 *
 * Each candidate call depends on a few functions; when one of them is found to suspend, the call
 * is re-examined, and its owner marked. So the work is linear in the program, whatever the depth
 * of its call chains or its recursion.
 */
import type ts from "typescript";
import { ARRAY_METHODS, type CallKind, type Facts, type FunctionNode } from "./facts.js";
import { isBranded, isMiouFunction } from "./brand.js";
import { portables } from "./captures.js";
import { functionOf as resolveFunction, inProgram as inProgramOf, isFunctionNode as isFunction } from "./resolve.js";

type TS = typeof import("typescript");

/**
 * Whose body a call is in: a function, or a place that cannot suspend (the module's top level, a
 * class field initialiser, a static block), where a suspending call is a diagnostic.
 */
type Owner = FunctionNode | ts.SourceFile | ts.PropertyDeclaration | ts.ClassStaticBlockDeclaration;

/** A call whose suspension depends on functions not yet known to suspend. */
interface Candidate {
  call: ts.CallExpression;
  owner: Owner;
  /** Re-examines the call once a dependency is known to suspend. */
  decide(): CallKind | undefined;
}

export function analyse(ts: TS, program: ts.Program): Facts {
  const checker = program.getTypeChecker();
  const { captures, sites } = portables(ts, program);
  const facts: Facts = { suspending: new Map(), calls: new Map(), maybe: new Map(), twins: new Set(), captures, portable: sites };
  const dependents = new Map<FunctionNode, Candidate[]>();
  const queue: FunctionNode[] = [];
  /** Parameters each function calls as functions (their indexes). */
  const calledParams = new Map<FunctionNode, Set<number>>();
  /** The calls of each program function. */
  const callSites = new Map<FunctionNode, ts.CallExpression[]>();
  /**
   * Expressions whose function value escapes into the program's own values (stored in an array
   * or object, assigned, returned, handed to code that keeps it): only such functions can reach a
   * call through a value.
   */
  const escaping: ts.Expression[] = [];

  const isFunctionNode = (n: ts.Node): n is FunctionNode => isFunction(ts, n);
  const inProgram = (n: ts.Node) => inProgramOf(program, n);
  const functionOf = (e: ts.Expression) => resolveFunction(ts, program, e);

  /** Does passing `e` pass a suspending function (as far as known now)? */
  const suspendingValue = (e: ts.Expression): FunctionNode | "primitive" | undefined => {
    if (isBranded(checker, e)) return "primitive";
    const fn = functionOf(e);
    return fn !== undefined && facts.suspending.has(fn) ? fn : undefined;
  };

  const mark = (owner: Owner, call: ts.CallExpression, kind: CallKind) => {
    if (facts.calls.has(call)) return;
    facts.calls.set(call, kind);
    if (!isFunctionNode(owner) || facts.suspending.has(owner)) return;
    facts.suspending.set(owner, { call, kind });
    queue.push(owner);
  };

  const depend = (fn: FunctionNode, c: Candidate) => {
    const list = dependents.get(fn);
    if (list === undefined) dependents.set(fn, [c]);
    else list.push(c);
  };

  /** Classifies one call of `owner`'s own body; registers what it depends on. */
  const visitCall = (call: ts.CallExpression, owner: Owner) => {
    const callee = call.expression;
    if (isBranded(checker, callee)) return mark(owner, call, { kind: "primitive", name: callee.getText() });

    if (ts.isPropertyAccessExpression(callee) && ARRAY_METHODS.includes(callee.name.text) && call.arguments.length > 0) {
      const receiver = checker.getTypeAtLocation(callee.expression);
      if (checker.isArrayType(receiver) || checker.isTupleType(receiver)) {
        const cb = call.arguments[0]!;
        const c: Candidate = {
          call,
          owner,
          decide: () => {
            const s = suspendingValue(cb);
            return s === undefined ? undefined : { kind: "array", method: callee.name.text, callback: s };
          },
        };
        const fn = functionOf(cb);
        if (fn !== undefined) depend(fn, c);
        const now = c.decide();
        if (now !== undefined) mark(owner, call, now);
        return;
      }
    }

    const decl = checker.getResolvedSignature(call)?.declaration;
    // `f.call(self, ...)` and `f.apply(self, args)` call `f`: their result is `f`'s generator.
    const through = ts.isPropertyAccessExpression(callee) && (callee.name.text === "call" || callee.name.text === "apply") ? functionOf(callee.expression) : undefined;
    const target = decl !== undefined && isFunctionNode(decl) && decl.body !== undefined && inProgram(decl) ? decl : (through ?? functionOf(callee));
    if (target !== undefined) {
      const c: Candidate = {
        call,
        owner,
        decide: () => {
          if (facts.suspending.has(target)) return { kind: "function", fn: target };
          const params = calledParams.get(target);
          if (params === undefined) return undefined;
          for (const i of params) {
            const arg = call.arguments[i];
            if (arg === undefined || suspendingValue(arg) === undefined) continue;
            if (twinnable(ts, target)) {
              facts.twins.add(target);
              return { kind: "twin", fn: target };
            }
            // No declaration to put a twin beside (an arrow, a function expression): the function
            // itself suspends, through its calls of that parameter.
            for (const c of facts.maybe.get(target) ?? [])
              if (parameterOf(ts, checker, c.expression)?.index === i) mark(target, c, { kind: "maybe", name: c.expression.getText() });
            return { kind: "function", fn: target };
          }
          return undefined;
        },
      };
      depend(target, c);
      (callSites.get(target) ?? callSites.set(target, []).get(target)!).push(call);
      for (const arg of call.arguments) {
        const fn = functionOf(arg);
        if (fn !== undefined) depend(fn, c);
      }
      pendingCandidates.push(c);
      return;
    }

    if (decl !== undefined && inProgram(decl) && !isFunctionNode(decl)) {
      // A call through a value whose type is declared in the program: it may receive a suspending function.
      if (isFunctionNode(owner)) {
        const list = facts.maybe.get(owner) ?? [];
        list.push(call);
        facts.maybe.set(owner, list);
        const param = parameterOf(ts, checker, callee);
        if (param?.fn === owner) (calledParams.get(owner) ?? calledParams.set(owner, new Set()).get(owner)!).add(param.index);
      }
    }
  };

  const pendingCandidates: Candidate[] = [];

  /** Walks `node`, attributing calls to `owner`; nested functions get their own walk. */
  const walk = (node: ts.Node, owner: Owner): void => {
    if (isFunctionNode(node)) {
      if (node.body !== undefined) ts.forEachChild(node, (child) => walk(child, node));
      return;
    }
    if (ts.isClassStaticBlockDeclaration(node) || (ts.isPropertyDeclaration(node) && node.initializer !== undefined)) {
      ts.forEachChild(node, (child) => walk(child, node));
      return;
    }
    if (ts.isCallExpression(node)) visitCall(node, owner);
    noteEscapes(node);
    ts.forEachChild(node, (child) => walk(child, owner));
  };

  const noteEscapes = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node)) escaping.push(...node.elements);
    else if (ts.isPropertyAssignment(node)) escaping.push(node.initializer);
    else if (ts.isShorthandPropertyAssignment(node)) escaping.push(node.name);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) escaping.push(node.right);
    else if (ts.isReturnStatement(node) && node.expression !== undefined) escaping.push(node.expression);
    else if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) escaping.push(node.body);
    else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      // Handed to miou (run, async, ...) or to a program function's parameter, a function does not
      // escape into a value; handed to any other code, it may be kept and called later.
      if (isMiouFunction(checker, node.expression)) return;
      const decl = ts.isCallExpression(node) ? checker.getResolvedSignature(node)?.declaration : undefined;
      if (decl !== undefined && isFunctionNode(decl) && inProgram(decl)) return;
      escaping.push(...(node.arguments ?? []));
    }
  };

  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
    walk(file, file);
  }

  // Candidates were registered before every function's called parameters were known: examine
  // them all once, then only when a dependency changes.
  for (const c of pendingCandidates) {
    const now = c.decide();
    if (now !== undefined) mark(c.owner, c.call, now);
  }
  const propagate = () => {
    while (queue.length > 0) {
      const fn = queue.pop()!;
      for (const c of dependents.get(fn) ?? []) {
        if (facts.calls.has(c.call)) continue;
        const now = c.decide();
        if (now !== undefined) mark(c.owner, c.call, now);
      }
    }
  };
  propagate();

  // A call through a value the analysis cannot resolve suspends when a suspending function can
  // reach that value: through a parameter of an enclosing function, when one of its calls passes a
  // suspending function there; through any other value, when a suspending function that escapes
  // into the program's values fits its type. Marking calls makes more functions suspend, so repeat.
  const reaches = (call: ts.CallExpression, owner: FunctionNode): boolean => {
    const param = parameterOf(ts, checker, call.expression);
    if (param !== undefined) {
      if (param.fn === owner) return false; // the owner's twin handles its own parameters
      return (callSites.get(param.fn) ?? []).some((site) => {
        const arg = site.arguments[param.index];
        return arg !== undefined && suspendingValue(arg) !== undefined;
      });
    }
    const target = checker.getTypeAtLocation(call.expression);
    return escapingTypes.some((t) => checker.isTypeAssignableTo(t, target));
  };
  let escapingTypes: ts.Type[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    escapingTypes = escaping.filter((e) => suspendingValue(e) !== undefined).map((e) => checker.getTypeAtLocation(e));
    for (const [owner, calls] of facts.maybe) {
      for (const call of calls) {
        if (facts.calls.has(call) || !reaches(call, owner)) continue;
        mark(owner, call, { kind: "maybe", name: call.expression.getText() });
        changed = true;
      }
    }
    propagate();
  }

  // A twin that suspends anyway is simply a suspending function: its calls use that version.
  for (const fn of facts.twins) if (facts.suspending.has(fn)) facts.twins.delete(fn);
  for (const [call, kind] of facts.calls) if (kind.kind === "twin" && facts.suspending.has(kind.fn)) facts.calls.set(call, { kind: "function", fn: kind.fn });
  return facts;
}

/** Can a twin stand beside `fn` under a name of its own (`name$miou`)? */
function twinnable(ts: TS, fn: FunctionNode): boolean {
  return (ts.isFunctionDeclaration(fn) && fn.name !== undefined) || (ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name));
}

/** The function (the owner or one around it) whose parameter `callee` names, and its index. */
function parameterOf(ts: TS, checker: ts.TypeChecker, callee: ts.Expression): { fn: FunctionNode; index: number } | undefined {
  if (!ts.isIdentifier(callee)) return undefined;
  const decl = checker.getSymbolAtLocation(callee)?.valueDeclaration;
  if (decl === undefined || !ts.isParameter(decl) || !isFunction(ts, decl.parent)) return undefined;
  return { fn: decl.parent, index: decl.parent.parameters.indexOf(decl) };
}
