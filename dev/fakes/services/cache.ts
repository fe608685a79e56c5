import type { ApiShape } from '../core/api-shape';
import { fail } from '../core/errors';
import { byteLength } from './properties';

type RealCacheService = GoogleAppsScript.Cache.CacheService;
type RealCache = GoogleAppsScript.Cache.Cache;

export const CACHE_VALUE_LIMIT_BYTES = 100 * 1024;
export const CACHE_KEY_LIMIT = 250;
export const CACHE_DEFAULT_TTL_SECONDS = 600;
export const CACHE_MAX_TTL_SECONDS = 21_600;

/** One cache: values with their expiry instant (epoch ms on the fake clock). */
export type CacheStore = Map<string, { value: string; expiresAt: number }>;
export interface CacheStores { document: CacheStore; user: CacheStore; script: CacheStore }

const SERVICE_API = ['getDocumentCache', 'getScriptCache', 'getUserCache'] as const;
const CACHE_API = ['get', 'getAll', 'put', 'putAll', 'remove', 'removeAll'] as const;

/** CacheService. */
export class FakeCacheService implements ApiShape<RealCacheService, typeof SERVICE_API[number]> {
  static readonly apiName = 'CacheService';
  static readonly service = 'CacheService';
  static readonly api: readonly string[] = SERVICE_API;

  constructor(private readonly stores: CacheStores, private readonly nowMs: () => number) {}

  getDocumentCache(): FakeCache { return new FakeCache(this.stores.document, this.nowMs); }
  getScriptCache(): FakeCache { return new FakeCache(this.stores.script, this.nowMs); }
  getUserCache(): FakeCache { return new FakeCache(this.stores.user, this.nowMs); }
}

/** A cache whose entries expire by the fake clock. */
export class FakeCache implements ApiShape<RealCache, typeof CACHE_API[number]> {
  static readonly apiName = 'Cache';
  static readonly service = 'CacheService';
  static readonly api: readonly string[] = CACHE_API;

  constructor(private readonly store: CacheStore, private readonly nowMs: () => number) {}

  get(key: string): string | null {
    const entry = this.store.get(checkKey(key));
    if (!entry) return null;
    if (entry.expiresAt <= this.nowMs()) { this.store.delete(String(key)); return null; }
    return entry.value;
  }
  getAll(keys: string[]): { [key: string]: string } {
    const found: { [key: string]: string } = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) found[key] = value;
    }
    return found;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this.store.set(checkKey(key), { value: checkValue(value), expiresAt: this.expiry(expirationInSeconds) });
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const entries = Object.entries(values).map(([key, value]) => [checkKey(key), checkValue(value)] as const);
    const expiresAt = this.expiry(expirationInSeconds);
    for (const [key, value] of entries) this.store.set(key, { value, expiresAt });
  }
  remove(key: string): void { this.store.delete(checkKey(key)); }
  removeAll(keys: string[]): void { for (const key of keys) this.remove(key); }

  private expiry(seconds: number | undefined): number {
    const ttl = seconds === undefined ? CACHE_DEFAULT_TTL_SECONDS : Math.trunc(seconds);
    if (ttl < 1) fail('Invalid argument: expirationInSeconds');
    return this.nowMs() + Math.min(ttl, CACHE_MAX_TTL_SECONDS) * 1000;
  }
}

function checkKey(key: unknown): string {
  const text = String(key);
  if (text.length > CACHE_KEY_LIMIT) fail('Argument too large: key');
  return text;
}

function checkValue(value: unknown): string {
  const text = String(value);
  if (byteLength(text) > CACHE_VALUE_LIMIT_BYTES) fail('Argument too large: value');
  return text;
}
