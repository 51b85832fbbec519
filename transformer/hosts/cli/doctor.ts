/**
 * `npx miou doctor`: what is wrong with a project's set-up, each problem with its fix. It reads
 * package.json files, and tsconfig.json with miou's own TypeScript 6 (a dependency of miou): the
 * project's TypeScript, which tspc uses, is only named, so a wrong one cannot crash the check.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

export interface Finding {
  level: "error" | "warning" | "ok";
  text: string;
}

/** The TypeScript the transformer is written for. */
const TS_RANGE = "~6.0";
const TS_PATCH_RANGE = "^4";

/** The version of `pkg` as a module in `dir` resolves it, or undefined if none is installed. */
export function installedVersion(pkg: string, dir: string): string | undefined {
  try {
    const file = createRequire(join(dir, "package.json")).resolve(`${pkg}/package.json`);
    return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

const major = (v: string) => Number(v.split(".")[0]);
const minor = (v: string) => Number(v.split(".")[1]);

/**
 * What is wrong with the TypeScript that resolves from `dir`, or undefined if it is TypeScript
 * 6.0. Also used by `miou run`/`print`/`check` and the loader on their own TypeScript before
 * they load it, so that an install that forced another version is named, not crashed in.
 */
export function typescriptProblem(dir: string): string | undefined {
  const v = installedVersion("typescript", dir);
  if (v === undefined) return `TypeScript is not installed: npm install -D typescript@${TS_RANGE}`;
  if (major(v) >= 7)
    return `TypeScript ${v} is installed, but miou needs TypeScript 6.0: TypeScript 7 (the native compiler) has no API for transformers, so tspc cannot build with miou. npm install -D typescript@${TS_RANGE}, or build with miou/vite or miou/babel (npx miou run and miou/register bring their own TypeScript 6)`;
  if (major(v) !== 6 || minor(v) !== 0) return `TypeScript ${v} is installed, but miou needs TypeScript 6.0: npm install -D typescript@${TS_RANGE}`;
  return undefined;
}

interface Config {
  compilerOptions?: { types?: unknown; plugins?: unknown };
}

/** The tsconfig.json as TypeScript reads it (comments, `extends`). */
async function readConfig(path: string): Promise<Config | string> {
  const ts = (await import("typescript")).default;
  const parsed = ts.getParsedCommandLineOfConfigFile(path, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (parsed === undefined) return `${path} cannot be read`;
  const raw = parsed.raw as Config | undefined;
  return { compilerOptions: { ...raw?.compilerOptions, types: parsed.options.types, plugins: parsed.options.plugins } };
}

function pluginFindings(plugins: unknown, file: string): Finding[] {
  const list = Array.isArray(plugins) ? (plugins as Record<string, unknown>[]) : [];
  const out: Finding[] = [];
  for (const p of list) {
    if (p.transform === undefined && typeof p.name === "string" && p.name.startsWith("miou")) {
      out.push({
        level: "error",
        text: `${file}: the plugin { "name": "${p.name}" } is a language-service plugin entry, which ts-patch ignores: the transformer never runs. Write { "transform": "miou/transformer" }`,
      });
    } else if (typeof p.transform === "string" && p.transform.startsWith("miou") && p.transform !== "miou/transformer") {
      out.push({ level: "error", text: `${file}: the plugin { "transform": "${p.transform}" } names no transformer: write { "transform": "miou/transformer" }` });
    }
  }
  if (!list.some((p) => p.transform === "miou/transformer"))
    out.push({ level: "warning", text: `${file}: no { "transform": "miou/transformer" } in compilerOptions.plugins: tspc builds without the transformer (miou run and miou/register do not need it)` });
  return out;
}

function typesFindings(types: unknown, file: string, dir: string): Finding[] {
  if (Array.isArray(types) && types.includes("node")) {
    if (installedVersion("@types/node", dir) !== undefined) return [];
    return [{ level: "error", text: `${file} asks for "types": ["node"], but @types/node is not installed: npm install -D @types/node` }];
  }
  return [
    {
      level: "warning",
      text: `${file}: compilerOptions.types does not include "node": TypeScript 6 loads no @types package by itself, so \`process\`, \`Buffer\` and node: imports (and miou/node) do not type-check. Add "types": ["node"] (and npm install -D @types/node)`,
    },
  ];
}

/** Every finding for the project of `tsconfig` (or the one in `cwd`). */
export async function diagnose(tsconfig: string, cwd = process.cwd()): Promise<Finding[]> {
  const dir = dirname(tsconfig);
  const findings: Finding[] = [];
  const tsProblem = typescriptProblem(dir);
  findings.push(tsProblem === undefined ? { level: "ok", text: `TypeScript ${installedVersion("typescript", dir)}` } : { level: "error", text: tsProblem });
  const patch = installedVersion("ts-patch", dir);
  if (patch === undefined) findings.push({ level: "warning", text: `ts-patch is not installed: tspc builds need it (npm install -D ts-patch@${TS_PATCH_RANGE}); miou run and miou/register do not` });
  else if (major(patch) !== 4) findings.push({ level: "error", text: `ts-patch ${patch} is installed, but TypeScript 6 needs ts-patch 4 (older ones crash in tspc): npm install -D ts-patch@${TS_PATCH_RANGE}` });
  else findings.push({ level: "ok", text: `ts-patch ${patch}` });
  const file = relative(cwd, tsconfig) || "tsconfig.json";
  if (!existsSync(tsconfig)) {
    findings.push({ level: "error", text: `${file} does not exist: create one (see the README's "Setting up the transformer")` });
    return findings;
  }
  // Read with miou's own TypeScript 6 (a dependency of miou), whatever the project has.
  const config = await readConfig(tsconfig);
  if (typeof config === "string") return [...findings, { level: "error", text: config }];
  findings.push(...pluginFindings(config.compilerOptions?.plugins, file), ...typesFindings(config.compilerOptions?.types, file, dir));
  return findings;
}

/** Prints the findings; true when none is an error. */
export function report(findings: readonly Finding[], write: (s: string) => void): boolean {
  for (const f of findings) write(`${f.level === "ok" ? "ok     " : f.level === "error" ? "error  " : "warning"}  ${f.text}\n`);
  const errors = findings.filter((f) => f.level === "error").length;
  write(errors === 0 ? "miou doctor: no problems\n" : `miou doctor: ${errors} problem${errors === 1 ? "" : "s"} to fix\n`);
  return errors === 0;
}
