import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Signals a child process and waits until it has exited; nothing to do when it already has. */
export async function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
