import { describe, expect, it } from 'vitest';
import { accessRefusal } from '../../../server/http/api-access.js';
import { isLoopbackAddress } from '../../../server/http/client-address.js';

const KEY = 'key-for-tests-0123456789';

describe('who may call /v1 and /mcp', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['::ffff:192.0.2.1', false],
    ['', false],
  ])('%s is loopback: %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });

  it('without API_KEYS, lets in this machine and refuses everyone else with 403', () => {
    expect(accessRefusal({ authorization: undefined, address: '127.0.0.1', apiKeys: [] })).toBeNull();
    const refusal = accessRefusal({ authorization: `Bearer ${KEY}`, address: '192.0.2.7', apiKeys: [] });
    expect(refusal?.status).toBe(403);
    expect(refusal?.message).toContain('API_KEYS');
  });

  it('with API_KEYS, wants a listed bearer key from every client, this machine included', () => {
    const apiKeys = ['another-key-0000000000', KEY];
    expect(accessRefusal({ authorization: `Bearer ${KEY}`, address: '192.0.2.7', apiKeys })).toBeNull();
    expect(accessRefusal({ authorization: `bearer ${KEY}`, address: '192.0.2.7', apiKeys })).toBeNull();
    expect(accessRefusal({ authorization: undefined, address: '127.0.0.1', apiKeys })?.status).toBe(401);
    expect(accessRefusal({ authorization: `Bearer ${KEY}x`, address: '127.0.0.1', apiKeys })?.status).toBe(
      401,
    );
    expect(accessRefusal({ authorization: KEY, address: '127.0.0.1', apiKeys })?.status).toBe(401);
  });
});
