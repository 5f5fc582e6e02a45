/** One entry point: its source, relative to the project, and its bundle's name in dist/ (without .mjs). */
export interface BuildEntry {
  readonly in: string;
  readonly out: string;
}
/** See entries.mjs. */
export const ENTRIES: readonly BuildEntry[];
