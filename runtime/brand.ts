/**
 * The brand of ⏸ functions. The transformer recognises a suspending function by the type of the
 * callee carrying `__miou_suspends`, never by its name: an aliased import is recognised, a user's
 * own `const await_exn = 1` is not. Being part of the type, the brand survives `.d.ts` emit, so a
 * library built with the transformer exports suspending functions its users' builds recognise.
 */
export type Suspending<F> = F & {
  /** Present on ⏸ functions only: calling one is a suspension point. */
  readonly __miou_suspends?: true;
};

/**
 * The brand of functions that take suspending functions and run them as tasks or frames (`run`,
 * `async`, `protect`, `Mutex.protect`, `Lazy.from_fun`): passing them a suspending function is
 * what they are for, so MIOU1003 does not apply.
 */
export type Accepting<F> = F & {
  readonly __miou_accepts?: true;
};

/**
 * The brand of `call` and `parallel`: their function argument runs on another domain, so the
 * transformer checks what it captures (MIOU1005) and registers it as a portable function.
 */
export type Portable<F> = F & {
  readonly __miou_portable?: true;
};
