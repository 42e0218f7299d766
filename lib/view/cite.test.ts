import { describe, expect, test } from 'vitest';
import { apaCitation, bibtexCitation } from './cite';

const c = {
  title: 'Press TV vs VOA: what they call the Islamic State',
  url: 'https://fs.example/compare?outlets=presstv,voa&v=abc123',
  corpusTitle: 'FA-KES',
  corpusId: 'fa-kes',
  version: 'abc123',
  attribution: 'Salem et al. (2019), FA-KES dataset, CC BY 4.0',
  accessed: '2024-05-01',
};

describe('apaCitation', () => {
  test('author, year, title, corpus and version, source, retrieval date and URL', () =>
    expect(apaCitation(c)).toBe(
      'Framescope. (2024). Press TV vs VOA: what they call the Islamic State [Data visualization; corpus FA-KES, version abc123]. Salem et al. (2019), FA-KES dataset, CC BY 4.0. Retrieved May 1, 2024, from https://fs.example/compare?outlets=presstv,voa&v=abc123',
    ));
  test.each(['2024-13-01', '1 May 2024'])('a bad date "%s" is named', (d) =>
    expect(() => apaCitation({ ...c, accessed: d })).toThrow(/is not a YYYY-MM-DD date/),
  );
});

describe('bibtexCitation', () => {
  const b = bibtexCitation({ ...c, title: 'Shares & z_scores {raw}' });
  test.each([
    ['a key from corpus, version and date', /^@misc\{framescope-fa-kes-abc123-2024-05-01,/],
    ['escaped title', /title = \{Shares \\& z\\_scores \\\{raw\\\}\},/],
    ['the pinned URL', /howpublished = \{\\url\{https:\/\/fs\.example\/compare\?outlets=presstv,voa&v=abc123\}\},/],
    ['the access date in the note', /Accessed 2024-05-01\.\}\n\}$/],
  ])('%s', (_name, re) => expect(b).toMatch(re));
});
