import * as Miou from "miou";

// await_first over two tasks returning 1 and 2: over repeated runs, both values come out.
function race(seed: number) {
  return Miou.run(
    () => {
      const a = Miou.async(() => 1);
      const b = Miou.async(() => 2);
      const r = Miou.await_first([a, b]);
      return r.ok ? r.value : 0;
    },
    { seed },
  );
}

async function main() {
  const seen = new Set<number>();
  for (let seed = 0; seed < 100 && seen.size < 2; seed++) seen.add(await race(seed));
  console.log(`values seen: ${[...seen].sort().join(", ")}`);
}
main();
