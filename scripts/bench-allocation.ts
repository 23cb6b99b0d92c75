// Benchmark of the allocation engine on seeded instances shaped like the service's data, checked
// against HiGHS (LP, WebAssembly) at term and city size. Run with `npm run bench:allocation`:
// it builds first and loads the compiled engine, and Node 24 runs this file by stripping its
// types, so only erasable TypeScript syntax is used here.
//
// Each size runs in its own child process so that its peak memory is its own.
import type { Highs } from 'highs';
import type { AllocationInstance, AllocationResult } from '../src/allocation/engine/index';

const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
const { performance } = require('node:perf_hooks') as typeof import('node:perf_hooks');

interface Size {
  name: string;
  students: number;
  slots: number;
  /** Separate areas (cities, regions): a student is only offered slots of their own area. */
  areas: number;
  runs: number;
  highs: boolean;
  limitMs?: number;
}

// Areas tuned so that a student has about as many allowed pairs as the real data would give:
// ~200 at city size (half the offers match a student's fields), ~180 at region and national size.
const SIZES: Size[] = [
  { name: 'term', students: 135, slots: 60, areas: 1, runs: 9, highs: true },
  { name: 'city', students: 1000, slots: 400, areas: 1, runs: 5, highs: true, limitMs: 500 },
  { name: 'region', students: 5000, slots: 1500, areas: 4, runs: 3, highs: false },
  { name: 'national', students: 20000, slots: 5000, areas: 14, runs: 1, highs: false, limitMs: 10_000 },
];
const MEMORY_LIMIT_BYTES = 2 * 1024 ** 3;
const SEED = 20260901;

/** The service's own weights (src/allocation/preference-cost.ts), compiled. */
const {
  FIELD_RANK_COST,
  DISTRICT_RANK_COST,
  UNLISTED_DISTRICT_COST: DISTRICT_NOT_LISTED_COST,
} = require('../dist/allocation/preference-cost.js') as typeof import('../src/allocation/preference-cost');
/**
 * How popular each of the 6 fields is, among offers and among students alike; a student with
 * 1–3 of them then matches about half of the offers in their area.
 */
const FIELD_WEIGHTS = [0.45, 0.25, 0.12, 0.08, 0.06, 0.04];
const DISTRICTS_PER_AREA = 14;
/** Shares of the three universities among the students, and of the places in their quotas. */
const STUDENT_SHARES = [0.45, 0.35, 0.2];
const QUOTA_SHARES = [0.4, 0.35, 0.25];
/** Share of field-matching pairs excluded, e.g. for a declared conflict of interest. */
const EXCLUSION_RATE = 0.02;

interface Report {
  name: string;
  students: number;
  slots: number;
  edges: number;
  placed: number;
  totalCost: number;
  solveMs: number;
  rssBeforeSolve: number;
  peakRss: number;
  highs?: { placed: number; totalCost: number; ms: number; solveMs: number };
}

/** mulberry32: a small seeded PRNG, so every run solves the same instances. */
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

/** An index drawn with probability proportional to its weight, skipping those already taken. */
function pickWeighted(random: () => number, weights: number[], taken: boolean[] = []): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) if (!taken[i]) total += weights[i];
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    if (taken[i]) continue;
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.findLastIndex((_, i) => !taken[i]);
}

