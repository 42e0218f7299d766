import { afterEach, describe, expect, test, vi } from 'vitest';
import { stageLine, stageLinesOf, STAGE_TIMES_ENV, timedStage, timedStageSync } from './stageTimes';

describe('stageLine / stageLinesOf', () => {
  test.each([
    ['one stage', stageLine('tallies-job', 1234.4), [{ name: 'tallies-job', ms: 1234 }]],
    [
      'stages among other output, in order',
      `Imported 1 article\n${stageLine('a.b', 5)}\nwarning: x\n${stageLine('a', 7.6)}\n`,
      [
        { name: 'a.b', ms: 5 },
        { name: 'a', ms: 8 },
      ],
    ],
    ['a line that only looks like one', 'stage of the import 3 ms\nstage x y ms', []],
  ])('%s', (_name, output, expected) => {
    expect(stageLinesOf(output)).toEqual(expected);
  });
});

describe('timedStage', () => {
  afterEach(() => {
    delete process.env[STAGE_TIMES_ENV];
    vi.restoreAllMocks();
  });

  test.each([
    ['off: nothing printed', undefined, 0],
    ['on: one line printed', '1', 1],
  ])('%s', async (_name, env, lines) => {
    if (env) process.env[STAGE_TIMES_ENV] = env;
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await timedStage('x', () => Promise.resolve(42))).toBe(42);
    expect(timedStageSync('y', () => 'z')).toBe('z');
    expect(write).toHaveBeenCalledTimes(lines * 2);
    if (lines) expect(stageLinesOf(String(write.mock.calls[0][0]))[0].name).toBe('x');
  });
});
