/**
 * The public types shared by the entry points. Handles are opaque: users hold them and give them
 * back to Miou's functions, nothing more.
 */
import { Task } from "./core/task.js";

declare const PROMISE: unique symbol;

/**
 * Miou's promise: the handle of a task, returned by `async` (the name is Miou's, kept on
 * purpose; it is not the JavaScript `Promise`). Only the task that created it may await or
 * cancel it.
 */
export interface Promise<T> {
  readonly [PROMISE]: () => T;
}

/** The outcome of a task. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** What a ⏸ function returns in generator style: use it with `yield*`. */
export interface Operation<T> {
  [Symbol.iterator](): Iterator<unknown, T, unknown>;
}

export type { Body, Returned } from "./core/body.js";

/**
 * `v instanceof cls` for a value a user handed in, false instead of a throw when `v` refuses
 * inspection (a revoked Proxy): the caller's own error, naming its function, is clearer.
 */
export function isInstance<T>(v: unknown, cls: { prototype: T }): v is T {
  try {
    return v instanceof (cls as unknown as new () => T);
  } catch {
    return false;
  }
}

export function asTask(p: unknown, fn: string): Task {
  if (isInstance(p, Task)) return p;
  throw new TypeError(`Miou.${fn}: expected a Miou promise (the handle returned by Miou.async), got ${p === null ? "null" : typeof p}`);
}

export function asPromise<T>(task: Task): Promise<T> {
  return task as unknown as Promise<T>;
}