function generate(size: Size, seed: number): AllocationInstance {
  const random = mulberry32(seed);
  const int = (n: number): number => Math.floor(random() * n);

  // Offers: each in one area, one field and one district, with 1–3 usable places.
  const slots: AllocationInstance['slots'] = [];
  const slotsByAreaField: { id: string; district: number }[][][] = [];
  for (let a = 0; a < size.areas; a++) slotsByAreaField.push(FIELD_WEIGHTS.map(() => []));
  let places = 0;
  for (let i = 0; i < size.slots; i++) {
    const id = `offer-${i}`;
    const capacity = 1 + int(3);
    places += capacity;
    slots.push({ id, capacity });
    const field = pickWeighted(random, FIELD_WEIGHTS);
    slotsByAreaField[i % size.areas][field].push({ id, district: int(DISTRICTS_PER_AREA) });
  }

  const groups = QUOTA_SHARES.map((share, g) => ({ id: `university-${g + 1}`, quota: Math.round(share * places) }));
  const students: AllocationInstance['students'] = [];
  const edges: AllocationInstance['edges'] = [];
  for (let i = 0; i < size.students; i++) {
    const id = `student-${i}`;
    const r = random();
    const group = r < STUDENT_SHARES[0] ? 0 : r < STUDENT_SHARES[0] + STUDENT_SHARES[1] ? 1 : 2;
    students.push({ id, group: groups[group].id });

    const taken = FIELD_WEIGHTS.map(() => false);
    const fields: number[] = [];
    for (let k = 1 + int(3); k > 0; k--) {
      const field = pickWeighted(random, FIELD_WEIGHTS, taken);
      taken[field] = true;
      fields.push(field);
    }
    // Up to 3 preferred districts, in order; a district drawn twice is listed once.
    const districtCost = new Array<number>(DISTRICTS_PER_AREA).fill(DISTRICT_NOT_LISTED_COST);
    for (let k = int(4), rank = 0; rank < k; rank++) {
      const district = int(DISTRICTS_PER_AREA);
      if (districtCost[district] === DISTRICT_NOT_LISTED_COST) districtCost[district] = DISTRICT_RANK_COST[rank];
    }
    const area = i % size.areas;
    fields.forEach((field, rank) => {
      for (const slot of slotsByAreaField[area][field]) {
        if (random() < EXCLUSION_RATE) continue;
        edges.push({ student: id, slot: slot.id, cost: FIELD_RANK_COST[rank] + districtCost[slot.district] });
      }
    });
  }
  return { groups, students, slots, edges };
}

/** The allocation as an LP in CPLEX LP format: x_e in [0, 1] for each pair e. */
function writeLp(instance: AllocationInstance, objective: 'maximise placed' | 'minimise cost', placed = 0): string {
  const lines: string[] = [];
  const sum = (terms: string[]): string => {
    // Short lines: the LP format is line-oriented and some readers limit line length.
    const chunks: string[] = [];
    for (let i = 0; i < terms.length; i += 20) chunks.push(terms.slice(i, i + 20).join(' + '));
    return chunks.join('\n + ');
  };
  const rows = (key: (edge: AllocationInstance['edges'][number]) => string): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    instance.edges.forEach((edge, e) => {
      const k = key(edge);
      const list = map.get(k);
      if (list) list.push(`x${e}`);
      else map.set(k, [`x${e}`]);
    });
    return map;
  };
  const all = instance.edges.map((_, e) => `x${e}`);
  if (objective === 'maximise placed') {
    lines.push('Maximize', ` placed: ${sum(all)}`);
  } else {
    const costly = instance.edges.flatMap((edge, e) => (edge.cost === 0 ? [] : [`${edge.cost} x${e}`]));
    lines.push('Minimize', ` cost: ${costly.length > 0 ? sum(costly) : '0 x0'}`);
  }
  lines.push('Subject To');
  let r = 0;
  for (const terms of rows((edge) => edge.student).values()) lines.push(` r${r++}: ${sum(terms)} <= 1`);
  const bySlot = rows((edge) => edge.slot);
  for (const slot of instance.slots) {
    const terms = bySlot.get(slot.id);
    if (terms) lines.push(` r${r++}: ${sum(terms)} <= ${slot.capacity}`);
  }
  const groupOf = new Map(instance.students.map((student) => [student.id, student.group]));
  const byGroup = rows((edge) => groupOf.get(edge.student) as string);
  for (const group of instance.groups) {
    const terms = byGroup.get(group.id);
    if (terms) lines.push(` r${r++}: ${sum(terms)} <= ${group.quota}`);
  }
  if (objective === 'minimise cost') lines.push(` r${r}: ${sum(all)} = ${placed}`);
  lines.push('Bounds');
  for (const x of all) lines.push(` 0 <= ${x} <= 1`);
  lines.push('End');
  return lines.join('\n');
}

interface LpOutcome {
  value: number;
  parseMs: number;
  solveMs: number;
}

