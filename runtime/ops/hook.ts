/** ⏸ Hooks: functions a domain runs before every step (semantics §13). */
import { suspending } from "../core/context.js";
import type { Domain, Hook } from "../core/domain.js";
import { Op } from "../core/protocol.js";
import type { Task } from "../core/task.js";
import type { Operation } from "../types.js";

export type { Hook };

class AddOp extends Op<Hook> {
  constructor(readonly fn: () => void) {
    super();
  }
  get label(): string {
    return "Hook.add";
  }
  perform(_task: Task, domain: Domain): unknown {
    const hook: Hook = { fn: this.fn, domain };
    domain.hooks = [hook, ...domain.hooks];
    return hook;
  }
}

class RemoveOp extends Op<void> {
  constructor(readonly hook: Hook) {
    super();
  }
  get label(): string {
    return "Hook.remove";
  }
  perform(_task: Task, domain: Domain): unknown {
    if (this.hook.domain !== domain)
      throw new TypeError("Miou.Hook.remove: the hook does not belong to the current domain; remove it from the domain that added it");
    domain.hooks = domain.hooks.filter((h) => h !== this.hook);
    return undefined;
  }
}
RemoveOp.prototype.cleanup = true;

/**
 * ⏸ Adds `fn` to the current domain's hooks: it runs before every step of the domain, newest
 * hook first. A hook must not suspend; one that throws is removed.
 */
export function add(fn: () => void): Operation<Hook> {
  suspending("Hook.add");
  if (typeof fn !== "function") throw new TypeError("Miou.Hook.add: expected a function");
  return new AddOp(fn);
}

/** ⏸ Removes a hook of the current domain (idempotent). */
export function remove(hook: Hook): Operation<void> {
  suspending("Hook.remove");
  return new RemoveOp(hook);
}
