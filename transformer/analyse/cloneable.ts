/**
 * Which values can cross to another domain (README, "Domains: parallel tasks"): a capture of a `call`/`parallel` function
 * that is sent by value must have a type structured clone copies faithfully. Miou's own handles
 * are recognised by the types the `miou` package exports, never by a user type's name.
 */
import type ts from "typescript";
import { HANDLES } from "../../runtime/api.js";

type TS = typeof import("typescript");

/** How a value of a type crosses: copied, checked at run time (`any`, `unknown`), or not at all. */
export type Verdict = { ok: true } | { ok: "check" } | { ok: false; what: string; where?: string };

const OK: Verdict = { ok: true };
const CHECK: Verdict = { ok: "check" };
const no = (what: string): Verdict => ({ ok: false, what });


/** Miou's types that are handles of one domain's state (runtime/api.ts): they never cross. */
const HANDLE_NAMES = new Set<string>(HANDLES);

/** Built-in classes (of the default library) whose instances structured clone copies. */
const COPIED = [
  "Date",
  "RegExp",
  "ArrayBuffer",
  "SharedArrayBuffer",
  "DataView",
  "Error",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float16Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
];
const COLLECTIONS = ["Map", "ReadonlyMap", "Set", "ReadonlySet"];

/** The types of the `miou` package the portability rules name. */
export class MiouTypes {
  /** Symbols of Miou's handle types (`Mutex`, `Promise`, ...), with the handle's name. */
  readonly handles = new Map<ts.Symbol, string>();
  /** Symbols of `Resource`, which crosses as a reference. */
  readonly resource = new Set<ts.Symbol>();
  /** The `events` member of `RunOptions`. */
  readonly events = new Set<ts.Symbol>();
  private readonly seen = new Set<ts.Symbol>();

  constructor(
    private readonly ts: TS,
    private readonly checker: ts.TypeChecker,
  ) {}

  /** Reads the exports of the module that declares `decl` (one of miou's functions). */
  addModuleOf(decl: ts.Node): void {
    const module = this.checker.getSymbolAtLocation(decl.getSourceFile());
    if (module === undefined || this.seen.has(module)) return;
    this.seen.add(module);
    for (const exported of this.checker.getExportsOfModule(module)) {
      const name = exported.name;
      const all = this.meanings(exported);
      if (HANDLE_NAMES.has(name)) for (const s of all) this.handles.set(s, name);
      else if (name === "Resource") for (const s of all) this.resource.add(s);
      else if (name === "RunOptions")
        for (const s of all) {
          const events = this.checker.getDeclaredTypeOfSymbol(s).getProperty("events");
          if (events !== undefined) this.events.add(events);
        }
    }
  }

  /** The symbol, what it aliases, and the symbols of the type it declares. */
  private meanings(symbol: ts.Symbol): ts.Symbol[] {
    const { ts, checker } = this;
    const out = [symbol];
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (target !== symbol) out.push(target);
    if (target.flags & ts.SymbolFlags.Type) {
      const type = checker.getDeclaredTypeOfSymbol(target);
      if (type.symbol !== undefined) out.push(type.symbol);
      if (type.aliasSymbol !== undefined) out.push(type.aliasSymbol);
    }
    return out;
  }
}

/** Decides whether values of a type can be sent to another domain. */
export class Cloneable {
  constructor(
    private readonly ts: TS,
    private readonly program: ts.Program,
    private readonly miou: MiouTypes,
  ) {}

  private get checker(): ts.TypeChecker {
    return this.program.getTypeChecker();
  }

  verdict(type: ts.Type): Verdict {
    return this.visit(type, new Set());
  }

