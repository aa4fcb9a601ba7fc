/** Minimum passphrase length, enforced in the renderer (feedback) and in the core (zod). */
export const PASSPHRASE_MIN_LENGTH = 10;
export const PASSPHRASE_MAX_LENGTH = 256;
