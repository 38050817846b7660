const LIST_ITEM = /^(- |\d+\. )/;

/**
 * What keeps a reply from rendering as intended in Web Chat and Teams (Markdown): an inline
 * "•" bullet, or a single line break that is not between two list items (Markdown turns it
 * into a space, so the lines run together). Empty: fine.
 */
export function markdownProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.includes('•')) problems.push('uses "•" instead of a "- " list');
  for (const block of text.split('\n\n')) {
    const lines = block.split('\n');
    if (lines.length > 1 && !lines.every((line) => LIST_ITEM.test(line))) {
      problems.push(`single line breaks that Markdown joins: ${JSON.stringify(block.slice(0, 120))}`);
    }
  }
  return problems;
}
