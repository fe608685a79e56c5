/** One audit or action at a time per document (SPEC.md "Automation"). */
export const LOCK_WAIT_MS = 10000;
export const BUSY_MESSAGE = 'An audit is already running for this spreadsheet. Wait a moment and try again.';

/** Runs `work` holding the document lock; a second caller waits up to 10 s, then gets BUSY_MESSAGE and nothing is written. */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS); // throws "Lock timeout…" when another execution holds it that long
  } catch (_e) {
    throw new Error(BUSY_MESSAGE);
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
