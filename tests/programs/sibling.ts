import * as Miou from "miou";

// Rule 2: only the parent may await a child.
Miou.run(() => {
  const a = Miou.async(() => 1);
  const b = Miou.async(() => {
    try {
      return Miou.await_exn(a);
    } catch (e) {
      return (e as Error).name;
    }
  });
  const r = Miou.await_exn(b);
  Miou.await_exn(a);
  return r;
}).then(console.log);
