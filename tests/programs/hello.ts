import * as Miou from "miou";

Miou.run(() => {
  const p = Miou.async(() => "Hello");
  const world = "World";
  return `${Miou.await_exn(p)} ${world}`;
}).then(console.log);
