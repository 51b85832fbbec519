// The one table of diagnostics (transformer/analyse/messages.ts) against what users read: the
// README's table lists exactly its codes, each code has a situation, and each situation's words
// are what some diagnostic fixture (tests/transformer/diagnostics/) prints.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CODES, MESSAGES } from "../../transformer/analyse/messages.js";

const root = join(import.meta.dirname, "..", "..");
const fixtures = join(import.meta.dirname, "diagnostics");
const printed = readdirSync(fixtures, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => readFileSync(join(fixtures, e.name, "errors.txt"), "utf8"))
  .join("\n");

test("the README's table of diagnostics lists exactly the codes of the table", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| MIOU(\d{4}) \|/gm)].map((m) => Number(m[1]));
  assert.equal(rows, Object.keys(CODES).map(Number));
});

test("every code has at least one situation that reports it", () => {
  const used = new Set(Object.values(MESSAGES).map((e) => e.code));
  for (const code of Object.keys(CODES).map(Number)) assert.ok(used.has(code as keyof typeof CODES), `MIOU${code} is reported by no situation`);
});

// A message called with a marker for each argument: the longest fixed run of words between
// markers must appear, prefixed by the situation's code, in some fixture's errors.txt.
const MARK = "\u0000";
const capture = { name: MARK, kind: "this", assigned: false, node: null, crossing: { by: "closure" } };
for (const [situation, entry] of Object.entries(MESSAGES)) {
  test(`the words of ${situation} (MIOU${entry.code}) are those a fixture prints`, () => {
    const args = Array.from({ length: entry.message.length }, (_, i) => (situation === "portableCapture" && i === 1 ? capture : MARK));
    const text = (entry.message as (...a: unknown[]) => string)(...args);
    const longest = text.split(MARK).reduce((a, b) => (b.length > a.length ? b : a), "");
    assert.ok(longest.length > 20, `${situation}: a fixed run of words to look for`);
    const lines = printed.split("\n").filter((l) => l.includes(`MIOU${entry.code}: `));
    assert.ok(
      lines.some((l) => l.includes(longest)),
      `no fixture under tests/transformer/diagnostics/ prints MIOU${entry.code} with "${longest}": add one for ${situation}`,
    );
  });
}

test.run();
