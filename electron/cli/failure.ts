import type { ErrorPayload } from '../../shared/errors';

/** A contract error to report as one line and a non-zero exit. */
export class CliFailure extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.code);
  }
}
