// `palisade init --from-boundaries`: translates eslint-plugin-boundaries (v5 to v7) settings and
// rules into palisade.json. Element descriptors become element patterns (boundaries matches a
// pattern against the end of a path, Palisade against the whole workspace-relative path, so the
// pattern gains a leading `**/`); `element-types` / `dependencies` become `dependencies`,
// `entry-point` becomes entry-point's `elements` policy, `external` becomes `external`. Legacy
// selectors (`"type"`, `["type", { captured }]`), object selectors (`{ type, captured }`, v7's
// `{ element: … }`) and both template syntaxes (`${from.x}`, `{{ from.captured.x }}`) are read.
// Whatever has no equivalent is named in a note, never dropped silently.

const PREFIX = 'boundaries/';
const DEPENDENCY_RULES = ['dependencies', 'element-types'];
const TRANSLATED_RULES = [...DEPENDENCY_RULES, 'entry-point', 'external', 'no-unknown-files'];
const UNSUPPORTED_RULES = {
  'no-unknown': 'imports of local files outside every element are not reported',
  'no-unknown-dependencies': 'imports of local files outside every element are not reported',
  'no-private': 'there is no rule for private child elements; an entry-point `elements` policy can expose only an element\'s entry files',
  'no-ignored': 'imports of ignored files are not reported',
  'no-ignored-dependencies': 'imports of ignored files are not reported',
};
/** Settings that change nothing Palisade does. */
const HARMLESS_SETTINGS = ['cache', 'debug', 'check-config', 'legacy-templates', 'legacy-warnings'];
const SEVERITIES = { 0: 'off', 1: 'warn', 2: 'error', off: 'off', warn: 'warn', error: 'error' };
/** Micromatch syntax Palisade's globs do not spell the same way. */
const FOREIGN_GLOB = /[[\]()|]|^!/u;

/**
 * The palisade.json equivalent of eslint-plugin-boundaries' settings and rules.
 * @param {{ where: string, files?: unknown, settings?: object, rules?: object }[]} blocks the ESLint
 *   config blocks, in the order ESLint applies them
 * @returns {{ config: object, notes: string[] } | undefined} undefined when no boundaries rule is set
 */
export function fromBoundaries(blocks) {
  const notes = [];
  const settings = {};
  for (const block of blocks) {
    for (const [key, value] of Object.entries(block.settings ?? {})) {
      if (key.startsWith(PREFIX)) {
        settings[key.slice(PREFIX.length)] = value;
      }
    }
  }
  const rules = lastSettings(blocks, notes);
  if (Object.keys(rules).length === 0) {
    return undefined;
  }
  const config = { $schema: './node_modules/palisade/schema.json' };
  const ignore = translateIgnore(settings, notes);
  if (ignore.length > 0) {
    config.ignore = ignore;
  }
  config.elements = translateElements(settings.elements, notes);
  config.rules = {};

  const dependencyRule = DEPENDENCY_RULES.find((name) => rules[name] !== undefined);
  if (DEPENDENCY_RULES.every((name) => rules[name] !== undefined && rules[name].severity !== 'off')) {
    notes.push('both boundaries/dependencies and boundaries/element-types are on; Palisade has one `dependencies` policy, so it takes boundaries/dependencies');
  }
  if (dependencyRule !== undefined) {
    const { severity, options } = rules[dependencyRule];
    config.rules.dependencies = [severity, translatePolicies(options, `boundaries/${dependencyRule}`, notes)];
  }
  if (rules['entry-point'] !== undefined) {
    const { severity, options } = rules['entry-point'];
    config.rules['entry-point'] = [severity, { elements: translateEntryPoints(options, notes) }];
    notes.push('Palisade\'s entry-point also makes other projects (package.json workspaces, Nx projects) importable only through their public entry; in a workspace of one package this changes nothing');
  }
  if (rules.external !== undefined) {
    const { severity, options } = rules.external;
    config.rules.external = [severity, translateExternal(options, notes)];
  }
  if (rules['no-unknown-files'] !== undefined) {
    config.rules['no-unknown-files'] = rules['no-unknown-files'].severity;
  }
  for (const [name, reason] of Object.entries(UNSUPPORTED_RULES)) {
    if (rules[name] !== undefined && rules[name].severity !== 'off') {
      notes.push(`boundaries/${name} is not carried over: ${reason}`);
    }
  }
  for (const name of Object.keys(rules)) {
    if (!TRANSLATED_RULES.includes(name) && !Object.hasOwn(UNSUPPORTED_RULES, name)) {
      notes.push(`boundaries/${name} is not a rule Palisade knows; it is not carried over`);
    }
  }
  translateOtherSettings(settings, notes);
  return { config, notes };
}

