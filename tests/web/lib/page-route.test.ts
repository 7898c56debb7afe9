import { expect, test } from 'vitest';
import { pageFor } from '../../../web/lib/page-route.js';

test('/insights (with or without a trailing slash) shows insights; every other path the chat', () => {
  expect(pageFor('/insights')).toBe('insights');
  expect(pageFor('/insights/')).toBe('insights');
  expect(pageFor('/')).toBe('chat');
  expect(pageFor('/insights/extra')).toBe('chat');
  expect(pageFor('/anything')).toBe('chat');
});
