/**
 * The `miou` module a playground program imports (its compiled form imports it by URL): the
 * browser build of the runtime as it is, except that `run` takes the page's seed, domains and
 * trace. On a run's worker, those come from the settings the worker set (`SETTINGS`); on a
 * worker domain, `run` is the runtime's own, and `console` goes to the run's channel so the
 * program's logs reach the page from every domain.
 */
import * as Miou from "miou";
import { SETTINGS, type RunSettings, type TraceEventData } from "./protocol.js";
import { show } from "./format.js";

export * from "miou";

declare const self: { name?: string } | undefined;
declare const BroadcastChannel: new (name: string) => { postMessage(m: unknown): void; onmessage: ((e: { data: unknown }) => void) | null };

const settings = (globalThis as { [SETTINGS]?: RunSettings })[SETTINGS];

/**
 * `Miou.run` with the page's settings: its `Seed` and `Domains` win over the program's, and the
 * program's own `trace`, if any, still sees every event.
 */
export const run: typeof Miou.run = (main, options = {}) => {
  if (settings === undefined) return Miou.run(main, options);
  const own = options.trace;
  const trace = (e: Miou.TraceEvent) => {
    settings.trace(e as TraceEventData);
    own?.(e);
  };
  const p = Miou.run(main, { ...options, seed: settings.seed, domains: settings.domains, trace });
  settings.runs.push(p);
  return p;
};

// A worker domain of a run: its logs go through the channel named in this module's URL.
const channel = new URL(import.meta.url).searchParams.get("run");
if (settings === undefined && channel !== null && typeof self !== "undefined" && typeof self.name === "string" && self.name.startsWith("miou domain ")) {
  const out = new BroadcastChannel(channel);
  // The run's worker asks before it reports the outcome: the answer comes after every line this
  // domain sent before it (a channel keeps one sender's messages in order).
  out.onmessage = (e) => {
    const flush = (e.data as { flush?: number }).flush;
    if (flush !== undefined) out.postMessage({ flushed: flush });
  };
  const domain = self.name.slice("miou domain ".length);
  const send = (level: "log" | "error") => (...args: unknown[]) => out.postMessage({ level, text: `[domain ${domain}] ${args.map(show).join(" ")}` });
  Object.assign(console, { log: send("log"), info: send("log"), debug: send("log"), error: send("error"), warn: send("error") });
}
