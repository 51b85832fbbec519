/**
 * `Trace.toChrome`: a run's trace events as Chrome trace-event JSON, which Perfetto
 * (ui.perfetto.dev) and chrome://tracing open. Pure data in, pure data out: no host API.
 *
 * The picture, one track per task (`pid` = domain, `tid` = task uid):
 * - a "task N" slice spans the task's life, from `spawn` to its end (`resolve`, `fail` or
 *   `cancelled`);
 * - inside it, a "run" slice for each turn (`resume` to the `yield`, `suspend`, `resolve` or
 *   `fail` that closes it) and an "unwind" slice from `cancel` to `cancelled`, where the task's
 *   cleanup code runs;
 * - instants mark `cancel`, `syscall` and `signal`;
 * - metadata names each domain's process and each task's thread.
 *
 * Slices on one track must nest, or the viewers draw them wrongly: every slice is cut to lie
 * within its task's life, and times are rounded to nanoseconds once per event, so a slice
 * that ends with the task ends at exactly the same timestamp.
 */
import type { TraceEvent, TraceKind } from "./run.js";

/** One Chrome trace event: a complete slice ("X"), an instant ("i") or metadata ("M"). */
export interface ChromeEvent {
  name: string;
  ph: "X" | "i" | "M";
  pid: number;
  tid: number;
  /** Microseconds from the first event of the trace (absent on metadata). */
  ts?: number;
  /** Microseconds ("X" only). */
  dur?: number;
  cat?: string;
  /** The instant's scope: its thread ("i" only). */
  s?: "t";
  args?: Record<string, unknown>;
}

/** The JSON object Perfetto and chrome://tracing open: `JSON.stringify` it to a file. */
export interface ChromeTrace {
  traceEvents: ChromeEvent[];
}

const ENDS: ReadonlySet<TraceKind> = new Set(["resolve", "fail", "cancelled"]);
const CLOSES_TURN: ReadonlySet<TraceKind> = new Set(["yield", "suspend", "resolve", "fail"]);
const INSTANTS: ReadonlySet<TraceKind> = new Set(["cancel", "syscall", "signal"]);

/** What is known of one task while the events are read. */
interface Track {
  pid: number;
  tid: number;
  parent: number | undefined;
  born: number;
  /** The open "run" or "unwind" slice: its name and start. */
  open: { name: string; ts: number } | null;
  end: { kind: TraceKind; ts: number } | null;
  slices: ChromeEvent[];
}

/**
 * Converts the events of one run (as `run({ trace })` delivered them, in order) into Chrome
 * trace-event JSON. A task whose end is not in the events (a trace cut short) ends at the last
 * event's time.
 *
 * @example
 * ```ts
 * const events: Miou.TraceEvent[] = [];
 * await Miou.run(main, { trace: (e) => events.push(e) });
 * fs.writeFileSync("run.json", JSON.stringify(Miou.Trace.toChrome(events)));
 * ```
 */
