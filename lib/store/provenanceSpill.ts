import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { ProvenanceInput } from '../provenance/model';
import { wordsOf, type Words } from '../provenance/words';

type Span = { start: number; end: number };

// Articles whose words stay decoded at once: alignment reads an article's partners over and over while it is made,
// and a fixed number keeps the job's memory per article flat (2,048 articles of ~630 words: ~10 MB of offsets).
const CACHED_WORDS = 2048;

// Word hashes are kept in memory, in slabs of this many (16 MB): shingling and alignment read them for every candidate
// pair, and reading them back from the file made the job ~1.25x slower; offsets are read far less often.
const SLAB_WORDS = 1 << 22;

// Appends are gathered up to this many bytes before one write.
const WRITE_BUFFER = 1 << 20;

const ONE_BYTE = /^[\0-\xff]*$/;

/**
 * The provenance job's bulky per-article inputs (analysed text, sentence spans, word offsets) held in a scratch file
 * instead of the heap: with the word hashes they were ~13 KB of ~30 KB per article, more than the machine has at
 * 1,000,000 articles. An offset table and the word hashes (4 bytes a word, what shingling and alignment read over and
 * over) stay in memory; an article's text, spans and word offsets are read back by position when computing or paging
 * needs them (the OS page cache keeps a working set warm). Each article's words are made once, the first time they are
 * read, so an incremental run tokenises only the articles it touches. The file is unlinked as soon as it is opened: it
 * is gone when the spill is closed or its process dies, so no job leaves one.
 */
export class InputSpill {
  private readonly fd: number;
  private end = 0;
  private pending = new Uint8Array(WRITE_BUFFER);
  private pendingBytes = 0;
  private readonly inputAt: Float64Array;
  private readonly textBytes: Uint32Array;
  private readonly oneByte: Uint8Array;
  private readonly sentenceCount: Uint32Array;
  private readonly wordsAt: Float64Array;
  private readonly wordCount: Uint32Array;
  private readonly hashSlab: Uint32Array;
  private readonly hashAt: Uint32Array;
  private readonly slabs: Uint32Array[] = [];
  private open = -1;
  private slabUsed = 0;
  private readonly cachedIndex = new Int32Array(CACHED_WORDS).fill(-1);
  private readonly cachedWords: (SpilledWords | null)[] = new Array<SpilledWords | null>(CACHED_WORDS).fill(null);

  /**
   * A spill for `n` articles (positions 0..n-1), its file made in `dir` (the OS's temporary folder unless given), word
   * hashes held in slabs of `slabWords`.
   */
  constructor(
    private readonly n: number,
    dir = tmpdir(),
    private readonly slabWords = SLAB_WORDS,
  ) {
    const file = path.join(dir, `framescope-provenance-spill-${process.pid}-${threadId}-${Date.now()}.tmp`);
    this.fd = openSync(file, 'wx+');
    unlinkSync(file);
    this.inputAt = new Float64Array(n).fill(-1);
    this.textBytes = new Uint32Array(n);
    this.oneByte = new Uint8Array(n);
    this.sentenceCount = new Uint32Array(n);
    this.wordsAt = new Float64Array(n).fill(-1);
    this.wordCount = new Uint32Array(n);
    this.hashSlab = new Uint32Array(n);
    this.hashAt = new Uint32Array(n);
  }

  /** Stores article `i`'s analysed text and sentence spans (once per article). */
  add(i: number, text: string, sentences: readonly Span[]): void {
    this.check(i);
    if (this.inputAt[i] >= 0) throw new Error(`provenance spill: article ${i} was added twice`);
    const oneByte = ONE_BYTE.test(text);
    const encoding = oneByte ? 'latin1' : 'utf16le';
    const textBytes = Buffer.byteLength(text, encoding);
    const spans = new Int32Array(sentences.length * 2);
    sentences.forEach((s, k) => {
      spans[2 * k] = s.start;
      spans[2 * k + 1] = s.end;
    });
    const record = Buffer.allocUnsafe(spans.byteLength + textBytes);
    record.set(new Uint8Array(spans.buffer), 0);
    record.write(text, spans.byteLength, encoding);
    this.inputAt[i] = this.append(record);
    this.textBytes[i] = textBytes;
    this.oneByte[i] = oneByte ? 1 : 0;
    this.sentenceCount[i] = sentences.length;
  }

