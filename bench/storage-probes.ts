/** Probe 11, storage that fails under the server: a corrupt database file at start, and the file deleted at runtime. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../server/store/sqlite-feedback-store.js';
import { chat, errorSays, turn } from './chat-reply.js';
import { freshDataDir, launchServer, remove, stop } from './launch-server.js';
import { databaseFiles, health, type ProbeRow, QUESTION } from './probe-kit.js';
import { postFeedback, rawRequest } from './raw-request.js';
import { tally } from './timed-chat.js';

async function corruptDatabase(): Promise<ProbeRow> {
  const dataDir = freshDataDir();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, DATABASE_FILE_NAME), 'definitely not SQLite '.repeat(500));
  const corrupt = await launchServer({}, dataDir);
  const replies = [
    (await chat(corrupt.base, { messages: [turn('user', QUESTION)] })).status,
    (await rawRequest(corrupt.port, { path: '/api/search?q=evaluation' })).status,
    (await postFeedback(corrupt)).status,
  ];
  const row: ProbeRow = {
    probe: '11a start on a corrupt database file',
    tried: 3,
    statuses: tally(replies),
    serving: await health(corrupt.base),
    figures: `chat ${replies[0]}, search ${replies[1]}, feedback ${replies[2]}`,
  };
  await stop(corrupt);
  remove(corrupt);
  return row;
}

async function deletedDatabase(): Promise<ProbeRow> {
  const live = await launchServer();
  const before = (await postFeedback(live)).status;
  for (const file of databaseFiles(live.dataDir)) rmSync(file, { force: true });
  const after = [await postFeedback(live), await postFeedback(live)];
  const row: ProbeRow = {
    probe: '11b database file deleted at runtime',
    tried: 3,
    statuses: tally([before, ...after.map((reply) => reply.status)]),
    serving: await health(live.base),
    figures: `feedback before the delete ${before}; after: ${after.map((reply) => `${reply.status} ${errorSays(reply.text)}`).join('; ')}`,
  };
  await stop(live);
  remove(live);
  return row;
}

export async function storageProbe(): Promise<ProbeRow[]> {
  return [await corruptDatabase(), await deletedDatabase()];
}
