/**
 * The program's classes by the class they extend, so that a call of a method is known to reach
 * the overriding methods of every subclass too (`class B extends A`, called through a value
 * typed `A`). What must stay true: every class of the program is noted before a call's
 * implementations are asked for (the analysis walks the whole program first).
 */
import type ts from "typescript";
import type { FunctionNode } from "./function-node.js";
import { unwrap } from "./resolve.js";

type TS = typeof import("typescript");

export class Hierarchy {
  /** The classes of the program, by the class they extend. */
  private readonly subclasses = new Map<ts.Declaration, ts.ClassLikeDeclaration[]>();

  constructor(
    private readonly ts: TS,
    private readonly checker: ts.TypeChecker,
  ) {}

  /** Records `cls` under the class it extends, when that class is one the checker resolves. */
  note(cls: ts.ClassLikeDeclaration): void {
    const { ts, checker } = this;
    const base = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    if (base === undefined) return;
    let symbol = checker.getSymbolAtLocation(base.expression);
    if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const decl = symbol?.valueDeclaration;
    if (decl === undefined || !ts.isClassLike(decl)) return;
    (this.subclasses.get(decl) ?? this.subclasses.set(decl, []).get(decl)!).push(cls);
  }

  /** `fn` and the methods (or function-valued fields) of the subclasses that override it. */
  implementations(fn: FunctionNode): FunctionNode[] {
    const { ts } = this;
    if (!ts.isMethodDeclaration(fn) || !ts.isClassLike(fn.parent) || fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return [fn];
    const name = memberName(ts, fn.name);
    if (name === undefined) return [fn];
    const out: FunctionNode[] = [fn];
    const visit = (cls: ts.ClassLikeDeclaration) => {
      for (const sub of this.subclasses.get(cls) ?? []) {
        for (const m of sub.members) {
          if (memberName(ts, m.name) !== name) continue;
          if (ts.isMethodDeclaration(m) && m.body !== undefined) out.push(m);
          else if (ts.isPropertyDeclaration(m) && m.initializer !== undefined) {
            const init = unwrap(ts, m.initializer);
            if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) out.push(init);
          }
        }
        visit(sub);
      }
    };
    visit(fn.parent);
    return out;
  }
}

function memberName(ts: TS, name: ts.PropertyName | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}
