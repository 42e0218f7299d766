/**
 * Small binary building blocks for stored derived data: varints (LEB128, exact up to 2^53), zigzag integers, exact
 * ratios, float64, and a per-part string table so that ids, outlets and dates repeated across a part are stored once.
 */

/** Thrown when a value does not fit the shape a codec stores, so the caller can store it another way. */
export class ShapeError extends Error {}

/** Throws a ShapeError saying what was expected where. */
export function misfit(what: string, got: unknown): never {
  throw new ShapeError(`${what}: got ${typeof got === 'string' ? JSON.stringify(got) : String(got)}`);
}

/** Throws a ShapeError unless `x` is an object with exactly `n` own keys (the ones its codec reads). */
export function fields(x: unknown, n: number, what: string): void {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) misfit(`${what} should be an object`, x);
  let k = 0;
  for (const key in x) if (Object.hasOwn(x, key)) k++;
  if (k !== n) misfit(`${what} should have ${n} fields`, k);
}

/** Throws a ShapeError unless `x` is an array. */
export function list<T>(x: T[] | unknown, what: string): T[] {
  if (!Array.isArray(x)) misfit(`${what} should be a list`, x);
  return x as T[];
}

// Denominators a ratio is looked for up to: similarities are word counts over word counts.
const MAX_DENOMINATOR = 1 << 26;

/**
 * k/n with k/n === x exactly (same float64), from x's continued fraction, or null when none with a small denominator
 * is found. Verified by division, so a ratio found always reads back as the very same number.
 */
export function ratioOf(x: number): [number, number] | null {
  if (!Number.isFinite(x) || x < 0 || Object.is(x, -0) || x > 2 ** 31) return null;
  let [h0, h1] = [0, 1];
  let [k0, k1] = [1, 0];
  let y = x;
  for (let step = 0; step < 64; step++) {
    const a = Math.floor(y);
    const h = a * h1 + h0;
    const k = a * k1 + k0;
    if (k > MAX_DENOMINATOR || !Number.isSafeInteger(h)) return null;
    if (h / k === x) return [h, k];
    [h0, h1, k0, k1] = [h1, h, k1, k];
    const frac = y - a;
    if (frac === 0) return null;
    y = 1 / frac;
  }
  return null;
}

/** Collects a part's distinct strings in first-seen order; written before the part's body. */
export class StringTable {
  private at = new Map<string, number>();
  private list: string[] = [];

  /** The index of `s` in the table, adding it when new. */
  ref(s: string): number {
    let i = this.at.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.at.set(s, i);
      this.list.push(s);
    }
    return i;
  }

  /** Writes the table: its length, then each string as UTF-8 (or UTF-16 when UTF-8 would not give it back). */
  writeTo(w: ByteWriter): void {
    w.uint(this.list.length);
    for (const s of this.list) {
      const utf8 = Buffer.from(s, 'utf8');
      // A lone surrogate does not survive UTF-8: such a string is stored as its UTF-16 code units.
      const exact = utf8.length === s.length || utf8.toString('utf8') === s;
      const bytes = exact ? utf8 : Buffer.from(s, 'utf16le');
      w.uint(bytes.length * 2 + (exact ? 0 : 1));
      w.raw(bytes);
    }
  }
}

/** Appends varints, bytes and strings (through a string table) to a growing buffer. */
export class ByteWriter {
  private buf = new Uint8Array(256);
  /** Bytes written so far. */
  n = 0;

