// Load benchmark of the service's main reads and pages at ten times Stockholm's data. Run with
// `npm run bench:api` (`-- --quick` for 3 s runs, `-- --duration 20` for 20 s): it builds first,
// seeds a fresh database through the service's own HTTP API, runs the built service as child
// processes (`node dist/main api` and `node dist/main worker`, NODE_ENV=production) and drives it
// with autocannon. Node 24 runs this file by stripping its types: only erasable syntax here.
import type { ChildProcess } from 'node:child_process';

const { execFileSync, fork, spawn } = require('node:child_process') as typeof import('node:child_process');
const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs') as typeof import('node:fs');
const { createServer } = require('node:net') as typeof import('node:net');
const { tmpdir } = require('node:os') as typeof import('node:os');
const path = require('node:path') as typeof import('node:path');
const join = (...parts: string[]) => path.join(...parts);
const { performance } = require('node:perf_hooks') as typeof import('node:perf_hooks');
const { parseArgs } = require('node:util') as typeof import('node:util');
const { setTimeout: sleep } = require('node:timers/promises') as typeof import('node:timers/promises');
const { Client } = require('pg') as typeof import('pg');
const Redis = require('ioredis') as typeof import('ioredis').default;
const { SMTPServer } = require('smtp-server') as typeof import('smtp-server');

/** The part of autocannon used here (it ships no types): a thenable that reports each response. */
interface AutocannonTracker extends PromiseLike<{ errors: number; timeouts: number; non2xx: number }> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  timeout?: number;
}) => AutocannonTracker;
const autocannon = require('autocannon') as Autocannon;

const ROOT = join(__dirname, '..');
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    // Seed, print how to reach the service, and keep it running until SIGINT/SIGTERM (for profiling).
    serve: { type: 'boolean', default: false },
    load: { type: 'boolean', default: false }, // internal: a load process (see `load`)
  },
});
const DURATION_S = args.duration ? Number(args.duration) : args.quick ? 3 : 10;
if (!(DURATION_S > 0)) throw new Error('--duration takes a number of seconds');
const WARMUP_S = 1;
const CONNECTIONS = [10, 50];
const TERM = 'HT3000';
const ADMIN = { email: 'bench-coordinator@example.se', password: `bench-${randomBytes(12).toString('hex')}` };
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const RSS_LIMIT_MB = 400;

/** Targets at 10 connections (issue 14): main reads and pages. */
const TARGETS = { read: { p95: 50, cpu: 5 }, page: { p95: 100, cpu: 10 } };

// Ten times Stockholm: 1,350 students, 400 offers with 1,000 usable places, 640 supervisors.
const STUDENTS_BY_UNIVERSITY: Record<string, number> = { SU: 600, ESB: 450, SH: 300 };
const FIELDS = [
  'financial_assistance',
  'social_psychiatry',
  'substance_abuse',
  'disability',
  'elderly',
  'children_youth',
];
const FIELD_WEIGHTS = [0.45, 0.25, 0.12, 0.08, 0.06, 0.04];
const ALLOCATION_RUNS = 3;
const SEED_CONCURRENCY = 8;

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261214);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
/** Up to `count` distinct field codes, drawn by popularity. */
function fields(count: number): string[] {
  const chosen: string[] = [];
  while (chosen.length < count) {
    let r = random();
    const field = FIELDS[FIELD_WEIGHTS.findIndex((w) => (r -= w) < 0)] ?? FIELDS[0];
    if (!chosen.includes(field)) chosen.push(field);
  }
  return chosen;
}

/** `count` distinct free ports: all held open until all are chosen, so none is handed out twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

// ---------------------------------------------------------------- the service's processes

interface Service {
  role: string;
  child: ChildProcess;
  output: () => string;
}

/** Node's options of `npm run start:api` (the API's memory bounds), so the API runs as in production. */
function apiNodeFlags(): string[] {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts['start:api'];
  const flags = /^node((?: --\S+)*) dist\/main api$/.exec(script)?.[1];
  if (flags === undefined) throw new Error(`package.json's start:api is not "node [--flags] dist/main api": ${script}`);
  return flags.split(' ').filter(Boolean);
}

