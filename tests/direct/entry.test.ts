// The `miou` entry point: direct-style types over the very runtime objects of `miou/gen`.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou";
import * as Gen from "miou/gen";
import ts from "typescript";
import { errorsOf, programOf } from "../transformer/program.js";
import { SUSPENDING as LISTED } from "../../runtime/api.js";

test("miou and miou/gen export the very same objects under the same names", () => {
  const direct = Object.keys(Miou);
  assert.ok(direct.length > 30);
  for (const name of direct) assert.is((Miou as Record<string, unknown>)[name], (Gen as Record<string, unknown>)[name], name);
});

test("without the transformer a direct-style ⏸ call throws the TypeError naming it", async () => {
  const e = await Miou.run(() => {
    const p = Miou.async(() => 42);
    return Miou.await_exn(p);
  }).catch((e: unknown) => e as Error);
  assert.instance(e, TypeError);
  assert.match((e as Error).message, '{ "transform": "miou/transformer" }');
  assert.match((e as Error).message, "npx miou run");
});

// What the checker sees: which exports carry the brand, from the emitted declarations; the ⏸
// functions are those of the API's one list.
const SUSPENDING: readonly string[] = LISTED;

function checkerFor(source: string) {
  const program = programOf({ "probe.ts": source });
  const file = program.getSourceFiles().find((f) => f.fileName.endsWith("probe.ts"))!;
  return { program, checker: program.getTypeChecker(), file };
}

const branded = (checker: ts.TypeChecker, node: ts.Node) =>
  checker.getTypeAtLocation(node).getProperty("__miou_suspends") !== undefined;

test("exactly the ⏸ functions carry the brand, seen through the type checker", () => {
  const names = [...SUSPENDING, "run", "orphans", "length", "signal", "uid", "wake", "seed", "Promise.uid", "Ownership.create", "Domain.self", "Mutex.create", "Condition.signal", "Condition.broadcast", "Lazy.from_val", "Lazy.from_fun"];
  const source = `import * as Miou from "miou";\n${names.map((n, i) => `export const v${i} = Miou.${n};`).join("\n")}\n`;
  const { program, checker, file } = checkerFor(source);
  assert.equal(errorsOf(program), []);
  const statements = file.statements.filter(ts.isVariableStatement);
  names.forEach((name, i) => {
    const init = statements[i]!.declarationList.declarations[0]!.initializer!;
    assert.is(branded(checker, init), SUSPENDING.includes(name), name);
  });
});

test("the brand follows aliased imports and ignores a user's own function of the same name", () => {
  const source = [
    `import { await_exn as wait } from "miou";`,
    `import * as Miou from "miou";`,
    `const await_exn = (n: number) => n;`,
    `export const a = wait;`,
    `export const b = await_exn;`,
    `export function f(p: Miou.Promise<number>): number { const v: number = Miou.await_exn(p); return v; }`,
  ].join("\n");
  const { program, checker, file } = checkerFor(source);
  assert.equal(errorsOf(program), []);
  const [a, b] = file.statements.filter(ts.isVariableStatement).slice(1);
  assert.ok(branded(checker, a!.declarationList.declarations[0]!.initializer!));
  assert.not.ok(branded(checker, b!.declarationList.declarations[0]!.initializer!));
});

test.run();
