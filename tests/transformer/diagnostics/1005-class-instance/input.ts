import * as Miou from "miou";
class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
  norm(): number {
    return Math.hypot(this.x, this.y);
  }
}
export function main(): number {
  const origin = new Point(0, 0);
  const points = [new Point(1, 2)];
  const p = Miou.call(() => origin.norm() + points.length);
  return Miou.await_exn(p);
}
