import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, ShareCreatedResponse, ShareResponse } from '../../../server/contract.js';
import { MAX_SHARE_TURNS } from '../../../server/contract.js';
import { aShareSnapshot } from '../store/feedback-fixtures.js';
import { aFlywheelApp } from '../store/flywheel-test-app.js';

describe('sharing a conversation', () => {
  let flywheel: ReturnType<typeof aFlywheelApp>;
  beforeEach(() => {
    flywheel = aFlywheelApp();
  });
  afterEach(async () => flywheel.close());

  const create = (body: unknown) =>
    flywheel.app.request('/api/shares', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const remove = (id: string, authorization?: string) =>
    flywheel.app.request(`/api/shares/${id}`, {
      method: 'DELETE',
      headers: authorization ? { authorization } : {},
    });
  const errorCode = async (response: Response) => ((await response.json()) as ErrorBody).error.code;

  it('stores a snapshot under an unguessable id and shows it read-only to anyone with the link', async () => {
    const snapshot = aShareSnapshot();

    const response = await create({ ...snapshot, extra: 'dropped', turns: snapshot.turns });

    expect(response.status).toBe(201);
    const created = (await response.json()) as ShareCreatedResponse;
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.url).toBe(`/s/${created.id}`);
    expect(created.deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const shown = await flywheel.app.request(`/api/shares/${created.id}`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect((await shown.json()) as ShareResponse).toEqual({
      id: created.id,
      createdAt: '2026-01-01T00:00:00.000Z',
      ...snapshot,
    });
  });

  it('gives every share its own id and delete token', async () => {
    const first = (await (await create(aShareSnapshot())).json()) as ShareCreatedResponse;
    const second = (await (await create(aShareSnapshot())).json()) as ShareCreatedResponse;

    expect(second.id).not.toBe(first.id);
    expect(second.deleteToken).not.toBe(first.deleteToken);
  });

  it('keeps only a hash of the delete token', async () => {
    const created = (await (await create(aShareSnapshot())).json()) as ShareCreatedResponse;

    const stored = await flywheel.store.readShare(created.id);

    expect(stored?.deleteTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.deleteToken);
  });

  it('deletes a share only with its delete token, after which the link is a 404', async () => {
    const created = (await (await create(aShareSnapshot())).json()) as ShareCreatedResponse;
    const other = (await (await create(aShareSnapshot())).json()) as ShareCreatedResponse;

    expect((await remove(created.id)).status).toBe(401);
    expect((await remove(created.id, `Bearer ${other.deleteToken}`)).status).toBe(401);
    expect((await remove(created.id, created.deleteToken)).status).toBe(401);
    expect((await flywheel.app.request(`/api/shares/${created.id}`)).status).toBe(200);

    const deleted = await remove(created.id, `Bearer ${created.deleteToken}`);
    expect(deleted.status).toBe(204);

    const gone = await flywheel.app.request(`/api/shares/${created.id}`);
    expect(gone.status).toBe(404);
    expect(await errorCode(gone)).toBe('not_found');
    expect((await remove(created.id, `Bearer ${created.deleteToken}`)).status).toBe(404);
    expect((await flywheel.app.request(`/api/shares/${other.id}`)).status).toBe(200);
  });

  it('answers 404 JSON for an id that never existed or is not even shaped like one', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'short', '..%2F..%2Fetc']) {
      const response = await flywheel.app.request(`/api/shares/${id}`);
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toBe('not_found');
    }
  });

  const tooManyTurns = {
    turns: Array.from({ length: MAX_SHARE_TURNS + 1 }, () => aShareSnapshot().turns[0]),
  };
  it.each([
    ['no turns', { turns: [] }, 'turns'],
    ['too many turns', tooManyTurns, 'turns'],
    [
      'a turn without its question',
      { turns: [{ ...aShareSnapshot().turns[0], question: undefined }] },
      'turns.0.question',
    ],
    [
      'a citation without its text',
      { turns: [{ ...aShareSnapshot().turns[0], citations: [{ n: 1, id: 'x' }] }] },
      'turns.0.citations.0',
    ],
    ['an unknown answer mode', { turns: [{ ...aShareSnapshot().turns[0], mode: 'magic' }] }, 'turns.0.mode'],
  ])('rejects %s with a 400 naming the field', async (_, body, field) => {
    const response = await create(body);

    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as ErrorBody).error.details?.some((detail) => detail.startsWith(field)),
    ).toBe(true);
  });

  it('refuses a snapshot over the size cap with 413', async () => {
    const [turn] = aShareSnapshot().turns;
    const big = {
      turns: Array.from({ length: MAX_SHARE_TURNS }, () => ({ ...turn, answer: '答'.repeat(5_000) })),
    };

    const response = await create(big);

    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe('payload_too_large');
  });

  it('answers 503, not a link, when the share could not be stored', async () => {
    await flywheel.store.close();

    const response = await create(aShareSnapshot());

    expect(response.status).toBe(503);
    expect(await errorCode(response)).toBe('unavailable');
  });
});
