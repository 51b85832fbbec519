// Title: Rule 2: awaiting a sibling
// Expect: result: "b failed: Miou.Not_a_child"
// Rule 2: only the parent may await or cancel a child. b tries to await its
// sibling a and fails with Not_a_child, an ordinary error its parent sees
// when it awaits b.
import * as Miou from "miou";

const outcome = await Miou.run(() => {
  const a = Miou.async(() => 1);
  const b = Miou.async(() => Miou.await_exn(a)); // a is not b's child
  const rb = Miou.await_(b);
  Miou.await_exn(a); // the parent awaits its own child: fine
  return rb.ok ? "b awaited a" : `b failed: ${(rb.error as Error).name}`;
});
console.log(outcome);
