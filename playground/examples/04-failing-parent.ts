// Title: Rule 4: a failing parent
// Expect: error: Error: the parent gave up
// Rule 4: a task finishes after its children. When a task fails, its
// children still running are cancelled first: their finally blocks run,
// children before parents, then the error goes on.
import * as Miou from "miou";

await Miou.run(() => {
  const worker = Miou.async(() => {
    try {
      // Busy forever: each yield_ is a cancellation point.
      for (;;) Miou.yield_();
    } finally {
      console.log("worker: cancelled, cleaning up");
    }
  });
  void worker;
  Miou.yield_(); // let the worker start
  throw new Error("the parent gave up");
});
