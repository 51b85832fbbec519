/**
 * A program's run: a fresh module Web Worker per run, so the page's thread never runs the user's
 * code and `Stop` is `terminate()`. It imports the compiled program from a blob URL (its imports
 * are absolute URLs of the site), streams its console and trace events to the page, and ends with
 * the outcome: the value of the last run the program started, or the first error.
 */
import { MAX_TRACE_EVENTS, SETTINGS, type RunMessage, type RunSettings, type RunStart, type TraceEventData } from "./protocol.js";
import { show, toJson } from "./format.js";
import { programFrames } from "./stack-frames.js";

declare const self: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: unknown): void };
declare const BroadcastChannel: new (name: string) => { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: unknown): void };

const post = (m: RunMessage) => self.postMessage(m);

/** Trace events go in batches: one message per event would cost more than the run. */
function traceBuffer(): { push(e: TraceEventData): void; flush(): void } {
  let events: TraceEventData[] = [];
  let sent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (events.length > 0) post({ type: "trace", events });
    events = [];
  };
  return {
    push(e) {
      if (sent >= MAX_TRACE_EVENTS) return;
      sent += 1;
      events.push({ time: e.time, domain: e.domain, task: e.task, ...(e.parent === undefined ? {} : { parent: e.parent }), kind: e.kind });
      if (events.length >= 1000) flush();
      else timer ??= setTimeout(flush, 30);
    },
    flush,
  };
}

/** The program's console, and its worker domains' (through the run's channel, see miou.ts). */
function captureConsole(channel: string): { flush(domains: number): Promise<void> } {
  const send = (level: "log" | "error") => (...args: unknown[]) => post({ type: "console", level, text: args.map(show).join(" ") });
  Object.assign(console, { log: send("log"), info: send("log"), debug: send("log"), error: send("error"), warn: send("error") });
  const bus = new BroadcastChannel(channel);
  let answered = 0;
  let asked = 0;
  let onAnswer = () => undefined as void;
  bus.onmessage = (e) => {
    const m = e.data as { level: "log" | "error"; text: string } | { flushed: number };
    if ("flushed" in m) {
      if (m.flushed === asked) answered += 1;
      onAnswer();
    } else post({ type: "console", ...m });
  };
  return {
    // Every domain that started answers; one that never started does not, hence the bound.
    flush: (domains) =>
      domains === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            answered = 0;
            bus.postMessage({ flush: ++asked });
            const timer = setTimeout(resolve, FLUSH_WAIT_MS);
            onAnswer = () => {
              if (answered < domains) return;
              clearTimeout(timer);
              resolve();
            };
          }),
  };
}

/** How long the outcome waits for the lines of worker domains that may not exist. */
const FLUSH_WAIT_MS = 100;

/** An error's lines for the page: `name: message`, then its stack's frames that are the program's. */
function describe(error: unknown, url: string, map: string): { error: string; stack: string[] } {
  if (!(error instanceof Error)) return { error: `uncaught: ${toJson(error)}`, stack: [] };
  return { error: `${error.name}: ${error.message}`, stack: programFrames(error.stack ?? "", url, map) };
}

self.onmessage = async (e) => {
  const start = e.data as RunStart;
  const trace = traceBuffer();
  const settings: RunSettings = { seed: start.seed, domains: start.domains, trace: (ev) => trace.push(ev), runs: [] };
  (globalThis as { [SETTINGS]?: RunSettings })[SETTINGS] = settings;
  const consoles = captureConsole(start.channel);
  const url = URL.createObjectURL(new Blob([start.js], { type: "text/javascript" }));
  let done: RunMessage;
  try {
    await import(/* @vite-ignore */ url);
    let value: unknown;
    for (const run of settings.runs) value = await run;
    done = { type: "done", ok: true, value: toJson(value) };
  } catch (error) {
    done = { type: "done", ok: false, ...describe(error, url, start.map) };
  }
  await consoles.flush(start.domains);
  trace.flush();
  post(done);
};