/** The last setting of each `boundaries/*` rule, with a note when one is set in several places. */
function lastSettings(blocks, notes) {
  const places = {};
  for (const block of blocks) {
    for (const [key, setting] of Object.entries(block.rules ?? {})) {
      if (key.startsWith(PREFIX)) {
        (places[key.slice(PREFIX.length)] ??= []).push({ where: block.where, setting });
      }
    }
  }
  const rules = {};
  for (const [name, sites] of Object.entries(places)) {
    const last = sites.at(-1);
    const [level, options = {}] = Array.isArray(last.setting) ? last.setting : [last.setting];
    const severity = SEVERITIES[level];
    if (severity === undefined) {
      notes.push(`${last.where}: boundaries/${name} has severity ${JSON.stringify(level)}, not off, warn or error; it is not carried over`);
      continue;
    }
    if (sites.length > 1) {
      notes.push(`boundaries/${name} is set in ${sites.length} places (${sites.map((site) => site.where).join(', ')}); palisade.json takes the last one (${last.where})`);
    }
    rules[name] = { severity, options };
  }
  return rules;
}

function translateIgnore(settings, notes) {
  const ignore = [];
  for (const pattern of list(settings.ignore)) {
    if (typeof pattern === 'string' && !FOREIGN_GLOB.test(pattern)) {
      ignore.push(pattern);
    } else {
      notes.push(`boundaries/ignore ${JSON.stringify(pattern)} uses glob syntax Palisade does not read; it is not carried over`);
    }
  }
  if (settings.include !== undefined) {
    notes.push('boundaries/include is not carried over: Palisade checks every source file that is not ignored; list what to leave out in "ignore"');
  }
  return ignore;
}

function translateOtherSettings(settings, notes) {
  if (settings['root-path'] !== undefined) {
    notes.push(`boundaries/root-path ${JSON.stringify(settings['root-path'])}: Palisade's patterns are relative to the folder of palisade.json; check that it is that folder`);
  }
  for (const name of ['dependency-nodes', 'additional-dependency-nodes']) {
    if (settings[name] !== undefined) {
      notes.push(`boundaries/${name} is not carried over: Palisade checks every kind of import (import, export … from, import(), require)`);
    }
  }
  if (settings['elements-single-type'] === false) {
    notes.push('boundaries/elements-single-type false is not carried over: a Palisade file has one element, the first listed among those with the deepest folder');
  }
  for (const name of ['files', 'flag-as-external']) {
    if (settings[name] !== undefined) {
      notes.push(`boundaries/${name} is not carried over: Palisade has no equivalent`);
    }
  }
  const known = ['elements', 'ignore', 'include', 'root-path', 'dependency-nodes', 'additional-dependency-nodes', 'elements-single-type', 'files', 'flag-as-external', ...HARMLESS_SETTINGS];
  for (const name of Object.keys(settings)) {
    if (!known.includes(name)) {
      notes.push(`boundaries/${name} is not a setting Palisade knows; it is not carried over`);
    }
  }
}

// ─── Elements ────────────────────────────────────────────────────────────────────────────────

function translateElements(descriptors, notes) {
  const elements = [];
  for (const [index, descriptor] of list(descriptors).entries()) {
    const where = `boundaries/elements[${index}]`;
    if (typeof descriptor?.type !== 'string') {
      notes.push(`${where} has no type${descriptor?.category === undefined ? '' : ' (only a category)'}; it is not carried over`);
      continue;
    }
    for (const key of Object.keys(descriptor)) {
      if (!['type', 'pattern', 'capture', 'basePattern', 'baseCapture', 'mode', 'partialMatch'].includes(key)) {
        notes.push(`${where}.${key} is not carried over: Palisade has no equivalent`);
      }
    }
    for (const pattern of list(descriptor.pattern)) {
      const translated = elementPattern(descriptor, pattern, where, notes);
      if (translated !== undefined) {
        elements.push({ type: descriptor.type, pattern: translated });
      }
    }
  }
  return elements;
}

