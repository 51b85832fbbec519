// Title: Hello
// Expect: result: 42
// Direct style: no await, no yield. Miou.async starts a child task;
// Miou.await_exn suspends this task until the child is done. The
// transformer turns both functions into state machines.
import * as Miou from "miou";

function answer(): number {
  Miou.yield_(); // a scheduling point: other tasks may run here
  return 42;
}

const result = await Miou.run(() => {
  const child = Miou.async(() => answer());
  console.log("hello from the main task");
  return Miou.await_exn(child);
});
console.log("the run returned", result);
