#!/usr/bin/env node
// Generates a deterministic Nx-style TypeScript workspace for the Palisade benchmarks: layered libs
// (domain, application, infrastructure, api) per business scope, apps on top, a palisade.json
// policy, a known set of seeded violations and seeded import cycles, all listed in
// expected-violations.json (the cycle entries computed by bench/cycles.mjs from the imports written).
//
//   node bench/generate.mjs --files 10000 --out bench/workspaces/10k [--seed 1]
//
// The same arguments always give byte-identical output (seeded PRNG, no clock, no Math.random).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEntryPoint, readFlags } from './command-line.mjs';
import { expectedCycleDiagnostics, findCycles } from './cycles.mjs';

/** Identifies this generator's source: `run.mjs` regenerates a workspace made by another version. */
export const GENERATOR_VERSION = createHash('sha256').update(fs.readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 12);

/** Written in the workspace root; its presence also marks a folder as safe to overwrite. */
export const METADATA_FILE = 'generated.json';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const LAYERS = ['domain', 'application', 'infrastructure', 'api'];

/** Same-scope layers each layer may import (besides itself): the layered policy. */
const LOWER_LAYERS = {
  domain: [],
  application: ['domain'],
  infrastructure: ['domain', 'application'],
  api: ['domain', 'application', 'infrastructure'],
};

/** Each seeded violation kind and the rules one such import must trigger (per docs/CONTRACT.md). */
export const VIOLATION_KINDS = {
  // a domain file imports `@nestjs/common`: external bans `@nestjs/*` from domain.
  'domain-imports-nestjs': ['external'],
  // `@bench/<scope>/<layer>/src/lib/..` through the wildcard alias, into an allowed layer: only the
  // entry point is wrong (the layer and the scope are fine).
  'deep-alias-import': ['entry-point'],
  // the barrel of another scope's allowed layer: the element policy (scope capture) and the Nx tag
  // constraint both refuse it; the barrel is a public entry, so entry-point is fine. The other
  // scope always comes earlier in the scope list, so these imports never close a project cycle.
  'cross-scope-import': ['dependencies', 'tags'],
  // `import type` of the same scope's application barrel from domain: layering only (tags are per
  // scope). Type-only, because a value import would close a cycle through the two barrels (the
  // application layer imports the domain barrel); type-only imports are not cycle edges.
  'domain-imports-application': ['dependencies'],
  // a relative specifier that names no file.
  'unresolved-relative': ['no-unresolved-local'],
};

/**
 * The cross-project imports of the seeded project cycles (see planCycles) and the rules each one
 * triggers besides `no-cycle` (whose entries come from the cycle oracle). The relative imports of
 * the seeded file cycles trigger nothing else.
 */
const CYCLE_IMPORT_KINDS = {
  // another scope's domain barrel, from a domain file: as `cross-scope-import`.
  'cycle-barrel-import': ['dependencies', 'tags'],
  // another scope's domain file through the wildcard alias: the same, plus the entry point.
  'cycle-deep-import': ['dependencies', 'entry-point', 'tags'],
};

const SCOPE_WORDS = [
  'orders', 'billing', 'catalog', 'inventory', 'shipping', 'payments', 'customers', 'accounts',
  'identity', 'pricing', 'promotions', 'reviews', 'search', 'notifications', 'analytics',
  'reporting', 'warehouse', 'returns', 'loyalty', 'subscriptions', 'invoicing', 'ledger', 'tax',
  'compliance', 'audit', 'fraud', 'risk', 'support', 'tickets', 'chat', 'content', 'media', 'assets',
  'documents', 'contracts', 'partners', 'suppliers', 'procurement', 'fleet', 'routing', 'tracking',
  'scheduling', 'booking', 'calendar', 'payroll', 'hiring', 'onboarding', 'training', 'benefits',
  'expenses', 'budgets', 'forecasting', 'planning', 'quality', 'maintenance', 'devices', 'telemetry',
  'alerts', 'incidents', 'releases', 'features', 'experiments', 'settings', 'profiles', 'sessions',
  'permissions', 'roles', 'teams', 'projects', 'tasks', 'timesheets', 'feedback', 'surveys',
  'marketing', 'campaigns', 'leads', 'opportunities', 'quotes', 'carts', 'checkout', 'wishlist',
  'gifts', 'coupons', 'vouchers', 'rewards', 'referrals', 'affiliates', 'sellers', 'marketplace',
  'listings', 'auctions', 'bids', 'rentals', 'leasing', 'insurance', 'claims', 'underwriting',
  'lending', 'savings', 'cards', 'transfers', 'treasury',
];

const APP_WORDS = [
  'storefront', 'backoffice', 'gateway', 'mobile-bff', 'partner-portal', 'admin', 'worker',
  'scheduler', 'webhooks', 'public-api', 'reporting-ui', 'support-desk',
];

const NOUNS = [
  'order', 'item', 'line', 'invoice', 'customer', 'address', 'payment', 'refund', 'price',
  'discount', 'product', 'variant', 'stock', 'shipment', 'parcel', 'carrier', 'account', 'balance',
  'entry', 'statement', 'report', 'metric', 'event', 'schedule', 'slot', 'ticket', 'comment',
  'rating', 'document', 'attachment', 'contract', 'clause', 'partner', 'supplier', 'request',
  'approval', 'budget', 'forecast', 'device', 'reading', 'alert', 'rule', 'setting', 'profile',
  'session', 'role', 'team', 'task', 'note', 'label',
];

/** Module kinds per layer: folder, file suffix, class-name suffix. */
const KINDS = {
  domain: [
    { dir: 'entities', suffix: 'entity', cls: 'Entity' },
    { dir: 'value-objects', suffix: 'value-object', cls: 'Value' },
    { dir: 'events', suffix: 'event', cls: 'Event' },
    { dir: 'ports', suffix: 'repository.port', cls: 'RepositoryPort', abstract: true },
    { dir: 'services', suffix: 'domain-service', cls: 'DomainService' },
    { dir: 'policies', suffix: 'policy', cls: 'Policy' },
    { dir: 'specifications', suffix: 'specification', cls: 'Specification' },
  ],
  application: [
    { dir: 'commands', suffix: 'command', cls: 'Command' },
    { dir: 'commands', suffix: 'command-handler', cls: 'CommandHandler' },
    { dir: 'queries', suffix: 'query', cls: 'Query' },
    { dir: 'queries', suffix: 'query-handler', cls: 'QueryHandler' },
    { dir: 'dto', suffix: 'dto', cls: 'Dto' },
    { dir: 'use-cases', suffix: 'use-case', cls: 'UseCase' },
    { dir: 'services', suffix: 'app-service', cls: 'AppService' },
  ],
  infrastructure: [
    { dir: 'persistence', suffix: 'repository', cls: 'Repository' },
    { dir: 'persistence', suffix: 'record', cls: 'Record' },
    { dir: 'mappers', suffix: 'mapper', cls: 'Mapper' },
    { dir: 'adapters', suffix: 'adapter', cls: 'Adapter' },
    { dir: 'clients', suffix: 'http-client', cls: 'HttpClient' },
    { dir: 'cache', suffix: 'cache', cls: 'Cache' },
  ],
  api: [
    { dir: 'controllers', suffix: 'controller', cls: 'Controller', controller: true },
    { dir: 'requests', suffix: 'request', cls: 'Request' },
    { dir: 'responses', suffix: 'response', cls: 'Response' },
    { dir: 'guards', suffix: 'guard', cls: 'Guard' },
    { dir: 'interceptors', suffix: 'interceptor', cls: 'Interceptor' },
  ],
  app: [
    { dir: 'features', suffix: 'feature', cls: 'Feature' },
    { dir: 'config', suffix: 'config', cls: 'Config' },
    { dir: 'middleware', suffix: 'middleware', cls: 'Middleware' },
    { dir: 'modules', suffix: 'module', cls: 'Module' },
  ],
};

