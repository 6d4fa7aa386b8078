// `palisade init --preset NAME`: a commented palisade.json for a common architecture, fitted to
// the workspace. The layered presets take as layers only folders that are laid out in layers: two
// layers side by side in a bounded context of a project that is not a front end; the apps are the
// projects Nx or package.json call applications; `{scope}` captures the bounded context. When no
// context is layered, the preset does not fit: a note says so and what was found, and the layer
// elements are written as examples that check nothing yet. `nx-scope-type` fits its constraints
// to the tags the projects carry. What the workspace does differently from what the preset
// expects is named in a note.

import { relative, sep } from 'node:path';
import { openWorkspace } from './engine.js';

/**
 * @typedef {{ id: string, root?: string, kind?: string, tags?: string[], files: number }} ProjectNode
 * @typedef {{ type: string, names: string[], weak: string[], doc: string }} Layer `names` are
 *   folder names that only a layer has; `weak` ones (`api/`, `interfaces/`) are common for other
 *   code too, so they are a layer only beside unambiguous ones
 */

const NESTJS_LAYERS = [
  { type: 'domain', names: ['domain'], weak: [], doc: 'Entities, value objects and repository ports: plain TypeScript only.' },
  { type: 'application', names: ['application', 'use-cases', 'usecases', 'app-services'], weak: [], doc: 'Use cases (@Injectable services) that orchestrate the domain through its ports.' },
  { type: 'infrastructure', names: ['infrastructure', 'infra', 'persistence'], weak: [], doc: 'Adapters: ORM entities and repositories implementing the domain\'s ports.' },
  { type: 'interface', names: ['interface', 'presentation', 'controllers'], weak: ['api', 'interfaces', 'http'], doc: 'The HTTP interface: controllers, DTOs and the context\'s Nest module.' },
];

const HEXAGONAL_LAYERS = [
  { type: 'domain', names: ['domain'], weak: ['model'], doc: 'The core: entities and domain services, no framework and no I/O.' },
  { type: 'ports', names: ['ports', 'port'], weak: [], doc: 'The interfaces the core offers (driving) and needs (driven).' },
  { type: 'application', names: ['application', 'use-cases', 'usecases'], weak: [], doc: 'Use cases implementing the driving ports with the domain.' },
  { type: 'adapters', names: ['adapters', 'adapter', 'infrastructure', 'infra', 'interface', 'controllers'], weak: ['api', 'http'], doc: 'Adapters: HTTP controllers, CLI, databases and clients, plugged into the ports.' },
];

/** Who may import whom, by layer type; `same` keeps an import inside one bounded context. */
const NESTJS_POLICY = [
  { from: 'interface', allow: ['application', 'domain'], why: 'Controllers call use cases and may use domain types of their own context.' },
  { from: 'infrastructure', allow: ['application', 'domain'], why: 'Adapters implement domain ports; they may use application types of their context.' },
  { from: 'application', allow: ['domain'], why: 'Use cases depend on their own domain only.' },
  { from: 'domain', allow: ['domain'], why: 'The domain depends on nothing but itself.' },
];

const HEXAGONAL_POLICY = [
  { from: 'adapters', allow: ['ports', 'application', 'domain'], why: 'Adapters plug into the ports; they may construct use cases and map domain types.' },
  { from: 'application', allow: ['ports', 'domain'], why: 'Use cases implement the driving ports and call the driven ones.' },
  { from: 'ports', allow: ['domain'], why: 'Ports speak in domain types.' },
  { from: 'domain', allow: ['domain'], why: 'The core depends on nothing but itself.' },
];

/** What the core may not import; the use cases of a hexagon may still use Nest's DI. */
const FRAMEWORKS = ['@nestjs/*', 'typeorm', '@prisma/client', 'mongoose', 'express', 'fastify', 'node:*'];
const IO_LIBRARIES = ['typeorm', '@prisma/client', 'mongoose', 'express', 'fastify', 'axios', 'node:*'];

