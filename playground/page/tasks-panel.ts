/** The `Tasks` panel: the run's task tree, each task with its domain, outcome and children. */
import type { RunModel, TaskInfo } from "./trace-model.js";

export function tasksTree(model: RunModel): HTMLElement {
  const list = document.createElement("ul");
  list.className = "task-tree";
  list.setAttribute("role", "tree");
  list.setAttribute("aria-label", "Task tree");
  const item = (t: TaskInfo): HTMLElement => {
    const li = document.createElement("li");
    li.setAttribute("role", "treeitem");
    li.dataset.task = String(t.uid);
    li.dataset.outcome = t.outcome;
    const head = document.createElement("span");
    head.className = "task";
    const turns = t.events.filter((i) => model.events[i]!.kind === "resume").length;
    head.textContent = `task ${t.uid}${t.parent === undefined ? "" : `, child of ${t.parent}`}, domain ${t.domain}: ${t.outcome} (${turns} turn${turns === 1 ? "" : "s"}${t.children.length > 0 ? `, ${t.children.length} child${t.children.length === 1 ? "" : "ren"}` : ""})`;
    li.append(head);
    if (t.children.length > 0) {
      const group = document.createElement("ul");
      group.setAttribute("role", "group");
      group.append(...t.children.map(item));
      li.append(group);
    }
    return li;
  };
  list.append(...model.roots.map(item));
  if (model.roots.length === 0) list.textContent = "No task ran (the program started no Miou.run).";
  return list;
}
