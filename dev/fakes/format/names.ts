/** English month and weekday names (Apps Script formats dates in English). */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
/** Index 1 = Monday ... 7 = Sunday; index 0 unused. */
export const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Left-pads a non-negative integer with zeros. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
