/**
 * The syntax rules of the Python package email-validator (what pydantic's EmailStr applies, with no
 * deliverability check): a dot-atom local part (Unicode allowed, no quoting), a domain of at least two
 * labels of letters, digits and hyphens, a top-level domain that is not all digits, and no special-use
 * domain. Undefined when `address` passes, else email-validator's reason.
 */
const ATEXT = /^[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+$/u;
const LABEL = /^[\p{L}\p{N}\p{M}-]+$/u;
const SPECIAL_USE = ['arpa', 'invalid', 'local', 'localhost', 'onion', 'test'];

export function emailAddressProblem(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0) return 'An email address must have an @-sign.';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length === 0) return 'There must be something before the @-sign.';
  if (domain.length === 0) return 'There must be something after the @-sign.';
  if (local.startsWith('"')) return 'Quoting the part before the @-sign is not allowed here.';
  if (domain.startsWith('[')) return 'A bracketed IP address after the @-sign is not allowed here.';
  if (local.startsWith('.')) return 'An email address cannot start with a period.';
  if (local.endsWith('.')) return 'An email address cannot have a period immediately before the @-sign.';
  if (local.includes('..')) return 'An email address cannot have two periods in a row.';
  if (!local.split('.').every((atom) => ATEXT.test(atom))) return 'The email address contains invalid characters before the @-sign.';
  if (domain.startsWith('.')) return 'An email address cannot have a period immediately after the @-sign.';
  if (domain.endsWith('.')) return 'An email address cannot end with a period.';
  if (domain.includes('..')) return 'An email address cannot have two periods in a row.';
  if (domain.startsWith('-')) return 'An email address cannot have a hyphen immediately after the @-sign.';
  const lowerDomain = domain.toLowerCase();
  const labels = lowerDomain.split('.');
  if (!labels.every((label) => LABEL.test(label))) return 'The part after the @-sign contains invalid characters.';
  if (labels.some((label) => label.startsWith('-') || label.endsWith('-')))
    return 'An email address cannot have a hyphen in that position.';
  if (labels.some((label) => label.length > 63)) return 'After the @-sign, periods cannot be separated by so many characters.';
  if (domain.length > 253) return 'The email address is too long after the @-sign.';
  if (labels.length < 2) return 'The part after the @-sign is not valid. It should have a period.';
  if (/^\d+$/.test(labels.at(-1)!)) return 'The part after the @-sign is not valid. It is not within a valid top-level domain.';
  if (SPECIAL_USE.some((name) => labels.at(-1) === name || lowerDomain.endsWith(`.${name}`)))
    return 'The part after the @-sign is a special-use or reserved name that cannot be used with email.';
  if (address.length > 254) return 'The email address is too long.';
  return undefined;
}
