import * as Miou from "miou";
export function main(): number {
  const mutex = Miou.Mutex.create();
  const child = Miou.async(() => 1);
  const lazy = Miou.Lazy.from_val(2);
  const orphans = Miou.orphans<number>();
  const condition = Miou.Condition.create();
  const syscall = Miou.syscall();
  const p = Miou.call(() => {
    Miou.Mutex.lock(mutex);
    return Miou.await_exn(child) + Miou.Lazy.force(lazy) + Miou.length(orphans) + [condition, syscall].length;
  });
  return Miou.await_exn(p);
}
