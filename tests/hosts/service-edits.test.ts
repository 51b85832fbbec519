// The host service behind miou/babel and miou/vite across edits: after every edit of a sequence
// (some that change no fact, which the service carries over without analysing again, and some
// that do), each module's output is exactly a fresh service's output (a cold build), and the
// modules the service reports as changed include every module whose output changed.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createService, type Service, type Transformed } from "../../transformer/hosts/service/service.js";

const dir = join(import.meta.dirname, "..", "..", ".cache", "service-edits");

const files: Record<string, string> = {
  "lib.ts": `import * as Miou from "miou";
export function work(n: number): number {
  Miou.yield_();
  return n * 2;
}
export function apply(f: (n: number) => number, n: number): number {
  return f(n) + 1;
}
export function plain(n: number): number {
  const k = 3;
  console.log("plain", n);
  return n * k;
}
`,
  "main.ts": `import * as Miou from "miou";
import { work, apply, plain } from "./lib.js";
export function twice(n: number): number {
  let total = n;
  total += work(total);
  return total;
}
export function viaApply(n: number): number {
  return apply(work, n) + 1;
}
export function calm(n: number): number {
  return apply(plain, n) + 2;
}
export const result = Miou.run(() => twice(1));
`,
  // A parameter of a primitive type that a suspending function reaches anyway (through \`any\`):
  // storing it makes its type flow into values, and then the call through \`any\` is checked.
  "values.ts": `import { work } from "./lib.js";
export function take(x: number): number {
  const y = x;
  return y;
}
export function give(): number {
  return take(work as any);
}
export function opaque(f: any): number {
  return f();
}
`,
};

/** Each edit: the module, and the text before and after (the first occurrence is replaced). */
const edits: [string, string, string][] = [
  ["lib.ts", "return n * 2;", "return n * 3;"], // neutral: a literal in a sum
  ["main.ts", "let total = n;", "let total = n + 1;"], // neutral: a parameter read becomes a sum
  ["lib.ts", "const k = 3;", "const k = 4;"], // not neutral: k's type is the literal 3, then 4
  ["main.ts", "+ 2;", "+ 2 * 5;"], // neutral
  ["values.ts", "const y = x;", "const y = x + 0;"], // x held a suspending function: analysed again
  ["lib.ts", "  Miou.yield_();\n", ""], // work stops suspending: main's output changes
  ["main.ts", "+ 2 * 5;", "+ 2 * 6;"], // neutral, on a module edited before
  ["lib.ts", "return n * 3;", "Miou.yield_();\n  return n * 3;"], // work suspends again
  ["values.ts", "const y = x + 0;", "const y = x;"], // back: the type flows again
  ["main.ts", "let total = n + 1;", "let total = n + 1 + 1;"], // neutral
  ["lib.ts", 'console.log("plain", n);', 'console.log("plain:", n * 2);'], // neutral: an outside call's arguments
  ["main.ts", "work(total)", "work(total + 1)"], // neutral: a suspending call's argument, no function in it
  ["values.ts", "take(work as any)", "take(1)"], // not neutral: the argument held a suspending function
];

const outputOf = (t: Transformed) => JSON.stringify({ code: t.code, map: t.map, diagnostics: t.diagnostics, portable: t.portable });

function write(texts: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, types: [] }, include: ["*.ts"] }));
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
}

function outputs(service: Service): Map<string, string> {
  return new Map(Object.keys(files).map((name) => [name, outputOf(service.transform(join(dir, name), readFileSync(join(dir, name), "utf8")))]));
}

test("after each edit, every module's output is a cold build's, and every module whose output changed is reported", () => {
  write(files);
  const service = createService({ cwd: dir });
  let previous = outputs(service);
  for (const [name, from, to] of edits) {
    const file = join(dir, name);
    const text = readFileSync(file, "utf8");
    assert.ok(text.includes(from), `the edit of ${name} applies`);
    writeFileSync(file, text.replace(from, to));
    const changed = service.changed(file).map((f) => f.slice(dir.length + 1));
    const now = outputs(service);
    const cold = outputs(createService({ cwd: dir }));
    for (const [module, output] of cold) {
      assert.is(now.get(module), output, `${module} after editing ${name} (${JSON.stringify(to)}) is what a cold build gives`);
      if (previous.get(module) !== output) assert.ok(changed.includes(module), `${module}'s output changed with ${name}'s edit: it is reported`);
    }
    previous = now;
  }
  const counts = service.counts();
  assert.is(counts.analyses + counts.carried, edits.length + 1, "one version per edit, and the first");
  assert.is(counts.carried, 7, "the neutral edits carried the facts over");
});

