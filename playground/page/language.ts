/**
 * The editor's language features, answered by TypeScript's language service in the compiler's
 * worker: diagnostics (TypeScript's and MIOU100n) as squiggles and in `Problems`, checked a
 * moment after the last keystroke; completions; hover types.
 */
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { linter, type Diagnostic } from "@codemirror/lint";
import { hoverTooltip } from "@codemirror/view";
import type { Extension } from "@codemirror/state";
import type { CompilerClient } from "./compiler-client.js";
import type { Problem } from "../worker/protocol.js";

/** How long the editor waits after a keystroke before it asks for diagnostics. */
export const CHECK_DELAY_MS = 400;

export function languageFeatures(compiler: CompilerClient, onProblems: (problems: Problem[]) => void): Extension[] {
  const lint = linter(
    async (view) => {
      const text = view.state.doc.toString();
      const problems = await compiler.ask("check", { text });
      if (view.state.doc.toString() !== text) return []; // stale: a newer check follows
      onProblems(problems);
      return problems.map(
        (p): Diagnostic => ({
          from: Math.min(p.from, view.state.doc.length),
          to: Math.min(Math.max(p.to, p.from), view.state.doc.length),
          severity: p.severity,
          source: p.code,
          message: `${p.code}: ${p.message}`,
        }),
      );
    },
    { delay: CHECK_DELAY_MS },
  );
  const complete = async (context: CompletionContext): Promise<CompletionResult | null> => {
    const word = context.matchBefore(/[\w$]*/);
    const afterDot = context.matchBefore(/\.[\w$]*$/) !== null;
    if (!context.explicit && !afterDot && (word === null || word.from === word.to)) return null;
    const text = context.state.doc.toString();
    const answer = await compiler.ask("complete", { text, pos: context.pos });
    if (answer === null) return null;
    // The signature and documentation of the highlighted option, asked when it is highlighted.
    const info = async (c: Completion) => {
      const d = await compiler.ask("details", { text, pos: context.pos, name: c.label });
      return d === null ? null : typeBox(d.text, d.doc);
    };
    return { from: answer.from, options: answer.options.map((o) => ({ ...o, info })), validFor: /^[\w$]*$/ };
  };
  const hover = hoverTooltip(async (view, pos) => {
    const info = await compiler.ask("hover", { text: view.state.doc.toString(), pos });
    if (info === null) return null;
    return {
      pos: info.from,
      end: info.to,
      above: true,
      create: () => ({ dom: typeBox(info.text, info.doc) }),
    };
  });
  return [lint, autocompletion({ override: [complete] }), hover];
}

/** A type (and its documentation), for hover tooltips and the completion list's side. */
function typeBox(text: string, doc: string): HTMLElement {
  const dom = document.createElement("div");
  dom.className = "cm-hover-type";
  const code = document.createElement("code");
  code.textContent = text;
  dom.append(code);
  if (doc !== "") {
    const p = document.createElement("p");
    p.textContent = doc;
    dom.append(p);
  }
  return dom;
}
