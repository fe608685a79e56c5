/** One audit or action at a time per document (README "Automation: the automatic audit"). */
export const LOCK_WAIT_MS = 10000;
export const BUSY_MESSAGE = 'An audit is already running for this spreadsheet. Wait a moment and try again.';

/** Runs `work` holding the document lock; a second caller waits up to 10 s, then gets BUSY_MESSAGE and nothing is written. */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error('Open the spreadsheet first: the add-on works on the document it is opened in.');
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch (e) {
    // "Lock timeout: another process was holding the lock for too long." Anything else is not ours to rename.
    if (e instanceof Error && /lock/i.test(e.message)) throw new Error(BUSY_MESSAGE);
    throw e;
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
