import type { MingjingApi } from '../../shared/api';
import { PRELOAD_CHANNELS } from './channels';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * One function per channel, each forwarding exactly (channel, input) — no event
 * objects, no extra arguments, no way to name another channel.
 */
export function buildApi(invoke: Invoke): MingjingApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of PRELOAD_CHANNELS) {
    api[channel] = (input: unknown) => invoke(channel, input);
  }
  return Object.freeze(api) as unknown as MingjingApi;
}
