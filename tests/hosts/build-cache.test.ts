// The build cache of miou/babel and miou/vite: a project whose files are all as the last build
// read them is answered from the cache, without building a TypeScript program (through the real
// Babel and Vite: without loading TypeScript at all), with the very outputs a build gives; any
// change the program rests on (an edit, a new module, a text the bundler has that the disk does
// not) builds it again, and gives what a cold build gives.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createCachedService } from "../../transformer/hosts/service/cache.js";
import { createService, type Transformed } from "../../transformer/hosts/service/service.js";

const root = join(import.meta.dirname, "..", "..");
const base = join(root, ".cache", "build-cache");
const project = join(base, "project");
const store = join(base, "store");

const lib = `import * as Miou from "miou";
export function work(n: number): number {
  Miou.yield_();
  return n * 2;
}
`;
const main = `import { work } from "./lib.js";
export function twice(n: number): number {
  return work(n) + work(n + 1);
}
`;
// A module with no import path to box.ts that, once it exists, makes box.run() a call that may
// suspend (a suspending function flows into values of its type).
const box = `export const box: { run: () => void } = { run: () => undefined };
export function go(): void {
  box.run();
}
`;
const handlers = `import * as Miou from "miou";
export const handlers: (() => void)[] = [() => undefined, () => Miou.yield_()];
`;

function write(files: Record<string, string>): void {
  rmSync(base, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  const compilerOptions = { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, types: [] };
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
}

const outputOf = (t: Transformed) => JSON.stringify({ code: t.code, map: t.map, diagnostics: t.diagnostics, portable: t.portable });

/** A cached service over the project, and how many times it had to build the program's service. */
function cached() {
  let started = 0;
  const service = createCachedService({ cwd: project, cache: store }, (fileSystem) => {
    started += 1;
    return createService({ cwd: project, ...(fileSystem === undefined ? {} : { fileSystem }) });
  });
  const output = (name: string) => outputOf(service.transform(join(project, name), readFileSync(join(project, name), "utf8")));
  return { service, output, started: () => started };
}

const cold = (name: string) => outputOf(createService({ cwd: project }).transform(join(project, name), readFileSync(join(project, name), "utf8")));

test("an unchanged project is answered from the cache, with the outputs of a build", () => {
  write({ "lib.ts": lib, "main.ts": main });
  const first = cached();
  const outputs = ["lib.ts", "main.ts"].map(first.output);
  assert.is(first.started(), 1);
  first.service.flush();
  const second = cached();
  assert.ok(second.service.hit(join(project, "main.ts"), main), "main.ts is answered from the cache");
  assert.equal(["lib.ts", "main.ts"].map(second.output), outputs);
  assert.is(second.started(), 0, "no program was built");
  assert.equal(outputs, ["lib.ts", "main.ts"].map(cold));
});

test("an edit of a module that another one's output rests on builds again", () => {
  write({ "lib.ts": lib, "main.ts": main });
  const first = cached();
  const before = first.output("main.ts");
  first.service.flush();
  // work() stops suspending: main.ts, whose text is the same, changes.
  writeFileSync(join(project, "lib.ts"), lib.replace("  Miou.yield_();\n", ""));
  const second = cached();
  assert.not.ok(second.service.hit(join(project, "main.ts"), main), "the cache does not answer");
  const after = second.output("main.ts");
  assert.is(second.started(), 1);
  assert.is.not(after, before);
  assert.is(after, cold("main.ts"), "as a cold build gives");
});

test("a new module in the project, which no module imports, is seen", () => {
  write({ "box.ts": box });
  const first = cached();
  const before = first.output("box.ts");
  first.service.flush();
  writeFileSync(join(project, "handlers.ts"), handlers);
  const second = cached();
  assert.not.ok(second.service.hit(join(project, "box.ts"), box));
  const after = second.output("box.ts");
  assert.is.not(after, before, "box.run() may now call a suspending function");
  assert.is(after, cold("box.ts"));
});

test("a module the bundler hands with a text the disk does not hold is not kept", () => {
  write({ "lib.ts": lib, "main.ts": main });
  const first = cached();
  first.service.transform(join(project, "main.ts"), `${main}// edited by an earlier plugin\n`);
  first.service.flush();
  const second = cached();
  assert.not.ok(second.service.hit(join(project, "main.ts"), main));
  assert.not.ok(second.service.hit(join(project, "main.ts"), `${main}// edited by an earlier plugin\n`));
});

test("with cache: false, nothing is kept", () => {
  write({ "lib.ts": lib, "main.ts": main });
  const service = createCachedService({ cwd: project, cache: false }, () => createService({ cwd: project }));
  service.transform(join(project, "main.ts"), main);
  service.flush();
  const again = cached();
  assert.not.ok(again.service.hit(join(project, "main.ts"), main));
});

// The hosts as users run them, each build a process of its own: Babel (`transformAsync`) and a
// Vite build, one after the other. The second process loads no TypeScript.
test("through Babel and Vite: an unchanged second build loads no TypeScript and gives the same outputs", () => {
  write({ "lib.ts": lib, "main.ts": main });
  const run = () => JSON.parse(execFileSync(process.execPath, [join(import.meta.dirname, "build-cache-child.mjs"), project, store], { encoding: "utf8" }).trim().split("\n").pop()!) as { typescript: boolean; babel: string[]; vite: string };
  const first = run();
  assert.ok(first.typescript, "the first build loads TypeScript");
  assert.ok(first.babel[0]!.includes("function*"), "and rewrites the modules");
  const second = run();
  assert.not.ok(second.typescript, "the second does not");
  assert.equal(second.babel, first.babel);
  assert.is(second.vite, first.vite);
  writeFileSync(join(project, "lib.ts"), lib.replace("  Miou.yield_();\n", ""));
  const third = run();
  assert.ok(third.typescript, "after an edit, the build loads TypeScript again");
  assert.not.ok(third.babel.join("").includes("function*"), "and nothing suspends any more");
});

test.run();
