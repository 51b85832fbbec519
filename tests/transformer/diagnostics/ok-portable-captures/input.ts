import * as Miou from "miou";
import { Cancelled, orphans } from "miou";
const LIMIT = 10;
const cache = new Map<string, number>();
enum Mode {
  Fast,
  Slow,
}
class Shape {
  area(): number {
    return 1;
  }
}
class Failure extends Error {}
function helper(x: number): number {
  return x + LIMIT;
}
interface Point {
  x: number;
  y: number;
}
type Id = string & { readonly __id: true };
export function main<T extends number>(n: number, point: Point, id: Id, generic: T, loose: any, opaque: unknown): number {
  const values = [1, 2, 3] as const;
  const pair: [string, number] = ["a", 1];
  const { x, y } = point;
  const plain = { name: "n", tags: ["t"], nested: { at: new Date(0) } };
  const collections = { map: new Map<string, number[]>(), set: new Set<bigint>() };
  const binary = { buffer: new ArrayBuffer(8), view: new DataView(new ArrayBuffer(8)), bytes: new Uint8Array(4), shared: new SharedArrayBuffer(4) };
  const errors = [new Error("e"), new TypeError("t"), new Failure("f")];
  const pattern = /a+/g;
  const resource = Miou.Ownership.create(1, () => {});
  const result: Miou.Result<number> = { ok: true, value: 1 };
  let unassigned = 4;
  const mode = Mode.Fast;
  const p = Miou.call((): number => {
    const shape: Shape = new Shape();
    const local = helper(n) + values.length + pair[1] + x + y + id.length + generic + plain.tags.length + collections.map.size + binary.bytes.length + errors.length;
    return local + (pattern.test("a") ? 1 : 0) + Miou.Ownership.value(resource) + (result.ok ? result.value : 0) + unassigned + mode + shape.area() + Math.max(1, 2) + (orphans() ? 1 : 0) + (new Cancelled() ? 1 : 0) + (cache.get("k") ?? 0) + Number(loose) + Number(opaque) + Mode.Slow;
  });
  unassigned = 5;
  return Miou.await_exn(p) + unassigned;
}
