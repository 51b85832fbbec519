#!/usr/bin/env node
/**
 * `npx miou`: run, print and check direct-style programs. A thin host over the shared compile
 * core; the arguments are parsed by node:util's parseArgs.
 */
import { parseArgs } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { findConfig, lookup, placeOf, type Manifest } from "../compile/cache.js";
import { diagnose, report as reportFindings, typescriptProblem } from "./doctor.js";

// TypeScript and the transformer load only when something must be compiled: a re-run of an
// unchanged program costs Node's start, hashing its files, and the program itself. A wrong
// TypeScript (7, say) is named before it is loaded, instead of failing somewhere inside it.
const compiler = () => {
  const problem = typescriptProblem(dirname(fileURLToPath(import.meta.url)));
  if (problem !== undefined) {
    process.stderr.write(`miou: ${problem}\n(npx miou doctor checks the whole set-up)\n`);
    process.exit(2);
  }
  return import("../compile/project.js");
};

const USAGE = `Usage:
  miou run <file.ts> [args...]      compile the program (with the type checker) and run it
  miou print <file.ts> [--facts]    print the transformed JavaScript, or which functions suspend and through which calls
  miou check [-p tsconfig.json]     report the transformer's diagnostics; exit 1 if there are any
  miou doctor [-p tsconfig.json]    check the set-up: TypeScript and ts-patch versions, tsconfig.json's plugin and types
  miou --help                       this text

Diagnostics print as file(line,col): error MIOU100n: ... (see the README for what each means).`;

/** The program is running: what it throws is its own. */
let running = false;

function fail(message: string): never {
  process.stderr.write(`miou: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** The program of `file`, compiled into the cache unless it is there already; exits 1 on errors. */
async function outputsOf(file: string): Promise<Manifest["outputs"]> {
  const cached = lookup(placeOf(file));
  if (cached !== undefined) return cached.outputs;
  const { outputs, errors } = (await compiler()).compileEntry(file);
  if (errors.length === 0) return outputs;
  for (const e of errors) process.stderr.write(`${e}\n`);
  process.exit(1);
}

async function run(file: string, args: string[]): Promise<void> {
  const out = (await outputsOf(file))[resolve(file)];
  if (out === undefined) fail(`${file} produced no JavaScript`);
  process.setSourceMapsEnabled(true);
  process.argv = [process.argv[0]!, resolve(file), ...args];
  running = true;
  await import(pathToFileURL(out.js).href);
}

async function print(file: string, facts: boolean): Promise<void> {
  if (facts) {
    const [{ loadProject }, { printFacts }, ts] = await Promise.all([compiler(), import("../../analyse/facts.js"), import("typescript")]);
    const project = loadProject({ entry: file });
    process.stdout.write(`${printFacts(ts.default, project.miou.facts, (f) => relative(process.cwd(), f))}\n`);
    return;
  }
  const out = (await outputsOf(file))[resolve(file)];
  if (out === undefined) fail(`${file} produced no JavaScript`);
  process.stdout.write(readFileSync(out.js, "utf8").replace(/\n\/\/# sourceMappingURL=.*$/s, "\n"));
}

async function check(tsconfig: string | undefined): Promise<void> {
  const { loadProject, errorsOf, isMiou } = await compiler();
  const errors = errorsOf(loadProject({ tsconfig: tsconfig ?? "tsconfig.json" }), isMiou);
  for (const e of errors) process.stderr.write(`${e}\n`);
  if (errors.length > 0) process.exit(1);
  process.stdout.write("miou check: no problems\n");
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === "run") {
    const [file, ...args] = rest;
    if (file === undefined) fail("run: which file? e.g. `miou run app.ts`");
    return run(file, args);
  }
  if (command === "print") {
    const { values, positionals } = parseArgs({ args: rest, options: { facts: { type: "boolean" } }, allowPositionals: true });
    if (positionals.length !== 1) fail("print: give exactly one file, e.g. `miou print app.ts --facts`");
    return print(positionals[0]!, values.facts === true);
  }
  if (command === "check") {
    const { values } = parseArgs({ args: rest, options: { project: { type: "string", short: "p" } } });
    return check(values.project);
  }
  if (command === "doctor") {
    const { values } = parseArgs({ args: rest, options: { project: { type: "string", short: "p" } } });
    const tsconfig = values.project !== undefined ? resolve(values.project) : (findConfig(process.cwd()) ?? resolve("tsconfig.json"));
    if (!reportFindings(await diagnose(tsconfig), (t) => process.stdout.write(t))) process.exit(1);
    return;
  }
  fail(`unknown command '${command}'`);
}

await main(process.argv.slice(2)).catch((e: unknown) => {
  // The program's own uncaught error is Node's to print, with its whole stack, as `node app.js` would.
  if (running) throw e;
  process.stderr.write(`miou: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
