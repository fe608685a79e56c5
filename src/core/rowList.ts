/** Sheet rows named for people: `row 7`, `rows 7 and 12`, `rows 3, 7 and 12`. */
export function rowList(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  return `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
}