/** The Palisade pattern of one boundaries pattern, or undefined (with a note) when there is none. */
function elementPattern(descriptor, pattern, where, notes) {
  const { mode = 'folder', partialMatch = true, basePattern } = descriptor;
  for (const glob of [pattern, basePattern]) {
    if (glob !== undefined && (typeof glob !== 'string' || FOREIGN_GLOB.test(glob))) {
      notes.push(`${where} pattern ${JSON.stringify(glob)} uses glob syntax Palisade does not read; it is not carried over`);
      return undefined;
    }
  }
  const captured = (glob, names) => withCaptures(trimSlashes(glob), list(names), where, notes);
  const main = captured(pattern, descriptor.capture);
  if (mode === 'full') {
    return main;
  }
  // Folder mode: the element is the folder the pattern names, with at least one file below it.
  const below = mode === 'file' ? '' : main.endsWith('/**') ? '/*' : '/**/*';
  if (partialMatch === false) {
    return `${main}${below}`;
  }
  const base = basePattern === undefined ? '' : `${captured(basePattern, descriptor.baseCapture)}/`;
  const anywhere = main.startsWith('**/') || main === '**' ? main : `**/${main}`;
  return `${base}${anywhere}${below}`;
}

/** Micromatch's positional captures (one per `*` or `**`) as Palisade's `{name}`. */
function withCaptures(glob, names, where, notes) {
  let next = 0;
  return glob
    .split('/')
    .map((segment) => {
      if (segment === '**') {
        const name = names[next++];
        if (name !== undefined) {
          notes.push(`${where} captures "${name}" from a \`**\`; Palisade captures one path segment, so "${name}" is not captured`);
        }
        return segment;
      }
      return segment.replaceAll(/\*/gu, () => {
        const name = names[next++];
        return name === undefined ? '*' : `{${name}}`;
      });
    })
    .join('/');
}

function trimSlashes(glob) {
  return glob.replace(/^\.?\/+/u, '').replace(/\/+$/u, '');
}

// ─── Selectors and templates ─────────────────────────────────────────────────────────────────

/**
 * Palisade selectors for one boundaries element selector (legacy string or tuple, object, or
 * `{ element: … }`); `side` is what a bare `${x}` template refers to.
 */
function selectors(selector, where, notes, side) {
  if (selector === undefined || selector === null) {
    return [];
  }
  if (typeof selector === 'string') {
    return [selector];
  }
  if (Array.isArray(selector)) {
    if (selector.length === 2 && typeof selector[0] === 'string' && isPlainObject(selector[1])) {
      return [withCaptured({ type: selector[0] }, selector[1], where, notes, side)];
    }
    return selector.flatMap((item, index) => selectors(item, `${where}[${index}]`, notes, side));
  }
  if (!isPlainObject(selector)) {
    notes.push(`${where}: ${JSON.stringify(selector)} is not a selector Palisade reads; it is not carried over`);
    return [];
  }
  if (selector.element !== undefined || selector.file !== undefined || selector.module !== undefined || selector.origin !== undefined) {
    for (const key of Object.keys(selector)) {
      if (key !== 'element') {
        notes.push(`${where}.${key} is not carried over: Palisade selectors match elements, projects and tags`);
      }
    }
    return selector.element === undefined ? [] : selectors(selector.element, `${where}.element`, notes, side);
  }
  const unsupported = Object.keys(selector).filter((key) => !['type', 'captured'].includes(key));
  if (unsupported.length > 0) {
    notes.push(`${where} matches on ${unsupported.join(', ')}, which Palisade selectors do not; the selector is not carried over`);
    return [];
  }
  const type = selector.type ?? '*';
  if (Array.isArray(selector.captured)) {
    return selector.captured.map((captured, index) => withCaptured({ type }, captured, `${where}.captured[${index}]`, notes, side));
  }
  return [withCaptured({ type }, selector.captured, where, notes, side)];
}

function withCaptured(base, captured, where, notes, side) {
  if (captured === undefined || captured === null || Object.keys(captured).length === 0) {
    return Object.keys(base).length === 1 && typeof base.type === 'string' ? base.type : base;
  }
  const captures = {};
  for (const [name, value] of Object.entries(captured)) {
    if (typeof value !== 'string') {
      notes.push(`${where}: captured value ${name} ${JSON.stringify(value)} is not a string; it is not carried over`);
      continue;
    }
    captures[name] = template(value, side, where, notes);
  }
  return { ...base, captures };
}

