import type { ApiShape } from '../core/api-shape';
import { fail } from '../core/errors';
import { parsePlain, type RecordedMail } from './mail';
import { parseRecipients, plainOptions } from './addresses';

type RealGmailApp = GoogleAppsScript.Gmail.GmailApp;
type RealDraft = GoogleAppsScript.Gmail.GmailDraft;
type RealMessage = GoogleAppsScript.Gmail.GmailMessage;

/**
 * A draft as the account keeps it: `to` lists the bare addresses, `toHeader` the recipient as
 * typed ('Jane <jane@x.com>, b@x.com'), which is what GmailMessage.getTo() gives back.
 */
export interface DraftRecord extends RecordedMail { id: string; messageId: string; toHeader?: string }

/** Decides whether Gmail refuses one draft (see GmailState.failFor). */
export type DraftFailurePredicate = (recipient: string, subject: string, body: string) => boolean;

/** The simulated mailbox: drafts and the quota switch. */
export class GmailState {
  drafts: DraftRecord[] = [];
  /** Successful createDraft calls left before the quota error; null = unlimited. */
  successesLeft: number | null = null;
  nextId = 1;
  /** Drafts Gmail refuses, with the error each gets (failFor). */
  readonly refusals: { predicate: DraftFailurePredicate; message: string }[] = [];
  /**
   * Test hook, run after each draft is created: stands for what the user does in the sheet while
   * the script talks to Gmail (a sort, an inserted row), since drafting many rows takes minutes.
   */
  afterDraft: ((draft: DraftRecord) => void) | null = null;

  /** The next n createDraft calls succeed, then every call throws the daily-quota error. */
  failAfter(n: number): void { this.successesLeft = Math.max(0, Math.trunc(n)); }
  /**
   * Makes createDraft throw `message` for the drafts the predicate picks (given the recipient as
   * typed, the subject and the body), e.g. 'Limit Exceeded: Email Body Size.'; nothing is created.
   */
  failFor(predicate: DraftFailurePredicate, message: string): void { this.refusals.push({ predicate, message }); }
  /** Back to unlimited, and no refused drafts. */
  clearFailures(): void {
    this.successesLeft = null;
    this.refusals.length = 0;
  }
}

const GMAIL_API = ['createDraft', 'getDraft', 'getDrafts', 'sendEmail'] as const;
const DRAFT_API = ['deleteDraft', 'getId', 'getMessage', 'getMessageId'] as const;
const MESSAGE_API = ['getBody', 'getCc', 'getBcc', 'getId', 'getPlainBody', 'getSubject', 'getTo'] as const;

/** GmailApp: drafts only (the add-on never sends from Gmail). */
export class FakeGmailApp implements ApiShape<RealGmailApp, typeof GMAIL_API[number]> {
  static readonly apiName = 'GmailApp';
  static readonly service = 'GmailApp';
  static readonly api: readonly string[] = GMAIL_API;

  constructor(private readonly state: GmailState) {}

  /**
   * createDraft(recipient, subject, body, options?): honours the quota switch, validates every
   * address ('Jane <jane@x.com>', '"Doe, Jane" <jane@x.com>', comma-separated lists), then the
   * failFor refusals; only then is the draft created.
   */
  createDraft(recipient: string, subject: string, body: string, options?: object): FakeGmailDraft {
    if (this.state.successesLeft === 0) fail('Service invoked too many times for one day: gmail.');
    const to = parseRecipients(recipient);
    const opts = plainOptions(options);
    parseRecipients(opts.cc);
    parseRecipients(opts.bcc);
    if (opts.replyTo !== undefined) parseRecipients(opts.replyTo);
    const header = recipient === undefined || recipient === null ? '' : String(recipient).trim();
    const [subjectText, bodyText] = [String(subject ?? ''), String(body ?? '')];
    const refusal = this.state.refusals.find((r) => r.predicate(header, subjectText, bodyText));
    if (refusal) fail(refusal.message);
    if (this.state.successesLeft !== null) this.state.successesLeft -= 1;
    const id = `r-fake-draft-${this.state.nextId}`;
    const draft: DraftRecord = {
      id, messageId: `fake-message-${this.state.nextId}`, to: to.join(', '), toHeader: header, subject: subjectText,
      body: bodyText, options: opts,
    };
    this.state.nextId += 1;
    this.state.drafts.push(draft);
    if (this.state.afterDraft) this.state.afterDraft(draft);
    return new FakeGmailDraft(this.state, draft);
  }
  getDraft(draftId: string): FakeGmailDraft {
    const draft = this.state.drafts.find((d) => d.id === draftId);
    if (!draft) fail(`Invalid argument: draftId`);
    return new FakeGmailDraft(this.state, draft);
  }
  getDrafts(): FakeGmailDraft[] { return this.state.drafts.map((draft) => new FakeGmailDraft(this.state, draft)); }
  /** Not allowed: the manifest has gmail.compose (drafts), not the scope to send. */
  sendEmail(_recipient: string, _subject: string, _body: string): RealGmailApp {
    return fail('You do not have permission to call GmailApp.sendEmail. Required permissions: https://mail.google.com/');
  }
}

/** A Gmail draft. */
export class FakeGmailDraft implements ApiShape<RealDraft, typeof DRAFT_API[number]> {
  static readonly apiName = 'GmailDraft';
  static readonly service = 'GmailApp';
  static readonly api: readonly string[] = DRAFT_API;

  constructor(private readonly state: GmailState, readonly draft: DraftRecord) {}

  deleteDraft(): void { this.state.drafts = this.state.drafts.filter((d) => d.id !== this.draft.id); }
  getId(): string { return this.draft.id; }
  getMessage(): FakeGmailMessage { return new FakeGmailMessage(this.draft); }
  getMessageId(): string { return this.draft.messageId; }
}

/** The message inside a draft. */
export class FakeGmailMessage implements ApiShape<RealMessage, typeof MESSAGE_API[number]> {
  static readonly apiName = 'GmailMessage';
  static readonly service = 'GmailApp';
  static readonly api: readonly string[] = MESSAGE_API;

  constructor(private readonly draft: DraftRecord) {}

  getBody(): string { return typeof this.draft.options.htmlBody === 'string' ? this.draft.options.htmlBody : parsePlain(this.draft.body); }
  getCc(): string { return String(this.draft.options.cc ?? ''); }
  getBcc(): string { return String(this.draft.options.bcc ?? ''); }
  getId(): string { return this.draft.messageId; }
  getPlainBody(): string { return this.draft.body; }
  getSubject(): string { return this.draft.subject; }
  /** The To header as typed ('Jane <jane@x.com>'). */
  getTo(): string { return this.draft.toHeader ?? this.draft.to; }
}
