/**
 * A run's tasks, read from its trace events (`run({ trace })`): each task's parent, domain,
 * events and end, in tree order (a parent, then its children in order of spawn). The `Timeline`
 * and `Tasks` panels draw this.
 */
import type { TraceEventData } from "../worker/protocol.js";

export type Outcome = "resolved" | "failed" | "cancelled" | "running";

export interface TaskInfo {
  uid: number;
  parent: number | undefined;
  domain: number;
  /** Indices into the run's events, in order. */
  events: number[];
  outcome: Outcome;
  children: TaskInfo[];
  /** Depth in the tree: 0 for a root. */
  depth: number;
}

export interface RunModel {
  events: readonly TraceEventData[];
  /** Every task in tree order. */
  tasks: TaskInfo[];
  roots: TaskInfo[];
  /** The run made more events than it sent: only the first ones are here. */
  cut: boolean;
}

const OUTCOMES: Record<string, Outcome> = { resolve: "resolved", fail: "failed", cancelled: "cancelled" };

/** A run's trace, cut at `limit` events if it is longer (the run worker sends no more). */
export function readTrace(events: readonly TraceEventData[], limit = Infinity): RunModel {
  const byUid = new Map<number, TaskInfo>();
  events.forEach((e, i) => {
    let t = byUid.get(e.task);
    if (t === undefined) byUid.set(e.task, (t = { uid: e.task, parent: e.parent, domain: e.domain, events: [], outcome: "running", children: [], depth: 0 }));
    t.events.push(i);
    const end = OUTCOMES[e.kind];
    if (end !== undefined && t.outcome === "running") t.outcome = end;
  });
  const roots: TaskInfo[] = [];
  for (const t of byUid.values()) {
    const parent = t.parent === undefined ? undefined : byUid.get(t.parent);
    if (parent === undefined) roots.push(t);
    else parent.children.push(t);
  }
  const tasks: TaskInfo[] = [];
  // Iterative: a deep chain of tasks must not overflow the stack.
  const stack = [...roots].reverse().map((t) => ({ t, depth: 0 }));
  while (stack.length > 0) {
    const { t, depth } = stack.pop()!;
    t.depth = depth;
    tasks.push(t);
    for (let i = t.children.length - 1; i >= 0; i--) stack.push({ t: t.children[i]!, depth: depth + 1 });
  }
  return { events, tasks, roots, cut: events.length >= limit };
}
