/**
 * The program suite as every host's test sees it: the programs of `tests/programs/` (files
 * starting with `_` are modules they import, not programs), and the check that a build of one
 * prints exactly its `.stdout`, run with `--enable-source-maps` so stack frames map to `.ts`.
 */
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const programsDir = import.meta.dirname;

/** Every `.ts` module of the suite, programs and the modules they import. */
export const modules = readdirSync(programsDir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "suite.ts");

/** The programs' names, without `.ts`. */
export const programs = modules.filter((f) => !f.startsWith("_")).map((f) => f.slice(0, -3));

/** Runs the built `js` of program `name` and checks it prints exactly `name.stdout`. */
export function assertPrints(js: string, name: string): void {
  const printed = execFileSync(process.execPath, ["--enable-source-maps", js], {
    cwd: programsDir,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  assert.fixture(printed, readFileSync(join(programsDir, `${name}.stdout`), "utf8"));
}
