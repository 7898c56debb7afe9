/** Probe 1: a chat body far over the per-message limit, and one just under it, with /api/health sampled meanwhile. */
import { chat, errorSays, partsSay, turn } from './chat-reply.js';
import type { Running } from './launch-server.js';
import { HEALTH_EVERY, health, longest, ms, type ProbeRow } from './probe-kit.js';
import { sampleHealth, tally } from './timed-chat.js';

export async function oversizedChats(server: Running): Promise<ProbeRow> {
  const long = '产品经理怎样衡量模型上线后的效果'.repeat(5_000).slice(0, 79_332);
  const big = { messages: [turn('user', long), turn('assistant', '好的。'), turn('user', '那它呢？')] };
  const prose = 'A product manager weighs evaluation, launch risk and user trust before each release. ';
  const chunk = prose.repeat(50).slice(0, 3_990);
  const roles = ['user', 'assistant', 'user', 'assistant', 'user'] as const;
  const mid = { messages: [...roles.map((role) => turn(role, chunk)), turn('user', '那它呢？')] };
  const sizes = [big, mid].map((body) => `${(Buffer.byteLength(JSON.stringify(body)) / 1000).toFixed(0)} kB`);
  const work = (async () => [await chat(server.base, big), await chat(server.base, mid)])();
  const [replies, beat] = await Promise.all([work, sampleHealth(server.base, work, HEALTH_EVERY)]);
  const [a, b] = replies;
  return {
    probe: '1 oversized chat bodies',
    tried: 2,
    statuses: tally(replies.map((reply) => reply.status)),
    serving: await health(server.base),
    figures: `${sizes[0]}: ${a?.status} in ${ms(a?.ms ?? 0)} (${errorSays(a?.text ?? '')}); ${sizes[1]}: ${b?.status} in ${ms(b?.ms ?? 0)} (${b ? partsSay(b) : ''}); /api/health ×${beat.okMs.length} during, longest ${longest(beat.okMs)}`,
  };
}
