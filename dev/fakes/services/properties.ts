import type { ApiShape } from '../core/api-shape';
import { fail } from '../core/errors';

type RealPropertiesService = GoogleAppsScript.Properties.PropertiesService;
type RealProperties = GoogleAppsScript.Properties.Properties;

/** 9 KB per value and 500 KB per store, as Apps Script's quotas say. */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

/** The three property stores of the simulated account (document, this user, script). */
export interface PropertyStores {
  document: Map<string, string>;
  user: Map<string, string>;
  script: Map<string, string>;
}

const SERVICE_API = ['getDocumentProperties', 'getScriptProperties', 'getUserProperties'] as const;
const PROPERTIES_API = ['deleteAllProperties', 'deleteProperty', 'getKeys', 'getProperties', 'getProperty',
  'setProperties', 'setProperty'] as const;

/** PropertiesService. */
export class FakePropertiesService implements ApiShape<RealPropertiesService, typeof SERVICE_API[number]> {
  static readonly apiName = 'PropertiesService';
  static readonly service = 'PropertiesService';
  static readonly api: readonly string[] = SERVICE_API;

  constructor(private readonly stores: PropertyStores) {}

  getDocumentProperties(): FakeProperties { return new FakeProperties(this.stores.document); }
  getScriptProperties(): FakeProperties { return new FakeProperties(this.stores.script); }
  getUserProperties(): FakeProperties { return new FakeProperties(this.stores.user); }
}

/** One property store. Values are strings; limits are enforced before anything is written. */
export class FakeProperties implements ApiShape<RealProperties, typeof PROPERTIES_API[number]> {
  static readonly apiName = 'Properties';
  static readonly service = 'PropertiesService';
  static readonly api: readonly string[] = PROPERTIES_API;

  constructor(private readonly store: Map<string, string>) {}

  deleteAllProperties(): FakeProperties { this.store.clear(); return this; }
  deleteProperty(key: string): FakeProperties { this.store.delete(String(key)); return this; }
  getKeys(): string[] { return [...this.store.keys()]; }
  getProperties(): { [key: string]: string } { return Object.fromEntries(this.store); }
  getProperty(key: string): string | null { return this.store.get(String(key)) ?? null; }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): FakeProperties {
    if (!properties || typeof properties !== 'object') fail('Invalid argument: properties');
    const next = new Map(deleteAllOthers ? [] : this.store);
    for (const [key, value] of Object.entries(properties)) next.set(checkKey(key), checkValue(value));
    this.commit(next);
    return this;
  }
  setProperty(key: string, value: string): FakeProperties {
    const next = new Map(this.store);
    next.set(checkKey(key), checkValue(value));
    this.commit(next);
    return this;
  }

  private commit(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) total += byteLength(key) + byteLength(value);
    if (total > PROPERTY_STORE_LIMIT_BYTES) {
      fail('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
  }
}

function checkKey(key: unknown): string {
  const text = String(key);
  if (text === '' || key === null || key === undefined) fail('Invalid argument: key');
  return text;
}

function checkValue(value: unknown): string {
  const text = String(value);
  if (byteLength(text) > PROPERTY_VALUE_LIMIT_BYTES) fail('Argument too large: value');
  return text;
}

/** UTF-8 size of a string. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