async function startService(role: 'api' | 'worker', env: NodeJS.ProcessEnv): Promise<Service> {
  // The ready line is the service's own ("Debugger listening on" would match "listening on").
  const ready = role === 'worker' ? 'VFU worker running jobs' : 'VFU service (api) listening on';
  const flags = role === 'api' ? apiNodeFlags() : [];
  const child = spawn(process.execPath, [...flags, join(ROOT, 'dist/main.js'), role], {
    env,
    cwd: ROOT,
    stdio: 'pipe',
  });
  // Keep only the tail: the request log of a whole run is large.
  // The ready line comes before the buffered start-up log is flushed, so it is looked for as it arrives.
  let output = '';
  let started = false;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    started ||= output.includes(ready);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  for (let i = 0; i < 300 && !started; i++) {
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  const service = { role, child, output: () => output };
  if (!started) {
    await stopService(service);
    throw new Error(`${role} did not start:\n${output}`);
  }
  return service;
}

async function stopService(service: Service): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The PostgreSQL server processes serving the benchmark's database (the service's pools). */
type Backends = () => Promise<number[]>;

/** User plus system CPU time of a process so far, in milliseconds (/proc/<pid>/stat). */
function cpuMs(service: Service | number): number {
  const pid = typeof service === 'number' ? service : service.child.pid;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0; // a database connection that closed
  }
  const fieldsAfterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fieldsAfterName[11]) + Number(fieldsAfterName[12])) * 1000) / CLK_TCK;
}

function rssMb(service: Service): number {
  const line = readFileSync(`/proc/${service.child.pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

/** Waits until a process has used no CPU for two checks in a row (e.g. the worker's e-mails sent). */
async function waitQuiet(service: Service, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let before = cpuMs(service);
  let quiet = 0;
  while (quiet < 2 && Date.now() < until) {
    await sleep(1000);
    const now = cpuMs(service);
    quiet = now - before <= 20 ? quiet + 1 : 0;
    before = now;
  }
}

// ---------------------------------------------------------------- HTTP, as a client would

class Api {
  readonly base: string;
  private token = '';

  constructor(base: string) {
    this.base = base;
  }

  async call(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<unknown> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': contentType } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
    return text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  }

  async signIn(email: string, password: string): Promise<string> {
    const { accessToken } = (await this.call('POST', '/api/auth/login', { email, password })) as {
      accessToken: string;
    };
    this.token = accessToken;
    return `Bearer ${accessToken}`;
  }
}

/** Signs in through the web form (CSRF double submit) and returns the session cookie. */
async function webSession(base: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${base}/logga-in`);
  const csrf = /vfu_csrf=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1];
  if (!csrf) throw new Error(`GET /logga-in gave no vfu_csrf cookie (${form.status})`);
  const signedIn = await fetch(`${base}/logga-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `vfu_csrf=${csrf}` },
    body: new URLSearchParams({ email, password, _csrf: csrf, next: '/' }).toString(),
  });
  const session = /vfu_session=([^;]+)/.exec(signedIn.headers.getSetCookie().join('\n'))?.[1];
  if (signedIn.status !== 303 || !session) throw new Error(`web sign-in failed: ${signedIn.status}`);
  return `vfu_session=${session}`;
}

/** Runs `task` over `items`, `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  });
  await Promise.all(lanes);
  return results;
}

// ---------------------------------------------------------------- seeding

interface Seeded {
  students: number;
  offers: number;
  places: number;
  supervisors: number;
  runs: number;
  placed: number;
  ms: number;
}

