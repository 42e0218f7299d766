import { InputError } from '../errors';

/** One CSV record with the line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes); the first record is the header. */
export function parseCsv(text: string, file: string): { header: string[]; records: CsvRecord[] } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
    i++;
  }
  if (quoted)
    throw new InputError(
      `${file} line ${start}`,
      'a quoted field is never closed',
      'close the quote ("), or double quotes inside a field ("")',
    );
  if (cell !== '' || cells.length) endRecord();
  if (records.length === 0) throw new InputError(file, 'has no header row', 'start the CSV with a row of column names');
  const [head, ...rest] = records;
  return { header: head.cells.map((h) => h.trim()), records: rest };
}
