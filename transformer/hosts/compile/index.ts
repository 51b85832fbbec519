/**
 * `miou/compile`: the in-memory compile API. TypeScript files in, JavaScript, source maps and
 * diagnostics out, through TypeScript 6 with the transformer. Relative paths are taken from
 * `cwd` (default: the process's), where imports such as `miou` resolve; nothing is written.
 *
 * @example
 * ```ts
 * import { compile } from "miou/compile";
 * const { outputs, diagnostics } = compile({
 *   files: { "main.ts": 'import * as Miou from "miou";\nexport function main(): void {\n  Miou.yield_();\n}\n' },
 * });
 * console.log(outputs.get(`${process.cwd()}/main.js`)); // export function* main() { ... }
 * console.log(diagnostics); // []
 * ```
 */
export { compile, defaultCompilerOptions, type CompileDiagnostic, type CompileInput, type CompileOutput } from "./compile.js";
