import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Garbage not yet collected makes raw memory figures noisy; collecting before each
// sample measures what is actually kept alive, which is what "bounded memory" means.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Tracks the peak of live ArrayBuffer memory (Buffers) above the level at creation. */
export function liveMemoryProbe() {
  gc();
  const base = process.memoryUsage().arrayBuffers;
  let peak = 0;
  return {
    sample(): void {
      gc();
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
    },
    get peak(): number {
      return peak;
    },
  };
}
