import * as Miou from "miou";
export function main(): number {
  const tag = Symbol("tag");
  const seen = new WeakMap<object, number>();
  const pending = Promise.resolve(1);
  const nested = { list: [{ label: "a", render: () => "a" }] };
  const p = Miou.call(() => String(tag).length + (seen.has(nested) ? 1 : 0) + String(pending).length + nested.list.length);
  return Miou.await_exn(p);
}