  /** Article `i`'s analysed text. */
  textAt(i: number): string {
    const at = this.added(i);
    const spans = this.sentenceCount[i] * 8;
    const bytes = this.read(at + spans, this.textBytes[i]);
    return Buffer.from(bytes.buffer, 0, bytes.byteLength).toString(this.oneByte[i] ? 'latin1' : 'utf16le');
  }

  /** Article `i`'s sentence spans, in text order. */
  sentencesAt(i: number): Span[] {
    const at = this.added(i);
    const spans = new Int32Array(this.read(at, this.sentenceCount[i] * 8).buffer);
    const out: Span[] = new Array(this.sentenceCount[i]);
    for (let k = 0; k < out.length; k++) out[k] = { start: spans[2 * k], end: spans[2 * k + 1] };
    return out;
  }

  /**
   * Article `i`'s words (wordsOf its text), made the first time they are read: the hashes held, the offsets appended
   * to the file and read back (once per stay in the cache) only when `starts` or `ends` is read.
   */
  words(i: number): Words {
    this.added(i);
    const slot = i % CACHED_WORDS;
    if (this.cachedIndex[slot] === i) return this.cachedWords[slot]!;
    let words: SpilledWords;
    if (this.wordsAt[i] < 0) {
      const made = wordsOf(this.textAt(i));
      const n = made.starts.length;
      const record = new Uint8Array(n * 8);
      record.set(new Uint8Array(made.starts.buffer, made.starts.byteOffset, n * 4), 0);
      record.set(new Uint8Array(made.ends.buffer, made.ends.byteOffset, n * 4), n * 4);
      this.wordsAt[i] = this.append(record);
      this.wordCount[i] = n;
      this.holdHashes(i, made.hashes);
      words = new SpilledWords(this, i, this.hashesOf(i), made);
    } else words = new SpilledWords(this, i, this.hashesOf(i), null);
    this.cachedIndex[slot] = i;
    this.cachedWords[slot] = words;
    return words;
  }

  /** Article `i`'s word offsets, read from the file (SpilledWords reads them once while it is cached). */
  offsetsAt(i: number): Pick<Words, 'starts' | 'ends'> {
    const n = this.wordCount[i];
    const buffer = this.read(this.wordsAt[i], n * 8).buffer;
    return { starts: new Int32Array(buffer, 0, n), ends: new Int32Array(buffer, n * 4, n) };
  }

  private holdHashes(i: number, hashes: Uint32Array): void {
    // An article longer than a slab gets one of its own; the open slab stays open for the next article.
    if (hashes.length > this.slabWords) {
      this.hashSlab[i] = this.slabs.push(hashes.slice()) - 1;
      this.hashAt[i] = 0;
      return;
    }
    if (this.open < 0 || this.slabUsed + hashes.length > this.slabWords) {
      this.open = this.slabs.push(new Uint32Array(this.slabWords)) - 1;
      this.slabUsed = 0;
    }
    this.slabs[this.open].set(hashes, this.slabUsed);
    this.hashSlab[i] = this.open;
    this.hashAt[i] = this.slabUsed;
    this.slabUsed += hashes.length;
  }

  private hashesOf(i: number): Uint32Array {
    return this.slabs[this.hashSlab[i]].subarray(this.hashAt[i], this.hashAt[i] + this.wordCount[i]);
  }

  /** Closes (and so removes) the file; the spill cannot be read after. */
  close(): void {
    closeSync(this.fd);
  }

