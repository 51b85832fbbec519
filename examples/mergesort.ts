/**
 * Parallel merge sort: the array is cut into one slice per worker domain, the slices are sorted
 * at the same time with `Miou.parallel`, and the sorted slices are merged on dom0.
 *
 *     npx miou run examples/mergesort.ts 1000000
 *     MIOU_DOMAINS=3 npx miou run examples/mergesort.ts
 */
import * as Miou from "miou";

function merge(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** The sequential merge sort each worker runs on its slice. */
function sort(xs: number[]): number[] {
  if (xs.length <= 1) return xs;
  const middle = xs.length >> 1;
  return merge(sort(xs.slice(0, middle)), sort(xs.slice(middle)));
}

/** Sorts `xs` with every worker domain of the run (suspends: it awaits the slices). */
function parallelSort(xs: number[]): number[] {
  const workers = Math.max(1, Miou.Domain.available());
  const size = Math.ceil(xs.length / workers);
  const slices = Array.from({ length: workers }, (_, i) => xs.slice(i * size, (i + 1) * size));
  const sorted = Miou.parallel(sort, slices);
  return sorted
    .map((r) => {
      if (!r.ok) throw r.error;
      return r.value;
    })
    .reduce(merge, []);
}

/** The same pseudo-random numbers on every run. */
function numbers(n: number): number[] {
  let state = 42;
  return Array.from({ length: n }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % 1_000_000;
  });
}

const n = Number(process.argv[2] ?? 200_000);
const input = numbers(n);
const sorted = await Miou.run(() => parallelSort(input));

const ok = sorted.length === n && sorted.every((x, i) => i === 0 || sorted[i - 1]! <= x);
const expected = input.slice().sort((a, b) => a - b);
console.log(`sorted ${n} numbers: ${ok && sorted.every((x, i) => x === expected[i]) ? "ok" : "WRONG"}`);
console.log(`smallest ${sorted.slice(0, 3).join(", ")}; largest ${sorted.slice(-3).join(", ")}`);
