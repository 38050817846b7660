import { describe, expect, it } from 'vitest';
import { DIRECT_LINE_ERROR_CODES } from '../../bot/http/directLine/errors.js';

describe('the Direct Line error codes', () => {
  it('are unique', () => {
    expect(new Set(DIRECT_LINE_ERROR_CODES).size).toBe(DIRECT_LINE_ERROR_CODES.length);
  });

  it('include the codes Direct Line clients know (BadArgument, MessageSizeTooBig)', () => {
    expect(DIRECT_LINE_ERROR_CODES).toEqual(expect.arrayContaining(['BadArgument', 'MessageSizeTooBig']));
  });
});
