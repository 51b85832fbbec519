/** Recognises the ⏸ functions by the brand on their type (see `runtime/brand.ts`), never by name. */
import type ts from "typescript";

export const BRAND = "__miou_suspends";

export function isBranded(checker: ts.TypeChecker, callee: ts.Expression): boolean {
  return checker.getTypeAtLocation(callee).getProperty(BRAND) !== undefined;
}
