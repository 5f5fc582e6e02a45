/**
 * Shortens text to at most `max` UTF-16 units, ending in "…" when cut. Every platform caps its
 * fields (Discord embeds and option descriptions, Slack blocks); the caps live with each adapter.
 * The cut never splits a surrogate pair, which the platforms would show as a broken glyph.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
