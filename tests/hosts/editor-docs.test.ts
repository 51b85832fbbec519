// What an editor shows on hover, through TypeScript's language service on the built package:
// every function of Mutex, Condition, Lazy, Ownership and Hook says whether it is ⏸, in both
// styles, so that `yield* Condition.signal(c)` or a plain `Lazy.force` is caught while typing.
import { test } from "uvu";
import * as assert from "uvu/assert";
import ts from "typescript";
import { join } from "node:path";
import * as Gen from "miou/gen";
import { SUSPENDING } from "../../runtime/api.js";

const root = join(import.meta.dirname, "..", "..");

// Each member of these namespaces, and whether it is ⏸ (listed in the API's one list).
const MEMBERS: Record<string, Record<string, boolean>> = Object.fromEntries(
  (["Mutex", "Condition", "Lazy", "Ownership", "Hook"] as const).map((ns) => [
    ns,
    Object.fromEntries(Object.keys(Gen[ns]).map((m) => [m, (SUSPENDING as readonly string[]).includes(`${ns}.${m}`)])),
  ]),
);

const NAMESPACED = Object.entries(MEMBERS).flatMap(([ns, members]) => Object.keys(members).map((m) => `${ns}.${m}`));
// The ⏸ functions at the top of the namespace (`await_exn`, `async`, ...).
const TOP = SUSPENDING.filter((path) => !path.includes("."));

function hovers(specifier: string, paths: readonly string[] = NAMESPACED): Map<string, string> {
  const file = join(root, "tests", "hosts", `__hover-${specifier.replace("/", "-")}.ts`);
  const lines = [`import * as Miou from "${specifier}";`];
  for (const path of paths) lines.push(`Miou.${path};`);
  const text = lines.join("\n");
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, types: [] };
  const service = ts.createLanguageService({
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => (f === file ? ts.ScriptSnapshot.fromString(text) : ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)!) : undefined),
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => f === file || ts.sys.fileExists(f),
    readFile: (f) => (f === file ? text : ts.sys.readFile(f)),
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
  const out = new Map<string, string>();
  let offset = lines[0]!.length + 1;
  for (const line of lines.slice(1)) {
    const info = service.getQuickInfoAtPosition(file, offset + line.lastIndexOf(".") + 1);
    out.set(line.slice("Miou.".length, -1), ts.displayPartsToString(info?.documentation));
    offset += line.length + 1;
  }
  return out;
}

for (const specifier of ["miou", "miou/gen"]) {
  test(`${specifier}: the hover of each Mutex, Condition, Lazy, Ownership and Hook function says whether it is ⏸`, () => {
    const docs = hovers(specifier);
    for (const [ns, members] of Object.entries(MEMBERS)) {
      for (const [m, suspends] of Object.entries(members)) {
        const doc = docs.get(`${ns}.${m}`) ?? "";
        if (suspends) assert.ok(doc.startsWith("⏸"), `${ns}.${m} should be marked ⏸, its hover says: ${JSON.stringify(doc)}`);
        else assert.ok(doc.startsWith("Plain"), `${ns}.${m} should say it is plain, its hover says: ${JSON.stringify(doc)}`);
      }
    }
  });
}

for (const specifier of ["miou", "miou/gen"]) {
  test(`${specifier}: the hover of each top-level ⏸ function shows its TSDoc, marked ⏸`, () => {
    const docs = hovers(specifier, TOP);
    assert.ok(TOP.length > 15);
    for (const name of TOP) {
      const doc = docs.get(name) ?? "";
      assert.ok(doc.startsWith("⏸"), `${name} should be documented and marked ⏸, its hover says: ${JSON.stringify(doc)}`);
    }
  });
}

test.run();
