// The app's tasks, in direct style: no `await`, no `yield`. miou/vite compiles every function
// that suspends (it calls a ⏸ function of miou, or a function that does) into a resumable one.
import * as Miou from "miou";
import { fib } from "./fib.js";

/** Where the tasks report to: the page, or a test. */
export type Show = (id: number, text: string) => void;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Fetches one item, and waits a little longer, so that there is time to cancel. */
export function fetchItem(id: number, show: Show): string {
  show(id, "loading…");
  let done = false;
  try {
    const response = Miou.await_promise(fetch(`./items/${id}.json`));
    const item = Miou.await_promise(response.json()) as { name: string; delay: number };
    Miou.await_promise(delay(item.delay));
    done = true;
    show(id, item.name);
    return item.name;
  } finally {
    // A cancelled task unwinds through its finally blocks, here as anywhere.
    if (!done) show(id, "cancelled");
  }
}

/** One child task per item; the parent waits for them all. */
export function loadAll(ids: number[], show: Show): string[] {
  const children = ids.map((id) => Miou.async(() => fetchItem(id, show)));
  return children.map((p) => Miou.await_exn(p));
}

/**
 * Loads the items unless `cancel` resolves first: `await_first` cancels the loser, and cancelling
 * the loading task cancels its children with it.
 */
export function loadOrCancel(ids: number[], cancel: Promise<void>, show: Show): string {
  const loading = Miou.async(() => `loaded ${loadAll(ids, show).join(", ")}`);
  const cancelling = Miou.async(() => {
    Miou.await_promise(cancel);
    return "cancelled";
  });
  const first = Miou.await_first([loading, cancelling]);
  if (!first.ok) throw first.error;
  return first.value;
}

export interface Computed {
  n: number;
  value: number;
  domain: number;
}

/** `fib` of each number, spread over the worker domains. */
export function fibs(ns: number[]): Computed[] {
  const results = Miou.parallel((n: number) => ({ n, value: fib(n), domain: Miou.Domain.self() }), ns);
  return results.map((r) => {
    if (!r.ok) throw r.error;
    return r.value;
  });
}
