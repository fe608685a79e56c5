/**
 * The sentence shown after closing a contract: closing it in the sheet does not end it on the
 * platform, so the user is reminded to do that too, with the contract's link when there is one.
 * Facts about Upwork follow README "Upwork reports": the add-on does not quote
 * Upwork's own reason labels, and warns that ending a fixed-price contract returns the money
 * still in escrow to the client.
 */
import { contractName } from './profile';
import type { AuditContract, CloseReason } from './types';

type Closed = Pick<AuditContract, 'client' | 'job' | 'platform' | 'url'> & { contractType?: string };

/** The Upwork reason to look for, in our words (never Upwork's label). */
function upworkReason(reason: CloseReason): string {
  return reason === 'Another reason' ? 'the reason that fits best' : `the reason closest to "${reason.toLowerCase()}"`;
}

export function closeNotice(contract: Closed, reason: CloseReason): string {
  const name = `"${contractName(contract)}"`;
  const platform = contract.platform.trim();
  const link = contract.url ? ` ${contract.url}` : '';
  if (/upwork/i.test(platform)) {
    const hourly = /hourly/i.test(contract.contractType || '');
    const escrow = hourly ? '' : ' If it is a fixed-price contract, submit the final milestone first: ending it returns '
      + 'any money still in escrow to the client.';
    return `Closed ${name} in the sheet. Now end the contract on Upwork too and choose ${upworkReason(reason)}.${escrow}${link}`;
  }
  if (platform && !/^(direct|direct client|email|referral)$/i.test(platform)) {
    return `Closed ${name} (${reason}) in the sheet. Now end the contract on ${platform} too.${link}`;
  }
  return `Closed ${name} (${reason}). Let the client know the job is closed.${link}`;
}
