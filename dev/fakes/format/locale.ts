/**
 * Spreadsheet-locale conventions the fake needs: the default date display (Sheets number-format
 * syntax) and the order of day, month and year when a typed numeric date is read.
 */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/** The order a locale reads 01/02/2026 in: en_US month first, East Asian year first, else day first. */
export function dateOrder(locale: string): DateOrder {
  const [language, region] = locale.split(/[_-]/);
  if (language === 'en' && (region === 'US' || region === 'PH' || region === undefined)) return 'MDY';
  if (['ja', 'zh', 'ko', 'hu', 'lt'].includes(language)) return 'YMD';
  return 'DMY';
}

/** The separator a locale writes numeric dates with. */
export function dateSeparator(locale: string): string {
  const [language, region] = locale.split(/[_-]/);
  if (['de', 'ru', 'pl', 'fi', 'nb', 'no', 'cs', 'sk', 'tr', 'uk', 'da'].includes(language)) return '.';
  if (language === 'nl' || (language === 'en' && region === 'CA') || language === 'sv') return '-';
  return '/';
}

/** The default date format of a locale in Sheets syntax: en_US 'M/d/yyyy', en_GB 'dd/MM/yyyy'... */
export function defaultDatePattern(locale: string): string {
  const order = dateOrder(locale);
  const sep = dateSeparator(locale);
  if (order === 'MDY') return 'M/d/yyyy';
  if (order === 'YMD') return `yyyy${sep}MM${sep}dd`;
  if (sep === '-' && locale.startsWith('en')) return 'yyyy-MM-dd';
  if (sep === '.') return 'dd.MM.yyyy';
  return `dd${sep}MM${sep}yyyy`;
}

/** The default date-time format of a locale in Sheets syntax. */
export function defaultDateTimePattern(locale: string): string {
  return `${defaultDatePattern(locale)} H:mm:ss`;
}
