import { mailboxKey } from './mailbox.js';

const same = (a: string, b: string) => mailboxKey(a) === mailboxKey(b);

describe('mailboxKey', () => {
  it('folds ASCII case in the local part and compares the domain as DNS resolves it (IDNA)', () => {
    expect(mailboxKey('Kevin.Smith+Tag@Example.COM')).toBe('kevin.smith+tag@example.com');
    expect(same('a@bücher.de', 'A@xn--bcher-kva.de')).toBe(true);
    expect(same('a@BÜCHER.de', 'a@bücher.de')).toBe(true);
    // A full-width domain is the same domain to IDNA (UTS #46), hence to mail delivery.
    expect(same('a@ｅxample.com', 'a@example.com')).toBe(true);
    expect(same('a@example.com', 'a@example.org')).toBe(false);
  });

  it.each([
    ['compatibility character: KELVIN SIGN for K', '\u212Aevin@example.com', 'kevin@example.com'],
    ['compatibility character: ANGSTROM SIGN for Å', '\u212Bsa@example.com', '\u00E5sa@example.com'],
    ['combining mark: a + COMBINING RING ABOVE for å', 'a\u030Asa@example.com', '\u00E5sa@example.com'],
    ['Turkish dotted capital I', '\u0130van@example.com', 'i\u0307van@example.com'],
    ['Turkish dotted capital I against plain i', '\u0130van@example.com', 'ivan@example.com'],
    ['Turkish dotless i', '\u0131van@example.com', 'ivan@example.com'],
    ['full-width letter', '\uFF4Bevin@example.com', 'kevin@example.com'],
    ['Cyrillic look-alike', '\u043Aevin@example.com', 'kevin@example.com'],
    ['Greek look-alike (capital kappa)', '\u039Aevin@example.com', 'Kevin@example.com'],
    ['non-ASCII case: Ä and ä', '\u00C4rger@example.com', '\u00E4rger@example.com'],
    ['long s for s', '\u017Fam@example.com', 'sam@example.com'],
  ])('keeps look-alikes apart: %s', (_, a, b) => {
    expect(same(a, b)).toBe(false);
  });
});
