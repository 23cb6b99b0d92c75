import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The machine's newest PostgreSQL binaries (Debian's layout: /usr/lib/postgresql/<major>/bin). */
function binary(name: string): string {
  const root = '/usr/lib/postgresql';
  const [newest] = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  if (!newest) throw new Error(`no PostgreSQL in ${root}`);
  return join(root, newest, 'bin', name);
}

/**
 * A PostgreSQL server of the test's own, in a temporary folder on its own port, so a test may stop
 * and start it (never the machine's shared server). As root it runs as the `postgres` user.
 */
export class OwnPostgres {
  private readonly dir = mkdtempSync(join(tmpdir(), 'vfu-own-pg-'));
  private owner?: { uid: number; gid: number };

  constructor(readonly port: number) {}

  /** A database on this server, reached over TCP with trust authentication. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  private async as(command: string, args: string[]): Promise<void> {
    await run(binary(command), args, { ...this.owner, cwd: this.dir });
  }

  async init(): Promise<void> {
    if (userInfo().uid === 0) {
      const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
      this.owner = { uid: await id('-u'), gid: await id('-g') };
      chownSync(this.dir, this.owner.uid, this.owner.gid);
    }
    await this.as('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off`;
    await this.as('pg_ctl', ['-D', this.data, '-o', options, '-l', join(this.dir, 'server.log'), '-w', 'start']);
  }

  /** A fast shutdown, as a restart does it: open sessions are ended with 57P01. */
  async stop(): Promise<void> {
    await this.as('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  async remove(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
