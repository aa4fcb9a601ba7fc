import { API_GLOBAL, type MingjingApi } from '../../../shared/api';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { messageKeyFor, type Envelope, type ErrorCode, type ErrorPayload } from '../../../shared/errors';

/** A failed contract call: the core's stable code, its i18n key and safe details. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly details: Readonly<Record<string, string | number>> | undefined;

  constructor(payload: ErrorPayload) {
    super(payload.code);
    this.name = 'ApiError';
    this.code = payload.code;
    this.messageKey = payload.messageKey;
    this.details = payload.details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const internal = (): ApiError => new ApiError({ code: 'INTERNAL', messageKey: messageKeyFor('INTERNAL') });

/**
 * Errors about the session itself rather than the action: the vault is locked (the app
 * returns to the unlock screen) or the user must first replace an assigned passphrase.
 */
const SESSION_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'SESSION_LOCKED',
  'SESSION_IDLE_LOCKED',
  'PASSPHRASE_CHANGE_REQUIRED',
]);

type SessionErrorListener = (error: ApiError) => void;
const sessionErrorListeners = new Set<SessionErrorListener>();

/** Subscribe to session-level errors from any call; returns the unsubscribe function. */
export function onSessionError(listener: SessionErrorListener): () => void {
  sessionErrorListeners.add(listener);
  return () => {
    sessionErrorListeners.delete(listener);
  };
}

function bridge(): MingjingApi | undefined {
  return (globalThis as unknown as Record<string, MingjingApi | undefined>)[API_GLOBAL];
}

/**
 * The one way the renderer reaches the core: typed from the contract, so a renamed
 * channel or a changed input breaks the build. Resolves with the value or throws an
 * ApiError carrying the code, message key and details.
 */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const api = bridge();
  const method = api?.[channel] as
    ((input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>) | undefined;
  if (!method) throw internal();
  let envelope: Envelope<ChannelOutput<C>>;
  try {
    envelope = await method(input);
  } catch {
    throw internal();
  }
  if (envelope.ok) return envelope.value;
  const error = new ApiError(envelope.error);
  if (SESSION_ERRORS.has(error.code)) sessionErrorListeners.forEach((listener) => listener(error));
  throw error;
}
