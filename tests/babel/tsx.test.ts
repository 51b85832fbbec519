// A .tsx module through miou/babel on Babel 8 and 7: rewritten (its suspending functions are
// generators), with its JSX kept for the JSX transform after it; with no JSX preset, Babel prints
// the JSX as written.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { babels, optionsFor, root } from "./babels.js";

const file = join(import.meta.dirname, "tsx", "view.tsx");

for (const babel of babels) {
  test(`a TSX module through Babel ${babel.major}`, () => {
    // Babel 8's TypeScript preset leaves JSX parsing to the JSX syntax (as a React preset turns on).
    const options = { ...optionsFor(babel, file, root), parserOpts: { plugins: ["jsx"] } };
    const code = babel.transformSync(readFileSync(file, "utf8"), options)!.code!;
    assert.match(code, /function\* label\(n\)/);
    assert.match(code, /function\* items\(ns\)/);
    assert.match(code, /<li>\{yield /, "the suspending call inside the JSX is a yield");
    assert.not.match(code, /declare global|: number/, "no types left");
  });
}

test.run();
