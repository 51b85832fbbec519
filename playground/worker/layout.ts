/** Where the playground's program and its declaration files live in the compiler's memory. */

export const LAYOUT = {
  /** The folder of TypeScript's lib.*.d.ts files. */
  lib: "/lib",
  /** The program's folder: the compile API's `cwd`. */
  app: "/app",
  /** The program itself. */
  main: "/app/main.ts",
  /** The program's globals (console, timers), in place of the DOM's. */
  globals: "/app/globals.d.ts",
  /** The miou package's folder. */
  miou: "/node_modules/miou",
} as const;

/** The libs the program's compiler options name: ES2024, no DOM. */
export const LIBS = ["lib.es2024.d.ts"];
