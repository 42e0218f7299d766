import { InputError } from '../errors';
import { ID_RE } from '../corpus/manifest';
import { formatOf, MAX_FILE_BYTES, type Format } from './files';

/** Largest upload request body the server reads (bytes, after base64 decoding of files). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Most files in one upload. */
export const MAX_UPLOAD_FILES = 100;

/** A validated upload: where it goes, which outlet, and the files (pasted text becomes one text file). */
export interface UploadRequest {
  corpus: string;
  outlet: string;
  /** Set when the upload creates its outlet. */
  newOutletName: string | null;
  items: { name: string; bytes: Uint8Array; format: Format | null }[];
  save: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneLine = (v: unknown) => (typeof v === 'string' ? v.replace(/[\r\n\u2028\u2029]+/g, ' ').trim() : '');

/** Validates an upload request body (JSON) at the boundary, naming the field and the fix for each problem. */
export function parseUpload(json: unknown): UploadRequest {
  if (!isObj(json))
    throw new InputError(
      'upload',
      'the request body must be a JSON object',
      'send {"corpus", "outlet", "files" or "text", "save"}',
    );
  const corpus = typeof json.corpus === 'string' ? json.corpus : '';
  if (!ID_RE.test(corpus)) throw new InputError('upload field "corpus"', 'is not a corpus id', 'choose a corpus');
  const outlet = typeof json.outlet === 'string' ? json.outlet.trim().toLowerCase() : '';
  if (!ID_RE.test(outlet))
    throw new InputError(
      'upload field "outlet"',
      `"${outlet.slice(0, 40)}" is not an outlet id (lowercase letters, digits, hyphens)`,
      'choose an outlet, or give the new outlet an id like "al-jazeera"',
    );
  const newOutletName =
    json.newOutletName === undefined || json.newOutletName === null ? null : oneLine(json.newOutletName);
  if (newOutletName !== null && (newOutletName === '' || newOutletName.length > 80))
    throw new InputError(
      'upload field "newOutletName"',
      'must be 1 to 80 characters',
      'give the new outlet a display name',
    );
  const items: UploadRequest['items'] = [];
  let total = 0;
  if (json.text !== undefined) {
    const t = isObj(json.text) ? json.text : {};
    const body = typeof t.body === 'string' ? t.body : '';
    const title = oneLine(t.title);
    if (!title) throw new InputError('pasted text', 'has no title', 'type the headline into the title field');
    const date = oneLine(t.date);
    const url = oneLine(t.url);
    // Pasted text goes through the same reader as a .txt file with a metadata header.
    const source =
      [`title: ${title}`, date && `date: ${date}`, url && `url: ${url}`].filter(Boolean).join('\n') + `\n\n${body}`;
    const bytes = new TextEncoder().encode(source);
    if (bytes.length > MAX_FILE_BYTES)
      throw new InputError(
        'pasted text',
        `is over the ${MAX_FILE_BYTES / 1048576} MB limit`,
        'split it into several articles',
      );
    items.push({ name: 'pasted text', bytes, format: 'text' });
    total += bytes.length;
  }
  if (json.files !== undefined) {
    if (!Array.isArray(json.files))
      throw new InputError('upload field "files"', 'must be a list', 'send [{"name", "base64"}]');
    if (json.files.length > MAX_UPLOAD_FILES)
      throw new InputError(
        'upload',
        `has ${json.files.length} files, over the limit of ${MAX_UPLOAD_FILES}`,
        'upload in smaller batches or use npm run import',
      );
    json.files.forEach((f, i) => {
      const name = isObj(f) ? oneLine(f.name).replace(/[\\/]/g, '_').slice(0, 120) : '';
      if (!isObj(f) || !name || typeof f.base64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(f.base64)) {
        throw new InputError(
          `upload file ${i + 1}${name ? ` (${name})` : ''}`,
          'is not {"name", "base64"}',
          'send each file as its name and base64 content',
        );
      }
      const bytes = Uint8Array.from(Buffer.from(f.base64, 'base64'));
      total += bytes.length;
      items.push({ name, bytes, format: formatOf(name) });
    });
  }
  if (items.length === 0)
    throw new InputError('upload', 'holds no text and no files', 'paste an article or choose files');
  if (total > MAX_UPLOAD_BYTES)
    throw new InputError(
      'upload',
      `is ${(total / 1048576).toFixed(1)} MB, over the ${MAX_UPLOAD_BYTES / 1048576} MB limit`,
      'upload in smaller batches or use npm run import',
    );
  return { corpus, outlet, newOutletName, items, save: json.save === true };
}
