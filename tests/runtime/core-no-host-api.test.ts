// house-style rule 4: runtime/core/ (and runtime/domains/, the domains' protocol) use only
// ECMAScript built-ins; hosts come in through runtime/platform/*. A host global or a node: import
// there fails this test.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const folders = ["core", "domains"].map((f) => join(import.meta.dirname, "..", "..", "runtime", f));
const forbidden = [
  /\bfrom\s+["']node:/,
  /\brequire\(/,
  /\bprocess\./,
  /\bconsole\./,
  /\bsetTimeout\b/,
  /\bsetImmediate\b/,
  /\bqueueMicrotask\b/,
  /\bstructuredClone\b/,
  /\bperformance\b/,
  /\bMessageChannel\b/,
  /\bWorker\b/,
  /\bwindow\b/,
  /\bself\./,
  /\bglobalThis\./,
];

test("runtime/core and runtime/domains use no host API", () => {
  const files = folders.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f)));
  assert.ok(files.length > 10, "the files were found");
  for (const file of files) {
    const code = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    for (const pattern of forbidden) assert.not.match(code, pattern, `${file} uses ${pattern}`);
  }
});

test.run();