/** npm packages the workspace "installs" (tiny typed stubs, so resolution and tsc both work). */
const NPM_STUBS = {
  rxjs: {
    'package.json': {
      name: 'rxjs', version: '7.8.1', types: './index.d.ts', main: './index.js',
      exports: {
        '.': { types: './index.d.ts', default: './index.js' },
        './operators': { types: './operators/index.d.ts', default: './operators/index.js' },
      },
    },
    'index.d.ts': [
      'export interface OperatorFunction<T, R> {',
      '  (source: Observable<T>): Observable<R>;',
      '}',
      'export declare class Observable<T> {',
      '  pipe(): Observable<T>;',
      '  pipe<A>(op1: OperatorFunction<T, A>): Observable<A>;',
      '  pipe<A, B>(op1: OperatorFunction<T, A>, op2: OperatorFunction<A, B>): Observable<B>;',
      '  subscribe(next?: (value: T) => void): { unsubscribe(): void };',
      '}',
      'export declare function of<T>(...values: T[]): Observable<T>;',
      'export declare function map<T, R>(project: (value: T, index: number) => R): OperatorFunction<T, R>;',
      'export declare function filter<T>(predicate: (value: T, index: number) => boolean): OperatorFunction<T, T>;',
      'export declare function firstValueFrom<T>(source: Observable<T>): Promise<T>;',
      '',
    ].join('\n'),
    'index.js': 'module.exports = {};\n',
    'operators/index.d.ts': "export { map, filter } from '../index';\n",
    'operators/index.js': 'module.exports = {};\n',
  },
  '@nestjs/common': {
    'package.json': { name: '@nestjs/common', version: '11.1.6', types: './index.d.ts', main: './index.js' },
    'index.d.ts': [
      'export declare function Injectable(): ClassDecorator;',
      'export declare function Controller(prefix?: string): ClassDecorator;',
      'export declare function Get(path?: string): MethodDecorator;',
      'export declare function Post(path?: string): MethodDecorator;',
      'export declare function Param(name: string): ParameterDecorator;',
      'export declare function Body(): ParameterDecorator;',
      'export declare function Module(metadata: { imports?: unknown[]; providers?: unknown[] }): ClassDecorator;',
      'export declare class Logger {',
      '  constructor(context?: string);',
      '  log(message: string): void;',
      '  warn(message: string): void;',
      '}',
      '',
    ].join('\n'),
    'index.js': 'module.exports = {};\n',
  },
  '@nestjs/core': {
    'package.json': { name: '@nestjs/core', version: '11.1.6', types: './index.d.ts', main: './index.js' },
    'index.d.ts': [
      'export interface NestApplication {',
      '  listen(port: number): Promise<void>;',
      '}',
      'export declare class NestFactory {',
      '  static create(module: unknown): Promise<NestApplication>;',
      '}',
      '',
    ].join('\n'),
    'index.js': 'module.exports = {};\n',
  },
  'reflect-metadata': {
    'package.json': { name: 'reflect-metadata', version: '0.2.2', types: './index.d.ts', main: './index.js' },
    'index.d.ts': 'export {};\n',
    'index.js': '\n',
  },
  '@types/node': {
    'package.json': { name: '@types/node', version: '20.19.0', types: './index.d.ts' },
    'index.d.ts': [
      "declare module 'node:path' {",
      '  export function join(...segments: string[]): string;',
      '  export function resolve(...segments: string[]): string;',
      '}',
      "declare module 'node:crypto' {",
      '  export function randomUUID(): string;',
      '}',
      'declare var process: { env: Record<string, string | undefined> };',
      'declare var console: { log(...args: unknown[]): void };',
      '',
    ].join('\n'),
  },
};

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** sfc32 seeded through splitmix32: small, fast, and identical on every platform. */
function createRandom(seed) {
  let state = (Number(seed) >>> 0) ^ 0x9e3779b9;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 16; i += 1) next();
  const random = {
    next,
    /** integer in [min, max] */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    /** up to `count` distinct items, in random order */
    sample: (items, count) => random.shuffle(items).slice(0, Math.max(0, count)),
  };
  return random;
}

// ---------------------------------------------------------------------------------------------
// Names

const pascal = (text) => text.split(/[^a-zA-Z0-9]+/u).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const camel = (text) => text[0].toLowerCase() + text.slice(1);
const screaming = (name) => name.replace(/([a-z0-9])([A-Z])/gu, '$1_$2').toUpperCase();

function scopeNames(count) {
  const names = [];
  for (let i = 0; i < count; i += 1) {
    const word = SCOPE_WORDS[i % SCOPE_WORDS.length];
    const round = Math.floor(i / SCOPE_WORDS.length);
    names.push(round === 0 ? word : `${word}${round + 1}`);
  }
  return names;
}

