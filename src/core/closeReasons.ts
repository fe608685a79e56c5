import type { CloseReason } from './types';
import { normalizeName } from './normalize';

/** The reasons a contract can be closed with (README "Follow-ups and closing"), in menu order. */
export const CLOSE_REASONS: readonly CloseReason[] = Object.freeze([
  'Client not responsive',
  'Job completed successfully',
  'Job completed unsuccessfully',
  'Another reason',
] as const);

/**
 * The close reason `value` names, matched ignoring case, spaces and punctuation.
 * Throws an Error listing the allowed reasons for anything else.
 */
export function parseCloseReason(value: unknown): CloseReason {
  if (typeof value === 'string') {
    const wanted = normalizeName(value);
    const found = CLOSE_REASONS.find((reason) => normalizeName(reason) === wanted);
    if (found && wanted !== '') return found;
  }
  const given = typeof value === 'string' && value.trim() !== '' ? `"${value.trim()}" is not a close reason. ` : '';
  throw new Error(`${given}Choose a close reason: ${CLOSE_REASONS.map((r) => `"${r}"`).join(', ')}.`);
}
