// Title: Rule 1: a forgotten child
// Expect: /^error: Miou\.Still_has_children: the task of Miou\.run returned with a child \(spawned at .*\(main\.ts:\d+:\d+\)\) it neither awaited nor cancelled/
// Rule 1: a task must await or cancel its children before it returns. This
// one forgets its child, so the whole run ends with Still_has_children,
// which no task can catch. Fix it: await the child (Miou.await_exn(child))
// or cancel it (Miou.cancel(child)).
import * as Miou from "miou";

await Miou.run(() => {
  const child = Miou.async(() => 1);
  void child;
  return "forgot";
});
