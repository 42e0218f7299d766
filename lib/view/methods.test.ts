import { describe, expect, test } from 'vitest';
import { ACTOR_RULE_TEXT, LIMITS, statisticsSections } from './methods';

describe('statisticsSections', () => {
  const s = statisticsSections(10);
  // Every chart's "How is this computed?" link points at one of these anchors (app/_views/cards.tsx, actorCards.tsx,
  // app/_components/charts/VocabularyScatterCard.tsx).
  test.each(['shares', 'stance', 'distinctive', 'vocabulary', 'sentiment', 'actors', 'tone'])(
    'has a section #%s',
    (id) => expect(s.find((x) => x.id === id)?.formula.length).toBeGreaterThan(0),
  );
  test("the prior strength and the FDR level are the engine's", () => {
    const text = s.find((x) => x.id === 'distinctive')!.formula.join(' ');
    expect(text).toContain('α0 = 10 for this view');
    expect(text).toContain('q < 0.05');
    expect(
      statisticsSections(20)
        .find((x) => x.id === 'distinctive')!
        .formula.join(' '),
    ).toContain('α0 = 20');
  });
});

describe('rule texts', () => {
  test('every actor rule is described', () =>
    expect(Object.keys(ACTOR_RULE_TEXT)).toEqual(['alias', 'modifier', 'of-phrase', 'apposition', 'designation']));
  test('limits are sentences', () => {
    for (const l of LIMITS) expect(l).toMatch(/^[A-Z].*\.$/);
  });
});
