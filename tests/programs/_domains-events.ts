// A portable event source: each domain makes its own, on its own thread. `select` never blocks
// here (the default event source wakes the tasks); it counts how often each domain asked.
import * as Miou from "miou";
import { threadId } from "node:worker_threads";

export const made: Record<number, number> = {};

export function events(domain: number): Miou.Events {
  made[domain] = threadId;
  return { select: () => [], interrupt: () => undefined };
}
