/** `1 day`, `2 days`: a count with its noun, for people. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
