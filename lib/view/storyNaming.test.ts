import { describe, expect, test } from 'vitest';
import { storyNaming, type NamingMention } from './storyNaming';

const m = (outlet: string, variant: string, setAside: string | null = null, group = 'armed-groups'): NamingMention => ({
  outlet,
  group,
  variant,
  setAside,
});

describe('storyNaming', () => {
  test.each<[string, NamingMention[], ReturnType<typeof storyNaming>]>([
    ['nothing', [], { counted: [], setAside: [] }],
    [
      // Two counted "rebels" and a counted "forces" by one outlet: counted, once per mention.
      'counted mentions add up per outlet and term',
      [m('trt', 'rebels'), m('trt', 'forces'), m('trt', 'rebels')],
      {
        counted: [
          { outlet: 'trt', group: 'armed-groups', variant: 'rebels', count: 2 },
          { outlet: 'trt', group: 'armed-groups', variant: 'forces', count: 1 },
        ],
        setAside: [],
      },
    ],
    [
      // An outlet whose only mentions are set aside gets no counted row, but each set-aside one is listed.
      'set-aside mentions are listed apart with their reason',
      [m('dailysabah', 'forces', 'generic'), m('dailysabah', 'operation', 'no-actor', 'operation')],
      {
        counted: [],
        setAside: [
          { outlet: 'dailysabah', group: 'armed-groups', variant: 'forces', reason: 'generic', count: 1 },
          { outlet: 'dailysabah', group: 'operation', variant: 'operation', reason: 'no-actor', count: 1 },
        ],
      },
    ],
    [
      // One term set aside for two reasons, and counted once: three rows, each mention in exactly one.
      'one term split by reason and by counted or not',
      [m('sana', 'forces', 'state'), m('sana', 'forces', 'generic'), m('sana', 'forces'), m('sana', 'forces', 'state')],
      {
        counted: [{ outlet: 'sana', group: 'armed-groups', variant: 'forces', count: 1 }],
        setAside: [
          { outlet: 'sana', group: 'armed-groups', variant: 'forces', reason: 'state', count: 2 },
          { outlet: 'sana', group: 'armed-groups', variant: 'forces', reason: 'generic', count: 1 },
        ],
      },
    ],
  ])('%s', (_, mentions, expected) => expect(storyNaming(mentions)).toEqual(expected));
});
