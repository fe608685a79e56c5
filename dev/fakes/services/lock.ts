import type { ApiShape } from '../core/api-shape';
import { fail } from '../core/errors';

type RealLockService = GoogleAppsScript.Lock.LockService;
type RealLock = GoogleAppsScript.Lock.Lock;

export type LockKind = 'document' | 'script' | 'user';
/** Who holds each lock: an execution id, 'other' (a simulated other execution) or nobody. */
export type LockHolders = Record<LockKind, number | 'other' | null>;

const SERVICE_API = ['getDocumentLock', 'getScriptLock', 'getUserLock'] as const;
const LOCK_API = ['hasLock', 'releaseLock', 'tryLock', 'waitLock'] as const;

/** LockService for one execution. */
export class FakeLockService implements ApiShape<RealLockService, typeof SERVICE_API[number]> {
  static readonly apiName = 'LockService';
  static readonly service = 'LockService';
  static readonly api: readonly string[] = SERVICE_API;

  constructor(private readonly holders: LockHolders, private readonly executionId: number) {}

  getDocumentLock(): FakeLock { return new FakeLock(this.holders, 'document', this.executionId); }
  getScriptLock(): FakeLock { return new FakeLock(this.holders, 'script', this.executionId); }
  getUserLock(): FakeLock { return new FakeLock(this.holders, 'user', this.executionId); }
}

/** A lock: contended between executions; never really sleeps. */
export class FakeLock implements ApiShape<RealLock, typeof LOCK_API[number]> {
  static readonly apiName = 'Lock';
  static readonly service = 'LockService';
  static readonly api: readonly string[] = LOCK_API;

  constructor(private readonly holders: LockHolders, private readonly kind: LockKind,
    private readonly executionId: number) {}

  hasLock(): boolean { return this.holders[this.kind] === this.executionId; }
  releaseLock(): void {
    if (this.holders[this.kind] === this.executionId) this.holders[this.kind] = null;
  }
  tryLock(_timeoutInMillis: number): boolean {
    const holder = this.holders[this.kind];
    if (holder !== null && holder !== this.executionId) return false;
    this.holders[this.kind] = this.executionId;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) fail('Lock timeout: another process was holding the lock for too long.');
  }
}
