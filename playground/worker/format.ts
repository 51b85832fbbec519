/**
 * How a program's values read in `Console`: strings as they are, everything else as compact JSON
 * where JSON can say it, and a readable stand-in where it cannot (undefined, functions, bigints,
 * errors, cycles, Map and Set).
 */
export function show(value: unknown): string {
  return typeof value === "string" ? value : toJson(value);
}

/** `result: <JSON>` of a run's value. */
export function toJson(value: unknown): string {
  if (value === undefined) return "undefined";
  const seen = new Set<unknown>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === "bigint") return `${v}n`;
        if (typeof v === "function") return `[function ${v.name || "anonymous"}]`;
        if (typeof v === "symbol") return v.toString();
        if (v === undefined) return "undefined";
        if (v instanceof Error) return `${v.name}: ${v.message}`;
        if (v instanceof Map) return { Map: [...v.entries()] };
        if (v instanceof Set) return { Set: [...v.values()] };
        if (v !== null && typeof v === "object") {
          if (seen.has(v)) return "[circular]";
          seen.add(v);
        }
        return v;
      }) ?? String(value)
    );
  } catch {
    return String(value);
  }
}
