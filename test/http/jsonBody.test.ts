import { describe, expect, it } from 'vitest';
import { depthOf, parseJson } from '../../bot/http/jsonBody.js';

describe('depthOf', () => {
  it('counts nesting of objects and arrays, ignoring brackets inside strings', () => {
    expect(depthOf('1')).toBe(0);
    expect(depthOf('{"a":[{"b":1}]}')).toBe(3);
    expect(depthOf('{"a":"[[[[{{{{"}')).toBe(1);
    expect(depthOf('{"a":"\\"[[[["}')).toBe(1);
  });
});

describe('parseJson', () => {
  it('parses JSON, and an empty body as undefined', () => {
    expect(parseJson(Buffer.from('{"type":"message"}'), 32)).toEqual({ value: { type: 'message' } });
    expect(parseJson(Buffer.from('  '), 32)).toEqual({ value: undefined });
  });

  it('refuses nesting deeper than the cap, and text that is not JSON, with 400', () => {
    expect(parseJson(Buffer.from('['.repeat(10_000) + ']'.repeat(10_000)), 32)).toEqual({ refusal: { status: 400, message: 'The JSON body nests deeper than 32 levels.' } });
    expect(parseJson(Buffer.from('{not json'), 32)).toEqual({ refusal: { status: 400, message: 'The body is not valid JSON.' } });
    expect(parseJson(Buffer.from([0xff, 0xfe, 0x00]), 32)).toMatchObject({ refusal: { status: 400 } });
  });
});
