// house-style rule 4: runtime/core/ uses only ECMAScript built-ins; hosts come in through
// runtime/platform/*. A host global or a node: import in the core fails this test.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const core = join(import.meta.dirname, "..", "..", "runtime", "core");
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

test("runtime/core uses no host API", () => {
  const files = readdirSync(core).filter((f) => f.endsWith(".ts"));
  assert.ok(files.length > 5, "the core's files were found");
  for (const file of files) {
    const code = readFileSync(join(core, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    for (const pattern of forbidden) assert.not.match(code, pattern, `${file} uses ${pattern}`);
  }
});

test.run();
