/**
 * Running a compiled program: a fresh module Web Worker per run (`run-worker.js`), ended by
 * `stop` or by the time limit, each ending reported once.
 */
import type { RunMessage, TraceEventData } from "../worker/protocol.js";

/** A program that has not finished after this long is stopped (README, "Playground"). */
export const TIME_LIMIT_MS = 5000;

export interface RunHandlers {
  console(level: "log" | "error", text: string): void;
  trace(events: TraceEventData[]): void;
  /** Called once: the program's outcome, or why it was stopped. */
  end(outcome: { ok: true; value: string } | { ok: false; error: string; stack: string[] }): void;
}

export interface Running {
  /** Ends the run at once, reporting `error: stopped: <why>`. */
  stop(why: string): void;
}

let runs = 0;

export function startRun(options: { js: string; map: string; seed: string; domains: number; channel: string; limitMs?: number }, on: RunHandlers): Running {
  const worker = new Worker(new URL("./run-worker.js", import.meta.url), { type: "module", name: `miou run ${++runs}` });
  let over = false;
  const finish = (outcome: Parameters<RunHandlers["end"]>[0]) => {
    if (over) return;
    over = true;
    clearTimeout(timer);
    worker.terminate();
    on.end(outcome);
  };
  const stop = (why: string) => finish({ ok: false, error: `stopped: ${why}`, stack: [] });
  const limit = options.limitMs ?? TIME_LIMIT_MS;
  const timer = setTimeout(() => stop(`the program ran for more than ${limit / 1000} s (the time limit)`), limit);
  worker.onmessage = (e: MessageEvent<RunMessage>) => {
    if (over) return;
    const m = e.data;
    if (m.type === "console") on.console(m.level, m.text);
    else if (m.type === "trace") on.trace(m.events);
    else finish(m.ok ? { ok: true, value: m.value } : { ok: false, error: m.error, stack: m.stack });
  };
  worker.onerror = (e) => {
    e.preventDefault();
    finish({ ok: false, error: `uncaught: ${e.message}`, stack: [] });
  };
  worker.postMessage({ js: options.js, map: options.map, seed: options.seed, domains: options.domains, channel: options.channel });
  return { stop };
}
