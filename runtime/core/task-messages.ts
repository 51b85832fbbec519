/**
 * The words of the errors a task's end raises (`Still_has_children`, `Resource_leaked`): the
 * task as the user knows it, and what it left behind, where it was made.
 */
import type { Run } from "./run.js";
import { siteText } from "./sites.js";
import { childrenOf, type Task } from "./task.js";

/** The task, as the user knows it: where it was spawned, or the function `run` was given. */
function taskName(run: Run, task: Task): string {
  const at = siteText(task.site);
  if (at !== undefined) return `the task spawned at ${at}`;
  if (task.parent === null) return run.main !== "" ? `the task of Miou.run (${run.main})` : "the task of Miou.run";
  return `task ${task.uid}`;
}

/** Things where they were made: `a (at x), b (at y)`, or just `n` of them when no site is known. */
function listed(what: string, sites: readonly number[]): string {
  const known = sites.map((s) => siteText(s)).filter((s) => s !== undefined);
  const count = sites.length === 1 ? `a ${what}` : `${sites.length} ${what}s`;
  if (known.length === 0) return count;
  const more = sites.length - known.length;
  return `${count} (${known.map((s) => `spawned at ${s}`).join(", ")}${more > 0 ? `, and ${more} more` : ""})`;
}

/** `task` returned with children it neither awaited nor cancelled. */
export function forgottenMessage(run: Run, task: Task): string {
  const children = childrenOf(task).reverse(); // oldest first
  const sites = children.map((c) => c.site);
  return (
    `${taskName(run, task)} returned with ${listed("child", sites)} it neither awaited nor cancelled: ` +
    "await each child (Miou.await_exn, Miou.await_all) or cancel it (Miou.cancel) before the task returns"
  );
}

/** `task` returned while it still owned resources. */
export function leakedMessage(run: Run, task: Task): string {
  const resources = task.resources!;
  const known = resources.map((r) => siteText(r.site)).filter((s) => s !== undefined);
  const which = known.length > 0 ? ` (owned at ${known.join(", ")})` : "";
  const count = resources.length === 1 ? "a resource" : `${resources.length} resources`;
  return (
    `${taskName(run, task)} returned while it still owned ${count}${which}; their finalisers ran: ` +
    "release, disown or transfer each resource before the task returns"
  );
}