/**
 * `${from.x}`, `${target.x}`, `${x}`, `{{ from.x }}`, `{{ from.captured.x }}`, `{{ to.x }}` as
 * Palisade's `{{from.x}}` / `{{to.x}}`.
 */
function template(text, side, where, notes) {
  const rewrite = (expression) => {
    const path = expression.trim().split('.');
    const [head, ...rest] = path;
    const sideOf = { from: 'from', file: 'from', to: 'to', target: 'to', dependency: 'to' }[head];
    if (sideOf === undefined) {
      return rest.length === 0 ? `{{${side}.${head}}}` : undefined;
    }
    const key = rest[0] === 'captured' ? rest.slice(1) : rest;
    return key.length === 1 ? `{{${sideOf}.${key[0]}}}` : undefined;
  };
  return text.replaceAll(/\$\{([^}]+)\}|\{\{([^}]+)\}\}/gu, (whole, legacy, handlebars) => {
    const translated = rewrite(legacy ?? handlebars);
    if (translated === undefined) {
      notes.push(`${where}: template ${whole} has no Palisade equivalent; it is kept as written`);
      return whole;
    }
    return translated;
  });
}

/** A boundaries custom message with its templates in Palisade's words. */
function message(text, where, notes) {
  const words = {
    'from.type': '{{from.type}}', 'file.type': '{{from.type}}', 'to.type': '{{to.type}}',
    'dependency.type': '{{to.type}}', 'target.type': '{{to.type}}', 'dependency.source': '{{specifier}}',
    'to.source': '{{specifier}}',
  };
  return text.replaceAll(/\$\{([^}]+)\}|\{\{([^}]+)\}\}/gu, (whole, legacy, handlebars) => {
    const expression = (legacy ?? handlebars).trim();
    if (words[expression] !== undefined) {
      return words[expression];
    }
    const match = /^(from|file|to|dependency|target)\.(?:captured\.)?([\w-]+)$/u.exec(expression);
    if (match) {
      return `{{${['from', 'file'].includes(match[1]) ? 'from' : 'to'}.${match[2]}}}`;
    }
    notes.push(`${where}: message template ${whole} has no Palisade equivalent; it is kept as written`);
    return whole;
  });
}

// ─── Rules ───────────────────────────────────────────────────────────────────────────────────

function policyList(options) {
  return list(options?.policies ?? options?.rules);
}

function commonOptions(options, rule, notes) {
  if (options?.message !== undefined) {
    notes.push(`${rule}: the rule-wide message is not carried over; Palisade's own message is shown unless a policy has its message`);
  }
  for (const flag of ['checkAllOrigins', 'checkUnknownLocals', 'checkInternals']) {
    if (options?.[flag]) {
      notes.push(`${rule}: ${flag} is not carried over`);
    }
  }
}

function translatePolicies(options, rule, notes) {
  commonOptions(options, rule, notes);
  const rules = [];
  for (const [index, policy] of policyList(options).entries()) {
    const where = `${rule} rules[${index}]`;
    if (policy.importKind !== undefined) {
      notes.push(`${where}: importKind ${JSON.stringify(policy.importKind)} is not carried over; Palisade applies the policy to every import kind`);
    }
    if (policy.dependency !== undefined) {
      notes.push(`${where}.dependency is not carried over: Palisade policies do not match on import kind or names`);
    }
    if (policy.to !== undefined && policy.from !== undefined) {
      notes.push(`${where}.to is not carried over: a policy that fixes both sides has no Palisade equivalent`);
    }
    // A policy that fixes `to` lists importers in `allow` / `disallow`: the same arrow, read the
    // other way, so it becomes one policy per listed importer. A bare `${x}` template names a
    // value of the fixed side.
    const reversed = policy.to !== undefined && policy.from === undefined;
    const bare = reversed ? 'to' : 'from';
    const fixed = reversed ? selectors(policy.to, `${where}.to`, notes, bare) : selectors(policy.from ?? '*', `${where}.from`, notes, bare);
    if (fixed.length === 0) {
      continue;
    }
    const entry = {};
    for (const effect of ['allow', 'disallow']) {
      if (policy[effect] !== undefined) {
        entry[effect] = effectSelectors(policy[effect], `${where}.${effect}`, notes, reversed ? 'from' : 'to', bare);
      }
    }
    const text = policy.message === undefined ? undefined : message(policy.message, `${where}.message`, notes);
    if (!reversed) {
      rules.push({ from: fixed, ...entry, ...(text === undefined ? {} : { message: text }) });
      continue;
    }
    for (const effect of ['allow', 'disallow']) {
      for (const importer of entry[effect] ?? []) {
        rules.push({ from: importer, [effect]: fixed, ...(text === undefined ? {} : { message: text }) });
      }
    }
  }
  return { default: options?.default === 'allow' ? 'allow' : 'disallow', rules };
}

