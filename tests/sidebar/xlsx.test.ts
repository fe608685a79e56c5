import { crc32, deflateRawSync } from 'node:zlib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheetFile } from '../../dev/preview/session';
import { readXlsx } from '../../dev/preview/xlsx';

/** A minimal, valid zip archive (deflated entries) holding `files`. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

// Relationship types are full URLs in real files (read-excel-file looks worksheets up by them).
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbookWith(sheetXml: string): Buffer {
  return zip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="Contracts" sheetId="1" r:id="rId3"/><sheet name="Other" sheetId="2" r:id="rId4"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + `<Relationship Id="rId4" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`
      + `<Relationship Id="rId5" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId6" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst ${NS}><si><t>Client</t></si><si><t>Start date</t></si><si><r><t>Maple &amp; </t></r><r><t xml:space="preserve">Fox</t></r></si><si><t>&lt;img src=x&gt;</t></si></sst>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>`
      + '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetXml}</sheetData></worksheet>`,
    'xl/worksheets/sheet2.xml': `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`,
  });
}

describe('readXlsx', () => {
  test('reads the first sheet: shared and inline text, numbers, booleans, dates by their format, cached formula values', async () => {
    const rows = await readXlsx(workbookWith(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Earnings</t></is></c></row>'
      + '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>46296</v></c><c r="C2"><v>1250.5</v></c><c r="E2" t="b"><v>1</v></c></row>'
      + '<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" s="2"><f>TODAY()-3</f><v>46293</v></c><c r="C4" t="str"><f>A4</f><v>x</v></c></row>',
    ));
    expect(rows).toEqual([
      ['Client', 'Start date', 'Earnings', '', ''],
      ['Maple & Fox', { date: '2026-10-01' }, 1250.5, '', true],
      ['', '', '', '', ''],
      ['<img src=x>', { date: '2026-09-28' }, 'x', '', ''],
    ]);
  });
  test('a date with a time of day is the day the sheet shows', async () => {
    const rows = await readXlsx(workbookWith('<row r="1"><c r="A1" s="2"><v>46296.75</v></c><c r="B1" s="2"><v>1</v></c></row>'));
    expect(rows).toEqual([[{ date: '2026-10-01' }, { date: '1899-12-31' }]]);
  });
  test('a file that is not a workbook is refused in plain words', async () => {
    await expect(readXlsx(Buffer.from('Client,Job\n'))).rejects.toThrow(/not an \.xlsx file/);
  });
});

describe('readSheetFile', () => {
  test('an .xlsx gives date cells for its dates, like a CSV gives for ISO dates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    const file = join(dir, 'My contracts.xlsx');
    writeFileSync(file, workbookWith('<row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="2"><c r="A2" s="2"><v>46296</v></c></row>'));
    const toDate = (iso: string) => new Date(`${iso}T05:00:00Z`);
    expect(await readSheetFile(file, '2026-11-27', toDate)).toEqual([['Start date'], [toDate('2026-10-01')]]);
    const csv = join(dir, 'c.csv');
    writeFileSync(csv, 'Start date\n2026-10-01\n');
    expect(await readSheetFile(csv, '2026-11-27', toDate)).toEqual([['Start date'], [toDate('2026-10-01')]]);
  });
});
