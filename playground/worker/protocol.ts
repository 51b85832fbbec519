/**
 * The messages between the page and its two kinds of workers: the compiler (one per page, asked
 * by request and answer) and a program's run (one fresh worker per run, which streams).
 */

/** A diagnostic at a place of the program: TypeScript's (`TS2322`) or the transformer's (`MIOU1002`). */
export interface Problem {
  /** 0-based offsets in the program's text. */
  from: number;
  to: number;
  /** 1-based line and column, as people count. */
  line: number;
  column: number;
  /** `TS2322` or `MIOU1002`. */
  code: string;
  severity: "error" | "warning";
  message: string;
}

export interface Compiled {
  /** The transformed JavaScript, with miou's imports as the page gave them (run only without `problems`). */
  js: string;
  /** Its source map (JSON), to show an error's frames at the program's lines. */
  map: string;
  /** Problems that stop the program from running (errors of TypeScript or the transformer). */
  problems: Problem[];
  /** Which functions suspend and why (`miou print --facts`). */
  facts: string;
}

export interface Completion {
  label: string;
  type: string;
  detail?: string;
}

/** What the page asks the compiler, and what each answers. */
export interface CompilerRequests {
  compile: { text: string; imports: Record<string, string> } & { answer: Compiled };
  check: { text: string } & { answer: Problem[] };
  complete: { text: string; pos: number } & { answer: { from: number; options: Completion[] } | null };
  hover: { text: string; pos: number } & { answer: { from: number; to: number; text: string; doc: string } | null };
  /** The signature and documentation of one completion, shown beside the list. */
  details: { text: string; pos: number; name: string } & { answer: { text: string; doc: string } | null };
}
export type RequestName = keyof CompilerRequests;
export type Request<K extends RequestName> = Omit<CompilerRequests[K], "answer">;
export type Answer<K extends RequestName> = CompilerRequests[K]["answer"];

/** The page to a run's worker, once. */
export interface RunStart {
  js: string;
  /** The source map of `js` (JSON). */
  map: string;
  seed: string;
  domains: number;
  /** The `miou` module's URL, for the console of worker domains to find this run's channel. */
  channel: string;
}

/** A run's worker to the page, as things happen. */
export type RunMessage =
  | { type: "console"; level: "log" | "error"; text: string }
  | { type: "trace"; events: TraceEventData[] }
  | { type: "done"; ok: true; value: string }
  | { type: "done"; ok: false; error: string; stack: string[] };

/** A trace event as it crosses to the page (`Miou.TraceEvent`). */
export interface TraceEventData {
  time: number;
  domain: number;
  task: number;
  parent?: number;
  kind: string;
}

/**
 * The most trace events a run sends: a program that spins on `yield_` until it is stopped makes
 * millions, which the page could neither hold nor draw. Past it, the timeline says it was cut.
 */
export const MAX_TRACE_EVENTS = 20_000;

/** The global through which a run's worker hands its settings to the `miou` module. */
export const SETTINGS = "__miouPlayground";

export interface RunSettings {
  seed: string;
  domains: number;
  trace: (event: TraceEventData) => void;
  /** Every run the program started, in order. */
  runs: Promise<unknown>[];
}
