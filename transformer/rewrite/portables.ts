/**
 * The module's registry of portable functions (runtime/PROTOCOL.md, section 6): each
 * function handed to `call` or `parallel` is registered once, at the top of its module, as
 * `const p0 = portable(url, 0, (a, b) => fn, ["a", "b"], [1])`, and each site that hands it over
 * becomes `p0(a, b)`, the function made with its local captures. What must stay true: the index
 * is the analysis's (`facts.portable`), the same in every domain that loads the module, so the
 * registrations are emitted in index order whatever order the sites are visited in.
 */
import type ts from "typescript";
import type { Facts, FunctionNode } from "../analyse/facts.js";
import type { PortableSite } from "../analyse/captures.js";
import type { Imports } from "./imports.js";

type TS = typeof import("typescript");

export class Portables {
  private readonly registry = new Map<number, { ref: ts.Identifier; statement?: ts.Statement }>();

  constructor(
    private readonly ts: TS,
    private readonly f: ts.NodeFactory,
    private readonly facts: Facts,
    private readonly imports: Imports,
    /** The module is emitted as CommonJS: its URL comes from `__filename`, not `import.meta`. */
    private readonly commonjs: boolean,
    /** How a function expression is compiled (as anywhere else) when it moves into its factory. */
    private readonly compile: (fn: FunctionNode) => ts.Node | ts.Node[],
  ) {}

  /** The replacement of a node that hands over a registered portable function, if it is one. */
  at(node: ts.Node): ts.Node | undefined {
    const { ts, f } = this;
    const site = this.facts.portable.get(node as ts.Expression);
    if (site !== undefined && site.index >= 0) return this.ref(site);
    if (ts.isShorthandPropertyAssignment(node)) {
      const short = this.facts.portable.get(node.name);
      if (short !== undefined && short.index >= 0) return ts.setTextRange(f.createPropertyAssignment(node.name.text, this.ref(short)), node);
    }
    return undefined;
  }

  /** The registrations, in index order. */
  statements(): ts.Statement[] {
    return [...this.registry].sort(([a], [b]) => a - b).map(([, e]) => e.statement!);
  }

  /** A registered portable function at its site: `p0(a, b)`, the function made with its local captures. */
  private ref(site: PortableSite): ts.Expression {
    const { ts, f } = this;
    const { target, index } = site;
    const locals = target.kind === "function" ? this.facts.captures.get(target.fn)!.filter((c) => c.crossing.by === "value") : [];
    let entry = this.registry.get(index);
    if (entry === undefined) {
      entry = { ref: f.createUniqueName(`p${index}`) };
      this.registry.set(index, entry);
      // A function expression moves into the factory, compiled as anywhere else; a name is returned.
      const made = target.kind === "function" ? (this.compile(target.fn) as ts.Expression) : target.kind === "name" ? target.name : undefined;
      const factory = f.createArrowFunction(undefined, undefined, locals.map((c) => f.createParameterDeclaration(undefined, undefined, c.name)), undefined, f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), made!);
      const check = locals.flatMap((c, i) => (c.crossing.by === "value" && c.crossing.check ? [i] : []));
      const args = [this.url(), f.createNumericLiteral(index), factory];
      if (locals.length > 0) args.push(f.createArrayLiteralExpression(locals.map((c) => f.createStringLiteral(c.name))));
      if (check.length > 0) args.push(f.createArrayLiteralExpression(check.map((i) => f.createNumericLiteral(i))));
      const register = f.createCallExpression(this.imports.use("portable"), undefined, args);
      const statement = f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(entry.ref, undefined, undefined, register)], ts.NodeFlags.Const));
      // Mapped to the function (or name) it registers.
      entry.statement = ts.setSourceMapRange(statement, target.kind === "function" ? target.fn : site.arg);
    }
    const ref = f.createCallExpression(entry.ref, undefined, locals.map((c) => f.createIdentifier(c.name)));
    return ts.setSourceMapRange(ref, site.arg);
  }

  /** The module's own URL, which names it in every domain. */
  private url(): ts.Expression {
    const { ts, f } = this;
    if (!this.commonjs) return f.createPropertyAccessExpression(f.createMetaProperty(ts.SyntaxKind.ImportKeyword, f.createIdentifier("meta")), "url");
    const require = f.createCallExpression(f.createIdentifier("require"), undefined, [f.createStringLiteral("url")]);
    return f.createPropertyAccessExpression(f.createCallExpression(f.createPropertyAccessExpression(require, "pathToFileURL"), undefined, [f.createIdentifier("__filename")]), "href");
  }
}