/** Parses and solves one LP, timing the two apart: parsing megabytes of LP text is a real share. */
function solveLp(highs: Highs, lp: string): LpOutcome {
  const started = performance.now();
  return highs.withModel({ format: 'lp', data: lp }, (model) => {
    const parseMs = performance.now() - started;
    model.options.set({ output_flag: false });
    const solving = performance.now();
    model.run();
    const solveMs = performance.now() - solving;
    const status = model.getModelStatus();
    if (status !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS ended with model status ${status}`);
    const objective = model.getObjectiveValue();
    const value = Math.round(objective);
    // The flow polytope is integral, so an optimal LP value is an integer up to tolerance.
    if (Math.abs(objective - value) > 1e-6) throw new Error(`HiGHS objective ${objective} is not integral`);
    return { value, parseMs, solveMs };
  });
}

/** Runs one size in this process and prints its Report as JSON. */
async function runSize(size: Size): Promise<void> {
  const { solveAllocation } =
    require('../dist/allocation/engine/index.js') as typeof import('../src/allocation/engine/index');
  const instance = generate(size, SEED + size.students);
  const rssBeforeSolve = process.memoryUsage().rss;
  const times: number[] = [];
  let result: AllocationResult | undefined;
  for (let run = 0; run < size.runs; run++) {
    const started = performance.now();
    result = solveAllocation(instance);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const solved = result as AllocationResult;
  const report: Report = {
    name: size.name,
    students: instance.students.length,
    slots: instance.slots.length,
    edges: instance.edges.length,
    placed: solved.placed,
    totalCost: solved.totalCost,
    solveMs: times[Math.floor(times.length / 2)],
    rssBeforeSolve,
    // maxRSS is in kibibytes: the process's peak so far, instance generation included, HiGHS not yet.
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
  if (size.highs) {
    const highs = await (require('highs') as typeof import('highs')).default();
    const placed = solveLp(highs, writeLp(instance, 'maximise placed'));
    const totalCost = solveLp(highs, writeLp(instance, 'minimise cost', placed.value));
    report.highs = {
      placed: placed.value,
      totalCost: totalCost.value,
      ms: placed.parseMs + placed.solveMs + totalCost.parseMs + totalCost.solveMs,
      solveMs: placed.solveMs + totalCost.solveMs,
    };
  }
  console.log(JSON.stringify(report));
}

function mib(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
}

function main(): void {
  const rows: string[][] = [];
  const problems: string[] = [];
  for (const size of SIZES) {
    const child = spawnSync(process.execPath, [__filename, size.name], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) {
      problems.push(`${size.name}: child process failed (${child.status ?? child.signal})\n${child.stderr}`);
      continue;
    }
    const report = JSON.parse(child.stdout.trim().split('\n').pop() as string) as Report;
    const engineMs = report.solveMs;
    let agreement = '—';
    let highsMs = '—';
    let ratio = '—';
    if (report.highs) {
      const agree = report.highs.placed === report.placed && report.highs.totalCost === report.totalCost;
      agreement = `${report.highs.placed}/${report.highs.totalCost} ${agree ? 'agree' : 'DISAGREE'}`;
      highsMs = `${report.highs.ms.toFixed(0)} (${report.highs.solveMs.toFixed(0)})`;
      ratio = `${(report.highs.ms / engineMs).toFixed(0)}×`;
      if (!agree)
        problems.push(
          `${size.name}: engine ${report.placed}/${report.totalCost}, HiGHS ${report.highs.placed}/${report.highs.totalCost}`,
        );
    }
    if (size.limitMs !== undefined && engineMs > size.limitMs)
      problems.push(`${size.name}: solve took ${engineMs.toFixed(0)} ms, target ${size.limitMs} ms`);
    if (report.peakRss > MEMORY_LIMIT_BYTES)
      problems.push(`${size.name}: peak RSS ${mib(report.peakRss)}, target 2 GiB`);
    rows.push([
      size.name,
      String(report.students),
      String(report.slots),
      String(report.edges),
      String(report.placed),
      String(report.totalCost),
      `${engineMs.toFixed(1)} (${size.runs === 1 ? '1 run' : `median of ${size.runs}`})`,
      mib(report.rssBeforeSolve),
      mib(report.peakRss),
      agreement,
      highsMs,
      ratio,
    ]);
  }
  const header = [
    'size',
    'students',
    'slots',
    'edges',
    'placed',
    'totalCost',
    'engine ms',
    'RSS before solve',
    'peak RSS',
    'HiGHS placed/cost',
    'HiGHS ms (solve only)',
    'HiGHS/engine',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
  console.log(
    '\nengine ms: solveAllocation wall time. RSS before solve: the child process after generating the instance;' +
      '\npeak RSS: the child process peak (resourceUsage().maxRSS) after generation and all engine runs, before HiGHS.' +
      '\nHiGHS ms: both LPs (maximise placed, then minimise cost at that number), default options, LP text' +
      '\nparsing included; in brackets without parsing. HiGHS/engine: the ratio of the totals.',
  );
  if (problems.length > 0) {
    console.error(`\nFAILED:\n${problems.join('\n')}`);
    process.exit(1);
  }
}

const sizeName = process.argv[2];
if (sizeName === undefined) {
  main();
} else {
  const size = SIZES.find((s) => s.name === sizeName);
  if (!size) throw new Error(`unknown size ${sizeName}`);
  runSize(size).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
