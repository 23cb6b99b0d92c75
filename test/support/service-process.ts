import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = join(__dirname, '..', '..');

export interface ServiceProcess {
  child: ChildProcess;
  output: () => string;
}

/** Starts the built service (`node dist/main <role>`) and waits for the line that says it is up. */
export async function startServiceProcess(
  role: 'api' | 'worker' | 'all',
  env: NodeJS.ProcessEnv,
  ready: string,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/main.js'), role], { env, cwd: ROOT, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  for (let i = 0; i < 200 && !output.includes(ready); i++) {
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  if (!output.includes(ready)) throw new Error(`${role} did not start:\n${output}`);
  return { child, output: () => output };
}

export async function stopServiceProcess(child?: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
