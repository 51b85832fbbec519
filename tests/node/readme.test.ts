// The README's miou/node snippet (tests/node/_readme.ts) runs as written, with `miou run`.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

test("README: a TCP server task and a client in one run", () => {
  const r = spawnSync(process.execPath, [join(root, "dist", "cli.js"), "run", join(root, "tests", "node", "_readme.ts")], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  assert.is(r.stderr, "");
  assert.is(r.stdout, "hello\n");
  assert.is(r.status, 0);
});

test.run();
