import type { ApiShape } from '../core/api-shape';
import { fail } from '../core/errors';
import { parseRecipients, plainOptions } from './addresses';

type RealMailApp = GoogleAppsScript.Mail.MailApp;

/** A message as recorded (sent mail, or a draft's content). */
export interface RecordedMail { to: string; subject: string; body: string; options: Record<string, unknown> }

/** The simulated outbox and daily quota. */
export class MailState {
  sent: RecordedMail[] = [];
  remainingQuota = 100;

  /** Sets how many recipients may still be emailed today. */
  setRemainingQuota(n: number): void { this.remainingQuota = Math.max(0, Math.trunc(n)); }
}

const MAIL_API = ['getRemainingDailyQuota', 'sendEmail'] as const;
const QUOTA_ERROR = 'Service invoked too many times for one day: email.';

/** MailApp: sendEmail in its three forms, and the daily recipient quota. */
export class FakeMailApp implements ApiShape<RealMailApp, typeof MAIL_API[number]> {
  static readonly apiName = 'MailApp';
  static readonly service = 'MailApp';
  static readonly api: readonly string[] = MAIL_API;

  constructor(private readonly state: MailState) {}

  getRemainingDailyQuota(): number { return this.state.remainingQuota; }

  /**
   * sendEmail(message), sendEmail(recipient, subject, body, options?),
   * sendEmail(recipient, replyTo, subject, body).
   */
  sendEmail(first: unknown, second?: unknown, third?: unknown, fourth?: unknown): void {
    let mail: RecordedMail;
    if (first !== null && typeof first === 'object') {
      const message = plainOptions(first);
      const { to, subject, body, ...rest } = message;
      mail = { to: String(to ?? ''), subject: String(subject ?? ''), body: String(body ?? ''), options: rest };
    } else if (typeof fourth === 'string') {
      mail = { to: String(first), subject: String(third ?? ''), body: fourth, options: { replyTo: String(second) } };
    } else {
      mail = { to: String(first ?? ''), subject: String(second ?? ''), body: String(third ?? ''), options: plainOptions(fourth) };
    }
    const recipients = [...parseRecipients(mail.to), ...parseRecipients(mail.options.cc), ...parseRecipients(mail.options.bcc)];
    if (mail.options.replyTo !== undefined) parseRecipients(mail.options.replyTo);
    if (recipients.length === 0) fail('Failed to send email: no recipient');
    if (this.state.remainingQuota < recipients.length) fail(QUOTA_ERROR);
    this.state.remainingQuota -= recipients.length;
    this.state.sent.push({ ...mail, to: parseRecipients(mail.to).join(', ') });
  }
}

/** Plain text as Gmail shows it in HTML (line breaks kept). */
export function parsePlain(body: string): string {
  return body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}