async function seed(api: Api): Promise<Seeded> {
  const started = performance.now();
  const universities = (await api.call('GET', '/api/universities')) as { id: string; code: string }[];
  const districts = (await api.call('GET', '/api/districts')) as { id: string; code: string }[];
  await api.call('POST', '/api/terms', {
    code: TERM,
    targetPlaces: 1000,
    reportingDeadline: '2999-12-31',
    periods: universities.map((u) => ({ universityId: u.id, startsOn: '3000-08-31', endsOn: '3001-01-17' })),
  });
  await api.call('PATCH', `/api/terms/${TERM}`, { status: 'reporting' });

  // 400 offers over the 14 districts: 160 of 2 places with one supervisor (capacity 2), 200 of 3
  // and 40 of 2 with two supervisors each; 1,000 usable places and 640 supervisors in all.
  const offers = Array.from({ length: 400 }, (_, i) => {
    const places = i < 160 ? 2 : i < 360 ? 3 : 2;
    const capacities = i < 160 ? [2] : i < 360 ? [2, 1] : [1, 1];
    return { i, district: districts[i % districts.length].id, places, capacities };
  });
  const supervisorSpecs = offers.flatMap((offer) =>
    offer.capacities.map((capacity, k) => ({ offer: offer.i, k, capacity, district: offer.district })),
  );
  const supervisorIds = await pool(supervisorSpecs, SEED_CONCURRENCY, async (s) => {
    const r = random();
    const body = {
      districtId: s.district,
      name: `Handledare ${s.offer}-${s.k}`,
      email: `handledare.${s.offer}.${s.k}@stad.example.se`,
      trainingStatus: r < 0.7 ? 'completed' : r < 0.9 ? 'in_progress' : 'none',
      capacity: s.capacity,
    };
    return ((await api.call('POST', '/api/supervisors', body)) as { id: string }).id;
  });
  const byOffer = new Map<number, string[]>();
  supervisorSpecs.forEach((s, index) => byOffer.set(s.offer, [...(byOffer.get(s.offer) ?? []), supervisorIds[index]]));
  await pool(offers, SEED_CONCURRENCY, (offer) =>
    api.call('POST', `/api/terms/${TERM}/offers`, {
      districtId: offer.district,
      unitName: `Enhet ${offer.i + 1}`,
      field: fields(1)[0],
      places: offer.places,
      supervisorIds: byOffer.get(offer.i),
    }),
  );

  // Students: one CSV import per university, which also states its demand.
  let ref = 0;
  for (const university of universities) {
    const count = STUDENTS_BY_UNIVERSITY[university.code] ?? 0;
    await api.call('PUT', `/api/terms/${TERM}/demand/${university.id}`, { requestedPlaces: count });
    const rows = ['name,email,studentRef,field1,field2,field3,district1,district2,district3,needsExtraSupport'];
    for (let i = 0; i < count; i++) {
      const n = ++ref;
      const own = fields(1 + Math.floor(random() * 3));
      const wanted = [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(districts).code))];
      rows.push(
        [
          `Student ${n}`,
          `student.${n}@student.example.se`,
          `${university.code}-B${n}`,
          ...[0, 1, 2].map((k) => own[k] ?? ''),
          ...[0, 1, 2].map((k) => wanted[k] ?? ''),
          random() < 0.05 ? 'ja' : 'nej',
        ].join(','),
      );
    }
    await api.call(
      'POST',
      `/api/terms/${TERM}/students/import?universityId=${university.id}`,
      rows.join('\n'),
      'text/csv',
    );
  }
  await api.call('PATCH', `/api/terms/${TERM}`, { status: 'allocating' });

  // A few runs in the term's history; the last one applied and published.
  let lastRun = { id: '', placed: 0 };
  for (let run = 0; run < ALLOCATION_RUNS; run++) {
    const { id } = (await api.call('POST', `/api/terms/${TERM}/allocation-runs`)) as { id: string };
    for (;;) {
      const state = (await api.call('GET', `/api/allocation-runs/${id}`)) as { status: string; placed: number };
      if (state.status === 'failed') throw new Error(`allocation run failed: ${JSON.stringify(state).slice(0, 500)}`);
      if (state.status === 'succeeded') {
        lastRun = { id, placed: state.placed };
        break;
      }
      await sleep(100);
    }
  }
  await api.call('POST', `/api/allocation-runs/${lastRun.id}/apply`);
  await api.call('POST', `/api/terms/${TERM}/assignments/publish`);
  return {
    students: ref,
    offers: offers.length,
    places: offers.reduce((sum, o) => sum + o.places, 0),
    supervisors: supervisorIds.length,
    runs: ALLOCATION_RUNS,
    placed: lastRun.placed,
    ms: performance.now() - started,
  };
}

// ---------------------------------------------------------------- measuring

interface Target {
  name: string;
  path: string;
  /** `bulk`: a whole list, as first-stage clients read it; its paged read is the main read with the target. */
  kind: 'baseline' | 'read' | 'page' | 'bulk';
  headers: Record<string, string>;
}

interface Measured {
  requests: number;
  failed: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  cpuMsPerRequest: number;
  databaseCpuMsPerRequest: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

/** One autocannon run per base URL, in parallel; latencies and counts summed over them. */
interface Load {
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
}
interface Loaded {
  latencies: number[];
  failed: number;
  seconds: number;
}

/** Drives `url` with autocannon from a child process (this script with `--load`) and gives each 2xx latency. */
function load(options: Load): Promise<Loaded> {
  const child = fork(__filename, ['--load'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as Loaded));
    child.once('error', reject);
    child.once('exit', (code) => code && reject(new Error(`load process exited with ${code}`)));
    child.send(options);
  });
}

