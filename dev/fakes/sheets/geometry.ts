import type { GridRect } from './a1';

/**
 * How rectangles (merges, the filter range) follow rows or columns inserted and deleted, as in
 * Sheets: insertions strictly inside a rectangle grow it, insertions before it move it,
 * deletions shrink or move it, and a rectangle whose rows (or columns) are all deleted is gone.
 */
export type Axis = 'rows' | 'columns';

function span(rect: GridRect, axis: Axis): [number, number] {
  return axis === 'rows' ? [rect.row, rect.numRows] : [rect.column, rect.numColumns];
}

function withSpan(rect: GridRect, axis: Axis, start: number, size: number): GridRect {
  return axis === 'rows' ? { ...rect, row: start, numRows: size } : { ...rect, column: start, numColumns: size };
}

/** The rectangle after `howMany` rows/columns were inserted after position `after` (0: at the top). */
export function rectAfterInsert(rect: GridRect, axis: Axis, after: number, howMany: number): GridRect {
  const [start, size] = span(rect, axis);
  const end = start + size - 1;
  if (after < start) return withSpan(rect, axis, start + howMany, size);
  if (after < end) return withSpan(rect, axis, start, size + howMany);
  return rect;
}

/** The rectangle after rows/columns `first`..`first + howMany - 1` were deleted; null when all of it went. */
export function rectAfterDelete(rect: GridRect, axis: Axis, first: number, howMany: number): GridRect | null {
  const [start, size] = span(rect, axis);
  const end = start + size - 1;
  const last = first + howMany - 1;
  if (last < start) return withSpan(rect, axis, start - howMany, size);
  if (first > end) return rect;
  const removed = Math.min(end, last) - Math.max(start, first) + 1;
  if (removed >= size) return null;
  return withSpan(rect, axis, Math.min(start, first), size - removed);
}

/** A position (row or column number) after an insertion. */
export function positionAfterInsert(position: number, after: number, howMany: number): number {
  return position > after ? position + howMany : position;
}

/** A position after a deletion; null when it was deleted. */
export function positionAfterDelete(position: number, first: number, howMany: number): number | null {
  if (position < first) return position;
  if (position < first + howMany) return null;
  return position - howMany;
}

/** Whether two rectangles share a cell. */
export function overlaps(a: GridRect, b: GridRect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;
}

/** Whether `inner` lies wholly inside `outer`. */
export function containsRect(outer: GridRect, inner: GridRect): boolean {
  return inner.row >= outer.row && inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns;
}

/** Whether a rectangle holds the cell. */
export function containsCell(rect: GridRect, row: number, column: number): boolean {
  return row >= rect.row && row < rect.row + rect.numRows && column >= rect.column && column < rect.column + rect.numColumns;
}
