// `npm run build:playground` writes a static site that a plain static server (the browser tests'
// own, which knows nothing of the playground) serves as it is: a program runs there.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { consoleText, runProgram, setProgram, usePlayground } from "./support.js";

const root = join(import.meta.dirname, "..", "..");
const pg = usePlayground();
test.after(() => pg.release());

test("the static build in dist/playground/ runs a program from a plain static server", async () => {
  const built = spawnSync(process.execPath, ["--import", "tsx", join(root, "playground", "build", "cli.ts")], { cwd: root, encoding: "utf8" });
  assert.is(built.status, 0, built.stderr);
  assert.match(built.stdout, /^playground: built in .*dist\/playground/);
  for (const file of ["index.html", "page.js", "compiler.js", "run-worker.js", "miou.js", "miou-gen.js", "libs.json", "runtime/index.js", "runtime/worker.js"])
    assert.ok(existsSync(join(root, "dist", "playground", file)), file);
  // The harness's own server: it knows nothing of the playground, and serves dist/ as it is.
  const page = await pg.chromium.page("/dist/playground/");
  await page.raw.locator("body[data-ready=true]").waitFor();
  await setProgram(page, `import * as Miou from "miou";\nconst r = await Miou.run(() => Miou.await_exn(Miou.async(() => "static")));\nconsole.log(r);`);
  const out = await runProgram(page);
  assert.match(out, /^static\nresult: "static"\nseed: \S+$/, await consoleText(page));
  assert.equal(page.problems, []);
  await page.close();
});

test.run();
