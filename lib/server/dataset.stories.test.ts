import { describe, expect, test } from 'vitest';
import { openView, storiesOfView, type StoryModel } from './dataset';

function stories(): StoryModel[] {
  const opened = openView('/stories', new URLSearchParams('corpus=fa-kes'));
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  return storiesOfView(opened.view);
}

const all = stories();
const story = all.find((s) => s.id === 'story-trt-3542f67d5bae')!;
const cell = (outlet: string) =>
  story.lens.rows.flatMap((r) =>
    (r.cells[outlet] ?? []).map((c) => `${r.actor}: ${c.label} ×${c.count}/${c.setAside}`),
  );
const named = (outlet: string) =>
  story.naming.filter((n) => n.outlet === outlet).map((n) => `${n.variant} ×${n.count}`);
const aside = (outlet: string) =>
  story.setAside.filter((n) => n.outlet === outlet).map((n) => `${n.variant} ×${n.count} ${n.reason}`);

describe('the Atareb market strike story (story-trt-3542f67d5bae) on FA-KES', () => {
  test('holds the TRT and Daily Sabah reports', () => {
    expect(story.items.map((i) => i.id)).toEqual(['trt-3542f67d5bae', 'dailysabah-d17f31c96ae8']);
  });

  // Read in corpus/fa-kes/articles/*.txt. Daily Sabah: "Regime forces retook the nearby city of Aleppo" ("forces"
  // right after the generic word "regime", naming no actor: set aside as generic) and "continuing recovery
  // operations" (no Turkey in its sentence: set aside as no-actor); no other lexicon term. TRT: "a rebel-held Syrian
  // town", "held by opposition forces" ("opposition" is not a generic word: counted) and "rebel groups maintain a
  // presence", none naming an actor. So both tables hold Daily Sabah's "forces", the lens marking it set aside.
  test.each<[string, string[], string[], string[]]>([
    ['dailysabah', ['unattributed: forces ×1/1'], [], ['forces ×1 generic', 'operation ×1 no-actor']],
    ['trt', ['unattributed: rebels ×2/0', 'unattributed: forces ×1/0'], ['rebels ×2', 'forces ×1'], []],
  ])('%s: lens %j, counted %j, set aside %j', (outlet, lens, counted, setAside) => {
    expect(cell(outlet)).toEqual(lens);
    expect(named(outlet)).toEqual(counted);
    expect(aside(outlet)).toEqual(setAside);
  });
});

describe('every FA-KES story names in its naming table every outlet its actor lens shows', () => {
  test.each(all.map((s) => [s.id, s] as const))('%s', (_, s) => {
    for (const outlet of s.lens.outlets) {
      const counted = s.naming.filter((n) => n.outlet === outlet && n.group === 'armed-groups');
      const aside = s.setAside.filter((n) => n.outlet === outlet && n.group === 'armed-groups');
      expect(counted.length + aside.length, outlet).toBeGreaterThan(0);
      // A label the lens marks set aside is one the naming table lists as set aside.
      const lensAside = s.lens.rows.reduce(
        (t, r) => t + (r.cells[outlet] ?? []).reduce((u, c) => u + c.setAside, 0),
        0,
      );
      if (lensAside > 0) expect(aside.length, outlet).toBeGreaterThan(0);
      if (aside.length === 0) expect(lensAside, outlet).toBe(0);
    }
  });
});
