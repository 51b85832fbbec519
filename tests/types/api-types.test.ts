// The pinned public types (api-types.ts) hold for the built package, and the pin can fail:
// the same file with one assertion changed does not compile.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { errorsOf, programOf } from "../transformer/program.js";

const source = readFileSync(join(import.meta.dirname, "api-types.ts"), "utf8");

test("miou and miou/gen have exactly the pinned types", () => {
  assert.equal(errorsOf(programOf({ "api-types.ts": source })), []);
});

test("a direct-style type that differs from the pin is a type error", () => {
  const pinned = "Expect<Equal<typeof Miou.await_exn, Suspending<<T>(p: Promise<T>) => T>>>";
  assert.ok(source.includes(pinned));
  const changed = source.replace(pinned, "Expect<Equal<typeof Miou.await_exn, Suspending<<T>(p: Promise<T>) => T | undefined>>>");
  const errors = errorsOf(programOf({ "api-types.ts": changed }));
  assert.equal(errors, ["Type 'false' does not satisfy the constraint 'true'."]);
});

test("a generator-style type that differs from the pin is a type error", () => {
  const pinned = "Expect<Equal<typeof Gen.Lazy.force, <T>(l: Lazy<T>) => Operation<T>>>";
  assert.ok(source.includes(pinned));
  const changed = source.replace(pinned, "Expect<Equal<typeof Gen.Lazy.force, <T>(l: Lazy<T>) => T>>");
  assert.equal(errorsOf(programOf({ "api-types.ts": changed })).length, 1);
});

test.run();