export function toChrome(events: readonly TraceEvent[]): ChromeTrace {
  check(events);
  let t0 = Infinity;
  for (const e of events) t0 = Math.min(t0, e.time);
  const us = (time: number): number => Math.round((time - t0) * 1e6) / 1e3;
  const tracks = new Map<string, Track>();
  const instants: ChromeEvent[] = [];
  let last = 0;
  for (const e of events) {
    const ts = us(e.time);
    last = Math.max(last, ts);
    const key = `${e.domain}/${e.task}`;
    let t = tracks.get(key);
    if (t === undefined) {
      t = { pid: e.domain, tid: e.task, parent: e.parent, born: ts, open: null, end: null, slices: [] };
      tracks.set(key, t);
    }
    if (INSTANTS.has(e.kind)) instants.push({ name: e.kind, ph: "i", s: "t", ts, pid: t.pid, tid: t.tid, cat: "miou" });
    if (e.kind === "resume" || e.kind === "cancel") {
      close(t, ts, "interrupted");
      t.open = { name: e.kind === "resume" ? "run" : "unwind", ts };
    } else if (CLOSES_TURN.has(e.kind) || e.kind === "cancelled") {
      close(t, ts, e.kind);
    }
    if (ENDS.has(e.kind) && t.end === null) t.end = { kind: e.kind, ts };
  }
  const out: ChromeEvent[] = [];
  const domains = new Set<number>();
  for (const t of tracks.values()) {
    if (!domains.has(t.pid)) {
      domains.add(t.pid);
      out.push({ name: "process_name", ph: "M", pid: t.pid, tid: 0, args: { name: t.pid === 0 ? "dom0" : `domain ${t.pid}` } });
    }
    const end = t.end?.ts ?? last;
    close(t, end, "cut short");
    out.push(...names(t));
    const args: Record<string, unknown> = { end: t.end?.kind ?? "none" };
    if (t.parent !== undefined) args.parent = t.parent;
    out.push(slice(`task ${t.tid}`, "task", t, t.born, end, args));
    for (const s of t.slices) out.push(clip(s, t.born, end));
  }
  return { traceEvents: [...out, ...instants] };
}

const KINDS: ReadonlySet<string> = new Set<TraceKind>(["spawn", "resume", "suspend", "yield", "resolve", "fail", "cancel", "cancelled", "syscall", "signal"]);

/** Throws unless `events` looks like what a run's `trace` received (else the picture would be silently wrong). */
function check(events: unknown): asserts events is readonly TraceEvent[] {
  const usage = "pass the array of events a run's `trace` callback received: run(main, { trace: (e) => events.push(e) })";
  if (!Array.isArray(events)) throw new TypeError(`Miou.Trace.toChrome: expected an array of trace events, not ${events === null ? "null" : typeof events}; ${usage}`);
  events.forEach((e: unknown, i) => {
    const ev = e as Partial<TraceEvent> | null;
    const ok =
      ev !== null &&
      typeof ev === "object" &&
      typeof ev.kind === "string" &&
      KINDS.has(ev.kind) &&
      Number.isFinite(ev.time) &&
      Number.isInteger(ev.domain) &&
      Number.isInteger(ev.task) &&
      (ev.parent === undefined || Number.isInteger(ev.parent));
    if (!ok) throw new TypeError(`Miou.Trace.toChrome: element ${i} is not a trace event ({ time, domain, task, parent?, kind }); ${usage}`);
  });
}

function close(t: Track, ts: number, how: string): void {
  if (t.open === null) return;
  t.slices.push(slice(t.open.name, t.open.name, t, t.open.ts, ts, { end: how }));
  t.open = null;
}

function slice(name: string, cat: string, t: Track, from: number, to: number, args: Record<string, unknown>): ChromeEvent {
  return { name, cat, ph: "X", ts: from, dur: Math.max(0, round(to - from)), pid: t.pid, tid: t.tid, args };
}

/** Cuts a slice to lie within [from, to], the life of its task. */
function clip(s: ChromeEvent, from: number, to: number): ChromeEvent {
  const ts = Math.min(Math.max(s.ts!, from), to);
  const end = Math.min(Math.max(s.ts! + s.dur!, ts), to);
  return { ...s, ts, dur: round(end - ts) };
}

function round(x: number): number {
  return Math.round(x * 1e3) / 1e3;
}

/** The metadata naming a task's track (and sorting tracks by uid). */
function names(t: Track): ChromeEvent[] {
  const label = t.parent === undefined ? `task ${t.tid}` : `task ${t.tid} (child of ${t.parent})`;
  return [
    { name: "thread_name", ph: "M", pid: t.pid, tid: t.tid, args: { name: label } },
    { name: "thread_sort_index", ph: "M", pid: t.pid, tid: t.tid, args: { sort_index: t.tid } },
  ];
}