  private check(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.n)
      throw new Error(`provenance spill: article ${i} is outside 0..${this.n - 1}`);
  }

  private added(i: number): number {
    this.check(i);
    const at = this.inputAt[i];
    if (at < 0) throw new Error(`provenance spill: article ${i} was read before it was added`);
    return at;
  }

  // Appends bytes at the file's end (gathered in the write buffer) and returns where they start.
  private append(bytes: Uint8Array): number {
    const at = this.end;
    if (this.pendingBytes + bytes.byteLength > this.pending.byteLength) this.flush();
    if (bytes.byteLength > this.pending.byteLength) writeAll(this.fd, bytes, at);
    else {
      this.pending.set(bytes, this.pendingBytes);
      this.pendingBytes += bytes.byteLength;
    }
    this.end += bytes.byteLength;
    return at;
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    writeAll(this.fd, this.pending.subarray(0, this.pendingBytes), this.end - this.pendingBytes);
    this.pendingBytes = 0;
  }

  // Bytes [at, at + length) in a buffer of their own (offset 0, so typed arrays of any width can view it; not zeroed
  // first, since every byte is read into it).
  private read(at: number, length: number): Uint8Array {
    if (at + length > this.end - this.pendingBytes) this.flush();
    const out = new Uint8Array(Buffer.allocUnsafeSlow(length).buffer, 0, length);
    let done = 0;
    while (done < length) {
      const got = readSync(this.fd, out, done, length - done, at + done);
      if (got === 0)
        throw new Error(`provenance spill: the scratch file ended at ${at + done} reading ${length} bytes`);
      done += got;
    }
    return out;
  }
}

function writeAll(fd: number, bytes: Uint8Array, at: number): void {
  let done = 0;
  while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done, at + done);
}

// An article's words from a spill: hashes held in memory, offsets read from the file the first time either is read.
class SpilledWords implements Words {
  readonly #spill: InputSpill;
  readonly #i: number;
  #offsets: Pick<Words, 'starts' | 'ends'> | null;

  constructor(
    spill: InputSpill,
    i: number,
    readonly hashes: Uint32Array,
    made: Pick<Words, 'starts' | 'ends'> | null,
  ) {
    this.#spill = spill;
    this.#i = i;
    this.#offsets = made ? { starts: made.starts, ends: made.ends } : null;
  }

  get starts(): Int32Array {
    return (this.#offsets ??= this.#spill.offsetsAt(this.#i)).starts;
  }

  get ends(): Int32Array {
    return (this.#offsets ??= this.#spill.offsetsAt(this.#i)).ends;
  }
}

/**
 * Article `i`'s provenance input read from a spill: its id, outlet, date and body start held, its text and sentence
 * spans read from the file each time, and its words (`words`, what lazyDoc reads instead of hashing the text).
 */
export function spilledInput(
  spill: InputSpill,
  i: number,
  held: Pick<ProvenanceInput, 'id' | 'outlet' | 'date' | 'bodyStart'>,
): ProvenanceInput & { readonly words: Words } {
  return new SpilledInput(spill, i, held);
}

// Text, sentences and words are getters on the prototype, so spreading an input ({ ...input }) copies none of them.
class SpilledInput implements ProvenanceInput {
  readonly id: string;
  readonly outlet: string;
  readonly date: string | null;
  readonly bodyStart: number;
  readonly #spill: InputSpill;
  readonly #i: number;

  constructor(spill: InputSpill, i: number, held: Pick<ProvenanceInput, 'id' | 'outlet' | 'date' | 'bodyStart'>) {
    this.id = held.id;
    this.outlet = held.outlet;
    this.date = held.date;
    this.bodyStart = held.bodyStart;
    this.#spill = spill;
    this.#i = i;
  }

  get text(): string {
    return this.#spill.textAt(this.#i);
  }

  get sentences(): Span[] {
    return this.#spill.sentencesAt(this.#i);
  }

  get words(): Words {
    return this.#spill.words(this.#i);
  }
}
