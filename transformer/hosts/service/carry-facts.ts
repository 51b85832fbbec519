/**
 * The facts of one program version, carried onto the next after a neutral edit of one module
 * (`neutral-edit.ts`): every node of that module's old parse is replaced by its counterpart in the
 * new parse; the other modules are the very same parse in both versions, so their nodes stay.
 *
 * What must stay true: the carried facts hold no node, symbol or type of the old parse. Whatever
 * cannot be carried (a node the edit changed, a symbol or a type of the old module) makes the
 * whole carry fail, and the service analyses the new version instead.
 */
import type ts from "typescript";
import type { Facts } from "../../analyse/facts.js";

class Uncarried extends Error {}

const isNode = (v: object): v is ts.Node => typeof (v as ts.Node).kind === "number" && typeof (v as ts.Node).getSourceFile === "function";
const isSymbol = (v: object): v is ts.Symbol => "escapedName" in v && "flags" in v && !isNode(v);

/** The facts with `file`'s nodes replaced through `map`, or undefined when one cannot be. */
export function carryFacts(facts: Facts, file: ts.SourceFile, map: ReadonlyMap<ts.Node, ts.Node>): Facts | undefined {
  const carry = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null) return v;
    if (isNode(v)) {
      if (v.getSourceFile() !== file) return v;
      const now = map.get(v);
      if (now === undefined) throw new Uncarried();
      return now;
    }
    if (isSymbol(v)) {
      if (v.declarations?.some((d) => d.getSourceFile() === file)) throw new Uncarried();
      return v;
    }
    if (Array.isArray(v)) return v.map(carry);
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [carry(k), carry(x)]));
    if (v instanceof Set) return new Set([...v].map(carry));
    const proto = Object.getPrototypeOf(v);
    // A type, or anything else of the old checker's, is not a fact to carry.
    if (proto !== Object.prototype && proto !== null) throw new Uncarried();
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, carry(x)]));
  };
  try {
    return carry(facts) as Facts;
  } catch (e) {
    if (e instanceof Uncarried) return undefined;
    throw e;
  }
}
