/**
 * The editor's language features, answered by TypeScript's language service in the compiler's
 * worker: diagnostics (TypeScript's and MIOU100n) as squiggles and in `Problems`, checked a
 * moment after the last keystroke; completions; hover types.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
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
    const answer = await compiler.ask("complete", { text: context.state.doc.toString(), pos: context.pos });
    if (answer === null) return null;
    return { from: answer.from, options: answer.options, validFor: /^[\w$]*$/ };
  };
  const hover = hoverTooltip(async (view, pos) => {
    const info = await compiler.ask("hover", { text: view.state.doc.toString(), pos });
    if (info === null) return null;
    return {
      pos: info.from,
      end: info.to,
      above: true,
      create: () => {
        const dom = document.createElement("div");
        dom.className = "cm-hover-type";
        const code = document.createElement("code");
        code.textContent = info.text;
        dom.append(code);
        if (info.doc !== "") {
          const doc = document.createElement("p");
          doc.textContent = info.doc;
          dom.append(doc);
        }
        return { dom };
      },
    };
  });
  return [lint, autocompletion({ override: [complete] }), hover];
}
