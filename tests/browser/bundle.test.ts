// The browser build (dist/browser/) as a browser gets it: every module it imports is one of its
// own files, by a relative URL. A `node:` import, a Node built-in or any bare name fails here,
// with the file and the specifier, before a page ever loads it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import ts from "typescript";

const dir = join(import.meta.dirname, "..", "..", "dist", "browser");
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".js")) : [];

/** Every module specifier of `file`: static imports and re-exports, and `import("...")`. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(dir, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      found.push(arg !== undefined && ts.isStringLiteralLike(arg) ? arg.text : `<computed: ${arg?.getText(source)}>`);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "require") found.push("require(...)");
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test("the browser build has its three entries and the worker domains' entry", () => {
  for (const entry of ["index.js", "gen.js", "compiled.js", "worker.js"]) assert.ok(files.includes(entry), `dist/browser/${entry} is missing (${files.join(", ")})`);
});

test("the browser build imports no node: module, no Node built-in and no bare name: only its own files", () => {
  const builtins = new Set(builtinModules);
  const bad: string[] = [];
  for (const file of files) {
    for (const s of specifiers(file)) {
      // The one computed import: a worker domain loading, by its URL, a module of portable functions.
      if (s === "<computed: url>") continue;
      const own = /^\.\/[\w.-]+\.js$/.test(s) && files.includes(s.slice(2));
      if (!own) bad.push(`${file}: ${JSON.stringify(s)}${s.startsWith("node:") || builtins.has(s) ? " (a Node built-in)" : ""}`);
    }
  }
  assert.equal(bad, [], `dist/browser imports what a browser cannot load:\n${bad.join("\n")}`);
});

test("the browser build mentions no node: module at all, not even in a string", () => {
  for (const file of files) assert.not.match(readFileSync(join(dir, file), "utf8"), /["'`]node:/, `dist/browser/${file}`);
});

test.run();