/** `allow` / `disallow` entries: element selectors, or v7 `{ from, to }` dependency selectors. */
function effectSelectors(entries, where, notes, direction, bare) {
  const items = Array.isArray(entries) && !(entries.length === 2 && typeof entries[0] === 'string' && isPlainObject(entries[1])) ? entries : [entries];
  return items.flatMap((item, index) => {
    const at = `${where}[${index}]`;
    if (isPlainObject(item) && (item.to !== undefined || item.from !== undefined || item.dependency !== undefined)) {
      const other = direction === 'to' ? 'from' : 'to';
      if (item[other] !== undefined || item.dependency !== undefined) {
        notes.push(`${at}: a dependency selector with ${[other, 'dependency'].filter((k) => item[k] !== undefined).join(' and ')} is not carried over`);
        return [];
      }
      return selectors(item[direction], `${at}.${direction}`, notes, bare);
    }
    return selectors(item, at, notes, bare);
  });
}

function translateEntryPoints(options, notes) {
  commonOptions(options, 'boundaries/entry-point', notes);
  const rules = [];
  for (const [index, policy] of policyList(options).entries()) {
    const where = `boundaries/entry-point rules[${index}]`;
    if (policy.importKind !== undefined) {
      notes.push(`${where}: importKind ${JSON.stringify(policy.importKind)} is not carried over; Palisade applies the policy to every import kind`);
    }
    const target = selectors(policy.target, `${where}.target`, notes, 'to');
    if (target.length === 0) {
      continue;
    }
    const entry = { target };
    for (const effect of ['allow', 'disallow']) {
      if (policy[effect] !== undefined) {
        entry[effect] = list(policy[effect]).filter((glob) => {
          const readable = typeof glob === 'string' && !FOREIGN_GLOB.test(glob) && !/\$\{|\{\{/u.test(glob);
          if (!readable) {
            notes.push(`${where}.${effect} ${JSON.stringify(glob)} is not a glob Palisade reads; it is not carried over`);
          }
          return readable;
        });
      }
    }
    if (policy.message !== undefined) {
      entry.message = message(policy.message, `${where}.message`, notes);
    }
    rules.push(entry);
  }
  return { default: options?.default === 'allow' ? 'allow' : 'disallow', rules };
}

function translateExternal(options, notes) {
  commonOptions(options, 'boundaries/external', notes);
  const rules = [];
  for (const [index, policy] of policyList(options).entries()) {
    const where = `boundaries/external rules[${index}]`;
    if (policy.importKind !== undefined) {
      notes.push(`${where}: importKind ${JSON.stringify(policy.importKind)} is not carried over; Palisade applies the policy to every import kind`);
    }
    const from = selectors(policy.from ?? '*', `${where}.from`, notes, 'from');
    if (from.length === 0) {
      continue;
    }
    const entry = { from };
    for (const effect of ['allow', 'disallow']) {
      if (policy[effect] === undefined) {
        continue;
      }
      const single = Array.isArray(policy[effect]) && policy[effect].length === 2 && typeof policy[effect][0] === 'string' && isPlainObject(policy[effect][1]);
      entry[effect] = (single ? [policy[effect]] : list(policy[effect])).flatMap((item, at) => {
        if (Array.isArray(item)) {
          notes.push(`${where}.${effect}[${at}]: ${JSON.stringify(item[0])} with ${Object.keys(item[1] ?? {}).join(', ')} (named imports or paths) is not carried over`);
          return [];
        }
        if (typeof item !== 'string' || FOREIGN_GLOB.test(item)) {
          notes.push(`${where}.${effect}[${at}]: ${JSON.stringify(item)} is not a package pattern Palisade reads; it is not carried over`);
          return [];
        }
        return [item];
      });
    }
    if (policy.message !== undefined) {
      entry.message = message(policy.message, `${where}.message`, notes);
    }
    rules.push(entry);
  }
  return { default: options?.default === 'allow' ? 'allow' : 'disallow', rules };
}

function list(value) {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
