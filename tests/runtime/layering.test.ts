// The runtime's layers, read from the import declarations themselves (parsed with the
// TypeScript API, `import type` included): core ← domains ← ops ← entry points. Core imports
// only core; domains import core and domains; ops import core, domains, ops and the public
// handle types (runtime/types.ts, which imports only core). No import cycle anywhere in
// runtime/ or transformer/ (a module importing itself, as gen.ts does for its namespace, is
// none), so every file can be read after the files it uses.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const root = join(import.meta.dirname, "..", "..");

/** Every .ts file under `dir`, recursively (declaration files aside). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The relative modules a file imports or re-exports, resolved to files: types and values alike. */
export function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      specifiers.push(node.moduleSpecifier.text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      specifiers.push(node.argument.literal.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0]))
      specifiers.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers
    .filter((s) => s.startsWith("."))
    .map((s) => resolve(dirname(file), s.replace(/\.js$/, ".ts")))
    .filter((path) => existsSync(path));
}

/** The import graph of `files`: each file and the files of the set it imports. */
function graph(files: string[]): Map<string, string[]> {
  const set = new Set(files);
  return new Map(files.map((f) => [f, importsOf(f).filter((g) => set.has(g))]));
}

/** The import cycles of a graph (its strongly connected components of more than one file, or a self-import). */
export function cycles(g: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) out.push(component.sort());
  };
  for (const v of g.keys()) if (!index.has(v)) connect(v);
  return out;
}

const rel = (f: string) => relative(root, f);
const runtime = sources(join(root, "runtime"));
const layers: Record<string, readonly string[]> = {
  "runtime/core/": ["runtime/core/"],
  "runtime/domains/": ["runtime/core/", "runtime/domains/"],
  "runtime/ops/": ["runtime/core/", "runtime/domains/", "runtime/ops/", "runtime/types.ts"],
  "runtime/types.ts": ["runtime/core/"],
};

for (const [layer, allowed] of Object.entries(layers)) {
  test(`${layer} imports only ${allowed.join(", ")}`, () => {
    const files = runtime.filter((f) => rel(f).startsWith(layer));
    assert.ok(files.length > 0, `the files of ${layer} were found`);
    const wrong = files.flatMap((f) => importsOf(f).filter((g) => !allowed.some((a) => rel(g).startsWith(a))).map((g) => `${rel(f)} imports ${rel(g)}`));
    assert.equal(wrong, []);
  });
}

test("no import cycle in runtime/ or transformer/, type-only imports included", () => {
  const files = [...runtime, ...sources(join(root, "transformer"))];
  const found = cycles(graph(files)).map((c) => c.map(rel).join(" → "));
  assert.equal(found, []);
});

test("the cycle finder finds a cycle through a type-only import", () => {
  const g = new Map([
    ["a", ["b"]],
    ["b", ["c"]],
    ["c", ["a"]],
    ["d", ["a"]],
  ]);
  assert.equal(cycles(g), [["a", "b", "c"]]);
  assert.equal(cycles(new Map([["a", ["b"]], ["b", []]])), []);
  const file = join(root, "runtime", "core", "protocol.ts");
  assert.ok(importsOf(file).some((f) => rel(f) === "runtime/core/task.ts"), "an `import type` is read as an import");
});

test.run();
