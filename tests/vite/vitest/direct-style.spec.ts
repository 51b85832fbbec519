// A Vitest test written in direct style: its suspending functions are compiled by miou/vite,
// which Vitest takes from vitest.config.ts.
import { expect, test } from "vitest";
import * as Miou from "miou";

function slowDouble(x: number): number {
  Miou.yield_();
  return x * 2;
}

function sumDoubled(xs: number[]): number {
  const children = xs.map((x) => Miou.async(() => slowDouble(x)));
  return children.reduce((acc, p) => acc + Miou.await_exn(p), 0);
}

test("suspending functions run as tasks", async () => {
  expect(await Miou.run(() => sumDoubled([1, 2, 3]))).toBe(12);
});

test("a cancelled child's finally runs before await returns", async () => {
  const log: string[] = [];
  const result = await Miou.run(() => {
    const p = Miou.async(() => {
      try {
        for (;;) Miou.yield_();
      } finally {
        log.push("cleaned");
      }
    });
    Miou.yield_();
    Miou.cancel(p);
    return Miou.await_(p);
  });
  expect(result.ok).toBe(false);
  expect(log).toEqual(["cleaned"]);
});
