import * as Miou from "miou";

Miou.run(() => {
  const p = Miou.async(() => {
    try {
      for (;;) Miou.yield_();
    } finally {
      console.log("child: cleaned up");
    }
  });
  Miou.yield_();
  Miou.cancel(p);
  console.log("parent: cancel returned");
  const r = Miou.await_(p);
  return r.ok ? "value" : (r.error as Error).name;
}).then(console.log);
