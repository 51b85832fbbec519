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

  /** The file with the import, then `statements`, placed after its prologue and imports. */
  prepend(file: ts.SourceFile, statements: ts.Statement[]): ts.SourceFile {
    const { ts, f } = this;
    const specifiers = [...this.names].map(([name, id]) => f.createImportSpecifier(false, f.createIdentifier(name), id));
    const decl = f.createImportDeclaration(undefined, f.createImportClause(false, undefined, f.createNamedImports(specifiers)), f.createStringLiteral(COMPILED));
    const body = file.statements;
    let at = 0;
    while (at < body.length && (ts.isImportDeclaration(body[at]!) || ts.isExpressionStatement(body[at]!) && ts.isStringLiteral((body[at] as ts.ExpressionStatement).expression))) at += 1;
    return f.updateSourceFile(file, [...body.slice(0, at), decl, ...statements, ...body.slice(at)]);
  }
}
