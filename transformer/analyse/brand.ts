/**
 * The brands the analysis reads in types (see `runtime/brand.ts`), never names: an aliased import
 * is recognised, a user's own `const await_exn = 1` is not.
 */
import type ts from "typescript";

/** On ⏸ functions: calling one is a suspension point. */
export const SUSPENDS = "__miou_suspends";
/** On functions that take suspending functions and run them (`run`, `async`, `protect`, ...). */
export const ACCEPTS = "__miou_accepts";
/** On `call` and `parallel`: their function argument runs on another domain. */
export const PORTABLE = "__miou_portable";

const has = (checker: ts.TypeChecker, e: ts.Expression, brand: string) => checker.getTypeAtLocation(e).getProperty(brand) !== undefined;

/** Is `e` a ⏸ function? */
export function isBranded(checker: ts.TypeChecker, e: ts.Expression): boolean {
  return has(checker, e, SUSPENDS);
}

/** Is `e` one of miou's functions, which may be handed suspending functions? */
export function isMiouFunction(checker: ts.TypeChecker, e: ts.Expression): boolean {
  return has(checker, e, ACCEPTS) || has(checker, e, SUSPENDS);
}

/** Does `e` run its function argument on another domain? */
export function isPortableTaker(checker: ts.TypeChecker, e: ts.Expression): boolean {
  return has(checker, e, PORTABLE);
}
