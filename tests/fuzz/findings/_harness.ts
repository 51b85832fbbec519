/**
 * What the findings see, for the type-checker only: a finding is the generated part of a
 * program, and `findings.test.ts` runs it between the fuzzer's own header (where `s` suspends,
 * or not) and footer, exactly as a generated program.
 */
/** The identity; in the direct-style version every call of it is a scheduling point. */
export declare function s<T>(x: T): T;
/** The plain identity. */
export declare function u<T>(x: T): T;
export type F = (x: number) => number;
/** Appends the values, printed by kind, as one line of the trace. */
export declare function log(...vs: unknown[]): void;
/** Counts a loop turn; throws after 400. */
export declare function tick(): void;
