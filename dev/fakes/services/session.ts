import type { ApiShape } from '../core/api-shape';

type RealSession = GoogleAppsScript.Base.Session;
type RealUser = GoogleAppsScript.Base.User;

const SESSION_API = ['getActiveUser', 'getActiveUserLocale', 'getEffectiveUser', 'getScriptTimeZone',
  'getTemporaryActiveUserKey'] as const;
const USER_API = ['getEmail'] as const;

/** What Session reports about the simulated user. */
export interface SessionInfo { userEmail: string; scriptTimeZone: string; locale: string }

/** Session. */
export class FakeSession implements ApiShape<RealSession, typeof SESSION_API[number]> {
  static readonly apiName = 'Session';
  static readonly service = 'Session';
  static readonly api: readonly string[] = SESSION_API;

  constructor(private readonly info: SessionInfo) {}

  getActiveUser(): FakeUser { return new FakeUser(this.info.userEmail); }
  /** The user's language, e.g. 'en' (as Apps Script returns it). */
  getActiveUserLocale(): string { return this.info.locale.split(/[_-]/)[0]; }
  getEffectiveUser(): FakeUser { return new FakeUser(this.info.userEmail); }
  getScriptTimeZone(): string { return this.info.scriptTimeZone; }
  getTemporaryActiveUserKey(): string { return `fake-user-key-${Buffer.from(this.info.userEmail).toString('base64')}`; }
}

/** A user: only the email. */
export class FakeUser implements ApiShape<RealUser, typeof USER_API[number]> {
  static readonly apiName = 'User';
  static readonly service = 'Session';
  static readonly api: readonly string[] = USER_API;

  constructor(private readonly email: string) {}

  getEmail(): string { return this.email; }
}
