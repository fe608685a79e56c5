/**
 * Reading the first worksheet of an .xlsx file (as Google Sheets or Excel download it) into the
 * values a sheet would hold: text, numbers, booleans, and dates (cells with a date format).
 * Formulas give their cached value. Only what a contracts sheet needs; no styling.
 */
import { inflateRawSync } from 'node:zlib';

/** A cell as read: text, number, boolean, or a date as `YYYY-MM-DD`. */
export type XlsxCell = string | number | boolean | { date: string };

/** The entries of a zip archive, by name (stored or deflated entries only). */
export function unzip(data: Buffer): Map<string, Buffer> {
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65557); i -= 1) {
    if (data.readUInt32LE(i) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) throw new Error('This is not an .xlsx file (no zip directory found).');
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n += 1) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error('The .xlsx file is damaged (bad zip directory).');
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    const raw = data.subarray(start, start + compressedSize);
    if (method === 0) files.set(name, raw);
    else if (method === 8) files.set(name, inflateRawSync(raw));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

function decode(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, entity: string) => {
    if (entity === 'lt') return '<';
    if (entity === 'gt') return '>';
    if (entity === 'quot') return '"';
    if (entity === 'apos') return "'";
    if (entity === 'amp') return '&';
    return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}

/** The text of every <t> inside `xml` (rich-text runs joined). */
function textOf(xml: string): string {
  let text = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) text += m[1] ? decode(m[1]) : '';
  return text;
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : null;
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell style index, whether it formats numbers as dates. */
function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  const fmtRe = /<numFmt\s[^>]*>/g;
  for (let m = fmtRe.exec(stylesXml); m; m = fmtRe.exec(stylesXml)) {
    custom.set(Number(attribute(m[0], 'numFmtId')), attribute(m[0], 'formatCode') || '');
  }
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml);
  if (!xfs) return [];
  const result: boolean[] = [];
  const xfRe = /<xf\s[^>]*?\/?>/g;
  for (let m = xfRe.exec(xfs[1]); m; m = xfRe.exec(xfs[1])) {
    const id = Number(attribute(m[0], 'numFmtId') || 0);
    const code = (custom.get(id) || '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    result.push(BUILT_IN_DATE_FORMATS.has(id) || /[dmy]/i.test(code));
  }
  return result;
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref);
  let n = 0;
  for (const ch of letters ? letters[0] : 'A') n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A spreadsheet serial day (1900 date system) as `YYYY-MM-DD`. */
export function serialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000).toISOString().slice(0, 10);
}

/** The first worksheet of an .xlsx file as rows of cells (rows and columns from A1, gaps filled with ''). */
export function readXlsx(data: Buffer): XlsxCell[][] {
  const files = unzip(data);
  const read = (name: string) => { const file = files.get(name); return file ? file.toString('utf8') : undefined; };
  const workbook = read('xl/workbook.xml');
  if (!workbook) throw new Error('This .xlsx file has no workbook.');
  const firstSheet = /<sheet\s[^>]*>/.exec(workbook);
  const relId = firstSheet ? attribute(firstSheet[0], 'r:id') : null;
  const rels = read('xl/_rels/workbook.xml.rels') || '';
  let target = 'worksheets/sheet1.xml';
  const relRe = /<Relationship\s[^>]*>/g;
  for (let m = relRe.exec(rels); m; m = relRe.exec(rels)) {
    if (attribute(m[0], 'Id') === relId) target = attribute(m[0], 'Target') || target;
  }
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheet = read(sheetPath);
  if (!sheet) throw new Error(`This .xlsx file has no ${sheetPath}.`);
  const shared: string[] = [];
  const sst = read('xl/sharedStrings.xml') || '';
  const siRe = /<si>([\s\S]*?)<\/si>/g;
  for (let m = siRe.exec(sst); m; m = siRe.exec(sst)) shared.push(textOf(m[1]));
  const isDate = dateStyles(read('xl/styles.xml'));

  const rows: XlsxCell[][] = [];
  const rowRe = /<row\s[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g;
  for (let rm = rowRe.exec(sheet); rm; rm = rowRe.exec(sheet)) {
    const rowNumber = Number(attribute(rm[0].slice(0, rm[0].indexOf('>') + 1), 'r'));
    const cells: XlsxCell[] = [];
    const cellRe = /<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    const body = rm[1] || '';
    for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
      const tag = `<c ${cm[1]}>`;
      const col = columnIndex(attribute(tag, 'r') || 'A');
      const type = attribute(tag, 't') || 'n';
      const style = Number(attribute(tag, 's') || 0);
      const inner = cm[2] || '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner);
      let value: XlsxCell = '';
      if (type === 's') value = v ? shared[Number(v[1])] || '' : '';
      else if (type === 'inlineStr') value = textOf(inner);
      else if (type === 'str' || type === 'e') value = v ? decode(v[1]) : '';
      else if (type === 'b') value = v ? v[1] === '1' : '';
      else if (v) {
        const number = Number(v[1]);
        value = isDate[style] ? { date: serialToIso(number) } : number;
      }
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  }
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return rows.map((row) => { const out = row.slice(); while (out.length < width) out.push(''); return out; });
}
