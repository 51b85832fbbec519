/**
 * The names a rewritten module takes from `miou/compiled`, imported once under unique local
 * names, after the module's own imports.
 */
import type ts from "typescript";

type TS = typeof import("typescript");

export const COMPILED = "miou/compiled";

export class Imports {
  private readonly names = new Map<string, ts.Identifier>();

  constructor(
    private readonly ts: TS,
    private readonly f: ts.NodeFactory,
  ) {}

  /** The local name of a helper of `miou/compiled`. */
  use(name: string): ts.Identifier {
    let id = this.names.get(name);
    if (id === undefined) {
      id = this.f.createUniqueName(name);
      this.names.set(name, id);
    }
    return id;
  }

  /**
   * The file with the import, then `statements`, placed after its prologue and imports. In a file
   * emitted as CommonJS the import is a `require`: TypeScript's own module transform would not
   * see the references to names the transformer made.
   */
  prepend(file: ts.SourceFile, statements: ts.Statement[], commonjs = false): ts.SourceFile {
    const { ts, f } = this;
    let decl: ts.Statement;
    if (commonjs) {
      const bindings = [...this.names].map(([name, id]) => f.createBindingElement(undefined, name, id));
      const required = f.createCallExpression(f.createIdentifier("require"), undefined, [f.createStringLiteral(COMPILED)]);
      decl = f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(f.createObjectBindingPattern(bindings), undefined, undefined, required)], ts.NodeFlags.Const));
    } else {
      const specifiers = [...this.names].map(([name, id]) => f.createImportSpecifier(false, f.createIdentifier(name), id));
      decl = f.createImportDeclaration(undefined, f.createImportClause(false, undefined, f.createNamedImports(specifiers)), f.createStringLiteral(COMPILED));
    }
    const body = file.statements;
    let at = 0;
    const skipped = (s: ts.Statement) => ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s) || (ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression));
    while (at < body.length && skipped(body[at]!)) at += 1;
    return f.updateSourceFile(file, [...body.slice(0, at), decl, ...statements, ...body.slice(at)]);
  }
}
