/**
 * The reliability suite's sizes: short in `npm test`, long under `npm run soak` (which sets
 * MIOU_SOAK=1). Every figure the suite checks is also printed in long mode.
 */
export const SOAK = process.env.MIOU_SOAK === "1";

/** `short` in CI, `long` under `npm run soak`. */
export const size = (short: number, long: number): number => (SOAK ? long : short);

/** Prints a figure in long mode (the short mode stays quiet, like the rest of `npm test`). */
export function figure(line: string): void {
  if (SOAK) console.log(`  soak: ${line}`);
}