/** Packages that make a project a back end (Nest first: a Nest app may render React e-mails). */
const NEST_PACKAGES = ['@nestjs/*'];
const SERVER_PACKAGES = ['express', 'fastify', 'koa', '@hapi/hapi', 'hono'];
/** Packages that make a project a front end, unless it uses Nest. */
const UI_PACKAGES = ['@angular/*', 'react', 'react-dom', 'react-native', 'vue', 'svelte', 'solid-js', 'preact', 'next', 'nuxt', 'lit', '@stencil/core', '@remix-run/*', 'expo'];

/** Folder names that hold code without naming a bounded context. */
const CONTAINER_FOLDERS = new Set(['src', 'lib', 'libs', 'app', 'apps', 'packages', 'modules', 'source', 'main']);

/** Nx's scope × type convention, plus the layered types of a NestJS back end. */
const TYPE_HIERARCHY = {
  app: ['feature', 'ui', 'data-access', 'util', 'api', 'application', 'infrastructure'],
  e2e: ['*'],
  feature: ['feature', 'ui', 'data-access', 'util'],
  ui: ['ui', 'util'],
  'data-access': ['data-access', 'util'],
  util: ['util'],
  api: ['application', 'domain', 'util'],
  infrastructure: ['application', 'domain', 'util'],
  application: ['domain', 'util'],
  domain: ['domain', 'util'],
};

export const PRESETS = ['nestjs-layered', 'hexagonal', 'nx-scope-type'];

// ─── What the presets read from the workspace ────────────────────────────────────────────────

/**
 * @typedef {object} Survey
 * @property {ProjectNode[]} projects as the engine discovers them (`kind`: app, lib or e2e)
 * @property {string[]} files workspace-relative source files
 * @property {Array<string | null>} owners the root of the project owning each of `files`
 * @property {Map<string, 'back end' | 'front end'>} ends the side of each project that imports a
 *   server or UI framework
 * @property {number} unresolved local imports that resolve to no file
 * @property {number} cycles imports that close an import cycle
 */

/**
 * Reads what the presets fit themselves to, in one run of the engine without palisade.json: the
 * projects and files, which npm frameworks each project imports (through `external`), and what
 * `no-unresolved-local` and `no-cycle` report today.
 * @param {string} root absolute
 * @returns {Survey}
 */