function appNames(count) {
  const names = [];
  for (let i = 0; i < count; i += 1) {
    const word = APP_WORDS[i % APP_WORDS.length];
    const round = Math.floor(i / APP_WORDS.length);
    names.push(round === 0 ? word : `${word}-${round + 1}`);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Planning: projects, files, exported symbols, violations

/**
 * @typedef {{ name: string, kind: 'class' | 'props' | 'function' | 'const' }} ExportedSymbol
 * @typedef {object} PlannedFile
 * @property {Project} project
 * @property {string} rel workspace-relative path
 * @property {'module' | 'barrel' | 'main'} role
 * @property {number} index position among the project's modules (imports only go to lower ones)
 * @property {string} noun
 * @property {any} kind
 * @property {string} Name main class
 * @property {ExportedSymbol[]} exports
 * @property {{ kind: string } & Record<string, any> | undefined} violation
 * @property {PlannedFile[] | undefined} cycleTargets seeded cycle: modules of its project it imports
 * @property {PlannedFile[] | undefined} cycleMembers seeded cycle: the other members, never imported otherwise
 * @property {{ kind: string, project: Project, file?: PlannedFile } | undefined} cycleImport seeded
 *   project cycle: the other project's barrel (or `file`, by a deep import) it imports
 * @typedef {object} Project
 * @property {string} name
 * @property {string} root
 * @property {string} scope
 * @property {number} order position of the scope in the scope list (apps: -1)
 * @property {string} layer 'domain' | … | 'app'
 * @property {string} prefix PascalCase prefix of every class in the project
 * @property {string | undefined} alias non-wildcard tsconfig alias of the barrel
 * @property {PlannedFile[]} modules
 * @property {PlannedFile | undefined} barrel
 * @property {PlannedFile | undefined} main
 */

function chooseShape(files, options) {
  let scopes = options.scopes ?? Math.min(100, Math.max(20, Math.round(files / 100)));
  const appsFor = (s) => options.apps ?? Math.max(2, Math.round(s / 10));
  // keep at least six files per project, shrinking the scope count for small workspaces
  while (scopes > 1 && files / (scopes * LAYERS.length + appsFor(scopes)) < 6) scopes -= 1;
  return { scopes, apps: appsFor(scopes) };
}

function planWorkspace(files, random, options) {
  const shape = chooseShape(files, options);
  /** @type {Project[]} */
  const projects = [];
  for (const [order, scope] of scopeNames(shape.scopes).entries()) {
    for (const layer of LAYERS) {
      projects.push({
        name: `${scope}-${layer}`, root: `libs/${scope}/${layer}`, scope, order, layer,
        prefix: pascal(scope), alias: `@bench/${scope}-${layer}`,
        modules: [], barrel: undefined, main: undefined,
      });
    }
  }
  for (const app of appNames(shape.apps)) {
    projects.push({
      name: app, root: `apps/${app}`, scope: app, order: -1, layer: 'app', prefix: pascal(app), alias: undefined,
      modules: [], barrel: undefined, main: undefined,
    });
  }

  const base = Math.floor(files / projects.length);
  const remainder = files - base * projects.length;
  const extra = new Set(random.sample(projects.map((_, i) => i), remainder));
  projects.forEach((project, i) => planProjectFiles(project, base + (extra.has(i) ? 1 : 0), random));

  const byKey = new Map(projects.map((p) => [`${p.scope}/${p.layer}`, p]));
  return { shape, projects, byKey };
}

function planProjectFiles(project, count, random) {
  const kinds = KINDS[project.layer];
  const moduleCount = Math.max(1, count - 1); // one slot is the barrel (libs) or main.ts (apps)
  const used = new Map();
  for (let index = 0; index < moduleCount; index += 1) {
    const kind = kinds[(index + random.int(0, kinds.length - 1)) % kinds.length];
    const word = random.pick(NOUNS);
    const key = `${word}/${kind.suffix}`;
    const seen = used.get(key) ?? 0;
    used.set(key, seen + 1);
    const noun = seen === 0 ? word : `${word}${seen + 1}`;
    const Name = `${project.prefix}${pascal(noun)}${kind.cls}`;
    const srcDir = project.layer === 'app' ? 'src/app' : 'src/lib';
    project.modules.push({
      project, rel: `${project.root}/${srcDir}/${kind.dir}/${noun}.${kind.suffix}.ts`, role: 'module',
      index, noun, kind, Name,
      exports: [
        { name: Name, kind: 'class' },
        { name: `${Name}Props`, kind: 'props' },
        { name: `to${Name}Key`, kind: 'function' },
        { name: `${screaming(Name)}_KEY`, kind: 'const' },
      ],
      violation: undefined,
    });
  }
  const special = {
    project, index: moduleCount, noun: 'main', kind: undefined, Name: `${project.prefix}Bootstrap`,
    exports: [], violation: undefined,
  };
  if (project.layer === 'app') {
    project.main = { ...special, rel: `${project.root}/src/main.ts`, role: 'main' };
  } else {
    project.barrel = { ...special, rel: `${project.root}/src/index.ts`, role: 'barrel' };
  }
}

/** Picks distinct files for each violation kind (about `rate` of all files per kind). */
function planViolations(plan, files, random, rate) {
  const perKind = Math.max(1, Math.round(files * rate));
  const libs = plan.projects.filter((p) => p.layer !== 'app');
  const modulesOf = (predicate) => plan.projects.filter(predicate).flatMap((p) => p.modules);
  const taken = new Set();
  const assign = (kind, candidates, details) => {
    let assigned = 0;
    for (const file of random.shuffle(candidates)) {
      if (assigned === perKind) break;
      if (taken.has(file)) continue;
      const violation = details(file);
      if (violation === undefined) continue;
      taken.add(file);
      file.violation = { kind, ...violation };
      assigned += 1;
    }
  };
  const domains = modulesOf((p) => p.layer === 'domain');

  assign('domain-imports-nestjs', domains, () => ({}));
  assign('domain-imports-application', domains, (file) => {
    const target = plan.byKey.get(`${file.project.scope}/application`);
    return target.modules.length > 0 ? { target } : undefined;
  });
  assign('cross-scope-import', modulesOf((p) => p.layer !== 'app'), (file) => {
    const layer = random.pick([file.project.layer, ...LOWER_LAYERS[file.project.layer]]);
    // an earlier scope only: cross-scope imports then never close a project cycle
    const others = libs.filter((p) => p.layer === layer && p.order < file.project.order && p.modules.length > 0);
    return others.length > 0 ? { target: random.pick(others) } : undefined;
  });
  assign('deep-alias-import', modulesOf((p) => p.layer !== 'domain'), (file) => {
    const target = file.project.layer === 'app'
      ? random.pick(libs.filter((p) => p.layer === 'api'))
      : plan.byKey.get(`${file.project.scope}/${random.pick(LOWER_LAYERS[file.project.layer])}`);
    return target.modules.length > 0 ? { target, targetFile: random.pick(target.modules) } : undefined;
  });
  assign('unresolved-relative', modulesOf(() => true), () => ({}));
}

/**
 * Seeds import cycles, about one per 1000 files (at least four): a tenth of them (at least two)
 * project cycles, the rest file cycles.
 * - `file-cycle`: 2 or 3 (alternately) consecutive modules of one project; each imports the one
 *   before it by a relative path, the first imports the last.
 * - `barrel-project-cycle` (even project cycles): the last modules of two domain projects of
 *   different scopes import each other's barrel. A cycle of projects, and of four files too (both
 *   barrels re-export their last module).
 * - `project-cycle` (odd ones): the last module of domain X deep-imports the first module of
 *   domain Y (which imports nothing local), and Y's last module imports X's barrel: a cycle of
 *   projects that runs through no file cycle.
 * Ordinary relative imports only go to earlier modules, and the other cross-project imports form
 * no cycle, so each seeded cycle is exactly one strongly connected component (generateWorkspace
 * checks it with the oracle).
 * @returns {{ kind: string, files: string[], projects: string[] }[]}
 */
function planCycles(plan, files, random) {
  const total = Math.max(4, Math.round(files / 1000));
  const projectCycleCount = Math.max(2, Math.round(total / 10));
  const fileCycleCount = total - projectCycleCount;
  const cycles = [];
  const used = new Set();
  const clean = (file) => file.violation === undefined;
  const first = (p) => p.modules[0];
  const last = (p) => p.modules[p.modules.length - 1];

  // domain projects that import no other project (no cross-scope violation), with clean ends
  const domains = random.shuffle(plan.projects.filter((p) => p.layer === 'domain' && p.modules.length >= 2 &&
    p.modules.every((m) => m.violation?.kind !== 'cross-scope-import') && clean(first(p)) && clean(last(p))));
  for (let i = 0; i + 1 < domains.length && cycles.length < projectCycleCount; i += 2) {
    const [x, y] = [domains[i], domains[i + 1]];
    for (const p of [x, y]) used.add(p);
    if (cycles.length % 2 === 0) {
      last(x).cycleImport = { kind: 'cycle-barrel-import', project: y };
      last(y).cycleImport = { kind: 'cycle-barrel-import', project: x };
      cycles.push({
        kind: 'barrel-project-cycle',
        files: [x.barrel.rel, last(x).rel, y.barrel.rel, last(y).rel].sort(),
        projects: [x.name, y.name].sort(),
      });
    } else {
      last(x).cycleImport = { kind: 'cycle-deep-import', project: y, file: first(y) };
      last(y).cycleImport = { kind: 'cycle-barrel-import', project: x };
      cycles.push({ kind: 'project-cycle', files: [], projects: [x.name, y.name].sort() });
    }
  }

  let fileCycles = 0;
  const candidates = random.shuffle(plan.projects.filter((p) => !used.has(p) && p.modules.length >= 3));
  for (const project of candidates) {
    if (fileCycles === fileCycleCount) break;
    const size = fileCycles % 2 === 0 ? 2 : 3;
    const starts = [];
    for (let start = 0; start + size <= project.modules.length; start += 1) {
      if (project.modules.slice(start, start + size).every(clean)) starts.push(start);
    }
    if (starts.length === 0) continue;
    const start = random.pick(starts);
    const members = project.modules.slice(start, start + size);
    members.forEach((member, j) => {
      member.cycleTargets = [j === 0 ? members[size - 1] : members[j - 1]];
      member.cycleMembers = members.filter((m) => m !== member);
    });
    cycles.push({ kind: 'file-cycle', files: members.map((m) => m.rel).sort(), projects: [project.name] });
    fileCycles += 1;
  }
  return cycles;
}

// ---------------------------------------------------------------------------------------------
// Rendering one module

/** `@bench/<scope>/<layer>/src/lib/…`: a library file through the scope's wildcard alias. */
const deepAliasSpecifier = (file) => `@bench/${file.rel.replace(/^libs\//u, '').replace(/\.ts$/u, '')}`;

const relativeSpecifier = (fromRel, toRel) => {
  const spec = path.posix.relative(path.posix.dirname(fromRel), toRel).replace(/\.ts$/u, '');
  return spec.startsWith('.') ? spec : `./${spec}`;
};

/**
 * @typedef {{ spec: string, names: string[], typeOnly?: boolean, sideEffect?: boolean,
 *   violation?: string, target?: string, seeded?: boolean }} ImportLine `target`: the workspace file
 *   it resolves to; `seeded`: part of a seeded cycle
 */

/** Returns the rendered lines and, for each line, the index of the line holding the specifier. */
function renderImport(imp) {
  if (imp.sideEffect) return [`import '${imp.spec}';`];
  const head = imp.typeOnly ? 'import type' : 'import';
  const single = `${head} { ${imp.names.join(', ')} } from '${imp.spec}';`;
  if (single.length <= 100) return [single];
  return [`${head} {`, ...imp.names.map((n) => `  ${n},`), `} from '${imp.spec}';`];
}

/** How one imported symbol is used, so that nothing imported is unused. */
function collectUsage(symbols, usage) {
  for (const symbol of symbols) {
    if (symbol.kind === 'class') usage.deps.push(symbol.name);
    else if (symbol.kind === 'props') usage.props.push(symbol.name);
    else if (symbol.kind === 'function') usage.functions.push(symbol.name);
    else usage.consts.push(symbol.name);
  }
}

/** Picks 1–3 exported symbols of `files` (one file each) not already imported, of the kinds `accept` takes. */
function pickSymbols(random, files, already, count, accept = () => true) {
  const symbols = [];
  for (const file of random.sample(files, count)) {
    const candidates = file.exports.filter((s) => !already.has(s.name) && accept(s));
    if (candidates.length === 0) continue;
    const symbol = random.pick(candidates);
    already.add(symbol.name);
    symbols.push(symbol);
  }
  return symbols;
}

const FILLERS = [
  (m, c) => [
    `  /** Checks that every required field of a ${c.label} is present. */`,
    `  validate${m}(input: Record<string, unknown>): string[] {`,
    '    const errors: string[] = [];',
    '    for (const [field, value] of Object.entries(input)) {',
    "      if (value === undefined || value === null || value === '') {",
    `        errors.push(\`\${field} is required for ${c.Name}\`);`,
    '      }',
    '    }',
    '    return errors;',
    '  }',
  ],
  (m) => [
    `  total${m}(lines: ReadonlyArray<{ amount: number; quantity: number }>): number {`,
    '    return lines.reduce((sum, line) => sum + line.amount * line.quantity, 0);',
    '  }',
  ],
  (m, c, random) => [
    `  remember${m}(id: string, value: string): void {`,
    `    if (this.state.size > ${random.int(64, 4096)}) {`,
    '      const oldest = this.state.keys().next().value;',
    '      if (oldest !== undefined) {',
    '        this.state.delete(oldest);',
    '      }',
    '    }',
    '    this.state.set(id, value);',
    '  }',
  ],
  (m, c) => [
    `  /** Re-reads the ${c.label} entries whose ids are given; returns how many changed. */`,
    `  async refresh${m}(ids: readonly string[]): Promise<number> {`,
    '    let updated = 0;',
    '    for (const id of ids) {',
    '      const previous = this.state.get(id);',
    '      const next = await Promise.resolve(`${id}@${Date.now()}`);',
    '      if (previous !== next) {',
    '        this.state.set(id, next);',
    '        updated += 1;',
    '      }',
    '    }',
    '    return updated;',
    '  }',
  ],
  (m, c) => [
    `  label${m}(status: ${c.Name}Status): string {`,
    '    switch (status) {',
    "      case 'draft':",
    `        return 'Draft ${c.label}';`,
    "      case 'active':",
    `        return 'Active ${c.label}';`,
    "      case 'suspended':",
    `        return 'Suspended ${c.label}';`,
    '      default:',
    `        return 'Closed ${c.label}';`,
    '    }',
    '  }',
  ],
  (m) => [
    `  group${m}<T extends { category: string }>(items: readonly T[]): Map<string, T[]> {`,
    '    const groups = new Map<string, T[]>();',
    '    for (const item of items) {',
    '      const bucket = groups.get(item.category) ?? [];',
    '      bucket.push(item);',
    '      groups.set(item.category, bucket);',
    '    }',
    '    return groups;',
    '  }',
  ],
  (m, c, random) => [
    `  format${m}(amount: number, currency = '${random.pick(['EUR', 'USD', 'GBP', 'CHF', 'JPY'])}'): string {`,
    "    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);",
    '  }',
  ],
  (m, c, random) => [
    `  isExpired${m}(issuedAt: Date, ttlDays = ${random.int(1, 90)}): boolean {`,
    '    const expiresAt = new Date(issuedAt.getTime() + ttlDays * 24 * 60 * 60 * 1000);',
    '    return expiresAt.getTime() < Date.now();',
    '  }',
  ],
  (m) => [
    `  snapshot${m}(): Record<string, string> {`,
    '    return Object.fromEntries([...this.state.entries()].sort(([a], [b]) => a.localeCompare(b)));',
    '  }',
  ],
  (m, c, random) => [
    `  // Übernommen aus dem Altsystem: Beträge in € werden auf ${random.int(2, 4)} Stellen gerundet.`,
    `  round${m}(value: number, digits = 2): number {`,
    '    const factor = 10 ** digits;',
    '    return Math.round(value * factor) / factor;',
    '  }',
  ],
];

const PROP_FIELDS = [
  ['name', 'string', "'unnamed'"], ['status', 'STATUS', "'draft'"], ['amount', 'number', '0'],
  ['currency', 'string', "'EUR'"], ['version', 'number', '1'], ['active', 'boolean', 'true'],
  ['ownerId', 'string', "''"], ['description', 'string', "''"], ['priority', 'number', '0'],
  ['updatedAt', 'Date', 'new Date(0)'], ['tags', 'string[]', '[]'], ['quantity', 'number', '1'],
];

const isValue = (symbol) => symbol.kind !== 'props';
const isType = (symbol) => symbol.kind === 'props';

/**
 * Renders one module file; returns its text, the line numbers of its violating imports and every
 * import it wrote (for the cycle oracle).
 */
function renderModule(file, plan, random, targetSize) {
  const { project } = file;
  const already = new Set(file.exports.map((s) => s.name));
  /** @type {ImportLine[]} */
  const imports = [];
  const usage = { deps: [], props: [], functions: [], consts: [], npm: new Set() };
  const isApp = project.layer === 'app';

  // npm and Node built-ins, per layer
  const nest = [];
  if (project.layer === 'api' || (isApp && random.chance(0.7))) {
    nest.push(file.kind.controller ? 'Controller' : 'Injectable');
    if (file.kind.controller) nest.push('Get', 'Param', 'Post', 'Body');
  } else if (project.layer === 'infrastructure' && random.chance(0.9)) {
    nest.push('Injectable');
    if (random.chance(0.5)) nest.push('Logger');
  }
  const wantRxjs = project.layer !== 'domain' && random.chance(project.layer === 'api' ? 0.4 : 0.5);
  const wantOperators = wantRxjs && project.layer === 'infrastructure' && random.chance(0.4);
  const wantPath = (project.layer === 'infrastructure' || isApp) && random.chance(0.5);
  const wantCrypto = (project.layer === 'domain' || project.layer === 'application') && random.chance(0.3);
  const npmImports = [];
  if (nest.length > 0) {
    npmImports.push({ spec: '@nestjs/common', names: nest });
    for (const n of nest) usage.npm.add(n);
  }
  if (wantRxjs) {
    npmImports.push({ spec: 'rxjs', names: wantOperators ? ['Observable', 'of'] : ['Observable', 'map', 'of'] });
    usage.npm.add('rxjs');
  }
  if (wantOperators) {
    npmImports.push({ spec: 'rxjs/operators', names: ['filter', 'map'] });
  }
  if (wantPath) {
    npmImports.push({ spec: 'node:path', names: ['join'] });
    usage.npm.add('join');
  }
  if (wantCrypto) {
    npmImports.push({ spec: 'node:crypto', names: ['randomUUID'] });
    usage.npm.add('randomUUID');
  }

  // barrels of allowed layers in the same scope (apps: api barrels of any scope)
  const barrelImports = [];
  const barrelTargets = isApp
    ? random.sample(plan.projects.filter((p) => p.layer === 'api' && p.modules.length > 0), random.int(1, 3))
    : LOWER_LAYERS[project.layer]
      .map((layer) => plan.byKey.get(`${project.scope}/${layer}`))
      .filter((p) => p.modules.length > 0 && (p.layer === 'domain' || project.layer === 'application' || random.chance(0.6)));
  for (const target of barrelTargets) {
    const symbols = pickSymbols(random, target.modules, already, random.int(1, 3));
    if (symbols.length === 0) continue;
    collectUsage(symbols, usage);
    barrelImports.push(importOf(target.alias, symbols, target.barrel.rel));
  }
  const cycleImport = file.cycleImport;
  if (cycleImport !== undefined) {
    // seeded project cycle: a value import of the other domain project's barrel or of one of its files
    const other = cycleImport.project;
    const symbols = pickSymbols(random, cycleImport.file === undefined ? other.modules : [cycleImport.file], already, 1, isValue);
    collectUsage(symbols, usage);
    const imp = cycleImport.file === undefined
      ? importOf(other.alias, symbols, other.barrel.rel)
      : importOf(deepAliasSpecifier(cycleImport.file), symbols, cycleImport.file.rel);
    barrelImports.push({ ...imp, violation: cycleImport.kind, seeded: true });
  }

  // relative imports of earlier modules of the same project, to reach 4–10 imports in all
  const wanted = random.int(4, 10);
  // (the other members of a seeded cycle are imported only by the cycle's own imports below)
  const earlier = project.modules.slice(0, file.index).filter((m) => !(file.cycleMembers ?? []).includes(m));
  const relativeCount = Math.min(earlier.length, Math.max(1, wanted - npmImports.length - barrelImports.length));
  const relativeImports = [];
  for (const target of random.sample(earlier, relativeCount)) {
    const symbols = pickSymbols(random, [target], already, 1);
    if (random.chance(0.3)) {
      const props = target.exports.find((s) => s.kind === 'props' && !already.has(s.name));
      if (props !== undefined) {
        already.add(props.name);
        symbols.push(props);
      }
    }
    if (symbols.length === 0) continue;
    collectUsage(symbols, usage);
    relativeImports.push(importOf(relativeSpecifier(file.rel, target.rel), symbols, target.rel));
  }
  for (const target of file.cycleTargets ?? []) {
    // seeded file cycle: a value import, so that it counts as a runtime edge
    const symbols = pickSymbols(random, [target], already, 1, isValue);
    collectUsage(symbols, usage);
    relativeImports.push({ ...importOf(relativeSpecifier(file.rel, target.rel), symbols, target.rel), seeded: true });
  }

  // the seeded violation, if any
  let violationImport;
  const v = file.violation;
  if (v !== undefined) {
    if (v.kind === 'domain-imports-nestjs') {
      violationImport = { spec: '@nestjs/common', names: ['Injectable'] };
      usage.npm.add('Injectable');
    } else if (v.kind === 'domain-imports-application') {
      const symbols = pickSymbols(random, v.target.modules, already, 1, isType);
      collectUsage(symbols, usage);
      violationImport = importOf(v.target.alias, symbols, v.target.barrel.rel);
    } else if (v.kind === 'cross-scope-import') {
      const symbols = pickSymbols(random, v.target.modules, already, 1);
      collectUsage(symbols, usage);
      violationImport = importOf(v.target.alias, symbols, v.target.barrel.rel);
    } else if (v.kind === 'deep-alias-import') {
      const symbols = pickSymbols(random, [v.targetFile], already, 1);
      collectUsage(symbols, usage);
      violationImport = importOf(deepAliasSpecifier(v.targetFile), symbols, v.targetFile.rel);
    } else {
      const legacy = `${project.prefix}Legacy${pascal(file.noun)}Gateway`;
      usage.deps.push(legacy);
      violationImport = { spec: `./legacy/${file.noun}-gateway`, names: [legacy] };
    }
    violationImport.violation = v.kind;
  }

  const allImports = [...npmImports, ...barrelImports, ...relativeImports];
  if (violationImport !== undefined) allImports.splice(random.int(0, allImports.length), 0, violationImport);
  imports.push(...allImports);

  const c = { Name: file.Name, label: `${file.noun} ${file.kind.cls.toLowerCase()}` };
  const constName = `${screaming(file.Name)}_KEY`;
  const fields = random.sample(PROP_FIELDS, random.int(1, 4));

  const lines = [
    `/** ${file.Name}: the ${c.label} of the ${project.scope} ${project.layer === 'app' ? 'app' : `${project.layer} layer`}. */`,
  ];
  const violations = [];
  const written = [];
  for (const imp of imports) {
    const rendered = renderImport(imp);
    // the specifier is on the last line of the statement
    const line = lines.length + rendered.length;
    if (imp.violation !== undefined) violations.push({ kind: imp.violation, line, specifier: imp.spec });
    written.push({ from: file.rel, to: imp.target, line, specifier: imp.spec, kind: imp.typeOnly ? 'type' : 'static', seeded: imp.seeded === true });
    lines.push(...rendered);
  }
  lines.push(
    '',
    `export type ${file.Name}Status = 'draft' | 'active' | 'suspended' | 'closed';`,
    '',
    `export interface ${file.Name}Props {`,
    '  id: string;',
    '  createdAt: Date;',
    ...fields.map(([n, t]) => `  ${n}: ${t === 'STATUS' ? `${file.Name}Status` : t};`),
    '}',
    '',
    `export const ${constName} = '${project.scope}.${file.noun}.${file.kind.suffix}';`,
    '',
  );

  // the class
  if (file.kind.controller) lines.push(`@Controller('${file.noun}s')`);
  else if (usage.npm.has('Injectable')) lines.push('@Injectable()');
  lines.push(`export ${file.kind.abstract ? 'abstract ' : ''}class ${file.Name} {`);
  lines.push('  private readonly state = new Map<string, string>();');
  if (usage.npm.has('Logger')) lines.push(`  private readonly logger = new Logger(${file.Name}.name);`);
  if (usage.deps.length > 0) {
    lines.push('', '  constructor(');
    for (const dep of usage.deps) lines.push(`    private readonly ${camel(dep)}: ${dep},`);
    lines.push('  ) {}');
  }
  lines.push('', '  get key(): string {', `    return ${constName};`, '  }');
  if (file.kind.abstract) {
    lines.push(
      '',
      `  abstract findById(id: string): Promise<${file.Name}Props | undefined>;`,
      '',
      `  abstract save(entity: ${file.Name}Props): Promise<void>;`,
    );
  }
  lines.push(
    '',
    `  toProps(id: string): ${file.Name}Props {`,
    '    return {',
    '      id,',
    '      createdAt: new Date(),',
    ...fields.map(([n, , value]) => `      ${n}: ${value},`),
    '    };',
    '  }',
  );
  if (usage.deps.length > 0) {
    lines.push(
      '',
      '  describe(): string {',
      `    return [${usage.deps.map((d) => `this.${camel(d)}.constructor.name`).join(', ')}].join(', ');`,
      '  }',
    );
  }
  for (const props of usage.props) {
    lines.push('', `  from${props}(input: ${props}): string {`, '    return `${input.id}:${this.key}`;', '  }');
  }
  const reassigned = usage.functions.length + usage.consts.length > 0;
  lines.push('', '  normalize(value: string): string {', `    ${reassigned ? 'let' : 'const'} result = value.trim();`);
  for (const fn of usage.functions) lines.push(`    result = ${fn}(result);`);
  for (const k of usage.consts) {
    lines.push(`    if (result === ${k}) {`, '      result = result.toUpperCase();', '    }');
  }
  if (usage.npm.has('Logger')) lines.push(`    this.logger.log(\`normalized \${result}\`);`);
  lines.push('    return result;', '  }');
  if (usage.npm.has('rxjs')) {
    lines.push('', '  watch(): Observable<string> {', '    return of(...this.state.keys()).pipe(');
    if (wantOperators) lines.push('      filter((value) => value.length > 0),');
    lines.push('      map((value) => value.toUpperCase()),', '    );', '  }');
  }
  if (usage.npm.has('join')) {
    lines.push('', '  resolvePath(...segments: string[]): string {', `    return join('/var/data', ${constName}, ...segments);`, '  }');
  }
  if (usage.npm.has('randomUUID')) {
    lines.push('', '  nextId(): string {', '    return randomUUID();', '  }');
  }
  if (file.kind.controller) {
    lines.push(
      '',
      "  @Get(':id')",
      "  findOne(@Param('id') id: string): string {",
      `    return this.state.get(id) ?? ${constName};`,
      '  }',
      '',
      '  @Post()',
      '  create(@Body() body: Record<string, string>): string {',
      '    const id = body.id ?? String(this.state.size + 1);',
      '    this.state.set(id, JSON.stringify(body));',
      '    return id;',
      '  }',
    );
  }

  const tail = [
    '}',
    '',
    `export function to${file.Name}Key(value: string): string {`,
    `  return \`\${${constName}}:\${value.toLowerCase()}\`;`,
    '}',
    '',
  ];
  let size = lines.reduce((n, l) => n + l.length + 1, 0) + tail.reduce((n, l) => n + l.length + 1, 0);
  const usedMethodNouns = new Set();
  for (const filler of random.shuffle(FILLERS)) {
    if (size >= targetSize) break;
    let noun = pascal(random.pick(NOUNS));
    while (usedMethodNouns.has(noun)) noun = `${noun}2`;
    usedMethodNouns.add(noun);
    const block = ['', ...filler(noun, c, random)];
    size += block.reduce((n, l) => n + l.length + 1, 0);
    lines.push(...block);
  }
  lines.push(...tail);
  return { text: lines.join('\n'), violations, imports: written };
}

function importOf(spec, symbols, target) {
  const typeOnly = symbols.every((s) => s.kind === 'props');
  return { spec, names: symbols.map((s) => s.name), typeOnly, target };
}

/** The barrel's text and its re-exports (as imports, for the cycle oracle). */
function renderBarrel(file) {
  const lines = [
    `// Public entry of ${file.project.name}: everything another project may import from it.`,
    '',
  ];
  const written = [];
  for (const module of file.project.modules) {
    const specifier = relativeSpecifier(file.rel, module.rel);
    lines.push(`export * from '${specifier}';`);
    written.push({ from: file.rel, to: module.rel, line: lines.length, specifier, kind: 'export', seeded: false });
  }
  return { text: `${lines.join('\n')}\n`, imports: written };
}

/** The app's main.ts and its imports (for the cycle oracle). */
function renderMain(file, random) {
  const { project } = file;
  const modules = project.modules;
  const eager = random.sample(modules.slice(0, -1), Math.min(modules.length - 1, random.int(2, 5)));
  const lazy = modules[modules.length - 1];
  const lines = [
    `// Entry point of the ${project.name} app.`,
    "import 'reflect-metadata';",
    "import { NestFactory } from '@nestjs/core';",
    "import { Module } from '@nestjs/common';",
    ...eager.map((m) => `import { ${m.Name} } from '${relativeSpecifier(file.rel, m.rel)}';`),
    '',
    '@Module({',
    `  providers: [${eager.map((m) => m.Name).join(', ')}],`,
    '})',
    `export class ${project.prefix}AppModule {}`,
    '',
    'async function bootstrap(): Promise<void> {',
    `  const app = await NestFactory.create(${project.prefix}AppModule);`,
    `  const lazy = await import('${relativeSpecifier(file.rel, lazy.rel)}');`,
    `  console.log(\`loaded \${Object.keys(lazy).length} lazy exports\`);`,
    "  await app.listen(Number(process.env.PORT ?? '3000'));",
    '}',
    '',
    'void bootstrap();',
    '',
  ];
  const written = [
    { from: file.rel, to: undefined, line: 2, specifier: 'reflect-metadata', kind: 'side-effect', seeded: false },
    ...eager.map((m, i) => ({ from: file.rel, to: m.rel, line: 5 + i, specifier: relativeSpecifier(file.rel, m.rel), kind: 'static', seeded: false })),
    {
      from: file.rel, to: lazy.rel, line: lines.findIndex((l) => l.includes('await import(')) + 1,
      specifier: relativeSpecifier(file.rel, lazy.rel), kind: 'dynamic', seeded: false,
    },
  ];
  return { text: lines.join('\n'), imports: written };
}

/**
 * The cycles of the written imports, after checking them against the plan with the independent
 * oracle (bench/cycles.mjs): without the seeded imports there is no cycle at all, and with them
 * each file and project component is exactly one seeded cycle. A failure is a generator bug.
 */
function checkedCycles(plan, written, seededCycles) {
  const projectOfFile = new Map();
  for (const p of plan.projects) {
    for (const f of [...p.modules, p.barrel, p.main]) if (f !== undefined) projectOfFile.set(f.rel, p.name);
  }
  const projectOf = (rel) => projectOfFile.get(rel);
  const unseeded = findCycles(written.filter((e) => !e.seeded), projectOf);
  const stray = [...unseeded.fileComponents, ...unseeded.projectComponents];
  if (stray.length > 0) {
    throw new Error(`generator bug: the workspace has an unseeded import cycle (${stray.length} components), e.g. ${stray[0].join(', ')}`);
  }
  const cycles = findCycles(written, projectOf);
  const key = (list) => list.join(' ');
  const same = (found, planned) => key(found.map(key).sort()) === key(planned.map(key).sort());
  const plannedFiles = seededCycles.filter((c) => c.files.length > 0).map((c) => c.files);
  const plannedProjects = seededCycles.filter((c) => c.kind !== 'file-cycle').map((c) => c.projects);
  if (!same(cycles.fileComponents, plannedFiles) || !same(cycles.projectComponents, plannedProjects)) {
    throw new Error(`generator bug: the seeded cycles are not the cycles written (${cycles.fileComponents.length} file and ` +
      `${cycles.projectComponents.length} project components for ${seededCycles.length} seeded cycles)`);
  }
  return cycles;
}

// ---------------------------------------------------------------------------------------------
// Workspace-level files

function palisadeConfig(plan, outDir) {
  const schema = path.relative(outDir, path.join(REPO_ROOT, 'node_modules/palisade/schema.json')).split(path.sep).join('/');
  const sameScope = { scope: '{{from.scope}}' };
  const config = {
    $schema: schema,
    tsconfig: 'tsconfig.base.json',
    elements: [
      ...LAYERS.map((layer) => ({ type: layer, pattern: `libs/{scope}/${layer}/**` })),
      { type: 'app', pattern: 'apps/{app}/**' },
    ],
    rules: {
      dependencies: ['error', {
        default: 'disallow',
        rules: [
          ...LAYERS.map((layer) => ({
            from: layer,
            allow: { type: [layer, ...LOWER_LAYERS[layer]], captures: sameScope },
          })),
          { from: 'app', allow: 'api' },
        ],
      }],
      tags: ['error', {
        depConstraints: [
          ...plan.projects.filter((p) => p.layer === 'domain').map((p) => ({
            sourceTag: `scope:${p.scope}`,
            onlyDependOnLibsWithTags: [`scope:${p.scope}`],
          })),
          { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:api'] },
        ],
      }],
      'entry-point': 'error',
      external: ['error', {
        default: 'allow',
        rules: [{ from: 'domain', disallow: ['@nestjs/*'] }],
      }],
      'no-unresolved-local': 'error',
      'no-cycle': 'error',
    },
  };
  const text = compactJson(config);
  return `${text.slice(0, 1)}\n  // Generated by bench/generate.mjs: the layered policy of the benchmark workspace.${text.slice(1)}\n`;
}

function tsconfigBase(plan) {
  const paths = {};
  for (const p of plan.projects) {
    if (p.layer === 'app') continue;
    paths[p.alias] = [`./${p.root}/src/index.ts`];
  }
  for (const p of plan.projects) {
    if (p.layer === 'domain') paths[`@bench/${p.scope}/*`] = [`./libs/${p.scope}/*`];
  }
  return {
    compileOnSave: false,
    compilerOptions: {
      rootDir: '.',
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      lib: ['es2022'],
      strict: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      paths,
    },
    exclude: ['node_modules', 'tmp'],
  };
}

const ESLINT_CONFIG = `// Generated by bench/generate.mjs. \`npx eslint .\` here lints the workspace the way bench/eslint.mjs
// does in its "palisade" mode (typescript-eslint's recommended rules plus Palisade's).
import tseslint from 'typescript-eslint';
import palisade from 'palisade/eslint';

export default [
  { ignores: ['**/dist/**'] },
  ...tseslint.configs.recommended,
  palisade.configs.recommended,
];
`;

// ---------------------------------------------------------------------------------------------
// Entry

/**
 * Generates a workspace into `out` (replacing a previously generated one).
 * @returns {{ files: number, bytes: number, seconds: number, expected: number, shape: object }}
 */
export function generateWorkspace({ files, out, seed = 1, rate = 0.005, scopes, apps }) {
  const started = process.hrtime.bigint();
  if (!Number.isInteger(files) || files < 20) throw new Error('--files must be an integer ≥ 20');
  const outDir = path.resolve(out);

  const random = createRandom(seed);
  const plan = planWorkspace(files, random, { scopes, apps });
  planViolations(plan, files, random, rate);
  const seededCycles = planCycles(plan, files, random);

  /** @type {Map<string, string>} workspace-relative path → content */
  const output = new Map();
  const expected = [];
  /** @type {import('./cycles.mjs').WrittenImport[]} every import and re-export written */
  const allImports = [];
  let sourceBytes = 0;
  let sourceFiles = 0;
  const addSource = (rel, text) => {
    output.set(rel, text);
    sourceBytes += Buffer.byteLength(text);
    sourceFiles += 1;
  };

  for (const project of plan.projects) {
    for (const file of project.modules) {
      // sizes spread from ~1 KB to ~4 KB, averaging about 2.3 KB
      const target = 300 + Math.floor(random.next() * random.next() * 3400) + random.int(0, 900);
      const { text, violations, imports } = renderModule(file, plan, random, target);
      addSource(file.rel, text);
      allImports.push(...imports);
      for (const v of violations) {
        for (const rule of VIOLATION_KINDS[v.kind] ?? CYCLE_IMPORT_KINDS[v.kind]) {
          expected.push({ file: file.rel, line: v.line, rule, kind: v.kind, specifier: v.specifier });
        }
      }
    }
    for (const special of [project.barrel, project.main]) {
      if (special === undefined) continue;
      const { text, imports } = special.role === 'barrel' ? renderBarrel(special) : renderMain(special, random);
      addSource(special.rel, text);
      allImports.push(...imports);
    }

    const isApp = project.layer === 'app';
    output.set(`${project.root}/project.json`, json({
      name: project.name,
      $schema: `${path.posix.relative(project.root, '.')}/node_modules/nx/schemas/project-schema.json`,
      sourceRoot: `${project.root}/src`,
      projectType: isApp ? 'application' : 'library',
      tags: isApp ? ['type:app'] : [`scope:${project.scope}`, `type:${project.layer}`],
    }));
    output.set(`${project.root}/tsconfig.json`, json({
      extends: `${path.posix.relative(project.root, '.')}/tsconfig.base.json`,
      include: ['src/**/*.ts'],
    }));
  }

  const cycles = checkedCycles(plan, allImports, seededCycles);
  const cycleDiagnostics = expectedCycleDiagnostics(cycles);
  expected.push(...cycleDiagnostics);
  expected.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.rule, b.rule) || cmp(a.kind, b.kind));
  const violationCounts = {};
  for (const kind of Object.keys(VIOLATION_KINDS)) {
    violationCounts[kind] = new Set(expected.filter((e) => e.kind === kind).map((e) => e.file)).size;
  }

  output.set('palisade.json', palisadeConfig(plan, outDir));
  output.set('tsconfig.base.json', json(tsconfigBase(plan)));
  output.set('eslint.config.mjs', ESLINT_CONFIG);
  output.set('nx.json', json({ $schema: './node_modules/nx/schemas/nx-schema.json', defaultBase: 'main' }));
  output.set('package.json', json({
    name: '@bench/source', version: '0.0.0', private: true,
    dependencies: Object.fromEntries(Object.entries(NPM_STUBS).filter(([n]) => !n.startsWith('@types/')).map(([n, s]) => [n, s['package.json'].version])),
    devDependencies: { '@types/node': NPM_STUBS['@types/node']['package.json'].version },
  }));
  output.set('.gitignore', 'node_modules/\ndist/\n');
  for (const [pkg, stub] of Object.entries(NPM_STUBS)) {
    for (const [name, content] of Object.entries(stub)) {
      output.set(`node_modules/${pkg}/${name}`, typeof content === 'string' ? content : json(content));
    }
  }
  output.set('expected-violations.json', `${JSON.stringify(expected, null, 1)}\n`);
  const metadata = {
    generator: 'palisade-bench', version: GENERATOR_VERSION, seed, files, rate,
    scopes: plan.shape.scopes, apps: plan.shape.apps, projects: plan.projects.length,
    sourceFiles, sourceBytes, averageBytes: Math.round(sourceBytes / sourceFiles),
    violations: violationCounts,
    cycles: {
      file: seededCycles.filter((c) => c.kind === 'file-cycle').length,
      barrelProject: seededCycles.filter((c) => c.kind === 'barrel-project-cycle').length,
      project: seededCycles.filter((c) => c.kind === 'project-cycle').length,
      fileCycleDiagnostics: cycleDiagnostics.filter((e) => e.kind === 'file-cycle').length,
      projectCycleDiagnostics: cycleDiagnostics.filter((e) => e.kind === 'project-cycle').length,
    },
    expectedDiagnostics: expected.length,
    seededCycles,
  };
  output.set(METADATA_FILE, json(metadata));

  const rendered = process.hrtime.bigint();
  prepareOutDir(outDir);
  const cleaned = process.hrtime.bigint();
  writeAll(outDir, output);
  initGitRepository(outDir);
  const written = process.hrtime.bigint();
  const phases = {
    render: Number(rendered - started) / 1e9,
    clean: Number(cleaned - rendered) / 1e9,
    write: Number(written - cleaned) / 1e9,
  };
  return { ...metadata, seconds: Number(written - started) / 1e9, phases };
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** JSON indented by two, with any array or object that fits in 100 columns kept on one line. */
function compactJson(value, indent = '') {
  const flat = oneLineJson(value);
  if (value === null || typeof value !== 'object' || indent.length + flat.length <= 100) return flat;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((v) => `${inner}${compactJson(v, inner)}`)
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${items.join(',\n')}\n${indent}${close}`;
}

function oneLineJson(value) {
  if (Array.isArray(value)) return `[${value.map(oneLineJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${oneLineJson(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

function prepareOutDir(outDir) {
  if (!fs.existsSync(outDir)) return;
  const entries = fs.readdirSync(outDir);
  if (entries.length > 0 && !entries.includes(METADATA_FILE)) {
    throw new Error(`${outDir} exists and is not a generated workspace (no ${METADATA_FILE}); refusing to overwrite it`);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
}

/**
 * Makes the workspace its own git repository, as a real monorepo is. Tools that honour .gitignore
 * files up to the repository root (oxlint) would otherwise apply this repository's
 * `/bench/workspaces/` entry and find no file to check. Without git, the workspace stays as it is.
 */
function initGitRepository(outDir) {
  const git = spawnSync('git', ['-c', 'init.defaultBranch=main', 'init', '-q'], { cwd: outDir, encoding: 'utf8' });
  if (git.status !== 0) {
    process.stderr.write(`generate: git init failed in ${outDir} (${git.error?.message ?? git.stderr.trim()}); oxlint may find no file there\n`);
  }
}

function writeAll(outDir, output) {
  const made = new Set();
  for (const [rel, content] of output) {
    const file = path.join(outDir, rel);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.writeFileSync(file, content);
  }
}

function parseArgs(argv) {
  const args = { seed: 1, rate: 0.005 };
  readFlags(argv, (flag, take) => {
    switch (flag) {
      case '--files': args.files = parseSize(take()); break;
      case '--out': args.out = take(); break;
      case '--seed': args.seed = Number(take()); break;
      case '--rate': args.rate = Number(take()); break;
      case '--scopes': args.scopes = Number(take()); break;
      case '--apps': args.apps = Number(take()); break;
      case '-h': case '--help': args.help = true; break;
      default: throw new Error(`unknown argument ${flag}`);
    }
  });
  return args;
}

/** `1000`, `1k`, `10k`, `1m` → a number of files. */
export function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/iu.exec(String(text).trim());
  if (match === null) throw new Error(`not a size: ${text}`);
  const factor = { '': 1, k: 1000, m: 1000000 }[match[2].toLowerCase()];
  return Math.round(Number(match[1]) * factor);
}

const USAGE = `usage: node bench/generate.mjs --files <n|1k|10k> --out <dir> [--seed 1] [--rate 0.005] [--scopes n] [--apps n]`;

if (isEntryPoint(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help || args.files === undefined || args.out === undefined) {
      console.log(USAGE);
      process.exit(args.help ? 0 : 2);
    }
    const result = generateWorkspace(args);
    const kinds = Object.entries(result.violations).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(
      `generated ${result.sourceFiles} source files (${(result.sourceBytes / 1e6).toFixed(1)} MB, ` +
      `avg ${(result.averageBytes / 1024).toFixed(2)} KiB) in ${result.projects} projects ` +
      `(${result.scopes} scopes × ${LAYERS.length} layers + ${result.apps} apps) into ${args.out} ` +
      `in ${result.seconds.toFixed(2)} s (render ${result.phases.render.toFixed(2)} s, remove old ` +
      `${result.phases.clean.toFixed(2)} s, write ${result.phases.write.toFixed(2)} s)`,
    );
    console.log(`seeded violations: ${kinds}; seeded cycles: ${result.cycles.file} file, ${result.cycles.barrelProject} barrel-project, ` +
      `${result.cycles.project} project-only ` +
      `(${result.cycles.fileCycleDiagnostics} fileCycle + ${result.cycles.projectCycleDiagnostics} projectCycle diagnostics); ` +
      `${result.expectedDiagnostics} expected diagnostics`);
  } catch (error) {
    console.error(`generate: ${error.message}`);
    process.exit(2);
  }
}
