import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError } from './args';

/** MINGJING_PASSPHRASE for automation; otherwise a prompt on the terminal that does not echo. */
export async function readPassphrase(prompt: string): Promise<string> {
  const fromEnv = process.env.MINGJING_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY)
    throw new UsageError('no terminal to ask for the passphrase: set MINGJING_PASSPHRASE');
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
