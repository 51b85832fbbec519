/**
 * TypeScript's language service over the playground's one program, for the editor: completions,
 * hover types, and the diagnostics of TypeScript and of the transformer (MIOU100n) as the user
 * types. The same declaration files and options as `compileProgram`.
 */
import ts from "typescript";
import { createMiou } from "../../transformer/core.js";
import type { CompileFileSystem } from "../../transformer/hosts/compile/compile.js";
import { LAYOUT } from "./layout.js";
import { OPTIONS, problemCode } from "./compile-program.js";
import type { Answer, Problem } from "./protocol.js";

export interface ProgramService {
  check(text: string): Problem[];
  complete(text: string, pos: number): Answer<"complete">;
  hover(text: string, pos: number): Answer<"hover">;
  details(text: string, pos: number, name: string): Answer<"details">;
}

export function createProgramService(fs: CompileFileSystem): ProgramService {
  let text = "";
  let version = 0;
  const snapshots = new Map<string, ts.IScriptSnapshot>();
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [LAYOUT.main, LAYOUT.globals],
    getScriptVersion: (p) => (p === LAYOUT.main ? String(version) : "0"),
    getScriptSnapshot(p) {
      if (p === LAYOUT.main) return ts.ScriptSnapshot.fromString(text);
      let s = snapshots.get(p);
      const content = fs.readFile(p);
      if (s === undefined && content !== undefined) snapshots.set(p, (s = ts.ScriptSnapshot.fromString(content)));
      return s;
    },
    getCompilationSettings: () => OPTIONS,
    getCurrentDirectory: () => LAYOUT.app,
    getDefaultLibFileName: (o) => `${fs.libFolder}/${ts.getDefaultLibFileName(o)}`,
    fileExists: (p) => p === LAYOUT.main || fs.fileExists(p),
    readFile: (p) => (p === LAYOUT.main ? text : fs.readFile(p)),
    directoryExists: (p) => fs.directoryExists(p),
    getDirectories: (p) => fs.getDirectories(p),
    useCaseSensitiveFileNames: () => true,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry(true, LAYOUT.app));
  const update = (next: string) => {
    if (next !== text) {
      text = next;
      version += 1;
    }
  };
  return {
    check(next) {
      update(next);
      const ours = [...service.getSyntacticDiagnostics(LAYOUT.main), ...service.getSemanticDiagnostics(LAYOUT.main)];
      const program = service.getProgram()!;
      // The transformer's diagnostics need a program without syntax errors to mean anything.
      const miou = ours.some((d) => d.category === ts.DiagnosticCategory.Error && d.code < 2000) ? [] : createMiou(ts, program).diagnostics;
      return [...ours, ...miou].filter((d) => d.file?.fileName === LAYOUT.main).map(toProblem);
    },
    complete(next, pos) {
      update(next);
      const info = service.getCompletionsAtPosition(LAYOUT.main, pos, { includeCompletionsForModuleExports: false });
      if (info === undefined) return null;
      let from = pos;
      while (from > 0 && /[\w$]/.test(text[from - 1]!)) from -= 1;
      const options = info.entries.slice(0, 500).map((e) => ({ label: e.name, type: kindOf(e.kind) }));
      return { from, options };
    },
    details(next, pos, name) {
      update(next);
      const d = service.getCompletionEntryDetails(LAYOUT.main, pos, name, undefined, undefined, undefined, undefined);
      if (d === undefined) return null;
      return { text: ts.displayPartsToString(d.displayParts), doc: ts.displayPartsToString(d.documentation) };
    },
    hover(next, pos) {
      update(next);
      const info = service.getQuickInfoAtPosition(LAYOUT.main, pos);
      if (info === undefined) return null;
      return {
        from: info.textSpan.start,
        to: info.textSpan.start + info.textSpan.length,
        text: ts.displayPartsToString(info.displayParts),
        doc: ts.displayPartsToString(info.documentation),
      };
    },
  };
}

function toProblem(d: ts.Diagnostic): Problem {
  const start = d.start ?? 0;
  const { line, character } = d.file!.getLineAndCharacterOfPosition(start);
  const named = problemCode(d.code, ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  const severity = d.category === ts.DiagnosticCategory.Warning || d.category === ts.DiagnosticCategory.Suggestion ? "warning" : "error";
  return { from: start, to: start + (d.length ?? 0), line: line + 1, column: character + 1, code: named.code, severity, message: named.message };
}

/** CodeMirror's completion types from TypeScript's element kinds. */
function kindOf(kind: ts.ScriptElementKind): string {
  switch (kind) {
    case ts.ScriptElementKind.functionElement:
    case ts.ScriptElementKind.memberFunctionElement:
      return "function";
    case ts.ScriptElementKind.classElement:
      return "class";
    case ts.ScriptElementKind.interfaceElement:
    case ts.ScriptElementKind.typeElement:
      return "type";
    case ts.ScriptElementKind.keyword:
      return "keyword";
    case ts.ScriptElementKind.moduleElement:
    case ts.ScriptElementKind.alias:
      return "namespace";
    case ts.ScriptElementKind.constElement:
      return "constant";
    case ts.ScriptElementKind.memberVariableElement:
    case ts.ScriptElementKind.memberGetAccessorElement:
      return "property";
    default:
      return "variable";
  }
}
