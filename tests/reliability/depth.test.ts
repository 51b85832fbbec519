// How deep a generator-style `yield*` recursion that suspends can go before the stack overflows
// (the README's figure; the compiled form has no such limit). Long mode only: a binary search
// over runs that overflow is slow.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { SOAK, figure } from "./soak.js";

if (SOAK) {
  test("generator-style recursion depth (figure)", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "_depth.ts")], { encoding: "utf8" });
    assert.is(r.status, 0, r.stderr);
    const { deepest } = JSON.parse(r.stdout.trim()) as { deepest: number };
    figure(`generator-style yield* recursion: deepest that runs ${deepest.toLocaleString("en")} levels`);
    assert.ok(deepest > 1_000, `only ${deepest} levels`);
  });
}

test.run();