  private visit(type: ts.Type, seen: Set<ts.Type>): Verdict {
    const { ts, checker } = this;
    const F = ts.TypeFlags;
    if (type.flags & (F.Any | F.Unknown)) return CHECK;
    if (type.flags & F.ESSymbolLike) return no("a symbol");
    const primitive = F.StringLike | F.NumberLike | F.BigIntLike | F.BooleanLike | F.EnumLike | F.Null | F.Undefined | F.Void | F.Never;
    if (type.flags & primitive) return OK;
    const named = this.named(type);
    if (named !== undefined) return named;
    if (type.isUnion()) return all(type.types.map((t) => this.visit(t, seen)));
    if (type.isIntersection()) {
      // A branded primitive (`string & { __tag: "id" }`) is the primitive.
      if (type.types.some((t) => t.flags & primitive)) return OK;
    } else if (type.flags & F.TypeParameter) {
      const constraint = checker.getBaseConstraintOfType(type);
      return constraint === undefined || constraint === type ? CHECK : this.visit(constraint, seen);
    } else if (!(type.flags & F.Object)) {
      return CHECK; // `object`, an unresolved generic: checked when sent
    }
    if (seen.has(type)) return OK;
    seen.add(type);

    if (checker.isArrayType(type) || checker.isTupleType(type)) return inside(all(checker.getTypeArguments(type as ts.TypeReference).map((t) => this.visit(t, seen))), "its elements");
    if (type.getCallSignatures().length > 0) return no("a function");
    if (type.getConstructSignatures().length > 0) return no("a class");
    const builtin = this.builtin(type);
    if (builtin !== undefined) {
      if (COLLECTIONS.includes(builtin)) {
        const args = type.flags & F.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference ? checker.getTypeArguments(type as ts.TypeReference) : [];
        return inside(all(args.map((t) => this.visit(t, seen))), `its ${builtin.includes("Map") ? "keys or values" : "elements"}`);
      }
      if (COPIED.includes(builtin)) return OK;
      if (builtin === "Promise" || builtin === "PromiseLike") return no("a JavaScript promise");
      return no(`${article(builtin)} ${builtin}`);
    }
    const symbol = type.symbol as ts.Symbol | undefined;
    if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Class) return no(`an instance of class ${symbol.name}`);
    const parts: Verdict[] = [];
    for (const p of checker.getPropertiesOfType(type)) {
      const v = this.visit(checker.getTypeOfSymbol(p), seen);
      parts.push(inside(v, `its property \`${p.name}\``));
      if (v.ok === false) break;
    }
    for (const info of checker.getIndexInfosOfType(type)) parts.push(this.visit(info.type, seen));
    return all(parts);
  }

  /** Miou's own types: a handle never crosses; a `Resource` crosses as a reference. */
  private named(type: ts.Type): Verdict | undefined {
    for (const s of [type.aliasSymbol, type.symbol]) {
      if (s === undefined) continue;
      if (this.miou.resource.has(s)) return OK;
      const handle = this.miou.handles.get(s);
      if (handle !== undefined) return no(`a Miou handle (${handle})`);
    }
    return undefined;
  }

  /**
   * The name of the default library's class this type is, or derives from (`Buffer` is a
   * `Uint8Array`, a user's error class an `Error`).
   */
  private builtin(type: ts.Type): string | undefined {
    const { ts, checker } = this;
    const seen = new Set<ts.Type>();
    const queue: ts.Type[] = [type];
    let first: string | undefined;
    while (queue.length > 0) {
      let t = queue.shift()!;
      if (t.flags & ts.TypeFlags.Object && (t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) t = (t as ts.TypeReference).target;
      if (seen.has(t)) continue;
      seen.add(t);
      const s = t.symbol as ts.Symbol | undefined;
      if (s !== undefined && s.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface) && this.fromLibrary(s)) {
        if (COPIED.includes(s.name) || COLLECTIONS.includes(s.name)) return s.name;
        first ??= s.name;
      }
      if (t.flags & ts.TypeFlags.Object && (t as ts.ObjectType).objectFlags & (ts.ObjectFlags.Class | ts.ObjectFlags.Interface))
        queue.push(...(checker.getBaseTypes(t as ts.InterfaceType) ?? []));
    }
    // Another class or interface of the library (`URL`, `WeakMap`, `Iterator`): not copied,
    // except for the library's plain object types such as `PropertyDescriptor`.
    return first !== undefined && this.isClassLike(type) ? first : undefined;
  }

  /** Declared by the default library (other declarations may merge into it: @types/node augments typed arrays). */
  private fromLibrary(s: ts.Symbol): boolean {
    return (s.declarations ?? []).some((d) => this.program.isSourceFileDefaultLibrary(d.getSourceFile()));
  }

  /** A library interface with a global constructor of the same name (`declare var URL: {...}`). */
  private isClassLike(type: ts.Type): boolean {
    const s = type.symbol as ts.Symbol | undefined;
    return s !== undefined && (s.flags & this.ts.SymbolFlags.Value) !== 0;
  }
}

function all(parts: Verdict[]): Verdict {
  let check = false;
  for (const v of parts) {
    if (v.ok === false) return v;
    if (v.ok === "check") check = true;
  }
  return check ? CHECK : OK;
}

/** The innermost place of a refusal: `its property \`cb\``. */
function inside(v: Verdict, where: string): Verdict {
  return v.ok === false && v.where === undefined ? { ...v, where } : v;
}

function article(name: string): string {
  return /^[AEIOU]/.test(name) ? "an" : "a";
}
