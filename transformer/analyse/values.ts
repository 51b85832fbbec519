/**
 * Which values may hold a suspending function: the question every call through a value asks.
 *
 * A value may hold one when it is a ⏸ function of miou (a branded type), a suspending function of
 * the program (named, or written in place), either branch of `?:`, `||`, `??` or `&&` that may,
 * a parameter a suspending function reaches, or any other expression whose type a suspending
 * function that flows into the program's values is assignable to. Types are the backstop: a
 * value the analysis cannot follow step by step (a property, an element, a variable assigned
 * twice, a call's result) is judged by its type.
 */
import type ts from "typescript";
import type { FunctionNode } from "./facts.js";
import { isBranded } from "./brand.js";
import { functionOf, unwrap } from "./resolve.js";

type TS = typeof import("typescript");

/** What the values oracle needs to know of the analysis as it stands. */
export interface Knowledge {
  suspends(fn: FunctionNode): boolean;
  /** Does a suspending function reach parameter `index` of `fn`? */
  reachedParameter(fn: FunctionNode, index: number): boolean;
}

export class Values {
  /**
   * The types of the suspending functions that flow into the program's values, found by the
   * last `refresh`: a value of a type one of them is assignable to may hold one.
   */
  private flowing: ts.Type[] = [];
  /** A ⏸ function of miou is among them: a value typed `any` may be one. */
  private anyFlows = false;

  constructor(
    private readonly ts: TS,
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
    private readonly known: Knowledge,
  ) {}

  /**
   * Recomputes the flowing types from the expressions stored into values and the functions
   * reachable as values (methods). Returns whether the set grew.
   */
  refresh(escaping: readonly ts.Expression[], valueFunctions: Iterable<FunctionNode>): boolean {
    const types: ts.Type[] = [];
    for (const e of escaping) if (this.holds(e, false)) types.push(this.checker.getTypeAtLocation(unwrap(this.ts, e)));
    for (const fn of valueFunctions) if (this.known.suspends(fn)) types.push(this.checker.getTypeAtLocation(fn));
    const grew = types.length !== this.flowing.length;
    this.flowing = types;
    this.anyFlows = types.length > 0;
    return grew;
  }

  /**
   * May `e` hold a suspending function? With `byType` false, only what the analysis follows step
   * by step counts (used to find the flowing types themselves).
   */
  holds(e: ts.Expression, byType = true): boolean {
    const { ts } = this;
    const inner = unwrap(ts, e);
    if (isBranded(this.checker, inner)) return true;
    if (ts.isConditionalExpression(inner)) return this.holds(inner.whenTrue, byType) || this.holds(inner.whenFalse, byType);
    if (ts.isBinaryExpression(inner)) {
      const op = inner.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.AmpersandAmpersandToken)
        return this.holds(inner.left, byType) || this.holds(inner.right, byType);
      if (op === ts.SyntaxKind.CommaToken) return this.holds(inner.right, byType);
      if (op === ts.SyntaxKind.EqualsToken) return this.holds(inner.right, byType);
    }
    const param = parameterOf(ts, this.checker, inner);
    if (param !== undefined) return this.known.reachedParameter(param.fn, param.index);
    const fn = functionOf(ts, this.program, inner);
    if (fn !== undefined) return this.known.suspends(fn);
    return byType && this.typeHolds(this.checker.getTypeAtLocation(inner), true);
  }

  /**
   * May a value of type `type` hold a suspending function? `any` (and `Function`) may, once any
   * suspending function flows into values; a type parameter may when its constraint may.
   */
  typeHolds(type: ts.Type, anyCounts: boolean): boolean {
    if (this.flowing.length === 0) return false;
    const { ts, checker } = this;
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return anyCounts && this.anyFlows;
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = checker.getBaseConstraintOfType(type);
      return constraint === undefined || constraint === type ? anyCounts && this.anyFlows : this.typeHolds(constraint, anyCounts);
    }
    if (type.isUnion()) return type.types.some((t) => this.typeHolds(t, anyCounts));
    if (isFunctionObject(checker, type)) return anyCounts && this.anyFlows;
    if (type.getCallSignatures().length === 0) return false;
    return this.flowing.some((t) => checker.isTypeAssignableTo(t, type));
  }

  /** Is a call through a value of this type one the analysis cannot judge (`any`, `Function`)? */
  opaque(type: ts.Type): boolean {
    const { ts } = this;
    if (type.flags & ts.TypeFlags.Any) return true;
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      return constraint === undefined || constraint === type || this.opaque(constraint);
    }
    return isFunctionObject(this.checker, type);
  }
}

/** The global `Function` type, which any function is assignable to and which can be called. */
function isFunctionObject(checker: ts.TypeChecker, type: ts.Type): boolean {
  return type.getSymbol()?.getName() === "Function" && type.getCallSignatures().length === 0 && (checker.getPropertyOfType(type, "apply") !== undefined);
}

/** The function whose parameter `e` names (by a plain identifier), and its index. */
export function parameterOf(ts: TS, checker: ts.TypeChecker, e: ts.Expression): { fn: FunctionNode; index: number } | undefined {
  if (!ts.isIdentifier(e)) return undefined;
  const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
  if (decl === undefined || !ts.isParameter(decl) || !ts.isIdentifier(decl.name)) return undefined;
  const fn = decl.parent;
  if (!(ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isArrowFunction(fn) || ts.isMethodDeclaration(fn) || ts.isAccessor(fn) || ts.isConstructorDeclaration(fn))) return undefined;
  return { fn, index: fn.parameters.indexOf(decl) };
}
