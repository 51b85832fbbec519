#!/usr/bin/env node
/**
 * `npx miou`: run, print and check direct-style programs. A thin host over the shared compile
 * core; the arguments are parsed by node:util's parseArgs.
 */
import ts from "typescript";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { relative, resolve } from "node:path";
import { printFacts } from "../../analyse/facts.js";
import { emit, format, isMiou, loadProject, outputOf, type Project } from "../compile/project.js";

const USAGE = `Usage:
  miou run <file.ts> [args...]      compile the program (with the type checker) and run it
  miou print <file.ts> [--facts]    print the transformed JavaScript, or which functions suspend and why
  miou check [-p tsconfig.json]     report the transformer's diagnostics; exit 1 if there are any
  miou --help                       this text

Diagnostics print as file(line,col): error MIOU100n: ... (see the README for what each means).`;

/** The program is running: what it throws is its own. */
let running = false;

function fail(message: string): never {
  process.stderr.write(`miou: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** Prints the project's errors; false when there were any. */
function report(project: Project, only?: (d: ts.Diagnostic) => boolean): boolean {
  const errors = project.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error && (only?.(d) ?? true));
  for (const d of errors) process.stderr.write(`${format(d)}\n`);
  return errors.length === 0;
}

async function run(file: string, args: string[]): Promise<void> {
  const project = loadProject({ entry: file });
  if (!report(project)) process.exit(1);
  emit(project);
  process.setSourceMapsEnabled(true);
  process.argv = [process.argv[0]!, resolve(file), ...args];
  running = true;
  await import(pathToFileURL(outputOf(project, file)).href);
}

function print(file: string, facts: boolean): void {
  const project = loadProject({ entry: file });
  if (facts) {
    process.stdout.write(`${printFacts(ts, project.miou.facts, (f) => relative(process.cwd(), f))}\n`);
    return;
  }
  const target = resolve(file);
  let printed = false;
  emit(project, (name, text) => {
    if (name === outputOf(project, target)) {
      process.stdout.write(text.replace(/\n\/\/# sourceMappingURL=.*$/s, "\n"));
      printed = true;
    }
  });
  if (!printed) fail(`${file} produced no JavaScript`);
}

function check(tsconfig: string | undefined): void {
  const project = loadProject({ tsconfig: tsconfig ?? "tsconfig.json" });
  if (!report(project, isMiou)) process.exit(1);
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
  fail(`unknown command '${command}'`);
}

await main(process.argv.slice(2)).catch((e: unknown) => {
  // The program's own uncaught error is Node's to print, with its whole stack, as `node app.js` would.
  if (running) throw e;
  process.stderr.write(`miou: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
