/**
 * Portable functions in bundles. A worker finds a portable function by its module's URL and its
 * index in the module (PROTOCOL.md §6). A bundler merges modules into one chunk, and so one URL:
 * two modules' function #0 would then share a key, and a worker would run the wrong one. In
 * output meant for a bundler each index is therefore qualified by the module's path
 * (`"src/app.ts#0"`), which stays unique inside any chunk. The runtime compares keys as text.
 */
import ts from "typescript";

const COMPILED = "miou/compiled";

/** An `after` transformer: the registry's `portable(url, N, ...)` calls get `"file#N"`. */
export function qualifyPortableKeys(moduleName: string, found: () => void = () => undefined): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (file) => {
    const f = context.factory;
    const portable = portableName(file);
    if (portable === undefined) return file;
    const statements = file.statements.map((s) => {
      if (!ts.isVariableStatement(s)) return s;
      const declarations = s.declarationList.declarations.map((d) => {
        const init = d.initializer;
        if (init === undefined || !ts.isCallExpression(init) || init.expression !== portable) return d;
        const [url, index, ...rest] = init.arguments;
        if (url === undefined || index === undefined || !ts.isNumericLiteral(index)) return d;
        found();
        const key = f.createStringLiteral(`${moduleName}#${index.text}`);
        return f.updateVariableDeclaration(d, d.name, d.exclamationToken, d.type, f.updateCallExpression(init, init.expression, undefined, [url, key, ...rest]));
      });
      return f.updateVariableStatement(s, s.modifiers, f.updateVariableDeclarationList(s.declarationList, declarations));
    });
    return f.updateSourceFile(file, statements);
  };
}

/** The local name the rewrite gave `portable` of `miou/compiled` (the very node its calls use). */
function portableName(file: ts.SourceFile): ts.Identifier | undefined {
  for (const s of file.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || s.moduleSpecifier.text !== COMPILED) continue;
    const named = s.importClause?.namedBindings;
    if (named === undefined || !ts.isNamedImports(named)) continue;
    for (const spec of named.elements) if ((spec.propertyName ?? spec.name).text === "portable") return spec.name;
  }
  return undefined;
}
