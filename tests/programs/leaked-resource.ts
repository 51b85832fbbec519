import * as Miou from "miou";

// A task that returns still owning a resource ends the run with Resource_leaked, after running
// its finaliser; the error names the task and where it came to own the resource.
function open(name: string): Miou.Resource<string> {
  const r = Miou.Ownership.create(name, (n) => console.log(`finalised ${n}`));
  Miou.Ownership.own(r);
  return r;
}
Miou.run(function main() {
  const p = Miou.async(() => {
    open("file");
    return 1;
  });
  return Miou.await_exn(p);
}).catch((e: Error) => console.log(`rejected: ${e.name}\n${e.message.replace(/[\w./-]*\/(leaked-resource\.ts)/g, "$1")}`));
