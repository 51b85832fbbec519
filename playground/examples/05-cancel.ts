// Title: cancel
// Expect: result: "Miou.Cancelled"
// Miou.cancel(p) returns once p and its whole subtree are torn down: its
// finally blocks have run. Awaiting a cancelled task gives an error,
// Miou.Cancelled.
import * as Miou from "miou";

const result = await Miou.run(() => {
  const p = Miou.async(() => {
    try {
      for (let i = 0; ; i++) {
        if (i % 1000 === 0) console.log(`busy: ${i}`);
        Miou.yield_();
      }
    } finally {
      console.log("p: finally runs before cancel returns");
    }
  });
  for (let i = 0; i < 3; i++) Miou.yield_();
  Miou.cancel(p);
  console.log("cancel returned");
  const r = Miou.await_(p);
  return r.ok ? "not cancelled?" : (r.error as Error).name;
});
console.log(result);
