/**
 * Replies are Markdown, which Web Chat and Teams render and the terminal shows as it is:
 * blocks (paragraphs, lists) are separated by a blank line, and each list item is a "- "
 * line. A single line break inside a paragraph would be lost (Markdown makes it a space).
 *
 * @example paragraphs('Your contracts:', bulletList(['RNW-1', 'RNW-2']), 'Align them?')
 * // 'Your contracts:\n\n- RNW-1\n- RNW-2\n\nAlign them?'
 */
export function paragraphs(...blocks: Array<string | undefined>): string {
  return blocks.filter((block): block is string => block !== undefined && block.trim() !== '').join('\n\n');
}

/** A bulleted list, one "- " line per item; '' for no items (which paragraphs() leaves out). */
export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}