  constructor(private readonly strings?: StringTable) {}

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const wider = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    wider.set(this.buf.subarray(0, this.n));
    this.buf = wider;
  }

  /** A whole number from 0 to 2^53 - 1 as a varint. */
  uint(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) misfit('a whole number of 0 or more', v);
    this.room(8);
    while (v >= 0x80000000) {
      this.buf[this.n++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    while (v >= 0x80) {
      this.buf[this.n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.n++] = v;
  }

  /** A whole number, negative or not, as a zigzag varint. */
  int(v: number): void {
    if (!Number.isSafeInteger(v) || Math.abs(v) > 2 ** 51) misfit('a whole number', v);
    this.uint(v < 0 ? -2 * v - 1 : 2 * v);
  }

  /** `to - from` as a zigzag varint; both must be numbers (a numeric string would read back as a number). */
  delta(to: number, from: number): void {
    if (typeof to !== 'number' || typeof from !== 'number') misfit('two numbers', `${typeof to}, ${typeof from}`);
    this.int(to - from);
  }

  /** `end - start` of a span, checked to be numbers with end >= start. */
  spanOf(start: number, end: number): number {
    if (typeof start !== 'number' || typeof end !== 'number' || !(end >= start)) misfit('a span', `${start}..${end}`);
    return end - start;
  }

  /** One byte. */
  byte(v: number): void {
    this.room(1);
    this.buf[this.n++] = v;
  }

  /** Bytes as they are. */
  raw(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }

  /** A float64, exactly. */
  float64(v: number): void {
    this.room(8);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.n, 8).setFloat64(0, v, true);
    this.n += 8;
  }

  /** A number of 0 or more, exactly: as k/n when it is one (see ratioOf), else as a float64; null allowed if asked. */
  ratio(v: number | null, nullable = false): void {
    if (v === null) {
      if (!nullable) misfit('a number', v);
      this.uint(0);
      return;
    }
    if (typeof v !== 'number') misfit('a number or null', v);
    const r = ratioOf(v);
    if (r) {
      this.uint(r[1] + 1);
      this.uint(r[0]);
    } else {
      this.uint(1);
      this.float64(v);
    }
  }

  /** A string, as its index in the part's string table. */
  text(s: string): void {
    if (typeof s !== 'string') misfit('a string', s);
    this.uint(this.strings!.ref(s));
  }

  /** A string or null (0: null, else index + 1). */
  textOrNull(s: string | null): void {
    if (s === null) this.uint(0);
    else if (typeof s !== 'string') misfit('a string or null', s);
    else this.uint(this.strings!.ref(s) + 1);
  }

  /** A boolean as one byte. */
  bool(b: boolean): void {
    if (typeof b !== 'boolean') misfit('true or false', b);
    this.byte(b ? 1 : 0);
  }

  /** The bytes written (a view: copy before writing more). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
}

/** A part's string table as read: each string decoded when first asked for. */
export class StringsRead {
  private cache: (string | undefined)[];

  constructor(
    private readonly buf: Buffer,
    private readonly starts: number[],
    private readonly codes: number[],
  ) {
    this.cache = new Array(codes.length);
  }

  /** How many strings the table holds. */
  get length(): number {
    return this.codes.length;
  }

  /** String i of the table. */
  get(i: number): string {
    let s = this.cache[i];
    if (s === undefined) {
      const start = this.starts[i];
      const code = this.codes[i];
      s = this.buf.toString(code % 2 ? 'utf16le' : 'utf8', start, start + Math.floor(code / 2));
      this.cache[i] = s;
    }
    return s;
  }
}

/** Reads what a ByteWriter wrote; every read past `end` or out of range throws, so cut-short bytes never decode. */
export class ByteReader {
  private readonly buf: Buffer;
  /** Where the next read starts. */
  at: number;
  /** The part's string table, once read (readStrings). */
  strings: StringsRead | null = null;

  constructor(
    bytes: Uint8Array,
    at = 0,
    readonly end = bytes.length,
  ) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.at = at;
    if (end > bytes.length) throw new Error(`it should hold ${end} bytes but holds ${bytes.length}`);
  }

  private short(what: string): never {
    throw new Error(`it ends at byte ${this.end} in the middle of ${what}`);
  }

  /** A varint. */
  uint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.end) this.short('a number');
      const b = this.buf[this.at++];
      v += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
      if (scale > 2 ** 53) throw new Error(`a number at byte ${this.at} is longer than any written`);
    }
    return v;
  }

  /** A zigzag varint. */
  int(): number {
    const v = this.uint();
    return v % 2 ? -(v + 1) / 2 : v / 2;
  }

  /** One byte. */
  byte(): number {
    if (this.at >= this.end) this.short('a byte');
    return this.buf[this.at++];
  }

  /** A count of items that each take at least one byte: larger than what is left means the bytes are not this. */
  count(): number {
    const n = this.uint();
    if (n > this.end - this.at) throw new Error(`a list at byte ${this.at} says ${n} items but fewer bytes are left`);
    return n;
  }

  /** A float64. */
  float64(): number {
    if (this.at + 8 > this.end) this.short('a float');
    const v = this.buf.readDoubleLE(this.at);
    this.at += 8;
    return v;
  }

  /** A ratio as ByteWriter.ratio wrote it (null only when `nullable`). */
  ratio(nullable = false): number | null {
    const tag = this.uint();
    if (tag === 0) {
      if (!nullable) throw new Error(`a number at byte ${this.at} is missing`);
      return null;
    }
    if (tag === 1) return this.float64();
    return this.uint() / (tag - 1);
  }

  /** A boolean byte. */
  bool(): boolean {
    const b = this.byte();
    if (b > 1) throw new Error(`byte ${this.at - 1} should be 0 or 1, not ${b}`);
    return b === 1;
  }

  /** Reads the part's string table (it comes first). */
  readStrings(): void {
    const n = this.count();
    const starts: number[] = new Array(n);
    const codes: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const code = this.uint();
      const len = Math.floor(code / 2);
      if (this.at + len > this.end) this.short('a string');
      starts[i] = this.at;
      codes[i] = code;
      this.at += len;
    }
    this.strings = new StringsRead(this.buf, starts, codes);
  }

  /** A string by its index in the table. */
  text(): string {
    const i = this.uint();
    if (i >= this.strings!.length) throw new Error(`string ${i} at byte ${this.at} is not in the part's table`);
    return this.strings!.get(i);
  }

  /** A string or null. */
  textOrNull(): string | null {
    const i = this.uint();
    if (i === 0) return null;
    if (i > this.strings!.length) throw new Error(`string ${i - 1} at byte ${this.at} is not in the part's table`);
    return this.strings!.get(i - 1);
  }

  /** Throws unless every byte up to `end` was read. */
  done(): void {
    if (this.at !== this.end) throw new Error(`${this.end - this.at} bytes follow where it should end`);
  }
}
