import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues, issuePath } from '../../../knowledge/validation/formatIssues.js';

const schema = z.object({
  type: z.string().min(1, 'activity.type must be a non-empty string'),
  from: z.object({ id: z.string({ message: 'must be a string' }) }),
  items: z.array(z.number({ message: 'must be a number' })),
});

function failure(value: unknown): z.ZodError {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error;
}

describe('formatIssues', () => {
  it('writes every issue as "path: message", joined with "; "', () => {
    expect(formatIssues(failure({ type: 'x', from: { id: 1 }, items: [1, 'two'] }))).toBe('from.id: must be a string; items.1: must be a number');
  });

  it('names an issue about the whole value with the root, "(root)" by default', () => {
    const error = z.string({ message: 'must be a string' }).safeParse(3).error;
    if (!error) throw new Error('expected a failure');
    expect(formatIssues(error)).toBe('(root): must be a string');
    expect(formatIssues(error, { root: 'body' })).toBe('body: must be a string');
  });

  it('writes paths under the root when nested, and keeps at most `max` issues', () => {
    expect(formatIssues(failure({ type: 'x', from: { id: 1 }, items: ['a'] }), { root: 'activity', nested: true, max: 1 })).toBe('activity.from.id: must be a string');
  });

  it('writes a message that already names its field alone', () => {
    expect(formatIssues(failure({ type: '', from: { id: 'u' }, items: [] }), { selfNamed: 'activity.' })).toBe('activity.type must be a non-empty string');
  });

  it('adds the detail the caller gives for each issue', () => {
    const text = formatIssues(failure({ type: 'x', from: { id: 1 }, items: [] }), { detail: (_issue, path) => ` (at ${path})` });
    expect(text).toBe('from.id: must be a string (at from.id)');
  });

  it('gives the path of an issue on its own', () => {
    const [issue] = failure({ type: 'x', from: { id: 1 }, items: [] }).issues;
    if (!issue) throw new Error('expected an issue');
    expect(issuePath(issue)).toBe('from.id');
    expect(issuePath(issue, { root: 'activity', nested: true })).toBe('activity.from.id');
  });
});
