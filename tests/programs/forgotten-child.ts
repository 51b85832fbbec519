import * as Miou from "miou";

// Rule 1: a task must await or cancel its children. (The child never even runs: the parent
// returns at the turn its `async` is serviced, before the child's first turn.) The error names
// the task that returned and where each forgotten child was spawned.
function spawnHelper(): void {
  Miou.async(() => console.log("the child ran"));
}
Miou.run(() => {
  const p = Miou.async(() => 1);
  spawnHelper();
  Miou.await_exn(p);
  return "forgot";
}).catch((e: Error) => console.log(`rejected: ${e.name}\n${e.message.replace(/[\w./-]*\/(forgotten-child\.ts)/g, "$1")}`));
