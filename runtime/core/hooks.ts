/**
 * A domain's hooks (`Hook.add`): plain functions it runs before every step, newest first.
 *
 * What must stay true:
 * - a hook runs in scheduler context: nothing it calls may suspend (`ctx.suspendable` is false);
 * - a hook that throws, or that turns out to be a generator function (whose body would never
 *   run), is removed and reported: it never ends the run nor throws out of the scheduler;
 * - adding or removing a hook while hooks run affects the next step, not this one (the list is
 *   replaced, never mutated in place).
 */
import { ctx } from "./context.js";
import { isFrameSafe } from "./frame.js";
import { platform } from "./platform.js";
import type { Hook } from "./run.js";

export class Hooks {
  /** Newest first. */
  private list: readonly Hook[] = [];

  /** There are hooks to run: the loop tests this before every step. */
  get any(): boolean {
    return this.list.length > 0;
  }

  /** Adds a hook: it runs before every step, before the hooks added earlier. */
  add(hook: Hook): void {
    this.list = [hook, ...this.list];
  }

  /** Removes a hook; a hook that is not there is left alone. */
  remove(hook: Hook): void {
    this.list = this.list.filter((h) => h !== hook);
  }

  /** Runs every hook once. */
  run(): void {
    ctx.suspendable = false;
    for (const hook of this.list) {
      try {
        // Hook.add refuses native generator functions; a compiled one shows here.
        if (isFrameSafe(hook.fn())) throw new TypeError("Miou.Hook.add: a hook must be a plain function; this one returned a generator, whose body never runs");
      } catch (e) {
        this.remove(hook);
        platform.report("miou: a hook raised an error and was removed", e);
      }
    }
  }
}
