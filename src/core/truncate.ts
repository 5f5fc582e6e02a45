/**
 * Shortens text to at most `max` characters, ending in "…" when cut. Every platform caps its
 * fields (Discord embeds and option descriptions, Slack blocks); the caps live with each adapter.
 */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
