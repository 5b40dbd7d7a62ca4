import { domainToASCII } from 'node:url';

/**
 * When two email addresses are the same mailbox, for deciding who an invitation is for. Only what mail
 * delivery itself treats as equal is equal:
 *
 * - the domain is compared as DNS resolves it: IDNA (UTS #46) to its ASCII form, in lower case, so
 *   `Example.COM` and `bücher.de` / `xn--bcher-kva.de` are each one domain;
 * - the local part is compared exactly, except that ASCII letters are folded to lower case (what
 *   virtually every mail server does). No Unicode case mapping or normalisation: the Kelvin sign,
 *   U+0130 (İ), full-width, Cyrillic or Greek letters and combining marks never become another
 *   mailbox's letters.
 */
export function mailboxKey(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  return `${asciiLowerCase(address.slice(0, at))}@${domainToASCII(domain) || asciiLowerCase(domain)}`;
}

/** `A`-`Z` to `a`-`z`, every other character as it is. */
const asciiLowerCase = (text: string): string => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
