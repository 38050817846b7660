import { describe, expect, it } from 'vitest';
import { bulletList, paragraphs } from '../../../dialogs/replies/markdown.js';
import { markdownProblems } from '../../support/markdown.js';

describe('Markdown replies', () => {
  it('separates blocks with a blank line and puts each list item on a "- " line', () => {
    expect(paragraphs('Your contracts:', bulletList(['RNW-1', 'RNW-2']), 'Align them?')).toBe('Your contracts:\n\n- RNW-1\n- RNW-2\n\nAlign them?');
  });

  it('leaves out empty blocks, an empty list included', () => {
    expect(paragraphs('Intro', bulletList([]), undefined, '  ', 'End')).toBe('Intro\n\nEnd');
  });

  it('the checker finds inline bullets and line breaks Markdown would join', () => {
    expect(markdownProblems('Intro:\n• a\n• b')).toHaveLength(2);
    expect(markdownProblems('Intro:\n- a\n- b')).toHaveLength(1);
    expect(markdownProblems('Intro:\n\n- a\n- b\n\n1. one\n2. two\n\nEnd')).toEqual([]);
  });
});
