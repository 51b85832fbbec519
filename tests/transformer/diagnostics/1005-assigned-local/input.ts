import * as Miou from "miou";
export function main(xs: number[]): number {
  let total = 0;
  let last = 0;
  const p = Miou.call(() => {
    for (const x of xs) total += x;
    [last] = xs;
    return total + last;
  });
  return Miou.await_exn(p);
}
