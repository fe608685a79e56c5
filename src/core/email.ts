/** A plain check that a client email cell holds one address Gmail can take. */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@<>(),;:"\[\]]+@[^\s@<>(),;:"\[\]]+\.[^\s@<>(),;:"\[\]]{2,}$/.test(text);
}
