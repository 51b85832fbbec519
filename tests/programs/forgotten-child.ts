import * as Miou from "miou";

// Rule 1: a task must await or cancel its children. (The child never even runs: the parent
// returns at the turn its `async` is serviced, before the child's first turn.)
Miou.run(() => {
  Miou.async(() => console.log("the child ran"));
  return "forgot";
}).catch((e: Error) => console.log(`rejected: ${e.name}`));
