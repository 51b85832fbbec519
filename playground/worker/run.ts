/**
 * A program's run: a fresh module Web Worker per run, so the page's thread never runs the user's
 * code and `Stop` is `terminate()`. It imports the compiled program from a blob URL (its imports
 * are absolute URLs of the site), streams its console and trace events to the page, and ends with
 * the outcome: the value of the last run the program started, or the first error.
 */
import { SETTINGS, type RunMessage, type RunSettings, type RunStart, type TraceEventData } from "./protocol.js";
import { show, toJson } from "./format.js";
import { programFrames } from "./stack-frames.js";

declare const self: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: unknown): void };
declare const BroadcastChannel: new (name: string) => { onmessage: ((e: { data: unknown }) => void) | null; close(): void };

const post = (m: RunMessage) => self.postMessage(m);

/** Trace events go in batches: one message per event would cost more than the run. */
function traceBuffer(): { push(e: TraceEventData): void; flush(): void } {
  let events: TraceEventData[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (events.length > 0) post({ type: "trace", events });
    events = [];
  };
  return {
    push(e) {
      events.push({ time: e.time, domain: e.domain, task: e.task, ...(e.parent === undefined ? {} : { parent: e.parent }), kind: e.kind });
      if (events.length >= 1000) flush();
      else timer ??= setTimeout(flush, 30);
    },
    flush,
  };
}

function captureConsole(channel: string): void {
  const send = (level: "log" | "error") => (...args: unknown[]) => post({ type: "console", level, text: args.map(show).join(" ") });
  Object.assign(console, { log: send("log"), info: send("log"), debug: send("log"), error: send("error"), warn: send("error") });
  // Worker domains write to the run's channel (see miou.ts).
  new BroadcastChannel(channel).onmessage = (e) => post({ type: "console", ...(e.data as { level: "log" | "error"; text: string }) });
}

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
  captureConsole(start.channel);
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
  trace.flush();
  post(done);
};
