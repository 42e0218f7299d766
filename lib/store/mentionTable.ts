import type { SubstitutionMention } from '../provenance/views';

const grown = <T extends Int32Array | Uint32Array>(a: T, need: number, make: (n: number) => T): T => {
  if (need <= a.length) return a;
  const b = make(Math.max(need, a.length * 2));
  b.set(a);
  return b;
};

/**
 * Each article's mentions as the provenance summary's substitutions read them, held in typed arrays with their group
 * and variant names interned: 12 bytes a mention, where an object each (and an array per article) was ~1.2 KB per
 * article that the provenance job kept until its summary. Reads give new objects, equal to those set.
 */
export class MentionTable {
  private readonly names: string[] = [];
  private readonly nameAt = new Map<string, number>();
  private readonly runOf = new Map<string, number>();
  private runFirst = new Uint32Array(1024);
  private runs = 0;
  private starts = new Int32Array(4096);
  private groups = new Uint32Array(4096);
  private variants = new Uint32Array(4096);
  private count = 0;

  /** Sets an article's mentions (set again, the later list is the one read). */
  set(id: string, mentions: readonly SubstitutionMention[]): this {
    const need = this.count + mentions.length;
    this.starts = grown(this.starts, need, (n) => new Int32Array(n));
    this.groups = grown(this.groups, need, (n) => new Uint32Array(n));
    this.variants = grown(this.variants, need, (n) => new Uint32Array(n));
    this.runFirst = grown(this.runFirst, this.runs + 2, (n) => new Uint32Array(n));
    for (const m of mentions) {
      this.starts[this.count] = m.start;
      this.groups[this.count] = this.name(m.group);
      this.variants[this.count] = this.name(m.variant);
      this.count++;
    }
    this.runOf.set(id, this.runs);
    this.runFirst[++this.runs] = this.count;
    return this;
  }

  /** An article's mentions, in the order they were set; undefined for an article never set. */
  get(id: string): SubstitutionMention[] | undefined {
    const r = this.runOf.get(id);
    if (r === undefined) return undefined;
    const out: SubstitutionMention[] = [];
    for (let k = this.runFirst[r]; k < this.runFirst[r + 1]; k++)
      out.push({ start: this.starts[k], group: this.names[this.groups[k]], variant: this.names[this.variants[k]] });
    return out;
  }

  /** How many articles have mentions set (an empty list counts). */
  get size(): number {
    return this.runOf.size;
  }

  private name(s: string): number {
    let k = this.nameAt.get(s);
    if (k === undefined) {
      k = this.names.push(s) - 1;
      this.nameAt.set(s, k);
    }
    return k;
  }
}
