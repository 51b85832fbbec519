import * as Miou from "miou";
function compare(a: number, b: number): number {
  Miou.yield_();
  return a - b;
}
export function sortSlowly(xs: number[]): number[] {
  return xs.sort(compare);
}
export function later(): Promise<void> {
  return new Promise<void>((resolve) => {
    Miou.yield_();
    resolve();
  });
}
