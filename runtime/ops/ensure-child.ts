/** Rule 2, shared by the operations on a child (`await_`, `await_all`, `await_first`, `await_one`, `cancel`). */
import { Not_a_child } from "../core/errors.js";
import type { Task } from "../core/task.js";

/** Throws `Not_a_child` unless `p` is a child of `task`: only its parent may await or cancel it. */
export function ensureChild(task: Task, p: Task, fn: string): void {
  if (p.parent !== task)
    throw new Not_a_child(`Miou.${fn}: task ${p.uid} is not a child of task ${task.uid}; only its parent may await or cancel it`);
}
