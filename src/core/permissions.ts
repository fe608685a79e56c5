/**
 * A feature the user's consent leaves off (README "Permissions"): the one sentence the sidebar
 * shows and the server throws. Shared by both, so the two always say the same.
 *
 * How to allow it again: the add-on does not ask for a permission from the middle of an action
 * (a sidebar call cannot show Google's consent screen). The way that always works is the one the
 * sentences give: remove the add-on's access in the Google Account, then open it again, and
 * Google asks for every permission anew.
 */
import type { Permissions } from './types';

const HOW_TO_ALLOW = 'To allow it, remove Contract Audit under Third-party apps & services in your Google Account, '
  + 'then open it again from Extensions > Contract Audit and allow what Google asks for.';

/** One sentence per feature: what it needs, and how to allow it. */
export const NOT_ALLOWED: Readonly<Record<keyof Permissions, string>> = {
  audit: `Contract Audit is not allowed to read and change this spreadsheet. ${HOW_TO_ALLOW}`,
  drafts: `Gmail drafts are off: you did not allow Contract Audit to create drafts in Gmail. ${HOW_TO_ALLOW}`,
  schedule: `The automatic audit is off: you did not allow Contract Audit to run on a schedule. ${HOW_TO_ALLOW}`,
  digest: `The digest email is off: you did not allow Contract Audit to send email to you or to see your email address. ${HOW_TO_ALLOW}`,
};
