// Title: Ownership: a leaked resource
// Expect: /^error: Miou\.Resource_leaked: the task spawned at .*\(main\.ts:\d+:\d+\) returned while it still owned a resource \(owned at .*\(main\.ts:\d+:\d+\)\); their finalisers ran/
// A resource is owned by a task: if the task fails or is cancelled, its
// finaliser runs. A task that returns still owning a resource ends the run
// with Resource_leaked (after running the finaliser). Fix it:
// Miou.Ownership.release(r) before returning (or disown, or transfer).
import * as Miou from "miou";

await Miou.run(() => {
  const p = Miou.async(() => {
    const file = { name: "data.txt", open: true };
    const r = Miou.Ownership.create(file, (f) => {
      f.open = false;
      console.log(`finaliser: closed ${f.name}`);
    });
    Miou.Ownership.own(r);
    console.log("child: working with", file.name);
    return "done"; // forgot Miou.Ownership.release(r)
  });
  return Miou.await_exn(p);
});