test("an edit that changes no fact reports only the edited module, without analysing again", () => {
  write(files);
  const service = createService({ cwd: dir });
  outputs(service);
  const file = join(dir, "lib.ts");
  writeFileSync(file, files["lib.ts"]!.replace("return n * 2;", "return n * 2 + 1;"));
  assert.equal(service.changed(file), [file], "main.ts, which imports lib.ts, keeps its output");
  assert.equal(service.counts(), { analyses: 1, carried: 1 });
  // An edit that changes a fact (work stops suspending) reports the importer too.
  writeFileSync(file, files["lib.ts"]!.replace("  Miou.yield_();\n", ""));
  assert.equal(service.changed(file).sort(), [file, join(dir, "main.ts"), join(dir, "values.ts")].sort());
  assert.equal(service.counts(), { analyses: 2, carried: 1 });
});

test("an edit given by the bundler (Babel's code, not the disk) is carried over the same way", () => {
  write(files);
  const service = createService({ cwd: dir });
  outputs(service);
  const file = join(dir, "main.ts");
  const edited = files["main.ts"]!.replace("let total = n;", "let total = n * 7;");
  const out = service.transform(file, edited);
  writeFileSync(file, edited);
  assert.is(outputOf(out), outputOf(createService({ cwd: dir }).transform(file, edited)));
  assert.ok(out.code!.includes("n * 7"));
  assert.equal(service.counts(), { analyses: 1, carried: 1 });
});

// Why a fact-changing edit analyses the whole program again, not only the edited module and its
// importers: which values may hold a suspending function is decided over the whole program (by
// the types of the suspending functions stored into values anywhere, values.ts), so an edit can
// change the facts of a module that neither imports nor is imported by the edited one.
test("an edit changes the output of a module with no import path to it (facts are whole-program)", () => {
  const unrelated: Record<string, string> = {
    "box.ts": `export const box: { run: () => void } = { run: () => undefined };
export function go(): void {
  box.run();
}
`,
    "handlers.ts": `import * as Miou from "miou";
export const handlers: (() => void)[] = [() => undefined];
`,
  };
  write(unrelated);
  const service = createService({ cwd: dir });
  const box = join(dir, "box.ts");
  const before = outputOf(service.transform(box, unrelated["box.ts"]!));
  const handlers = join(dir, "handlers.ts");
  const edited = unrelated["handlers.ts"]!.replace("() => undefined]", "() => undefined, () => Miou.yield_()]");
  writeFileSync(handlers, edited);
  assert.ok(service.changed(handlers).includes(box), "box.ts is reported");
  const after = service.transform(box, unrelated["box.ts"]!);
  assert.is.not(outputOf(after), before, "box.run() may now call a suspending function");
  assert.is(outputOf(after), outputOf(createService({ cwd: dir }).transform(box, unrelated["box.ts"]!)), "as a cold build gives");
});

// Without a tsconfig.json (or with modules it does not include), each module the bundler asks
// about becomes a root of the program. One the program already holds, because another module
// imports it, changes nothing: the service does not analyse the program again for it.
test("modules outside any tsconfig.json: one analysis for those the first module imports", () => {
  const loose = join(tmpdir(), `miou-loose-${process.pid}`);
  rmSync(loose, { recursive: true, force: true });
  mkdirSync(loose, { recursive: true });
  try {
    for (const name of ["lib.ts", "main.ts"]) writeFileSync(join(loose, name), files[name]!);
    const service = createService({ cwd: loose });
    const transform = (s: Service, name: string) => outputOf(s.transform(join(loose, name), files[name]!));
    transform(service, "main.ts");
    const lib = transform(service, "lib.ts");
    assert.equal(service.counts(), { analyses: 1, carried: 0 }, "lib.ts was already in main.ts's program");
    const cold = createService({ cwd: loose });
    transform(cold, "main.ts");
    assert.is(lib, transform(cold, "lib.ts"), "lib.ts's output is a cold build's");
    // A module new to the program (nothing imported it) does make a new version.
    writeFileSync(join(loose, "other.ts"), "export const answer = 42;\n");
    service.transform(join(loose, "other.ts"), "export const answer = 42;\n");
    assert.equal(service.counts(), { analyses: 2, carried: 0 });
  } finally {
    rmSync(loose, { recursive: true, force: true });
  }
});

test.run();
