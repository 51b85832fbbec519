/** Seeds: a fresh one per run unless the user set `Seed`; every run shows the one it used. */
export function freshSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((b) => b.toString(36).padStart(2, "0")).join("").slice(0, 8);
}
