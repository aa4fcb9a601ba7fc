import { messageKeyFor, type ErrorCode, type ErrorPayload } from '../../shared/errors';

/** An expected failure with a stable code; the router turns it into an envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'AppError';
  }

  toPayload(): ErrorPayload {
    return {
      code: this.code,
      messageKey: messageKeyFor(this.code),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}
