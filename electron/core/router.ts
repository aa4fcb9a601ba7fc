import { contract, isChannel } from '../../shared/contract';
import type { Envelope, ErrorPayload } from '../../shared/errors';
import { messageKeyFor, type ErrorCode } from '../../shared/errors';
import { AppError } from './errors';
import type { MingjingCore } from './mingjing-core';

export type RouterCall = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;

const fail = (
  code: ErrorCode,
  details?: Record<string, string | number>,
): { ok: false; error: ErrorPayload } => ({
  ok: false,
  error: { code, messageKey: messageKeyFor(code), ...(details ? { details } : {}) },
});

/**
 * The one dispatcher every transport uses: channel known → session and role
 * allowed → input parsed by the contract's schema → handler → output parsed →
 * envelope. Unexpected errors become INTERNAL; no stack trace leaves the core.
 */
export function createRouter(
  core: MingjingCore,
  onInternalError: (err: unknown) => void = () => {},
): RouterCall {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) return fail('CHANNEL_UNKNOWN');
    const spec = contract[channel];
    try {
      await core.whenIdle();
      core.authorize(spec.access, channel);
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return fail('INPUT_INVALID', { field: issue?.path.join('.') ?? '', issue: issue?.code ?? 'invalid' });
      }
      if (spec.access !== 'public') core.touch();
      const handler = core.handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: spec.output.parse(value) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toPayload() };
      onInternalError(err);
      return fail('INTERNAL');
    }
  };
}
