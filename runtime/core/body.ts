/** What a task runs: the types the core and the public API share (`runtime/types.ts` re-exports them). */

/** A task body: a plain function, or a generator function whose return value is the task's. */
export type Body<T> = (() => Generator<unknown, T, any>) | (() => T);

/** What a task body produces: a generator's return value, or a plain function's result. */
export type Returned<F> = F extends () => Generator<unknown, infer R, any> ? R : F extends () => infer R ? R : never;