export function surveyWorkspace(root) {
  const probe = {
    external: ['error', { rules: [{ from: { project: '*' }, disallow: [...NEST_PACKAGES, ...SERVER_PACKAGES, ...UI_PACKAGES] }] }],
    'no-unresolved-local': 'error',
    'no-cycle': 'error',
  };
  const workspace = openWorkspace(root, undefined, { json: JSON.stringify(probe), origin: 'palisade init --preset' });
  // Freed after success only: after an engine failure, freeing would throw and hide it.
  const projects = workspace.architecture('project').nodes;
  const files = workspace.sourceFiles().map((file) => relative(root, file).split(sep).join('/'));
  const owners = workspace.sourceOwners();
  const { diagnostics } = workspace.checkAll();
  workspace.free();
  const projectOf = owner(projects, files, owners);
  const imported = new Map();
  let unresolved = 0;
  let cycles = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.rule === 'external') {
      const project = projectOf(diagnostic.file)?.id;
      if (project !== undefined) {
        imported.set(project, (imported.get(project) ?? new Set()).add(diagnostic.data.package));
      }
    } else if (diagnostic.rule === 'no-unresolved-local') {
      unresolved += 1;
    } else if (diagnostic.rule === 'no-cycle') {
      cycles += 1;
    }
  }
  const uses = (names, list) => [...names].some((name) => list.some((pattern) => (pattern.endsWith('/*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern)));
  const ends = new Map();
  for (const [project, names] of imported) {
    if (uses(names, NEST_PACKAGES)) {
      ends.set(project, 'back end');
    } else if (uses(names, UI_PACKAGES)) {
      ends.set(project, 'front end');
    } else if (uses(names, SERVER_PACKAGES)) {
      ends.set(project, 'back end');
    }
  }
  return { projects, files, owners, ends, unresolved, cycles };
}

/**
 * The project owning a workspace-relative source file, as the engine says (`sourceOwners`, in the
 * order of `files`).
 */
function owner(projects, files, owners) {
  const byRoot = new Map(projects.filter((project) => project.root !== undefined).map((project) => [project.root, project]));
  const ownerOf = new Map(files.map((file, index) => [file, owners[index]]));
  return (file) => byRoot.get(ownerOf.get(file) ?? undefined);
}

/** The text of a list, cut after `max` items. */
function listed(items, max = 5) {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/**
 * `entry-point`, and notes on what `no-unresolved-local` and `no-cycle` report in the workspace as
 * it is.
 * @param {Survey} survey
 * @param {string[]} notes
 * @returns {string[]} lines of palisade.json's `rules`
 */
function sharedRules(survey, notes) {
  const out = [
    '    // Other projects only through the entry they declare (package.json exports or main, or a',
    '    // plain tsconfig path); a project published by a wildcard path alias is open file by file.',
    '    "entry-point": "error",',
  ];
  if (survey.unresolved > 0) {
    notes.push(`${survey.unresolved} local import(s) resolve to no file today (no-unresolved-local, on as without a palisade.json)`);
  }
  if (survey.cycles > 0) {
    notes.push(`${survey.cycles} import(s) close an import cycle today (no-cycle, on as without a palisade.json); to adopt this policy before breaking them, record them with \`palisade check --update-baseline\``);
  }
  return out;
}

/**
 * The commented palisade.json text of preset `name` for a surveyed workspace.
 * @param {string} name
 * @param {Survey} survey
 * @returns {{ text: string, notes: string[] }}
 */
export function preset(name, survey) {
  if (name === 'nx-scope-type') {
    return scopeTypePreset(survey);
  }
  const layered = name === 'nestjs-layered';
  return layeredPreset({
    name,
    title: layered
      ? 'NestJS in layers: interface → application → domain, infrastructure → application/domain'
      : 'Hexagonal (ports and adapters): adapters → ports/application → domain',
    layers: layered ? NESTJS_LAYERS : HEXAGONAL_LAYERS,
    policy: layered ? NESTJS_POLICY : HEXAGONAL_POLICY,
    pure: layered ? ['domain'] : ['domain', 'ports'],
    noIo: ['application'],
    survey,
  });
}

// ─── Layered presets ─────────────────────────────────────────────────────────────────────────

/**
 * A folder named like a layer (the outermost such folder on a file's path).
 * @typedef {{ path: string, segments: string[], layer: Layer, name: string, strong: boolean,
 *   scope?: string, project?: string }} LayerFolder `scope` is set for a project named
 *   `<scope>-<layer>`
 */

function layeredPreset({ name, title, layers, policy, pure, noIo, survey }) {
  const notes = [];
  const { projects, files } = survey;
  const apps = projects.filter((project) => project.kind === 'app' && project.root);
  const appRoots = new Set(apps.map((project) => project.root));
  const { folders, frontEnd } = layerFolders(layers, survey);
  const { included, layeredContexts } = layeredFolders(folders, projects);
  const fits = layeredContexts.size > 0;
  const leftOut = describeLeftOut(folders.filter((folder) => !included.includes(folder)), frontEnd);

  const elements = [];
  const patternsOf = layerPatterns(included);
  if (fits) {
    for (const layer of layers) {
      const patterns = patternsOf.get(layer.type) ?? [];
      if (patterns.length === 0) {
        const looked = [...layer.names.map((folder) => `${folder}/`), ...layer.weak.map((folder) => `${folder}/ beside another layer`)].join(', ');
        notes.push(`no ${layer.type} folder found (looked for ${looked}, or a project named *-${layer.names[0]}); the preset has no ${layer.type} element`);
      }
      elements.push(...patterns.map((pattern) => ({ type: layer.type, pattern, doc: layer.doc })));
    }
    if (leftOut.length > 0) {
      notes.push(`not taken as layers: ${leftOut.join('; ')}`);
    }
  } else {
    const examples = layers.map((layer) => ({ type: layer.type, pattern: `libs/{scope}/${layer.names[0]}/**`, doc: `Example: ${layer.doc}` }));
    const matched = files.filter((file) => examples.some((example) => matchesPattern(example.pattern, file))).length;
    notes.push(`the ${name} preset does not fit this workspace: no project that is not a front end holds two of its layers side by side (such as libs/orders/domain/ and libs/orders/application/)`);
    notes.push(
      `${leftOut.length === 0 ? 'no layer folder was found' : `found only ${leftOut.join('; ')}`}: the elements below are examples to adapt; ${matched === 0 ? 'they match no file yet, so "dependencies" and "external" check nothing until code moves into such folders' : `they match ${matched} file(s), which "dependencies" and "external" check`}, while entry-point, no-unresolved-local and no-cycle apply now; no-unknown-files is left off`,
    );
    elements.push(...examples);
  }
  for (const pattern of appPatterns(apps, projects)) {
    elements.push({ type: 'app', pattern: `${pattern}/**`, doc: 'Deployable applications (Nx projectType or package.json): the composition roots.' });
  }
  for (const folder of sharedFolders(files, projects, appRoots, layeredContexts)) {
    elements.push({ type: 'shared', pattern: `${folder}/**`, doc: 'Code shared by every context.' });
  }
  const types = new Set(elements.map((element) => element.type));
  const scoped = elements.filter((element) => layers.some((layer) => layer.type === element.type));
  const sameScope = scoped.length > 0 && scoped.every((element) => element.pattern.includes('{scope}'));

  const out = [];
  out.push(`// Palisade policy: ${title}.`);
  out.push(fits
    ? '// Written by `palisade init` from the folders of this workspace; adjust it to your architecture.'
    : '// Written by `palisade init`: no layered back end was found, so the layers are examples to adapt.');
  out.push('{');
  out.push('  "$schema": "./node_modules/palisade/schema.json",');
  out.push('');
  const ignore = outsideTheCode(files);
  if (ignore.length > 0) {
    out.push('  // Config files at the root and workspace scripts are not application code.');
    out.push(`  "ignore": ${JSON.stringify(ignore)},`);
    out.push('');
  }
  out.push('  // Elements classify files by path; {name} captures one path segment, shown in messages.');
  out.push('  // A file belongs to the element whose folder is deepest.');
  out.push('  "elements": [');
  commented(out, '    ', elements.map((element) => ({ why: element.doc, value: { type: element.type, pattern: element.pattern } })));
  out.push('  ],');
  out.push('');
  out.push('  "rules": {');
  out.push('    // Layering: everything is forbidden unless a rule allows it; the last matching rule wins.');
  if (sameScope) {
    out.push('    // "{{from.scope}}" keeps each layer inside its own bounded context.');
  }
  out.push('    "dependencies": ["error", {');
  out.push('      "default": "disallow",');
  out.push('      "rules": [');
  const rules = [];
  if (types.has('app')) {
    const composed = [...types].filter((type) => !['app', 'shared', 'domain'].includes(type));
    rules.push({ why: 'Apps compose the contexts from their modules; domain types stay behind them.', rule: { from: 'app', allow: composed } });
  }
  for (const { from, allow, why } of policy) {
    const present = allow.filter((type) => types.has(type));
    if (!types.has(from) || present.length === 0) {
      continue;
    }
    const target = sameScope ? { type: present.length === 1 ? present[0] : present, captures: { scope: '{{from.scope}}' } } : present.length === 1 ? present[0] : present;
    rules.push({ why, rule: { from, allow: Array.isArray(target) ? target : [target] } });
  }
  if (types.has('shared')) {
    rules.push({ why: 'Shared code is open to every element.', rule: { from: '*', allow: ['shared'] } });
  }
  commented(out, '        ', rules.map(({ why, rule }) => ({ why, value: rule })));
  out.push('      ],');
  out.push('    }],');
  out.push('');
  out.push(...sharedRules(survey, notes));
  out.push('');
  const bans = [
    { types: pure.filter((type) => types.has(type)), disallow: FRAMEWORKS, why: 'no framework, no ORM, no Node APIs' },
    { types: noIo.filter((type) => types.has(type)), disallow: IO_LIBRARIES, why: 'no database, HTTP or Node APIs (those belong in adapters)' },
  ].filter((ban) => ban.types.length > 0);
  if (bans.length > 0) {
    out.push('    // Which npm packages and Node built-ins each layer may not use.');
    out.push('    "external": ["error", { "rules": [');
    commented(out, '      ', bans.map(({ types: banned, disallow, why }) => ({
      why: `${banned.join(', ')}: ${why}.`,
      value: { from: banned.length === 1 ? banned[0] : { type: banned }, disallow },
    })));
    out.push('    ] }],');
    out.push('');
  }
  if (fits) {
    out.push('    // Files outside every element escape the policy.');
    out.push('    "no-unknown-files": "warn",');
  } else {
    out.push('    // Turn on "no-unknown-files" once the layer elements cover the code: every file is outside them now.');
  }
  out.push('    "no-unresolved-local": "error",');
  out.push('    "no-cycle": "error",');
  out.push('  },');
  out.push('}');
  return { text: `${out.join('\n')}\n`, notes };
}

/**
 * Every folder named like a layer, the outermost on each file's path, outside apps' roots (an app
 * named `api` is no layer), end-to-end test projects and front ends; and those of front ends.
 * @param {Layer[]} layers
 * @param {Survey} survey
 * @returns {{ folders: LayerFolder[], frontEnd: LayerFolder[] }}
 */
function layerFolders(layers, { projects, files, owners, ends }) {
  const projectOf = owner(projects, files, owners);
  const roots = new Map(projects.filter((project) => project.root).map((project) => [project.root, project]));
  const folders = new Map();
  const frontEnd = new Map();
  for (const file of files) {
    const project = projectOf(file);
    if (project?.kind === 'e2e') {
      continue;
    }
    const segments = file.split('/').slice(0, -1);
    for (const [index, segment] of segments.entries()) {
      const path = segments.slice(0, index + 1).join('/');
      const root = roots.get(path);
      if (root?.kind === 'app') {
        continue;
      }
      const match = layerNamed(layers, segment, root !== undefined);
      if (match !== undefined) {
        const found = ends.get(project?.id) === 'front end' ? frontEnd : folders;
        if (!found.has(path)) {
          found.set(path, { path, segments: segments.slice(0, index + 1), ...match, project: project?.id });
        }
        break;
      }
    }
  }
  return { folders: [...folders.values()], frontEnd: [...frontEnd.values()] };
}

/** The layer a folder named `segment` holds; a project's root may also be `<scope>-<layer>`. */
function layerNamed(layers, segment, isProjectRoot) {
  for (const layer of layers) {
    if (layer.names.includes(segment) || layer.weak.includes(segment)) {
      return { layer, name: segment, strong: layer.names.includes(segment) };
    }
  }
  if (isProjectRoot) {
    for (const layer of layers) {
      const name = [...layer.names, ...layer.weak].find((folder) => segment.endsWith(`-${folder}`));
      if (name !== undefined) {
        return { layer, name, strong: layer.names.includes(name), scope: segment.slice(0, -name.length - 1) };
      }
    }
  }
  return undefined;
}

/** The bounded context of a layer folder: its parent, or `<parent>/<scope>-*` for `<scope>-<layer>`. */
function contextOf(folder) {
  const parent = folder.segments.slice(0, -1).join('/');
  return folder.scope === undefined ? parent : `${parent}/${folder.scope}-*`;
}

/**
 * The layer folders laid out in layers: all those of a context holding two layers under
 * unambiguous names (its `api/` then joins them); those of a context next to such a context
 * (another bounded context, with one layer so far) that has one under an unambiguous name; and
 * projects named for their layer, once the workspace is layered somewhere.
 * @param {LayerFolder[]} folders
 * @param {ProjectNode[]} projects
 */
function layeredFolders(folders, projects) {
  const layersOf = new Map();
  for (const folder of folders.filter((candidate) => candidate.strong)) {
    const context = contextOf(folder);
    layersOf.set(context, (layersOf.get(context) ?? new Set()).add(folder.layer.type));
  }
  const layeredContexts = new Set([...layersOf].filter(([, types]) => types.size >= 2).map(([context]) => context));
  if (layeredContexts.size === 0) {
    return { included: [], layeredContexts };
  }
  const parentOf = (path) => path.split('/').slice(0, -1).join('/');
  const neighbourhoods = new Set([...layeredContexts].filter((context) => !context.endsWith('-*')).map(parentOf));
  const neighbour = (context) => !context.endsWith('-*') && neighbourhoods.has(parentOf(context)) && layersOf.has(context);
  const projectRoots = new Set(projects.map((project) => project.root));
  const included = folders.filter((folder) => {
    const context = contextOf(folder);
    return layeredContexts.has(context) || neighbour(context) || (folder.strong && projectRoots.has(folder.path));
  });
  return { included, layeredContexts };
}

/**
 * Element patterns per layer type. The bounded context is the parent folder (or the nearest one
 * above it that is not a container such as `src/`); it becomes `{scope}` where several contexts
 * sit side by side: `libs/orders/domain` and `libs/billing/application` give
 * `libs/{scope}/domain/**` and `libs/{scope}/application/**`.
 * @param {LayerFolder[]} folders
 * @returns {Map<string, string[]>}
 */
function layerPatterns(folders) {
  const placed = folders.map((folder) => {
    const context = folder.segments.slice(0, -1);
    let index = context.length - 1;
    while (index >= 0 && CONTAINER_FOLDERS.has(context[index])) {
      index -= 1;
    }
    const key = context.map((segment, at) => (at === index ? '*' : segment)).join('/');
    return { folder, context, index, key };
  });
  const contexts = new Map();
  for (const { folder, context, index, key } of placed) {
    if (folder.scope === undefined && index >= 0) {
      contexts.set(key, (contexts.get(key) ?? new Set()).add(context[index]));
    }
  }
  const patterns = new Map();
  for (const { folder, context, index, key } of placed) {
    let pattern;
    if (folder.scope !== undefined) {
      pattern = [...context, `{scope}-${folder.name}`].join('/');
    } else if (index >= 0 && contexts.get(key).size >= 2) {
      pattern = [...context.map((segment, at) => (at === index ? '{scope}' : segment)), folder.name].join('/');
    } else {
      pattern = folder.path;
    }
    patterns.set(folder.layer.type, (patterns.get(folder.layer.type) ?? new Set()).add(`${pattern}/**`));
  }
  return new Map([...patterns].map(([type, set]) => [type, [...set].sort()]));
}

/** What was named like a layer but is not taken as one, by folder name, for a note. */
function describeLeftOut(alone, frontEnd) {
  const describe = (folders, why) => {
    const byName = new Map();
    for (const folder of folders) {
      byName.set(folder.name, [...(byName.get(folder.name) ?? []), folder]);
    }
    return [...byName].sort(([a], [b]) => a.localeCompare(b)).map(([name, list]) => {
      const where = why === 'front end'
        ? `in front-end projects (${listed([...new Set(list.map((folder) => folder.project))].sort())})`
        : `with no other layer beside ${list.length === 1 ? 'it' : 'them'} (${listed(list.map((folder) => folder.path).sort(), 2)})`;
      return `${name}/ ×${list.length} ${where}`;
    });
  };
  return [...describe(alone, 'alone'), ...describe(frontEnd, 'front end')];
}

/**
 * Whether a generated element pattern (literal segments, `{x}`, `{x}-name`, a trailing `**`)
 * covers a workspace-relative file.
 */
function matchesPattern(pattern, file) {
  const wanted = pattern.split('/').slice(0, -1);
  const segments = file.split('/').slice(0, -1);
  return wanted.length <= segments.length && wanted.every((segment, index) => {
    const capture = /^\{\w+\}(.*)$/u.exec(segment);
    return capture === null ? segment === segments[index] : segments[index].endsWith(capture[1]) && segments[index].length > capture[1].length;
  });
}

/**
 * Patterns of the apps' roots: `apps/{app}` where every project in `apps/` is an app, else each
 * root as it is, so that a library is never classified as an app.
 * @param {ProjectNode[]} apps
 * @param {ProjectNode[]} projects
 * @returns {string[]}
 */
function appPatterns(apps, projects) {
  const parentOf = (root) => root.split('/').slice(0, -1).join('/');
  const byParent = new Map();
  for (const app of apps) {
    byParent.set(parentOf(app.root), [...(byParent.get(parentOf(app.root)) ?? []), app.root]);
  }
  const patterns = [];
  for (const [parent, roots] of byParent) {
    const onlyApps = projects.every((project) => !project.root || project.kind === 'app' || parentOf(project.root) !== parent);
    if (parent !== '' && roots.length >= 2 && onlyApps) {
      patterns.push(`${parent}/{app}`);
    } else {
      patterns.push(...roots);
    }
  }
  return [...new Set(patterns)].sort();
}

/** Source files at the root (config files) and the `tools`/`scripts` folders. */
function outsideTheCode(files) {
  const ignore = new Set();
  for (const file of files) {
    const [top, ...rest] = file.split('/');
    if (rest.length === 0) {
      ignore.add(top);
    } else if (top === 'tools' || top === 'scripts') {
      ignore.add(`${top}/**`);
    }
  }
  return [...ignore].sort();
}

/**
 * Folders named `shared` or `common` (outermost) that every element may use: those holding whole
 * projects (`libs/shared/util`, a library named `common`) outside apps, and those beside the
 * bounded contexts of a layered app (`apps/shop/src/shared`). A `shared/` folder deep inside a
 * project belongs to that project.
 */
function sharedFolders(files, projects, appRoots, layeredContexts) {
  const parentOf = (path) => path.split('/').slice(0, -1).join('/');
  const neighbourhoods = new Set([...layeredContexts].filter((context) => !context.endsWith('-*')).map(parentOf));
  const inApp = (folder) => [...appRoots].some((root) => folder === root || folder.startsWith(`${root}/`));
  const folders = new Set();
  for (const file of files) {
    const segments = file.split('/').slice(0, -1);
    const index = segments.findIndex((segment) => segment === 'shared' || segment === 'common');
    if (index < 0) {
      continue;
    }
    const folder = segments.slice(0, index + 1).join('/');
    const holdsProjects = !inApp(folder) && projects.some((project) => project.root === folder || project.root?.startsWith(`${folder}/`));
    if (holdsProjects || neighbourhoods.has(parentOf(folder))) {
      folders.add(folder);
    }
  }
  return [...folders].sort();
}

// ─── Nx scope × type ─────────────────────────────────────────────────────────────────────────

function scopeTypePreset(survey) {
  const { projects } = survey;
  const notes = [];
  const tagsOf = (prefix) => [...new Set(projects.flatMap((project) => (project.tags ?? []).filter((tag) => tag.startsWith(prefix))))].sort();
  const scopes = tagsOf('scope:');
  const types = tagsOf('type:');
  const untagged = projects.filter((project) => !(project.tags ?? []).some((tag) => tag.startsWith('scope:') || tag.startsWith('type:')));
  if (untagged.length > 0) {
    notes.push(`${untagged.length} project(s) have no scope: or type: tag (${listed(untagged.map((project) => project.id), 6)}); add tags in their project.json (e.g. "tags": ["scope:orders", "type:feature"]) or package.json (nx.tags); until then the "*" constraint lets them depend on any project`);
  }
  const appOnlyScopes = scopes.filter((scope) => projects.filter((project) => project.tags?.includes(scope)).every((project) => project.kind === 'app'));
  const constraints = [];
  for (const scope of scopes) {
    if (scope === 'scope:shared') {
      constraints.push({ why: 'Shared code depends on shared code only.', constraint: { sourceTag: scope, onlyDependOnLibsWithTags: [scope] } });
    } else if (appOnlyScopes.includes(scope)) {
      constraints.push({ why: `${scope} holds only applications, which compose every scope.`, constraint: { sourceTag: scope, onlyDependOnLibsWithTags: ['*'] } });
    } else {
      const allowed = scopes.includes('scope:shared') ? [scope, 'scope:shared'] : [scope];
      constraints.push({ why: `${scope} stays inside its scope${allowed.length > 1 ? ' (and shared)' : ''}.`, constraint: { sourceTag: scope, onlyDependOnLibsWithTags: allowed } });
    }
  }
  for (const type of types) {
    const name = type.slice('type:'.length);
    const allowed = TYPE_HIERARCHY[name];
    if (allowed === undefined) {
      notes.push(`${type} is not a type the preset knows (${Object.keys(TYPE_HIERARCHY).join(', ')}); its constraint allows every type until you narrow it`);
      constraints.push({ why: `${type}: decide which types it may use.`, constraint: { sourceTag: type, onlyDependOnLibsWithTags: ['*'] } });
      continue;
    }
    const present = allowed.includes('*') ? ['*'] : allowed.filter((other) => types.includes(`type:${other}`)).map((other) => `type:${other}`);
    constraints.push({ why: `${type} may use ${present.length > 0 ? present.join(', ') : 'no other type'}.`, constraint: { sourceTag: type, onlyDependOnLibsWithTags: present } });
  }
  if (constraints.length === 0) {
    notes.push('no project has scope: or type: tags, so the constraints below are examples to adapt');
    constraints.push(
      { why: 'Example: a scope stays inside itself and shared.', constraint: { sourceTag: 'scope:orders', onlyDependOnLibsWithTags: ['scope:orders', 'scope:shared'] } },
      { why: 'Example: a feature uses ui, data-access and util libraries.', constraint: { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:ui', 'type:data-access', 'type:util'] } },
    );
  }
  if (untagged.length > 0) {
    // As in Nx, a project no constraint matches may depend on nothing: every import of one would fail.
    constraints.push({ why: 'Projects without a scope: or type: tag may depend on any project until they are tagged (remove this then).', constraint: { sourceTag: '*', onlyDependOnLibsWithTags: ['*'] } });
  }
  const out = [];
  out.push('// Palisade policy: Nx scope × type tags, as @nx/enforce-module-boundaries would check them.');
  out.push('// Written by `palisade init` from the tags of this workspace\'s projects; adjust it to your architecture.');
  out.push('{');
  out.push('  "$schema": "./node_modules/palisade/schema.json",');
  out.push('  "rules": {');
  out.push('    // One diagnostic per import, for the first constraint that fails: scopes, then types.');
  out.push('    "tags": ["error", {');
  out.push('      "depConstraints": [');
  commented(out, '        ', constraints.map(({ why, constraint }) => ({ why, value: constraint })));
  out.push('      ],');
  out.push('    }],');
  out.push('');
  out.push(...sharedRules(survey, notes));
  out.push('    "no-unresolved-local": "error",');
  out.push('    "no-cycle": "error",');
  out.push('  },');
  out.push('}');
  return { text: `${out.join('\n')}\n`, notes };
}

/** Appends list items, each on one line after its comment, commas between them. */
function commented(out, indent, items) {
  items.forEach(({ why, value }, index) => {
    out.push(`${indent}// ${why}`);
    out.push(`${indent}${JSON.stringify(value)}${index < items.length - 1 ? ',' : ''}`);
  });
}
