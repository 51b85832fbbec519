// Title: Rule 4: a failing parent cancels its children
// Expect: error: Error: the parent gave up
// Rule 4: a task finishes after its children. When a task fails, its children still running are
// cancelled first: their finally blocks run, children before parents, then the error goes on.
import * as Miou from "miou";

await Miou.run(() => {
  const worker = Miou.async(() => {
    try {
      for (;;) Miou.yield_(); // busy forever: each yield_ is a cancellation point
    } finally {
      console.log("worker: cancelled, cleaning up");
    }
  });
  void worker;
  Miou.yield_(); // let the worker start
  throw new Error("the parent gave up");
});