/** The child's side of `load`. */
function loadFromParent(): void {
  process.once('message', (options: Load) => {
    const latencies: number[] = [];
    let failed = 0;
    const started = performance.now();
    const tracker = autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.seconds,
      headers: options.headers,
      timeout: 30,
    });
    tracker.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else failed++;
    });
    tracker.then(
      (result) => {
        const loaded: Loaded = {
          latencies,
          failed: failed + result.errors + result.timeouts,
          seconds: (performance.now() - started) / 1000,
        };
        process.send?.(loaded, () => process.exit(0));
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

async function measure(
  bases: string[],
  target: Target,
  connections: number,
  seconds: number,
  cpuOf: Service[],
  backends?: Backends,
) {
  const latencies: number[] = [];
  let failed = 0;
  const cpuBefore = cpuOf.map(cpuMs);
  const backendsBefore = new Map((backends ? await backends() : []).map((pid) => [pid, cpuMs(pid)]));
  // One load process per base URL, so two service processes are not driven from one event loop.
  const results = await Promise.all(
    bases.map((base) => load({ url: `${base}${target.path}`, connections, seconds, headers: target.headers })),
  );
  const elapsed = Math.max(...results.map((r) => r.seconds));
  const cpu = cpuOf.map(cpuMs).reduce((sum, now, i) => sum + now - cpuBefore[i], 0);
  // A connection opened during the run counts from zero.
  const backendsAfter = backends ? await backends() : [];
  const databaseCpu = [...new Set([...backendsBefore.keys(), ...backendsAfter])].reduce(
    (sum, pid) => sum + cpuMs(pid) - (backendsBefore.get(pid) ?? 0),
    0,
  );
  for (const result of results) {
    failed += result.failed;
    latencies.push(...result.latencies);
  }
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  return {
    requests,
    failed,
    seconds: elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cpuMsPerRequest: requests ? cpu / (requests + failed) : NaN,
    databaseCpuMsPerRequest: requests && backends ? databaseCpu / (requests + failed) : NaN,
  } satisfies Measured;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(1) : value.toFixed(0));

// ---------------------------------------------------------------- the run

async function main(): Promise<number> {
  const tag = randomBytes(4).toString('hex');
  const ownDatabase = !process.env.DATABASE_URL;
  const server = 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `vfu_bench_${tag}`;
  const databaseUrl = process.env.DATABASE_URL ?? server.replace(/\/postgres$/, `/${database}`);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const queuePrefix = `bench${tag}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'vfu-bench-'));
  const services: Service[] = [];
  let mailReceived = 0;
  // A mail server that accepts and drops everything, so the service runs as in production.
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        mailReceived++;
        callback();
      });
    },
  });
  const [smtpPort, portA, portB] = await freePorts(3);
  await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));

  const jwtSecret = randomBytes(32).toString('hex');
  const envFor = (port?: number): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    JWT_SECRET: jwtSecret,
    JWT_TTL_SECONDS: '86400',
    DATA_DIR: dataDir,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PUBLIC_URL: `http://127.0.0.1:${port ?? portA}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    ...(process.env.SERVICE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SERVICE_NODE_OPTIONS } : {}),
    ...(port ? { PORT: String(port) } : {}),
  });

  let missed: number;
  let db: InstanceType<typeof Client> | undefined;
  try {
    if (ownDatabase) {
      const client = new Client({ connectionString: server });
      await client.connect();
      await client.query(`CREATE DATABASE "${database}"`);
      await client.end();
    }
    // The first coordinator, as an operator makes one (this also runs the migrations).
    execFileSync(
      process.execPath,
      [join(ROOT, 'dist/cli.js'), 'create-user', '--email', ADMIN.email, '--name', 'Bench Coordinator'].concat([
        '--role',
        'coordinator',
        '--password',
        ADMIN.password,
      ]),
      { env: envFor(), stdio: 'pipe' },
    );
    const apiA = await startService('api', envFor(portA));
    services.push(apiA);
    const worker = await startService('worker', envFor());
    services.push(worker);
    const baseA = `http://127.0.0.1:${portA}`;
    const api = new Api(baseA);
    const bearer = await api.signIn(ADMIN.email, ADMIN.password);

    const seeded = await seed(api);
    console.log(
      `Seeded in ${(seeded.ms / 1000).toFixed(1)} s through the API: ${seeded.students} students, ${seeded.offers} offers ` +
        `(${seeded.places} places), ${seeded.supervisors} supervisors, ${seeded.runs} allocation runs, ` +
        `${seeded.placed} placed and published (term ${TERM}).`,
    );
    await waitQuiet(worker);
    console.log(`Worker idle; ${mailReceived} e-mails received by the benchmark's SMTP sink.`);
    // Autovacuum analyzes a freshly loaded table within a minute or so; measured before that, the
    // plans would come from the statistics of empty tables.
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query('ANALYZE');
    const dbClient = db;
    const backends: Backends = async () =>
      (
        (
          await dbClient.query(
            'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
          )
        ).rows as { pid: number }[]
      ).map((r) => r.pid);

    const cookie = await webSession(baseA, ADMIN.email, ADMIN.password);
    const auth = { Authorization: bearer };
    if (args.serve) {
      console.log(
        `Serving until interrupted: ${baseA} (api pid ${apiA.child.pid}, worker pid ${worker.child.pid})\n` +
          `DATABASE_URL=${databaseUrl}\nAuthorization: ${bearer}\nCookie: ${cookie}\nTerm: ${TERM}`,
      );
      await new Promise((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, resolve)));
      return 0;
    }
    const targets: Target[] = [
      { name: 'GET /api/health', path: '/api/health', kind: 'baseline', headers: {} },
      { name: 'GET balance', path: `/api/terms/${TERM}/balance`, kind: 'read', headers: auth },
      { name: 'GET offers', path: `/api/terms/${TERM}/offers`, kind: 'read', headers: auth },
      { name: 'GET report', path: `/api/terms/${TERM}/report`, kind: 'read', headers: auth },
      { name: 'GET assignments', path: `/api/terms/${TERM}/assignments`, kind: 'read', headers: auth },
      {
        name: 'GET assignments?format=csv',
        path: `/api/terms/${TERM}/assignments?format=csv`,
        kind: 'read',
        headers: auth,
      },
      { name: 'GET allocation-runs', path: `/api/terms/${TERM}/allocation-runs`, kind: 'read', headers: auth },
      { name: 'page /terminer/{code}', path: `/terminer/${TERM}`, kind: 'page', headers: { Cookie: cookie } },
      {
        name: 'page /terminer/{code}/placeringar',
        path: `/terminer/${TERM}/placeringar`,
        kind: 'page',
        headers: { Cookie: cookie },
      },
    ];
    // A list that takes ?limit= (paging) answers a shorter body for the first page: measure that too.
    const sizes = new Map<string, number>();
    for (const target of [...targets]) {
      const response = await fetch(`${baseA}${target.path}`, { headers: target.headers });
      const body = await response.text();
      if (!response.ok) throw new Error(`${target.path}: ${response.status} ${body.slice(0, 300)}`);
      sizes.set(target.path, body.length);
      if (target.kind === 'baseline') continue;
      const pagedPath = `${target.path}${target.path.includes('?') ? '&' : '?'}limit=50`;
      const paged = await fetch(`${baseA}${pagedPath}`, { headers: target.headers });
      const pagedBody = await paged.text();
      if (paged.ok && pagedBody.length < body.length) {
        sizes.set(pagedPath, pagedBody.length);
        targets.splice(targets.indexOf(target) + 1, 0, {
          ...target,
          name: `${target.name} ?limit=50`,
          path: pagedPath,
        });
        // A JSON list's whole answer is the first-stage bulk read; a page (or a download) keeps its target.
        if (target.kind === 'read' && !target.path.includes('format=')) target.kind = 'bulk';
      }
    }

    const rows: string[][] = [];
    const misses: string[] = [];
    for (const target of targets) {
      await measure([baseA], target, 10, WARMUP_S, []);
      for (const connections of CONNECTIONS) {
        const m = await measure([baseA], target, connections, DURATION_S, [apiA, worker], backends);
        const limits =
          target.kind === 'baseline' || target.kind === 'bulk' || connections !== 10 ? undefined : TARGETS[target.kind];
        let verdict = target.kind === 'bulk' && connections === 10 ? 'none: whole list, see the paged row' : '';
        if (limits) {
          const pass = m.failed === 0 && m.p95 <= limits.p95 && m.cpuMsPerRequest <= limits.cpu;
          verdict = `${pass ? 'PASS' : 'MISS'} (≤${limits.p95} ms, ≤${limits.cpu} ms CPU)`;
          if (!pass) misses.push(`${target.name}: p95 ${ms(m.p95)} ms, CPU ${ms(m.cpuMsPerRequest)} ms/request`);
        }
        rows.push([
          target.name,
          `${((sizes.get(target.path) ?? 0) / 1024).toFixed(0)} KB`,
          String(connections),
          ms(m.p50),
          ms(m.p95),
          ms(m.p99),
          (m.requests / m.seconds).toFixed(0),
          ms(m.cpuMsPerRequest),
          ms(m.databaseCpuMsPerRequest),
          String(m.failed),
          verdict,
        ]);
        process.stderr.write('.');
      }
    }
    process.stderr.write('\n');
    const rssAfter = [rssMb(apiA), rssMb(worker)];

    // Throughput with a second API process on the same database: two autocannon runs at once.
    const apiB = await startService('api', envFor(portB));
    services.push(apiB);
    const baseB = `http://127.0.0.1:${portB}`;
    const scaleRows: string[][] = [];
    for (const target of [targets[1], targets.find((t) => t.kind === 'page') as Target]) {
      await measure([baseA, baseB], target, 10, WARMUP_S, []);
      const one = await measure([baseA], target, 50, DURATION_S, [apiA]);
      // Sessions and tokens live in the database, so the same credentials serve both processes.
      const two = await measure([baseA, baseB], target, 25, DURATION_S, [apiA, apiB]);
      if (one.failed + two.failed) throw new Error(`${target.name}: failed requests with two processes`);
      scaleRows.push([
        target.name,
        (one.requests / one.seconds).toFixed(0),
        (two.requests / two.seconds).toFixed(0),
        `${(two.requests / two.seconds / (one.requests / one.seconds)).toFixed(2)}×`,
        ms(one.p95),
        ms(two.p95),
      ]);
    }

    console.log(
      `\n${table(['request', 'body', 'conns', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'CPU ms/req', 'DB CPU ms/req', 'failed', 'target at 10 connections'], rows)}`,
    );
    console.log(
      `\n${DURATION_S} s per row after a ${WARMUP_S} s warm-up; latencies from autocannon's responses (2xx only). ` +
        'CPU ms/req: utime+stime of the API and the worker process together (/proc/<pid>/stat) over the run, ' +
        'divided by the requests. DB CPU ms/req: the same for the PostgreSQL processes serving the ' +
        "benchmark's database (shown, not part of the target). autocannon runs in this process, on the same " +
        'cores as the service and the database.',
    );
    console.log(
      `\nSecond API process (node dist/main api twice, same database; 50 connections to one, 25 + 25 to two):\n` +
        table(['request', 'req/s one process', 'req/s two', 'ratio', 'p95 one', 'p95 two'], scaleRows),
    );
    const rss = [...rssAfter, rssMb(apiB)];
    console.log(
      `\nRSS after the benchmark: API ${rss[0].toFixed(0)} MB, worker ${rss[1].toFixed(0)} MB, second API ` +
        `${rss[2].toFixed(0)} MB (target < ${RSS_LIMIT_MB} MB each): ${rss[0] < RSS_LIMIT_MB && rss[1] < RSS_LIMIT_MB ? 'PASS' : 'MISS'}`,
    );
    if (rss[0] >= RSS_LIMIT_MB || rss[1] >= RSS_LIMIT_MB) misses.push(`RSS ${rss[0].toFixed(0)} MB`);
    if (misses.length) console.error(`\nMISSED ${misses.length} target(s):\n  ${misses.join('\n  ')}`);
    missed = misses.length;
  } catch (error) {
    // A request that failed because a service process died: say what the process said.
    for (const service of services)
      if (service.child.exitCode !== null || service.child.signalCode !== null)
        console.error(
          `${service.role} exited (${service.child.exitCode ?? service.child.signalCode}):\n${service.output()}`,
        );
    throw error;
  } finally {
    await db?.end();
    for (const service of services.reverse()) await stopService(service);
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const keys: string[] = [];
      for await (const batch of redis.scanStream({ match: `${queuePrefix}:*`, count: 1000 }))
        keys.push(...(batch as string[]));
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    if (ownDatabase) {
      const client = new Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  return missed ? 1 : 0;
}

if (args.load) loadFromParent();
else
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
