import { describe, expect, test } from 'vitest';
import { scaledOutlets } from './scaledTallies';

describe('scaledOutlets', () => {
  const base = new Map([
    ['a', 1],
    ['b', 2],
  ]);
  test.each<[number, string[], number[]]>([
    [1, ['a', 'b'], [1, 2]],
    [3, ['a', 'b', 'a~1', 'b~1', 'a~2', 'b~2'], [1, 2, 1, 2, 1, 2]],
  ])('%i copies: the outlets and values', (copies, keys, values) => {
    const m = scaledOutlets(base, copies);
    expect([...m.keys()]).toEqual(keys);
    expect([...m.values()]).toEqual(values);
  });

  test('each copy past the first is made by `copy`', () => {
    const objects = new Map([['a', { n: 1 }]]);
    const m = scaledOutlets(objects, 3, (v) => ({ ...v }));
    expect(m.get('a')).toBe(objects.get('a'));
    expect(m.get('a~1')).toEqual({ n: 1 });
    expect(m.get('a~1')).not.toBe(objects.get('a'));
    expect(m.get('a~2')).not.toBe(m.get('a~1'));
  });

  test.each([[0], [1.5], [-2]])('refuses %s copies', (copies) => {
    expect(() => scaledOutlets(base, copies)).toThrow(/whole number of 1 or more/);
  });
});
