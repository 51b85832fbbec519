/**
 * What a function sees of the code around it, kept when it becomes a generator:
 *
 * - an arrow's `this`, `arguments` and `super` are those of the function around it, but a
 *   generator has its own: the generator is bound to the outer `this`, and reads `arguments` and
 *   `super` through parameters of an arrow made where they mean what they meant;
 * - at targets below ES2015 TypeScript lowers a generator into an inner function, whose
 *   `arguments` is not the caller's: a function that reads `arguments` captures it first;
 * - a parameter default moved into the body must not see the body's own declarations: the
 *   body's names that a moved default reads are renamed (`facts.shadowed`).
 */
import type ts from "typescript";
import type { Facts, FunctionNode } from "../analyse/facts.js";

type TS = typeof import("typescript");

export class Scopes {
  private readonly f: ts.NodeFactory;
  /** The new name of each renamed body declaration, by symbol, while its function is written. */
  private readonly names = new Map<ts.Symbol, ts.Identifier>();
  private shadowed: ReadonlyMap<ts.Identifier, ts.Symbol> = new Map();

  constructor(
    private readonly ts: TS,
    private readonly context: ts.TransformationContext,
  ) {
    this.f = context.factory;
  }

  /** Starts renaming `fn`'s shadowing body names; returns what stops it. */
  renameShadowed(fn: FunctionNode, facts: Facts): () => void {
    const own = facts.shadowed.get(fn);
    if (own === undefined) return () => {};
    const before = this.shadowed;
    this.shadowed = own;
    return () => {
      this.shadowed = before;
    };
  }

  /** The new name of a renamed identifier, if it is one. */
  renamed(id: ts.Identifier): ts.Identifier | undefined {
    const symbol = this.shadowed.get(id);
    if (symbol === undefined) return undefined;
    let name = this.names.get(symbol);
    if (name === undefined) {
      name = this.f.createUniqueName(id.text);
      this.names.set(symbol, name);
    }
    return name;
  }

  usesArguments(fn: FunctionNode): boolean {
    return usesOwn(this.ts, fn, (n) => isArguments(this.ts, n));
  }

  /**
   * `((args, sup) => function* () { ...args..., sup("m").call(this) }.bind(this))(arguments, (k) => super[k])`,
   * each part only when the arrow needs it.
   */
  arrowToGenerator(fn: ts.ArrowFunction, parameters: ts.NodeArray<ts.ParameterDeclaration>, body: ts.Block): ts.Expression {
    const { ts, f } = this;
    const args = this.usesArguments(fn) ? f.createUniqueName("args") : undefined;
    const sup = usesOwn(ts, fn, (n) => n.kind === ts.SyntaxKind.SuperKeyword) ? f.createUniqueName("sup") : undefined;
    const replace = (n: ts.Node): ts.Node => this.replaceScoped(n, args, sup);
    const replaced = args === undefined && sup === undefined ? { parameters, body } : { parameters: f.createNodeArray(parameters.map((p) => replace(p) as ts.ParameterDeclaration)), body: replace(body) as ts.Block };
    let gen: ts.Expression = ts.setTextRange(f.createFunctionExpression(fn.modifiers, f.createToken(ts.SyntaxKind.AsteriskToken), undefined, fn.typeParameters, replaced.parameters, undefined, replaced.body), fn);
    if (sup !== undefined || usesOwn(ts, fn, (n) => n.kind === ts.SyntaxKind.ThisKeyword))
      gen = f.createCallExpression(f.createPropertyAccessExpression(f.createParenthesizedExpression(gen), "bind"), undefined, [f.createThis()]);
    const outer: [ts.Identifier, ts.Expression][] = [];
    if (args !== undefined) outer.push([args, f.createIdentifier("arguments")]);
    if (sup !== undefined) {
      const k = f.createUniqueName("key");
      outer.push([sup, f.createArrowFunction(undefined, undefined, [f.createParameterDeclaration(undefined, undefined, k)], undefined, undefined, f.createElementAccessExpression(f.createSuper(), k))]);
    }
    if (outer.length === 0) return gen;
    const capture = f.createArrowFunction(undefined, undefined, outer.map(([name]) => f.createParameterDeclaration(undefined, undefined, name)), undefined, undefined, gen);
    return f.createCallExpression(f.createParenthesizedExpression(capture), undefined, outer.map(([, value]) => value));
  }

