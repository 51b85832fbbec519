/**
 * Links that hold a program and its seed: `#seed=<seed>&code=<program, lz-string compressed>`.
 * No server and no shortener, so a link never expires. The address follows the editor through
 * `history.replaceState`, so typing adds no history entries.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";

export interface Shared {
  code: string;
  seed: string;
}

export function encode(shared: Shared): string {
  const seed = shared.seed === "" ? "" : `seed=${encodeURIComponent(shared.seed)}&`;
  return `#${seed}code=${compressToEncodedURIComponent(shared.code)}`;
}

/** The program and seed of a hash made by `encode`; null if it holds no program. */
export function decode(hash: string): Shared | null {
  const fields = new Map<string, string>();
  // Not URLSearchParams: it reads the `+` of lz-string's alphabet as a space.
  for (const part of hash.replace(/^#/, "").split("&")) {
    const i = part.indexOf("=");
    if (i > 0) fields.set(part.slice(0, i), part.slice(i + 1));
  }
  const packed = fields.get("code");
  if (packed === undefined) return null;
  const code = decompressFromEncodedURIComponent(packed);
  if (code === null) return null;
  return { code, seed: decodeURIComponent(fields.get("seed") ?? "") };
}

/** Puts `shared` in the address without a new history entry; returns the full URL. */
export function remember(shared: Shared): string {
  const url = new URL(location.href);
  url.hash = encode(shared);
  history.replaceState(null, "", url);
  return url.href;
}
