/**
 * The MCP entry for desktop clients (Claude Desktop, Cursor): the same parts as the HTTP server, served over
 * stdin/stdout. stdout carries the protocol alone; every log line goes to stderr.
 */
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { assembleDeps } from './assemble-deps.js';
import { createMcpServer } from './mcp/create-mcp-server.js';

const deps = await assembleDeps();
const { config, logger, model, store } = deps;
// A desktop client waits for the process anyway: serve once the index is ready rather than answer `warming`.
const retriever = await deps.retriever.ready;
// Links open the web UI, which this process does not serve: point them where the HTTP server runs.
const uiHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
const base = config.publicBaseUrl ?? `http://${uiHost}:${config.port}`;

const connection = serveStdio(() => createMcpServer(deps, base), {
  onerror: (error) => logger.warn('mcp_error', { error: error.message }),
});
logger.info('mcp_stdio_ready', {
  mode: model ? 'llm' : 'search',
  model: model?.id ?? null,
  base,
  ...retriever.stats,
});

let stopping = false;
async function shutdown(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('mcp_stdio_stopping', { reason });
  await connection.close();
  await store.close();
  process.exit(0);
}
// The client closing our stdin ends the session, as the stdio transport specifies.
process.stdin.on('end', () => void shutdown('stdin closed'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
