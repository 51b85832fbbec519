/** Plain CPU work, the kind worth sending to a Web Worker. */
export function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
