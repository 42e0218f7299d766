/** The typed arrays a Growing list can hold. */
export type GrowingKind = Uint32Array | Int32Array | Float64Array;

/**
 * A list of numbers in a typed array that doubles its room as it fills: a write-time job's per-article lists (postings,
 * row counts, sums) are millions of numbers at 1,000,000 articles, where a JavaScript array holds each in 8 bytes or more.
 */
export class Growing<T extends GrowingKind> {
  private a: T;
  length = 0;
  constructor(
    private readonly make: (n: number) => T,
    room = 16,
  ) {
    this.a = make(Math.max(1, room));
  }

  /** Adds one number at the end (it must fit the kind: a Uint32Array list wraps a negative number). */
  push(x: number): void {
    if (this.length === this.a.length) {
      const next = this.make(this.a.length * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.length++] = x;
  }

  /** The number at a position (undefined past the end). */
  at(i: number): number | undefined {
    return i >= 0 && i < this.length ? this.a[i] : undefined;
  }

  /** Adds `by` to the number at a position already pushed. */
  add(i: number, by: number): void {
    if (i < 0 || i >= this.length) throw new RangeError(`growing list: position ${i} of ${this.length}`);
    this.a[i] += by;
  }

  /** The numbers pushed, in a typed array of exactly their length (a copy: the list may be dropped after). */
  done(): T {
    return this.a.slice(0, this.length) as T;
  }
}

/** An empty growing list of uint32 numbers. */
export const growingU32 = (room?: number): Growing<Uint32Array> => new Growing((n) => new Uint32Array(n), room);

/** An empty growing list of int32 numbers. */
export const growingI32 = (room?: number): Growing<Int32Array> => new Growing((n) => new Int32Array(n), room);

/** An empty growing list of float64 numbers. */
export const growingF64 = (room?: number): Growing<Float64Array> => new Growing((n) => new Float64Array(n), room);
