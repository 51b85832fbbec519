/**
 * The `Program` editor (CodeMirror 6, TypeScript), with Ctrl+Enter / Cmd+Enter to run, and the
 * read-only `JavaScript` view of the compiled program.
 */
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState, Prec, type Extension } from "@codemirror/state";
import { javascript } from "@codemirror/lang-javascript";

export interface ProgramEditor {
  readonly view: EditorView;
  text(): string;
  setText(text: string): void;
  /** Moves the cursor to a 1-based line and column and gives the editor the focus. */
  moveTo(line: number, column: number): void;
}

export function programEditor(parent: HTMLElement, options: { text: string; onRun(): void; onChange(): void; extensions: Extension[] }): ProgramEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (options.onRun(), true) }])),
        basicSetup,
        javascript({ typescript: true }),
        EditorView.contentAttributes.of({ "aria-label": "Program" }),
        EditorView.lineWrapping,
        EditorView.updateListener.of((u) => {
          if (u.docChanged) options.onChange();
        }),
        ...options.extensions,
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    moveTo(line, column) {
      const l = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
      const pos = Math.min(l.from + column - 1, l.to);
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
  };
}

/** The `JavaScript` panel's content: highlighted, read-only. */
export function javascriptView(parent: HTMLElement): { show(text: string): void } {
  const view = new EditorView({
    parent,
    state: EditorState.create({ doc: "", extensions: [basicSetup, javascript(), EditorState.readOnly.of(true), EditorView.editable.of(false)] }),
  });
  return { show: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }) };
}
