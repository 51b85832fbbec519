/**
 * `Explore`: the program run under `Runs` seeds, one fresh worker each, and the outcomes grouped
 * (`result: <JSON>` or `error: <name>: <message>`) with the seeds that gave them. Run i uses the
 * seed `<base>/<i>`, the naming a future `miou/test` explorer is to share: when that lands, a
 * strategy that draws chaos schedules replaces `seedRuns` here and the panel stays as it is.
 */
import { startRun, type Running } from "./runner.js";

export interface Outcome {
  key: string;
  count: number;
  seeds: string[];
}

/** One run of the compiled program under `seed`, to its outcome key. */
export type RunOnce = (seed: string) => { done: Promise<string>; running: Running };

/** Runs by seed: the plain scheduler, whose random choices all come from the seed. */
export function seedRuns(program: { js: string; map: string; domains: number; channel: string }): RunOnce {
  return (seed) => {
    let running!: Running;
    const done = new Promise<string>((resolve) => {
      running = startRun(
        { ...program, seed },
        {
          console: () => undefined,
          trace: () => undefined,
          end: (o) => resolve(o.ok ? `result: ${o.value}` : `error: ${o.error}`),
        },
      );
    });
    return { done, running };
  };
}

export interface Exploration {
  /** Resolves with the outcomes, most frequent first, once every run ended or `stop` was called. */
  outcomes: Promise<Outcome[]>;
  stop(): void;
}

export function explore(runOnce: RunOnce, base: string, runs: number, progress: (done: number) => void): Exploration {
  let current: Running | null = null;
  let stopped = false;
  const outcomes = (async () => {
    const groups = new Map<string, Outcome>();
    for (let i = 0; i < runs && !stopped; i++) {
      const seed = `${base}/${i}`;
      const one = runOnce(seed);
      current = one.running;
      const key = await one.done;
      if (stopped && key.startsWith("error: stopped:")) break;
      const g = groups.get(key) ?? { key, count: 0, seeds: [] };
      g.count += 1;
      g.seeds.push(seed);
      groups.set(key, g);
      progress(i + 1);
    }
    return [...groups.values()].sort((a, b) => b.count - a.count);
  })();
  return {
    outcomes,
    stop() {
      stopped = true;
      current?.stop("by the Stop button");
    },
  };
}

/** The `Explored runs` panel: each outcome, its count and its seeds, each a button that replays it. */
export function exploredPanel(panel: HTMLElement, outcomes: Outcome[], runs: number, replay: (seed: string) => void): void {
  const head = document.createElement("p");
  head.textContent = `${runs} run${runs === 1 ? "" : "s"}, ${outcomes.length} outcome${outcomes.length === 1 ? "" : "s"}:`;
  const groups = outcomes.map((o) => {
    const div = document.createElement("div");
    div.className = "outcome";
    div.dataset.outcome = o.key;
    const key = document.createElement("div");
    key.className = "key";
    key.textContent = `${o.count}× ${o.key}`;
    const seeds = document.createElement("div");
    seeds.className = "seeds";
    seeds.append(
      ...o.seeds.map((seed) => {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = seed;
        b.title = "Replay this run";
        b.addEventListener("click", () => replay(seed));
        return b;
      }),
    );
    div.append(key, seeds);
    return div;
  });
  const box = document.createElement("div");
  box.className = "explored";
  box.append(head, ...groups);
  panel.replaceChildren(box);
}
