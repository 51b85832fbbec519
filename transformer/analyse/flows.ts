/**
 * Where the program's function values go: the expressions whose value is stored or handed on
 * (so a suspending function among them flows into the program's values, `values.ts`), the
 * functions reachable as values, and the functions called by code the analysis does not follow
 * call by call. What must stay true: every node of the program is noted once, in the walk,
 * before the first round decides anything that rests on values.
 */
import type ts from "typescript";
import { ARRAY_METHODS, type FunctionNode } from "./facts.js";
import { isMiouFunction } from "./brand.js";
import { functionOf, inProgram, isFunctionNode } from "./resolve.js";

type TS = typeof import("typescript");

export class Flows {
  /** Expressions whose value is stored into the program's values, or handed to code that may keep it. */
  readonly escaping: ts.Expression[] = [];
  /** Functions reachable as values (methods, functions stored): their suspending ones flow into values. */
  readonly valueFunctions = new Set<FunctionNode>();
  /**
   * Functions called by code the analysis does not follow call by call (values, other code): their
   * parameters may receive any value of their type.
   */
  readonly calledUnseen = new Set<FunctionNode>();

  constructor(
    private readonly ts: TS,
    private readonly program: ts.Program,
  ) {}

  /** Records what `node` does with function values, if anything. */
  note(node: ts.Node): void {
    const { ts } = this;
    const escape = (e: ts.Expression | undefined) => this.escape(e);
    if (ts.isArrayLiteralExpression(node)) node.elements.forEach(escape);
    else if (ts.isPropertyAssignment(node)) escape(node.initializer);
    else if (ts.isShorthandPropertyAssignment(node)) escape(node.name);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) escape(node.right);
    else if (ts.isReturnStatement(node)) escape(node.expression);
    else if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) escape(node.body);
    else if (ts.isVariableDeclaration(node)) escape(node.initializer);
    else if (ts.isPropertyDeclaration(node)) escape(node.initializer);
    else if (ts.isParameter(node)) escape(node.initializer);
    else if (ts.isCallExpression(node) || ts.isNewExpression(node)) this.handed(node);
  }

  /** `e`'s value is kept where the analysis does not follow it. */
  private escape(e: ts.Expression | undefined): void {
    if (e === undefined) return;
    this.escaping.push(e);
    const fn = functionOf(this.ts, this.program, e);
    if (fn !== undefined) {
      this.valueFunctions.add(fn);
      this.calledUnseen.add(fn);
    }
  }

  /**
   * The arguments of a call or `new`. Handed to miou (run, async, ...), a function runs as a
   * task; handed to a program function's parameter, it is followed call by call (but may still be
   * called with any value); handed to anything else, it escapes.
   */
  private handed(node: ts.CallExpression | ts.NewExpression): void {
    const { ts, program } = this;
    const checker = program.getTypeChecker();
    if (isMiouFunction(checker, node.expression)) return;
    const decl = ts.isCallExpression(node) ? checker.getResolvedSignature(node)?.declaration : undefined;
    const direct = decl !== undefined && isFunctionNode(ts, decl) && inProgram(program, decl);
    const array = isArrayMethodCall(ts, checker, node);
    (node.arguments ?? []).forEach((arg, i) => {
      if (direct || (array && i === 0)) {
        const fn = functionOf(ts, program, arg);
        if (fn !== undefined) this.calledUnseen.add(fn);
      } else this.escape(arg);
    });
  }
}

/** Is `call` one of the array methods with a helper that can suspend, on an array? */
export function isArrayMethodCall(ts: TS, checker: ts.TypeChecker, call: ts.Node): call is ts.CallExpression & { expression: ts.PropertyAccessExpression } {
  if (!ts.isCallExpression(call) || call.arguments.length === 0) return false;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ARRAY_METHODS.includes(callee.name.text)) return false;
  const receiver = checker.getNonNullableType(checker.getTypeAtLocation(callee.expression));
  return checker.isArrayType(receiver) || checker.isTupleType(receiver);
}
