/**
 * What the host service hands a bundler for one module: the rewritten code, its source map and
 * the module's MIOU diagnostics. Shared by the service and the program versions it keeps.
 */

/** A MIOU diagnostic of one module, positioned in the code the bundler gave. */
export interface ServiceDiagnostic {
  code: string;
  message: string;
  /** 1-based line, 0-based column (Babel's convention). */
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface SourceMap {
  version: number;
  file: string;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: string;
}

export interface Transformed {
  /** The rewritten module (types stripped, imports and JSX kept), or null when nothing changes. */
  code: string | null;
  map: SourceMap | null;
  diagnostics: ServiceDiagnostic[];
  /** The files the analysis read to decide this module's facts: the program's own files. */
  reads: string[];
  /** The module registers portable functions: a worker domain imports it (by its URL) to find them. */
  portable: boolean;
}
