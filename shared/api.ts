import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { Envelope } from './errors';

/**
 * The one object the preload exposes on `window.mingjing` (and the test host's
 * shim mirrors): exactly one method per contract channel, each answering with an
 * envelope so errors keep their code instead of Electron's flattened message.
 */
export type MingjingApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;
};

export const API_GLOBAL = 'mingjing';
