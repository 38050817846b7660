import { describe, expect, it } from 'vitest';
import { contactEmailIn, isAccountAddress, maskEmails } from '../../../services/quotes/index.js';

describe('contactEmailIn', () => {
  it.each([
    ['claire.martin@example.fr', 'claire.martin@example.fr'],
    ['  Claire.Martin+devis@Example.FR  ', 'Claire.Martin+devis@Example.FR'],
    ['mon adresse : claire@example.fr', 'claire@example.fr'],
    ['<claire@example.fr>.', 'claire@example.fr'],
    ['(claire@example.fr)', 'claire@example.fr'],
  ])('finds the address in %j', (text, expected) => {
    expect(contactEmailIn(text)).toBe(expected);
  });

  it.each([
    ['', 'nothing'],
    ['claire', 'no @'],
    ['claire@', 'no domain'],
    ['@example.fr', 'no local part'],
    ['claire@example', 'no dot in the domain'],
    ['claire@@example.fr', 'two @'],
    ['a@example.fr b@example.fr', 'two addresses'],
    ['claire@example.fr\r\nBcc: everyone@attacker.example', 'a header injected after a line break'],
    ['claire@exa mple.fr', 'a space in the domain'],
    ['"claire"@example.fr', 'quoted local parts'],
    [`${'a'.repeat(250)}@example.fr`, 'longer than 254 characters'],
    [`${'x '.repeat(600)}claire@example.fr`, 'a message longer than 1,000 characters'],
    ['claire@example.fr\u0000', 'a NUL byte'],
    ['<script>@example.fr', 'markup'],
  ])('refuses %j (%s)', (text) => {
    expect(contactEmailIn(text)).toBeUndefined();
  });
});

describe('maskEmails', () => {
  it('hides the local part of every address, keeps the domain for the operators', () => {
    expect(maskEmails('550 5.1.1 <claire.martin@example.com>: no such user; cc bob@x.example'))
      .toBe('550 5.1.1 <***@example.com>: no such user; cc ***@x.example');
  });
});

describe('isAccountAddress', () => {
  const domains = ['boulangeries-martin.example'];
  it.each([
    ['claire@boulangeries-martin.example', true],
    ['Claire@Boulangeries-Martin.EXAMPLE', true],
    ['compta@lyon.boulangeries-martin.example', true],
    ['eve@evilboulangeries-martin.example', false],
    ['eve@boulangeries-martin.example.attacker.test', false],
    ['boulangeries-martin.example@attacker.test', false],
  ])('%s → %s', (email, expected) => {
    expect(isAccountAddress(email, domains)).toBe(expected);
  });

  it('accepts any address when the account has no domain on record', () => {
    expect(isAccountAddress('claire@gmail.example', [])).toBe(true);
  });
});
