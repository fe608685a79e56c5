import type { ApiShape } from '../core/api-shape';
import { asRealEnum } from '../core/enums';
import { fail } from '../core/errors';
import { runningExecution } from '../core/running';
import { type Grants, MANIFEST_SCOPES } from '../core/scopes';
import type { UiRecord } from '../ui/records';
import { AuthorizationStatus } from './script-enums';

type RealAuthorizationInfo = GoogleAppsScript.Script.AuthorizationInfo;

const INFO_API = ['getAuthorizationStatus', 'getAuthorizationUrl', 'getAuthorizedScopes'] as const;

/**
 * What the script sees when it asks for scopes the user has not granted (ScriptApp.requireScopes):
 * the execution ends there and Google shows the user a consent prompt.
 */
export const CONSENT_REQUIRED_MESSAGE = 'Authorization is required to perform that action.';

/** The authorization the account holds: granted scopes, and the reauthorization switch. */
export interface AuthorizationState {
  grants: Grants;
  /** env.requireReauthorization(true): every scope needs authorizing again. */
  reauthorizationRequired(): boolean;
  /** Where consent prompts are recorded. */
  ui: UiRecord;
}

/**
 * ScriptApp.getAuthorizationInfo(authMode[, oAuthScopes]): REQUIRED when any asked scope (all
 * manifest scopes when none are asked) is not granted, or the account must reauthorize.
 */
export class FakeAuthorizationInfo implements ApiShape<RealAuthorizationInfo, typeof INFO_API[number]> {
  static readonly apiName = 'AuthorizationInfo';
  static readonly service = 'ScriptApp';
  static readonly api: readonly string[] = INFO_API;

  private readonly asked: readonly string[];

  constructor(private readonly state: AuthorizationState, askedScopes: readonly string[] | null) {
    this.asked = askedScopes ?? MANIFEST_SCOPES;
  }

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    const status = this.required() ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
    return asRealEnum<GoogleAppsScript.Script.AuthorizationStatus>(status);
  }
  /** A URL to grant what is missing; null when nothing is required. */
  getAuthorizationUrl(): string | null {
    return this.required() ? 'https://script.google.com/macros/d/fake-script-id/authorize' : null;
  }
  /**
   * The granted scopes among those asked (all granted manifest scopes when none were asked); none
   * while the whole grant needs renewing (env.requireReauthorization: access revoked or expired).
   */
  getAuthorizedScopes(): string[] {
    if (this.state.reauthorizationRequired()) return [];
    return this.asked.filter((scope) => this.state.grants.has(scope));
  }

  private required(): boolean {
    return this.state.reauthorizationRequired() || this.state.grants.missing(this.asked).length > 0;
  }
}

/**
 * ScriptApp.requireScopes / requireAllScopes: returns when every scope is granted; otherwise
 * records the consent prompt Google shows (none in a time-driven run: nobody is there) and ends
 * the execution, which no catch block survives.
 */
export function requireScopes(state: AuthorizationState, scopes: readonly string[]): void {
  const missing = state.reauthorizationRequired() ? [...scopes] : state.grants.missing(scopes);
  if (missing.length === 0) return;
  const execution = runningExecution();
  if (!execution?.trigger) state.ui.consentPrompts.push({ scopes: missing });
  if (execution) execution.ended = CONSENT_REQUIRED_MESSAGE;
  fail(CONSENT_REQUIRED_MESSAGE);
}
