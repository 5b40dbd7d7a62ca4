/** Length in Unicode characters (code points), as the reference API and PostgreSQL count it, not UTF-16 units. */
export function characterLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}
