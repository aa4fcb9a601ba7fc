/**
 * The core locks an idle session lazily on the next call; this timer also locks it
 * when nobody calls at all, so the data key does not stay in memory overnight.
 */
export interface IdleLockable {
  enforceIdleLock(): boolean;
}

export function startIdleLockTimer(
  core: IdleLockable,
  intervalMs = 30_000,
  onError: (err: unknown) => void = () => {},
): () => void {
  const timer = setInterval(() => {
    try {
      core.enforceIdleLock();
    } catch (err) {
      onError(err);
    }
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
