import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { databaseUrl, writeTransaction } from '../store/pgClient';
import { insertFile, insertFileIfAbsent } from '../store/pgQueries';
import type { Stage } from './commit';

/**
 * Whether corpus writes go to PostgreSQL first (DATABASE_URL set): the database is then the source of truth and the
 * corpus folder its replica. Without it the folder is the store and the functions below do nothing.
 */
export function sharedCorpora(): boolean {
  return databaseUrl() !== null;
}

// A staged batch's files in one transaction: corpus.json as a new version, each article only if its id is new.
function storeStage(url: string, corpus: string, stage: Stage, what: string): Promise<string[]> {
  return writeTransaction(url, what, async (db) => {
    if (stage.manifest)
      await insertFile(db, {
        area: 'corpus',
        corpus,
        path: `${corpus}/corpus.json`,
        bytes: readFileSync(path.join(stage.dir, 'corpus.json')),
      });
    const stored: string[] = [];
    for (const id of stage.ids) {
      const bytes = readFileSync(path.join(stage.dir, 'articles', `${id}.txt`));
      if (await insertFileIfAbsent(db, { area: 'corpus', corpus, path: `${corpus}/articles/${id}.txt`, bytes }))
        stored.push(id);
    }
    return stored;
  });
}

/**
 * Stores a validated staged batch in the database in one transaction: the new corpus.json (if any) and each article
 * whose id no writer has stored yet (an id taken before is left as it is, as the folder's exclusive link does).
 * Returns the ids it stored, or null without a database. When the database cannot be reached the stage is discarded
 * and DatabaseUnavailableError says none of the batch was stored: nothing reaches the folder either.
 */
export async function publishStage(corpusDir: string, stage: Stage): Promise<string[] | null> {
  const url = databaseUrl();
  if (!url) return null;
  try {
    return await storeStage(
      url,
      path.basename(corpusDir),
      stage,
      `none of the ${stage.ids.length} article(s) were stored`,
    );
  } catch (e) {
    rmSync(stage.dir, { recursive: true, force: true });
    try {
      rmdirSync(path.dirname(stage.dir));
    } catch {
      /* another batch is staged there */
    }
    throw e;
  }
}

/**
 * Stores one corpus file (e.g. a corpus's lexicon.json, by its path relative to the corpus folder) in the database
 * before it is written to the folder; nothing without a database.
 */
export async function publishCorpusFile(corpusDir: string, rel: string, content: string): Promise<void> {
  const url = databaseUrl();
  if (!url) return;
  const corpus = path.basename(corpusDir);
  await writeTransaction(url, `${corpus}/${rel} was not stored`, (db) =>
    insertFile(db, { area: 'corpus', corpus, path: `${corpus}/${rel}`, bytes: Buffer.from(content) }),
  );
}

/**
 * Stores in the database the batches a crashed writer had validated (marked ready) but perhaps not committed, before
 * the start-up clean-up applies them to the folder, so the folder never holds an article the database lacks. A batch
 * that cannot be stored is kept for the next start. Returns the ids stored now; nothing without a database.
 */
export async function publishReadyStages(corpusRoot: string): Promise<string[]> {
  const url = databaseUrl();
  if (!url || !existsSync(corpusRoot)) return [];
  const out: string[] = [];
  for (const corpus of readdirSync(corpusRoot)) {
    const staging = path.join(corpusRoot, corpus, '.staging');
    if (!existsSync(staging)) continue;
    for (const name of readdirSync(staging)) {
      const dir = path.join(staging, name);
      if (!existsSync(path.join(dir, 'READY'))) continue;
      const articles = path.join(dir, 'articles');
      const ids = existsSync(articles)
        ? readdirSync(articles)
            .filter((f) => f.endsWith('.txt'))
            .map((f) => f.slice(0, -4))
        : [];
      const stage = { dir, ids, manifest: existsSync(path.join(dir, 'corpus.json')) };
      for (const id of await storeStage(url, corpus, stage, `the ${ids.length} article(s) staged in ${corpus}`))
        out.push(id);
    }
  }
  return out;
}
