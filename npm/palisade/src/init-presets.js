// `palisade init --preset NAME`: a commented palisade.json for a common architecture, fitted to
// the workspace: its elements are the layer folders and apps found on disk (with `{scope}`
// captured where a layer repeats per bounded context), its tag constraints the tags its projects
// carry. What the preset expects but does not find is named in a note.

/**
 * @typedef {{ id: string, root?: string, kind?: string, tags?: string[], files: number }} ProjectNode
 * @typedef {{ type: string, aliases: string[], doc: string }} Layer
 */

const NESTJS_LAYERS = [
  { type: 'domain', aliases: ['domain'], doc: 'Entities, value objects and repository ports: plain TypeScript only.' },
  { type: 'application', aliases: ['application', 'use-cases', 'usecases', 'app-services'], doc: 'Use cases (@Injectable services) that orchestrate the domain through its ports.' },
  { type: 'infrastructure', aliases: ['infrastructure', 'infra', 'persistence'], doc: 'Adapters: ORM entities and repositories implementing the domain\'s ports.' },
  { type: 'interface', aliases: ['api', 'interface', 'interfaces', 'presentation', 'controllers', 'http'], doc: 'The HTTP interface: controllers, DTOs and the context\'s Nest module.' },
];

const HEXAGONAL_LAYERS = [
  { type: 'domain', aliases: ['domain', 'model'], doc: 'The core: entities and domain services, no framework and no I/O.' },
  { type: 'ports', aliases: ['ports', 'port'], doc: 'The interfaces the core offers (driving) and needs (driven).' },
  { type: 'application', aliases: ['application', 'use-cases', 'usecases'], doc: 'Use cases implementing the driving ports with the domain.' },
  { type: 'adapters', aliases: ['adapters', 'adapter', 'infrastructure', 'infra', 'api', 'interface', 'controllers', 'http'], doc: 'Adapters: HTTP controllers, CLI, databases and clients, plugged into the ports.' },
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

/**
 * The commented palisade.json text of preset `name` for a workspace with these projects and
 * source files (workspace-relative).
 * @param {string} name
 * @param {ProjectNode[]} projects
 * @param {string[]} files
 * @returns {{ text: string, notes: string[] }}
 */
export function preset(name, projects, files) {
  if (name === 'nx-scope-type') {
    return scopeTypePreset(projects);
  }
  const layered = name === 'nestjs-layered';
  return layeredPreset({
    title: layered
      ? 'NestJS in layers: interface → application → domain, infrastructure → application/domain'
      : 'Hexagonal (ports and adapters): adapters → ports/application → domain',
    layers: layered ? NESTJS_LAYERS : HEXAGONAL_LAYERS,
    policy: layered ? NESTJS_POLICY : HEXAGONAL_POLICY,
    pure: layered ? ['domain'] : ['domain', 'ports'],
    noIo: layered ? ['application'] : ['application'],
    projects,
    files,
  });
}

// ─── Layered presets ─────────────────────────────────────────────────────────────────────────

function layeredPreset({ title, layers, policy, pure, noIo, projects, files }) {
  const notes = [];
  const apps = projects.filter((project) => project.kind === 'app' && project.root);
  const appRoots = new Set(apps.map((project) => project.root));
  const elements = [];
  const found = layers.map((layer) => layerFolders(layer, files, appRoots));
  const patternsOf = generaliseLayers(found);
  for (const [index, layer] of layers.entries()) {
    const patterns = patternsOf[index];
    if (patterns.length === 0) {
      notes.push(`no ${layer.type} folder found (looked for ${layer.aliases.map((alias) => `${alias}/ or *-${alias}/`).join(', ')}); the preset has no ${layer.type} element`);
    }
    for (const pattern of patterns) {
      elements.push({ type: layer.type, pattern, doc: layer.doc });
    }
  }
  if (elements.length === 0) {
    notes.push('no layer folder was found: the elements below are examples to adapt');
    elements.push(...layers.map((layer) => ({ type: layer.type, pattern: `libs/{scope}/${layer.aliases[0]}/**`, doc: layer.doc })));
  }
  for (const pattern of appPatterns(apps.map((project) => project.root.split('/')))) {
    elements.push({ type: 'app', pattern: `${pattern}/**`, doc: 'Deployable applications: the composition roots.' });
  }
  const shared = sharedFolders(files);
  for (const folder of shared) {
    elements.push({ type: 'shared', pattern: `${folder}/**`, doc: 'Framework-free code shared by every context.' });
  }
  const types = new Set(elements.map((element) => element.type));
  const scoped = elements.filter((element) => layers.some((layer) => layer.type === element.type));
  const sameScope = scoped.length > 0 && scoped.every((element) => element.pattern.includes('{scope}'));

  const out = [];
  out.push(`// Palisade policy: ${title}.`);
  out.push('// Written by `palisade init` from the folders of this workspace; adjust it to your architecture.');
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
  out.push('    // Other projects only through their public entry (package.json exports or src/index.ts).');
  out.push('    "entry-point": "error",');
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
  out.push('    // Files outside every element escape the policy.');
  out.push('    "no-unknown-files": "warn",');
  out.push('    "no-unresolved-local": "error",');
  out.push('    "no-cycle": "error",');
  out.push('  },');
  out.push('}');
  return { text: `${out.join('\n')}\n`, notes };
}

/**
 * The folders of one layer: every folder named like the layer (`domain`, `orders-domain`, the
 * latter as `{scope}-domain`) that is not an app's root, as segment lists.
 */
function layerFolders(layer, files, appRoots) {
  const prefixes = new Map();
  for (const file of files) {
    const segments = file.split('/').slice(0, -1);
    for (const [index, segment] of segments.entries()) {
      const alias = layer.aliases.find((name) => segment === name || segment.endsWith(`-${name}`));
      if (alias === undefined) {
        continue;
      }
      const prefix = segments.slice(0, index + 1);
      if (!appRoots.has(prefix.join('/'))) {
        // `orders-domain` becomes `{scope}-domain`: the scope is in the folder's name.
        const last = segment === alias ? segment : `{scope}-${alias}`;
        prefixes.set([...prefix.slice(0, -1), last].join('/'), [...prefix.slice(0, -1), last]);
      }
      break;
    }
  }
  return [...prefixes.values()];
}

/**
 * Element patterns for each layer's folders: a segment of the parent folders that differs
 * between any two layer folders of the same depth becomes `{scope}` (then `{scope2}`…), in every
 * layer alike, so that `libs/orders/domain` and `libs/billing/application` give
 * `libs/{scope}/domain/**` and `libs/{scope}/application/**`.
 * @param {string[][][]} folders per layer
 * @returns {string[][]} per layer
 */
function generaliseLayers(folders) {
  const varying = new Map();
  const parents = folders.flat().map((folder) => folder.slice(0, -1));
  for (const parent of parents) {
    const first = parents.find((other) => other.length === parent.length);
    const positions = varying.get(parent.length) ?? new Set();
    parent.forEach((segment, index) => {
      if (segment !== first[index]) {
        positions.add(index);
      }
    });
    varying.set(parent.length, positions);
  }
  return folders.map((layerFolders) => {
    const patterns = layerFolders.map((folder) => {
      const positions = [...(varying.get(folder.length - 1) ?? [])].sort((a, b) => a - b);
      const hasScope = folder.at(-1).startsWith('{scope}');
      const parent = folder.slice(0, -1).map((segment, index) => {
        const rank = positions.indexOf(index);
        if (rank < 0) {
          return segment;
        }
        const number = rank + (hasScope ? 1 : 0);
        return number === 0 ? '{scope}' : `{scope${number + 1}}`;
      });
      return `${[...parent, folder.at(-1)].join('/')}/**`;
    });
    return [...new Set(patterns)].sort();
  });
}

/**
 * Generalises app folders of the same depth: a segment that differs between them becomes
 * `{app}` (then `{app2}`…).
 * @param {string[][]} paths
 * @returns {string[]}
 */
function appPatterns(paths) {
  const byDepth = new Map();
  for (const path of paths) {
    byDepth.set(path.length, [...(byDepth.get(path.length) ?? []), path]);
  }
  const patterns = [];
  for (const group of byDepth.values()) {
    let captures = 0;
    const pattern = group[0].map((segment, index) => {
      if (group.every((path) => path[index] === segment)) {
        return segment;
      }
      captures += 1;
      return captures === 1 ? '{app}' : `{app${captures}}`;
    });
    patterns.push(pattern.join('/'));
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

/** Folders named `shared` or `common` (outermost), which every element may use. */
function sharedFolders(files) {
  const folders = new Set();
  for (const file of files) {
    const segments = file.split('/').slice(0, -1);
    const index = segments.findIndex((segment) => segment === 'shared' || segment === 'common');
    if (index >= 0) {
      folders.add(segments.slice(0, index + 1).join('/'));
    }
  }
  return [...folders].sort();
}

// ─── Nx scope × type ─────────────────────────────────────────────────────────────────────────

function scopeTypePreset(projects) {
  const notes = [];
  const tagsOf = (prefix) => [...new Set(projects.flatMap((project) => (project.tags ?? []).filter((tag) => tag.startsWith(prefix))))].sort();
  const scopes = tagsOf('scope:');
  const types = tagsOf('type:');
  const untagged = projects.filter((project) => !(project.tags ?? []).some((tag) => tag.startsWith('scope:') || tag.startsWith('type:')));
  if (untagged.length > 0) {
    notes.push(`${untagged.length} project(s) have no scope: or type: tag (${untagged.map((project) => project.id).join(', ')}); add tags in their project.json (e.g. "tags": ["scope:orders", "type:feature"]) or package.json (nx.tags)`);
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
  out.push('    // Other projects only through their public entry; deep alias imports included.');
  out.push('    "entry-point": "error",');
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
