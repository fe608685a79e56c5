/**
 * The sentence shown after closing a contract: closing it in the sheet does not end it on the
 * platform, so the user is reminded to do that too, with the contract's link when there is one.
 * Facts about Upwork follow SPEC.md "What we tell users about Upwork".
 */
import { contractName } from './profile';
import type { AuditContract, CloseReason } from './types';

export function closeNotice(contract: Pick<AuditContract, 'client' | 'job' | 'platform' | 'url'>, reason: CloseReason): string {
  const name = `"${contractName(contract)}"`;
  const platform = contract.platform.trim();
  const link = contract.url ? `: ${contract.url}` : '';
  if (/upwork/i.test(platform)) {
    return `Closed ${name} in the sheet; now end the contract on Upwork too, with the reason "${reason}"${link}`;
  }
  if (platform && !/^(direct|direct client|email|referral)$/i.test(platform)) {
    return `Closed ${name} (${reason}) in the sheet; now end the contract on ${platform} too${link}`;
  }
  return `Closed ${name} (${reason}). Let the client know the job is closed${link}`;
}
