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
  // Jumps from one quote, comma or line break to the next and copies the text between as one slice (linear time;
  // adding one character at a time made multi-megabyte cells slow).
  const special = /[",\r\n]/g;
  while (i < text.length) {
    if (quoted) {
      const q = text.indexOf('"', i);
      const chunk = text.slice(i, q < 0 ? text.length : q);
      for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', nl + 1)) line++;
      cell += chunk;
      if (q < 0) {
        i = text.length;
        break;
      }
      if (text[q + 1] === '"') {
        cell += '"';
        i = q + 2;
      } else {
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    special.lastIndex = i;
    const m = special.exec(text);
    const j = m ? m.index : text.length;
    cell += text.slice(i, j);
    i = j;
    if (!m) break;
    const ch = text[j];
    if (ch === '"') {
      if (cell === '') quoted = true;
      else cell += ch;
    } else if (ch === ',') endCell();
    else {
      if (ch === '\r' && text[j + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    }
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
