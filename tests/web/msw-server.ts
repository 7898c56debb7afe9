import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

/**
 * One msw server for every web test; each test adds its own handlers with `server.use(...)`. The guide's
 * outline is asked for after every answer (for follow-ups): by default the guide is empty.
 */
export const server = setupServer(
  http.get('/api/outline', () => HttpResponse.json({ documents: [] })),
  http.get('/api/compare', () => HttpResponse.json({ groups: [] })),
);
