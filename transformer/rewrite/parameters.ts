/**
 * Parameters of a function turned into a generator: `yield` may not stand in a parameter list,
 * so from the first parameter whose default or pattern suspends (`facts.moved`), each parameter
 * becomes a plain name and its pattern and default move to the top of the body, in order (later
 * defaults may read earlier parameters, as before; body names they would see are renamed, see
 * `analyse/shadows.ts`).
 */
import type ts from "typescript";
import type { Facts, FunctionNode } from "../analyse/facts.js";

type TS = typeof import("typescript");

export function moveParameters(
  ts: TS,
  f: ts.NodeFactory,
  fn: FunctionNode,
  facts: Facts,
  visit: (n: ts.Node) => ts.Node | ts.Node[],
): { parameters: ts.NodeArray<ts.ParameterDeclaration>; prologue: ts.Statement[] } {
  const first = facts.moved.get(fn) ?? -1;
  const visitParam = (p: ts.ParameterDeclaration) => visit(p) as ts.ParameterDeclaration;
  if (first < 0) return { parameters: f.createNodeArray(fn.parameters.map(visitParam)), prologue: [] };

  const parameters: ts.ParameterDeclaration[] = fn.parameters.slice(0, first).map(visitParam);
  const prologue: ts.Statement[] = [];
  fn.parameters.slice(first).forEach((p, i) => {
    if (p.dotDotDotToken !== undefined && ts.isIdentifier(p.name) && p.initializer === undefined) {
      parameters.push(visitParam(p));
      return;
    }
    const name = f.createUniqueName(`p${first + i}`);
    // `= void 0` keeps the function's `length`, which counts parameters before the first default.
    const keep = p.initializer === undefined ? undefined : f.createVoidZero();
    parameters.push(f.createParameterDeclaration(undefined, p.dotDotDotToken, name, undefined, undefined, keep));
    const value =
      p.initializer === undefined
        ? name
        : f.createConditionalExpression(
            f.createStrictEquality(name, f.createVoidZero()),
            undefined,
            visit(p.initializer) as ts.Expression,
            undefined,
            name,
          );
    const binding = visit(p.name) as ts.BindingName;
    prologue.push(f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(binding, undefined, undefined, value)], ts.NodeFlags.Let)));
  });
  return { parameters: f.createNodeArray(parameters), prologue };
}