  /**
   * Below ES2015: `function f(a) { const args = arguments; return function* () { ...args... }.call(this); }`.
   * The function returns a frame, which the runtime runs as it runs a generator's. A method's
   * `super.m(x)` moves into the nested function too, where `super` cannot stand: it reads
   * `sup("m").call(this, x)`, with `const sup = (k) => super[k]` beside `args`.
   */
  capturingArguments(fn: ts.FunctionDeclaration | ts.FunctionExpression | ts.MethodDeclaration, parameters: ts.NodeArray<ts.ParameterDeclaration>, body: ts.Block): ts.Node {
    const { ts, f } = this;
    const args = f.createUniqueName("args");
    const sup = ts.isMethodDeclaration(fn) && usesOwn(ts, fn, (n) => n.kind === ts.SyntaxKind.SuperKeyword) ? f.createUniqueName("sup") : undefined;
    const inner = this.replaceScoped(body, args, sup) as ts.Block;
    const gen = f.createFunctionExpression(undefined, f.createToken(ts.SyntaxKind.AsteriskToken), undefined, undefined, [], undefined, inner);
    const constant = (name: ts.Identifier, value: ts.Expression) =>
      f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, undefined, value)], ts.NodeFlags.Const));
    const k = f.createUniqueName("key");
    const outer = f.createBlock(
      [
        constant(args, f.createIdentifier("arguments")),
        ...(sup === undefined ? [] : [constant(sup, f.createArrowFunction(undefined, undefined, [f.createParameterDeclaration(undefined, undefined, k)], undefined, undefined, f.createElementAccessExpression(f.createSuper(), k)))]),
        f.createReturnStatement(f.createCallExpression(f.createPropertyAccessExpression(f.createParenthesizedExpression(gen), "call"), undefined, [f.createThis()])),
      ],
      true,
    );
    ts.setTextRange(outer, body);
    if (ts.isFunctionDeclaration(fn)) return f.updateFunctionDeclaration(fn, fn.modifiers, undefined, fn.name, fn.typeParameters, parameters, undefined, outer);
    if (ts.isFunctionExpression(fn)) return f.updateFunctionExpression(fn, fn.modifiers, undefined, fn.name, fn.typeParameters, parameters, undefined, outer);
    return f.updateMethodDeclaration(fn, fn.modifiers, undefined, fn.name, fn.questionToken, fn.typeParameters, parameters, undefined, outer);
  }

  /** Replaces the scope's own `arguments` by `args` and `super.x` by `sup("x")`, stopping at functions with their own. */
  private replaceScoped(node: ts.Node, args: ts.Identifier | undefined, sup: ts.Identifier | undefined): ts.Node {
    const { ts, f } = this;
    if (args !== undefined && isArguments(ts, node)) return args;
    if (ownScope(ts, node)) return node;
    if (sup !== undefined) {
      const read = superRead(ts, f, node, sup);
      if (read !== undefined) return read;
      if (ts.isCallExpression(node)) {
        const target = superRead(ts, f, node.expression, sup);
        if (target !== undefined) {
          const rest = node.arguments.map((a) => this.replaceScoped(a, args, sup) as ts.Expression);
          return f.createCallExpression(f.createPropertyAccessExpression(target, "call"), undefined, [f.createThis(), ...rest]);
        }
      }
    }
    return ts.visitEachChild(node, (c) => this.replaceScoped(c, args, sup), this.context);
  }
}

/** `super.x` and `super[k]` read through `sup`: `sup("x")`, `sup(k)`. */
function superRead(ts: TS, f: ts.NodeFactory, node: ts.Node, sup: ts.Identifier): ts.Expression | undefined {
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) return f.createCallExpression(sup, undefined, [f.createStringLiteral(node.name.text)]);
  if (ts.isElementAccessExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) return f.createCallExpression(sup, undefined, [node.argumentExpression]);
  return undefined;
}

/** Functions and classes have a `this`, an `arguments` and a `super` of their own; arrows see through. */
function ownScope(ts: TS, node: ts.Node): boolean {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node) || ts.isConstructorDeclaration(node);
}

const isArguments = (ts: TS, node: ts.Node): node is ts.Identifier => ts.isIdentifier(node) && node.text === "arguments";

/** Does `fn` (its parameters or its body) use something of its scope that `test` recognises, arrows included? */
function usesOwn(ts: TS, fn: FunctionNode, test: (n: ts.Node) => boolean): boolean {
  const look = (n: ts.Node): boolean => test(n) || (!ownScope(ts, n) && (ts.forEachChild(n, (c) => look(c) || undefined) ?? false));
  return fn.parameters.some(look) || (fn.body !== undefined && look(fn.body));
}
