import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RehearsalAttempt } from '../../../src/core/rehearsal/attempt';
import { HISTORY_FILE, LOCK_FILE, RehearsalHistory } from '../../../src/rehearsal/history';

function attempt(key: string, at: string, totalSeconds = 150, completed = true): RehearsalAttempt {
  return {
    storyKey: key,
    storyTitle: `Story ${key}`,
    file: 'bank.md',
    at,
    mode: 'full',
    completed,
    totalSeconds,
    targetSeconds: [150, 150],
    sections: [{ role: 'action', label: 'Action', seconds: totalSeconds, targetSeconds: [150, 150] }],
  };
}

describe('rehearsal history store', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'star-history-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('appends attempts, advances the spacing and survives a restart (a new store on the same folder)', async () => {
    const history = new RehearsalHistory(folder);
    await history.record(attempt('a', '2026-11-01T10:00:00.000Z'));
    await history.record(attempt('a', '2026-11-02T10:00:00.000Z'));
    await history.record(attempt('b', '2026-11-02T11:00:00.000Z', 400));
    const reopened = new RehearsalHistory(folder);
    assert.equal((await reopened.attempts('a')).length, 2);
    assert.deepEqual(await reopened.schedule('a'), { intervalDays: 2, dueAt: '2026-11-04T10:00:00.000Z', lastAt: '2026-11-02T10:00:00.000Z', streak: 2 });
    assert.equal((await reopened.schedule('b'))?.intervalDays, 0, 'well over target: due again at once');
  });

  it('writes through a temp file and a rename, leaving only the history file behind', async () => {
    const history = new RehearsalHistory(folder);
    await Promise.all([1, 2, 3].map((d) => history.record(attempt('a', `2026-11-0${d}T10:00:00.000Z`))));
    assert.deepEqual(readdirSync(folder), [HISTORY_FILE], 'no temp or lock file left');
    const json = JSON.parse(readFileSync(join(folder, HISTORY_FILE), 'utf8'));
    assert.equal(json.version, 1);
    assert.equal(json.stories.a.attempts.length, 3);
  });

  it('moves a corrupt history aside with a warning and starts a fresh one', async () => {
    writeFileSync(join(folder, HISTORY_FILE), '{"version":1,"stories":{"a":{"attempts":[{"storyKey"');
    const warnings: string[] = [];
    const history = new RehearsalHistory(folder, { onWarning: (m) => warnings.push(m), now: () => new Date('2026-11-05T08:00:00.000Z') });
    assert.deepEqual(await history.attempts('a'), []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /moved to rehearsal-history\.corrupt-2026-11-05T08-00-00-000Z\.json/);
    const aside = readdirSync(folder).find((n) => n.includes('corrupt'));
    assert.ok(aside, 'the corrupt file is kept for the user');
    assert.equal(readFileSync(join(folder, aside), 'utf8'), '{"version":1,"stories":{"a":{"attempts":[{"storyKey"', 'moved, not rewritten');
    await history.record(attempt('a', '2026-11-05T09:00:00.000Z'));
    assert.equal((await new RehearsalHistory(folder).attempts('a')).length, 1);
  });

  it('treats valid JSON of the wrong shape as corrupt too, and drops single malformed attempts', async () => {
    writeFileSync(join(folder, HISTORY_FILE), JSON.stringify({ version: 1, stories: { a: { attempts: [attempt('a', '2026-11-01T10:00:00.000Z'), { storyKey: 'a' }] } } }));
    assert.equal((await new RehearsalHistory(folder).attempts('a')).length, 1);
    writeFileSync(join(folder, HISTORY_FILE), JSON.stringify([1, 2, 3]));
    const warnings: string[] = [];
    assert.deepEqual(await new RehearsalHistory(folder, { onWarning: (m) => warnings.push(m) }).all(), {});
    assert.equal(warnings.length, 1);
  });

  it('loses no attempt when two windows record at the same time', async () => {
    const one = new RehearsalHistory(folder);
    const two = new RehearsalHistory(folder);
    await one.all(); // both have loaded the (empty) file before either writes
    await two.all();
    const writes: Array<Promise<unknown>> = [];
    for (let i = 0; i < 15; i++) {
      writes.push(one.record(attempt('a', new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString())));
      writes.push(two.record(attempt('b', new Date(Date.UTC(2026, 10, 1, 1, i)).toISOString())));
    }
    await Promise.all(writes);
    const after = new RehearsalHistory(folder);
    assert.equal((await after.attempts('a')).length, 15);
    assert.equal((await after.attempts('b')).length, 15);
  });

  it('breaks a lock left behind by a window that crashed, and waits for a live one', async () => {
    assert.equal(LOCK_FILE, 'rehearsal-history.json.lock', 'the name docs/rehearsal.md gives');
    const lock = join(folder, LOCK_FILE);
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await new RehearsalHistory(folder).record(attempt('a', '2026-11-01T10:00:00.000Z'));
    writeFileSync(lock, '');
    await assert.rejects(new RehearsalHistory(folder, { lockTimeoutMs: 100 }).record(attempt('a', '2026-11-02T10:00:00.000Z')), /locked by another window/);
    assert.equal((await new RehearsalHistory(folder).attempts('a')).length, 1);
  });

  it('keeps the newest attempts up to the cap and exports every story as CSV, oldest first', async () => {
    const history = new RehearsalHistory(folder, { attemptsPerStory: 2 });
    await history.record(attempt('a', '2026-11-01T10:00:00.000Z'));
    await history.record(attempt('b', '2026-11-01T09:00:00.000Z'));
    await history.record(attempt('a', '2026-11-02T10:00:00.000Z'));
    await history.record(attempt('a', '2026-11-03T10:00:00.000Z'));
    assert.deepEqual((await history.attempts('a')).map((a) => a.at.slice(0, 10)), ['2026-11-02', '2026-11-03']);
    const rows = (await history.toCsv()).trim().split('\r\n');
    assert.equal(rows.length, 4);
    assert.deepEqual(rows.slice(1).map((r) => r.split(',')[2].slice(0, 10)), ['2026-11-01', '2026-11-02', '2026-11-03']);
  });
});
