/**
 * `miou/transformer`: the ts-patch plugin. In tsconfig.json:
 *
 * ```jsonc
 * { "compilerOptions": { "plugins": [{ "transform": "miou/transformer" }] } }
 * ```
 *
 * then build with `npx tspc`. A thin adapter: ts-patch hands its own TypeScript instance and a way
 * to report diagnostics; the core does the rest.
 */
import type ts from "typescript";
import { createMiou } from "../../core.js";

interface Extras {
  ts: typeof ts;
  addDiagnostic(diagnostic: ts.Diagnostic): number;
}

export default function miou(program: ts.Program, _config: unknown, extras: Extras): ts.CustomTransformers {
  const { diagnostics, transformers } = createMiou(extras.ts, program);
  for (const d of diagnostics) extras.addDiagnostic(d);
  return transformers;
}
