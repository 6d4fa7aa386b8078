// `palisade init --from-boundaries`: translates eslint-plugin-boundaries (v5 to v7) settings and
// rules into palisade.json. Element descriptors become element patterns (boundaries matches a
// pattern against the end of a path, Palisade against the whole workspace-relative path, so the
// pattern gains a leading `**/`); `element-types` / `dependencies` become `dependencies` (and,
// with `checkAllOrigins`, their policies on packages `external`), `entry-point` becomes
// entry-point's `elements` policy, `external` becomes `external`. Selectors and templates of every
// version are read the way boundaries 7.2 reads them (see Selectors below); import kinds and
// named imports (`importKind`, `dependency: { kind, specifiers }`) become a policy's `kind` and
// `{ package, specifiers }` patterns. Whatever has no equivalent is named in a note, never
// dropped silently.

const PREFIX = 'boundaries/';
const DEPENDENCY_RULES = ['dependencies', 'element-types'];
const TRANSLATED_RULES = [...DEPENDENCY_RULES, 'entry-point', 'external', 'no-unknown-files'];
const UNKNOWN_IMPORTS = 'Palisade has no rule of its own for imports of local files outside every element; `dependencies` with "checkUnknownLocals": true reports them where no policy allows `{ "unknown": true }`';
const UNSUPPORTED_RULES = {
  'no-unknown': UNKNOWN_IMPORTS,
  'no-unknown-dependencies': UNKNOWN_IMPORTS,
  'no-private': 'there is no rule for private child elements; an entry-point `elements` policy can expose only an element\'s entry files',
  'no-ignored': 'imports of ignored files are not reported',
  'no-ignored-dependencies': 'imports of ignored files are not reported',
};
/** Settings that change nothing Palisade does. */
const HARMLESS_SETTINGS = ['cache', 'debug', 'check-config', 'legacy-warnings'];
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

  const types = declaredTypes(settings.elements);
  const dependencyRule = DEPENDENCY_RULES.find((name) => rules[name] !== undefined);
  if (DEPENDENCY_RULES.every((name) => rules[name] !== undefined && rules[name].severity !== 'off')) {
    notes.push('both boundaries/dependencies and boundaries/element-types are on; Palisade has one `dependencies` policy, so it takes boundaries/dependencies');
  }
  if (dependencyRule !== undefined) {
    const { severity, options } = rules[dependencyRule];
    const { dependencies, external } = translatePolicies(options, `boundaries/${dependencyRule}`, types, notes);
    config.rules.dependencies = [severity, dependencies];
    if (external !== undefined && rules.external === undefined) {
      config.rules.external = [severity, external];
    } else if (external !== undefined) {
      notes.push(`boundaries/${dependencyRule}: its policies on packages (checkAllOrigins) are not carried over: Palisade has one \`external\` policy, and it takes boundaries/external`);
    }
  }
  if (rules['entry-point'] !== undefined) {
    const { severity, options } = rules['entry-point'];
    config.rules['entry-point'] = [severity, { elements: translateEntryPoints(options, types, notes) }];
    notes.push('Palisade\'s entry-point also makes other projects (package.json workspaces, Nx projects) importable only through their public entry; in a workspace of one package this changes nothing');
  }
  if (rules.external !== undefined) {
    const { severity, options } = rules.external;
    config.rules.external = [severity, translateExternal(options, types, notes)];
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
  // A policy written once per element type repeats its notes.
  return { config, notes: [...new Set(notes)] };
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
  // boundaries 7's default, all four, is what Palisade checks.
  const nodes = list(settings['dependency-nodes']);
  if (settings['dependency-nodes'] !== undefined && !['import', 'export', 'require', 'dynamic-import'].every((node) => nodes.includes(node))) {
    notes.push('boundaries/dependency-nodes is not carried over: Palisade checks every kind of import (import, export … from, import(), require)');
  }
  if (settings['additional-dependency-nodes'] !== undefined) {
    notes.push('boundaries/additional-dependency-nodes is not carried over: Palisade checks imports, exports … from, import() and require, not other calls');
  }
  if (settings['legacy-templates'] === false) {
    notes.push('boundaries/legacy-templates false is not carried over: templates in selectors are read as boundaries reads them by default, `${x}`, `${from.x}` and `{{ from.x }}` naming captured values');
  }
  if (settings['elements-single-type'] === false) {
    notes.push('boundaries/elements-single-type false is not carried over: a Palisade file has one element, the first listed among those with the deepest folder');
  }
  for (const name of ['files', 'flag-as-external']) {
    if (settings[name] !== undefined) {
      notes.push(`boundaries/${name} is not carried over: Palisade has no equivalent`);
    }
  }
  const known = ['elements', 'ignore', 'include', 'root-path', 'dependency-nodes', 'additional-dependency-nodes', 'elements-single-type', 'legacy-templates', 'files', 'flag-as-external', ...HARMLESS_SETTINGS];
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
      if (!['type', 'category', 'pattern', 'capture', 'basePattern', 'baseCapture', 'mode', 'partialMatch'].includes(key)) {
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

/**
 * The element types the descriptors declare, each with the categories of its descriptors
 * (boundaries 7 deprecates `category`; a selector on it picks the types of that category).
 * @returns {Map<string, Set<string | undefined>>}
 */
function declaredTypes(descriptors) {
  const types = new Map();
  for (const descriptor of list(descriptors)) {
    if (typeof descriptor?.type === 'string') {
      (types.get(descriptor.type) ?? types.set(descriptor.type, new Set()).get(descriptor.type)).add(descriptor.category);
    }
  }
  return types;
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

// ─── Selectors ───────────────────────────────────────────────────────────────────────────────
// A boundaries selector is read the way eslint-plugin-boundaries 7 reads it: normalised to
// entity selectors (`{ element, file, module }`, each a list of alternatives), merged with the
// policy's own `from` / `to` as boundaries merges them, then written as Palisade selectors (the
// element part) or package patterns (the module part).

/** Keys of a v7 element selector, and of the flat legacy selector boundaries still reads. */
const ELEMENT_KEYS = ['type', 'types', 'captured', 'category', 'fileInternalPath', 'path', 'parent', 'parents', 'isIgnored', 'isUnknown', 'filePath'];
/** Element selector keys Palisade has no condition for. */
const UNMATCHED_ELEMENT_KEYS = ['path', 'parent', 'parents', 'filePath'];

/**
 * What translating a selector needs: the element types the settings declare, with the
 * categories of their descriptors (a `types` query or a `category` becomes the list of declared
 * types that satisfy it), the side a bare `${x}` template names, the element type fixed on
 * a side while a policy with a type template is written once per type, and whether imports of
 * local files in no element are checked (`checkUnknownLocals`), so that a `to` can pick them.
 * @typedef {{ types: Map<string, Set<string | undefined>>, notes: string[], bare: 'from' | 'to',
 *   fixed: { from?: string, to?: string }, unknownLocals?: boolean }} Scope
 */

/**
 * boundaries' entity selectors for a selector of any version, or undefined when it selects
 * anything. A selector Palisade cannot read gives a note and no alternative.
 */
function entities(selector, where, notes) {
  if (selector === undefined || selector === null) {
    return undefined;
  }
  if (isLegacyTuple(selector)) {
    return [{ element: [withoutEmpty({ type: selector[0], captured: selector[1] })], where }];
  }
  if (Array.isArray(selector)) {
    return selector.flatMap((item, index) => entities(item, `${where}[${index}]`, notes) ?? [{ where }]);
  }
  if (typeof selector === 'string') {
    return [{ element: [{ type: selector }], where }];
  }
  if (!isPlainObject(selector)) {
    notes.push(`${where}: ${JSON.stringify(selector)} is not a selector Palisade reads; it is not carried over`);
    return [];
  }
  if (['element', 'file', 'module'].some((key) => selector[key] !== undefined)) {
    const entity = { where };
    for (const key of Object.keys(selector)) {
      if (key === 'element' || key === 'module') {
        entity[key] = list(selector[key]).map((item) => (isPlainObject(item) ? item : { unreadable: item }));
      } else {
        const why = key === 'file' ? 'Palisade has no file categories (boundaries/files)' : 'Palisade selectors match elements, projects and tags';
        notes.push(`${where} matches on ${key}: ${why}; the selector is not carried over`);
        return [];
      }
    }
    return [entity];
  }
  // The flat selector of v5 and v6: `origin` is the module's, `elementPath` and `internalPath`
  // are the element's `path` and `fileInternalPath`.
  const { origin, elementPath, internalPath, ...element } = selector;
  const renamed = withoutEmpty({ ...element, path: elementPath ?? element.path, fileInternalPath: internalPath ?? element.fileInternalPath });
  return [withoutEmpty({ element: Object.keys(renamed).length > 0 ? [renamed] : undefined, module: origin === undefined ? undefined : [{ origin }], where })];
}

/** boundaries' merge of a policy's `from` / `to` with one of its `allow` / `disallow` entries. */
function mergeEntities(outer, entry) {
  if (entry === undefined) {
    return outer;
  }
  if (outer === undefined) {
    return entry;
  }
  return outer.flatMap((o) => entry.map((e) => withoutEmpty({
    element: mergeAlternatives(o.element, e.element, (a, b) => ({ ...a, ...b, ...(isPlainObject(a.captured) && isPlainObject(b.captured) ? { captured: { ...a.captured, ...b.captured } } : {}) })),
    module: mergeAlternatives(o.module, e.module, (a, b) => ({ ...a, ...b })),
    where: e.where,
  })));
}

function mergeAlternatives(outer, entry, merge) {
  if (entry === undefined || outer === undefined) {
    return entry ?? outer;
  }
  return outer.flatMap((a) => entry.map((b) => merge(a, b)));
}

/**
 * Palisade selectors for the local files a list of entity selectors picks (undefined: any),
 * `'*'` being any file in an element and `{ unknown: true }` any file in none (only a `to` picks
 * those, and only with `checkUnknownLocals`: boundaries checks nothing else in no element).
 * @param {object[] | undefined} selected
 * @param {Scope} scope
 * @param {'from' | 'to'} side which side of the dependency the selector is about
 */
function localSelectors(selected, scope, side) {
  const fixed = scope.fixed[side];
  const any = { types: null, captures: {} };
  const all = selected === undefined ? [any] : selected.flatMap((entity) => {
    if (entity.module !== undefined && !entity.module.some((module) => moduleOrigins(module, entity.where, scope.notes).local)) {
      return [];
    }
    return entity.element === undefined ? [any] : entity.element.flatMap((element) => elementSelector(element, scope, entity.where));
  });
  const unknownToo = side === 'to' && scope.unknownLocals === true;
  return all
    .flatMap((selector) => {
      if (selector.unknown === true) {
        return unknownToo && fixed === undefined ? [selector] : [];
      }
      // A selector with no condition on the element also picks files in no element.
      const unconditioned = selector.types === null && Object.keys(selector.captures).length === 0 && selector.internalPath === undefined && selector.unknown === undefined;
      if (fixed !== undefined) {
        return [{ ...selector, types: selector.types === null || selector.types.some((pattern) => typeMatches(pattern, fixed)) ? [fixed] : [] }];
      }
      return unconditioned && unknownToo ? [selector, { unknown: true }] : [selector];
    })
    .filter((selector) => selector.unknown === true || selector.types === null || selector.types.length > 0)
    .flatMap(({ types, captures, internalPath, unknown }) => {
      if (unknown === true) {
        return [{ unknown: true }];
      }
      if (Object.keys(captures).length === 0 && internalPath === undefined) {
        return types ?? ['*'];
      }
      return [withoutEmpty({ type: types === null ? '*' : types.length === 1 ? types[0] : types, captures: Object.keys(captures).length === 0 ? undefined : captures, internalPath })];
    });
}

/**
 * One v7 element selector as `{ types, captures, internalPath?, unknown? }` alternatives:
 * `types` is null (any element) or a list of Palisade type patterns, `captures` Palisade capture
 * patterns, `internalPath` a glob of the file inside its element, `unknown` true for a file in
 * no element, false for one in an element.
 * @param {Scope} scope
 */
function elementSelector(element, scope, where) {
  const { notes } = scope;
  if (element.unreadable !== undefined) {
    notes.push(`${where}: ${JSON.stringify(element.unreadable)} is not an element selector Palisade reads; it is not carried over`);
    return [];
  }
  const unmatched = Object.keys(element).filter((key) => UNMATCHED_ELEMENT_KEYS.includes(key) || !ELEMENT_KEYS.includes(key) || (['isUnknown', 'isIgnored'].includes(key) && typeof element[key] !== 'boolean'));
  if (unmatched.length > 0) {
    notes.push(`${where} matches on ${unmatched.join(', ')}, which Palisade selectors do not; the selector is not carried over`);
    return [];
  }
  // The files boundaries checks are not ignored; a file in no element has no type, captured
  // values or path inside an element to match.
  if (element.isIgnored === true) {
    return [];
  }
  if (element.isUnknown === true) {
    const conditions = ['type', 'types', 'category', 'captured', 'fileInternalPath'].filter((key) => element[key] !== undefined);
    return conditions.length === 0 ? [{ types: null, captures: {}, unknown: true }] : [];
  }
  const types = elementTypes(element, scope, where);
  const internalPaths = fileInternalPaths(element.fileInternalPath, where, notes);
  if (types === undefined || internalPaths === undefined) {
    return [];
  }
  const unknown = element.isUnknown === false ? false : undefined;
  return captureAlternatives(element.captured, scope, where).flatMap((captures) => internalPaths.map((internalPath) => ({ types, captures, internalPath, unknown })));
}

/**
 * A `fileInternalPath` (a glob of the file's path inside its element, or a list of them, any of
 * which may match) as Palisade `internalPath` alternatives ([undefined]: no condition), or
 * undefined (with a note) when one cannot be read.
 */
function fileInternalPaths(value, where, notes) {
  if (value === undefined) {
    return [undefined];
  }
  const globs = list(value);
  // One glob may be negated (`!index.js`), as Palisade's internalPath may; in a list, where any
  // glob may match, a negation means something else.
  const readable = (glob) => typeof glob === 'string' && !FOREIGN_GLOB.test(globs.length === 1 ? glob.replace(/^!/u, '') : glob) && !HAS_TEMPLATE.test(glob);
  const unreadable = globs.find((glob) => !readable(glob));
  if (value === null || unreadable !== undefined) {
    const why = typeof unreadable === 'string' && unreadable.startsWith('!') ? ' (a negated glob in a list)' : '';
    notes.push(`${where}: fileInternalPath ${JSON.stringify(value === null ? null : unreadable)} is not a glob Palisade reads${why}; the selector is not carried over`);
    return undefined;
  }
  return globs;
}

/**
 * The types an element selector's `type`, `types` and `category` allow: its `type` patterns as
 * they are when that is all it says, else the declared types that satisfy every condition
 * (boundaries' elements have one type each, so `types` is a list of one). Undefined when a
 * pattern cannot be read.
 * @param {Scope} scope
 */
function elementTypes(element, scope, where) {
  const patterns = (value) => {
    const read = list(value).map((pattern) => typePattern(pattern, scope, where));
    return read.includes(undefined) ? undefined : read;
  };
  const type = element.type === undefined ? undefined : patterns(element.type);
  if (type === undefined && element.type !== undefined) {
    return undefined;
  }
  if (element.types === undefined && element.category === undefined) {
    return type ?? null;
  }
  const conditions = type === undefined ? [] : [(name) => type.some((pattern) => typeMatches(pattern, name))];
  if (element.types !== undefined) {
    const condition = typesCondition(element.types, patterns, where, scope.notes);
    if (condition === undefined) {
      return undefined;
    }
    conditions.push(condition);
  }
  if (element.category !== undefined) {
    const categories = patterns(element.category);
    if (categories === undefined) {
      return undefined;
    }
    const inCategory = (name) => [...scope.types.get(name)].map((category) => category !== undefined && categories.some((pattern) => typeMatches(pattern, category)));
    const mixed = [...scope.types.keys()].filter((name) => new Set(inCategory(name)).size > 1);
    if (mixed.length > 0) {
      scope.notes.push(`${where} matches on category, and the elements of type ${mixed.join(', ')} do not all have the same category; the selector is not carried over`);
      return undefined;
    }
    conditions.push((name) => inCategory(name)[0]);
  }
  return [...scope.types.keys()].filter((name) => conditions.every((holds) => holds(name)));
}

/** A `types` value (patterns, or an array query) as a condition on the one type of an element. */
function typesCondition(query, patterns, where, notes) {
  if (!isPlainObject(query)) {
    const read = patterns(query);
    return read && ((name) => read.some((pattern) => typeMatches(pattern, name)));
  }
  const operands = {};
  for (const [operator, value] of Object.entries(query)) {
    if (['anyOf', 'allOf', 'noneOf', 'equalsTo'].includes(operator)) {
      // `{ expand: "{{ from.element.types }}" }` reads as the template it holds.
      operands[operator] = patterns(list(value).map((item) => (isPlainObject(item) && typeof item.expand === 'string' ? item.expand : item)));
    } else if (operator === 'atIndex' && typeof value?.index === 'number') {
      const matches = patterns(value.matches);
      operands.atIndex = matches && { index: value.index, matches };
    } else if (operator === 'hasLength' && typeof value === 'number') {
      operands.hasLength = value;
    } else {
      notes.push(`${where}: types ${JSON.stringify({ [operator]: value })} is not an array query Palisade reads; the selector is not carried over`);
      return undefined;
    }
    if (operands[operator] === undefined) {
      return undefined;
    }
  }
  // Each operator as boundaries applies it to the element's list of types, here a list of one.
  const { anyOf, allOf, noneOf, equalsTo, atIndex, hasLength } = operands;
  return (name) => {
    const matches = (pattern) => typeMatches(pattern, name);
    return (anyOf === undefined || anyOf.some(matches)) &&
      (allOf === undefined || allOf.every(matches)) &&
      (noneOf === undefined || !noneOf.some(matches)) &&
      (equalsTo === undefined || (equalsTo.length === 1 && matches(equalsTo[0]))) &&
      (atIndex === undefined || ([0, -1].includes(atIndex.index) && atIndex.matches.some(matches))) &&
      (hasLength === undefined || hasLength === 1);
  };
}

/**
 * The alternatives of a `captured` condition (an object, or a list of objects any of which may
 * match; a list of patterns for one key is alternatives too), as Palisade capture patterns.
 * @param {Scope} scope
 */
function captureAlternatives(captured, scope, where) {
  if (captured === undefined || captured === null) {
    return [{}];
  }
  if (Array.isArray(captured)) {
    return captured.flatMap((item, index) => captureAlternatives(item, scope, `${where}.captured[${index}]`));
  }
  if (!isPlainObject(captured)) {
    scope.notes.push(`${where}: captured ${JSON.stringify(captured)} is not a captured-values selector Palisade reads; it is not carried over`);
    return [];
  }
  let alternatives = [{}];
  for (const [name, value] of Object.entries(captured)) {
    const patterns = list(value).map((pattern) => capturePattern(pattern, name, scope, where));
    if (patterns.includes(undefined)) {
      return [];
    }
    alternatives = alternatives.flatMap((alternative) => patterns.map((pattern) => ({ ...alternative, [name]: pattern })));
  }
  return alternatives;
}

// ─── Templates ───────────────────────────────────────────────────────────────────────────────

const TEMPLATE = /\$\{([^}]+)\}|\{\{([^}]+)\}\}/gu;
const HAS_TEMPLATE = /\$\{[^}]+\}|\{\{[^}]+\}\}/u;

/**
 * What a selector template names: the type of one side, or one of its captured values. v7's
 * `{{ from.element.captured.x }}`, `{{ from.element.types.[0] }}`, v6's `{{ from.captured.x }}`,
 * `{{ from.x }}`, v5's `${from.x}`, `${target.x}` and a bare `${x}` (the captured values of the
 * policy's own side) all name one of these. Undefined for anything else.
 */
function templateReference(expression, bare) {
  const path = expression.trim().replaceAll(/\.?\[(\d+)\]/gu, '.$1').split('.');
  if (path.length === 1) {
    return { side: bare, capture: path[0] };
  }
  const side = { from: 'from', to: 'to', target: 'to' }[path[0]];
  const rest = path[0] === 'target' || path[1] !== 'element' ? path.slice(1) : path.slice(2);
  if (side === undefined) {
    return undefined;
  }
  if (rest.join('.') === 'type' || rest.join('.') === 'types' || rest.join('.') === 'types.0') {
    return { side, type: true };
  }
  if (rest[0] === 'captured' && rest.length === 2) {
    return { side, capture: rest[1] };
  }
  // With boundaries' legacy templates (its default) a side's captured values sit beside its
  // `element`, `file` and `module`, and win over them.
  return rest.length === 1 && path[1] !== 'element' ? { side, capture: rest[0] } : undefined;
}

/** Replaces each template of `text`, or gives undefined (with a note) when one has no equivalent. */
function rewriteTemplates(text, where, notes, replace) {
  let readable = true;
  const rewritten = text.replaceAll(TEMPLATE, (whole, legacy, handlebars) => {
    const replacement = replace(legacy ?? handlebars);
    if (replacement === undefined) {
      notes.push(`${where}: template ${whole} has no Palisade equivalent; the selector is not carried over`);
      readable = false;
    }
    return replacement ?? whole;
  });
  return readable ? rewritten : undefined;
}

/** A captured-value pattern with its templates as Palisade's `{{from.x}}` / `{{to.x}}` / `{{from.type}}`. */
function capturePattern(pattern, name, scope, where) {
  if (typeof pattern !== 'string' || FOREIGN_GLOB.test(pattern.replace(/^!/u, ''))) {
    scope.notes.push(`${where}: captured value ${name} ${JSON.stringify(pattern)} is not a pattern Palisade reads; it is not carried over`);
    return undefined;
  }
  return rewriteTemplates(pattern, where, scope.notes, (expression) => {
    const reference = templateReference(expression, scope.bare);
    return reference && `{{${reference.side}.${reference.type ? 'type' : reference.capture}}}`;
  });
}

/** A type pattern, with a type template filled in when the policy is written for that type. */
function typePattern(pattern, scope, where) {
  if (typeof pattern !== 'string') {
    scope.notes.push(`${where}: ${JSON.stringify(pattern)} is not an element type pattern Palisade reads; the selector is not carried over`);
    return undefined;
  }
  const filled = rewriteTemplates(pattern, where, scope.notes, (expression) => {
    const reference = templateReference(expression, scope.bare);
    return reference?.type ? scope.fixed[reference.side] : undefined;
  });
  if (filled !== undefined && FOREIGN_GLOB.test(filled.replace(/^!/u, ''))) {
    scope.notes.push(`${where}: type ${JSON.stringify(pattern)} uses glob syntax Palisade does not read; the selector is not carried over`);
    return undefined;
  }
  return filled;
}

/**
 * The sides whose element type a type condition of the policy names in a template
 * (`type: "{{ from.element.types.[0] }}"`, `types: { anyOf: [{ expand: "{{ from.element.types }}" }] }`):
 * such a policy is written once per declared type.
 */
function typeTemplateSides(value, bare, inType = false) {
  if (typeof value === 'string') {
    return inType ? [...value.matchAll(TEMPLATE)].flatMap(([, legacy, handlebars]) => {
      const reference = templateReference(legacy ?? handlebars, bare);
      return reference?.type ? [reference.side] : [];
    }) : [];
  }
  if (Array.isArray(value)) {
    return [...new Set(value.flatMap((item) => typeTemplateSides(item, bare, inType)))];
  }
  if (isPlainObject(value)) {
    return [...new Set(Object.entries(value).flatMap(([key, item]) => typeTemplateSides(item, bare, inType || key === 'type' || key === 'types' || key === 'category')))];
  }
  return [];
}

/**
 * Whether a micromatch pattern (a leading `!` negates; `*`, `?` and `{a,b}`) matches a name.
 * Element types and categories are names, so this is all of micromatch they need.
 */
function typeMatches(pattern, name) {
  if (pattern.startsWith('!')) {
    return !typeMatches(pattern.slice(1), name);
  }
  const escape = (text) => text.replaceAll(/[.*+?^$()|[\]\\{}]/gu, '\\$&');
  const source = pattern.replaceAll(/\{([^{}]*)\}|\*|\?|[^*?{]+|\{/gu, (token, alternatives) => {
    if (alternatives !== undefined) {
      return `(?:${alternatives.split(',').map(escape).join('|')})`;
    }
    return { '*': '[^/]*', '?': '[^/]' }[token] ?? escape(token);
  });
  return new RegExp(`^${source}$`, 'u').test(name);
}

// ─── Modules ─────────────────────────────────────────────────────────────────────────────────

/**
 * What a module selector (`{ origin, source, internalPath }`) picks: local files (`local`), and
 * npm packages or Node built-ins as Palisade `external` patterns (`packages`), or undefined in
 * `packages` when they cannot be written as patterns.
 */
function moduleOrigins(module, where, notes) {
  if (module.unreadable !== undefined || Object.keys(module).some((key) => !['origin', 'source', 'internalPath'].includes(key))) {
    notes.push(`${where}: module ${JSON.stringify(module.unreadable ?? module)} is not a module selector Palisade reads; it is not carried over`);
    return { local: false, packages: [] };
  }
  const origins = ['local', 'external', 'core'].filter((origin) => module.origin === undefined || list(module.origin).some((pattern) => typeof pattern === 'string' && typeMatches(pattern, origin)));
  const takesNull = (value) => value === undefined || list(value).includes(null);
  const local = origins.includes('local') && takesNull(module.source) && takesNull(module.internalPath);
  const outside = origins.filter((origin) => origin !== 'local');
  if (outside.length === 0 || module.source === null) {
    return { local, packages: [] };
  }
  const sources = module.source === undefined ? [outside.length === 1 && outside[0] === 'core' ? 'node:*' : '*'] : list(module.source).filter((source) => source !== null);
  if (module.source === undefined && outside.length === 1 && outside[0] === 'external') {
    notes.push(`${where}: module origin "external" with no source is written as the pattern "*", which in Palisade also covers Node built-ins`);
  }
  const paths = Array.isArray(module.internalPath) ? module.internalPath : [module.internalPath];
  const unreadable = [...sources, ...paths].find((pattern) => pattern !== undefined && pattern !== null && (typeof pattern !== 'string' || FOREIGN_GLOB.test(pattern) || HAS_TEMPLATE.test(pattern)));
  if (unreadable !== undefined) {
    notes.push(`${where}: module pattern ${JSON.stringify(unreadable)} is not a package pattern Palisade reads; it is not carried over`);
    return { local, packages: undefined };
  }
  // `internalPath` is the import's path inside the package; null, the package by its name alone.
  return { local, packages: sources.flatMap((source) => paths.map((path) => (path === undefined ? source : { package: source, path }))) };
}

// ─── Messages ────────────────────────────────────────────────────────────────────────────────

/** The templates each Palisade rule fills in a custom message (see its docs page). */
const MESSAGE_DATA = {
  dependencies: { sides: ['from', 'to'], words: ['specifier'] },
  'entry-point': { sides: ['to'], words: ['specifier'] },
  external: { sides: [], words: ['specifier', 'package'] },
};
/** v5's `${…}` message data: `file` and `from` are the importer, `dependency` and `target` the imported file. */
const LEGACY_MESSAGE_SIDES = { file: 'from', from: 'from', dependency: 'to', target: 'to' };

/**
 * What a message template names: `{ word }` (`specifier`, `package`) or `{ side, type }` /
 * `{ side, capture }`, from v7's `{{from.element.types.[0]}}`, `{{to.element.captured.x}}`,
 * `{{to.module.source}}`, `{{dependency.source}}`, v6's `{{from.type}}`, `{{to.captured.x}}` and
 * v5's `${file.type}`, `${dependency.x}`, `${target.source}`.
 */
function messageReference(expression, legacy) {
  const path = expression.trim().replaceAll(/\.?\[(\d+)\]/gu, '.$1');
  if (legacy) {
    const [head, ...rest] = path.split('.');
    const side = LEGACY_MESSAGE_SIDES[head];
    const name = rest.join('.');
    if (side === undefined || rest.length !== 1 || ['internalPath', 'importKind'].includes(name)) {
      return undefined;
    }
    if (name === 'source' || name === 'module') {
      return side === 'to' ? { word: name === 'source' ? 'specifier' : 'package' } : undefined;
    }
    return name === 'type' ? { side, type: true } : { side, capture: name };
  }
  const words = { 'dependency.source': 'specifier', 'to.module.source': 'package' };
  if (words[path] !== undefined) {
    return { word: words[path] };
  }
  return path.includes('.') ? templateReference(path, undefined) : undefined;
}

/** A boundaries custom message with its templates in the words of Palisade's `rule`. */
function message(text, where, notes, rule) {
  const data = MESSAGE_DATA[rule];
  return text.replaceAll(TEMPLATE, (whole, legacy, handlebars) => {
    const reference = messageReference(legacy ?? handlebars, legacy !== undefined);
    if (reference?.word !== undefined && data.words.includes(reference.word)) {
      return `{{${reference.word}}}`;
    }
    if (reference?.side !== undefined && data.sides.includes(reference.side)) {
      return `{{${reference.side}.${reference.type ? 'type' : reference.capture}}}`;
    }
    notes.push(`${where}: message template ${whole} has no Palisade equivalent; it is kept as written`);
    return whole;
  });
}

// ─── Import kinds and names ──────────────────────────────────────────────────────────────────
// boundaries' `dependency` selector (`{ kind, specifiers, relationship, nodeKind, source }`, or a
// list of alternatives), merged from the policy's own `dependency` and the entry's, with a legacy
// rule-level `importKind` as the default `kind`. Palisade's `kind` is a policy's, so one boundaries
// policy may become several Palisade policies, one per kind.

const KINDS = ['value', 'type', 'typeof'];

/**
 * The import kinds a boundaries `kind` / `importKind` (micromatch patterns, any of which may
 * match) selects: undefined for every kind, else a list (empty: none), or null (with a note) when
 * it cannot be read.
 */
function importKinds(pattern, where, notes) {
  if (pattern === undefined || pattern === null || pattern === '') {
    return undefined;
  }
  const patterns = list(pattern);
  if (patterns.some((item) => typeof item !== 'string' || HAS_TEMPLATE.test(item) || FOREIGN_GLOB.test(item.replace(/^!/u, '')))) {
    notes.push(`${where}: kind ${JSON.stringify(pattern)} is not an import kind pattern Palisade reads; it is not carried over`);
    return null;
  }
  const kinds = KINDS.filter((kind) => patterns.some((item) => typeMatches(item, kind)));
  return kinds.length === KINDS.length ? undefined : kinds;
}

/**
 * The alternatives of a dependency selector as boundaries normalises one: a list of objects (an
 * empty object is no condition), or undefined for none. An entry's legacy `module` is its
 * `to.module.source` (`moduleOf` receives it); a policy's is dropped, as boundaries drops it.
 */
function dependencyAlternatives(value, where, notes, moduleOf) {
  if (value === undefined || value === null) {
    return undefined;
  }
  const alternatives = list(value).flatMap((item, index) => {
    if (!isPlainObject(item)) {
      notes.push(`${where}${Array.isArray(value) ? `[${index}]` : ''}: ${JSON.stringify(item)} is not a dependency selector Palisade reads; it is not carried over`);
      return [{ unreadable: true }];
    }
    const { module, ...rest } = item;
    if (module !== undefined) {
      moduleOf?.(module);
    }
    return Object.keys(rest).length === 0 ? [] : [rest];
  });
  return alternatives.length === 0 ? undefined : alternatives;
}

/** boundaries' merge of a policy's `dependency` with an entry's: every pair, the entry's fields winning. */
function mergeDependencies(outer, entry) {
  if (entry === undefined || outer === undefined) {
    return entry ?? outer;
  }
  return outer.flatMap((o) => entry.map((e) => ({ ...o, ...e })));
}

/** A legacy rule-level `importKind`, which boundaries gives each alternative as its default `kind`. */
function withImportKind(alternatives, importKind) {
  if (!importKind) {
    return alternatives;
  }
  return (alternatives ?? [{}]).map((alternative) => ({ kind: importKind, ...alternative }));
}

/**
 * Each alternative of a merged dependency selector as `{ kind, specifiers }` (a Palisade `kind`
 * and name globs, each undefined for no condition); an alternative that matches on what Palisade
 * policies do not, or that selects no import, gives none.
 */
function dependencyConditions(alternatives, where, notes) {
  return (alternatives ?? [{}]).flatMap((alternative) => {
    if (alternative.unreadable) {
      return [];
    }
    const unmatched = Object.keys(alternative).filter((key) => !['kind', 'specifiers'].includes(key) && alternative[key] !== undefined && alternative[key] !== null);
    if (unmatched.length > 0) {
      notes.push(`${where}: a dependency selector on ${unmatched.join(', ')} has no Palisade equivalent (policies match on import kind and, for packages, imported names); it is not carried over`);
      return [];
    }
    const kinds = importKinds(alternative.kind, where, notes);
    const specifiers = importedNames(alternative.specifiers, where, notes);
    if (kinds === null || specifiers === null || kinds?.length === 0) {
      return [];
    }
    return [{ kind: kinds === undefined ? undefined : kinds.length === 1 ? kinds[0] : kinds, specifiers }];
  });
}

/** `specifiers` (micromatch patterns of imported names) as Palisade name globs; undefined: no condition; null (with a note): unreadable. */
function importedNames(value, where, notes) {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const names = list(value);
  const unreadable = names.find((name) => typeof name !== 'string' || FOREIGN_GLOB.test(name) || HAS_TEMPLATE.test(name));
  if (unreadable !== undefined) {
    notes.push(`${where}: specifiers ${JSON.stringify(unreadable)} is not a name pattern Palisade reads; it is not carried over`);
    return null;
  }
  return names;
}

/** Package patterns narrowed to imports of these names (`{ package, specifiers }`). */
function withNames(patterns, specifiers) {
  if (specifiers === undefined) {
    return patterns;
  }
  return patterns.map((pattern) => (typeof pattern === 'string' ? { package: pattern, specifiers } : { ...pattern, specifiers }));
}

// ─── Rules ───────────────────────────────────────────────────────────────────────────────────

/** The rule's policies (`policies`, or v5's `rules`) with where each is; a policy that is not an object gets a note. */
function policies(options, rule, notes) {
  return list(options?.policies ?? options?.rules).flatMap((policy, index) => {
    const where = `${rule} rules[${index}]`;
    if (!isPlainObject(policy)) {
      notes.push(`${where}: ${JSON.stringify(policy)} is not a policy; it is not carried over`);
      return [];
    }
    return [{ policy, where }];
  });
}

/** A policy's own message, else the rule-wide one (boundaries shows the rule-wide message for a policy without one). */
function policyMessage(policy, options, where, notes, rule) {
  const text = policy.message ?? options?.message;
  const at = `${where}${policy.message === undefined ? '' : '.message'}`;
  if (text !== undefined && typeof text !== 'string') {
    notes.push(`${at}: ${JSON.stringify(text)} is not a message; it is not carried over`);
    return undefined;
  }
  return text === undefined ? undefined : message(text, at, notes, rule);
}

function noteRuleWideMessage(options, rule, notes) {
  if (options?.message !== undefined) {
    notes.push(`${rule}: the rule-wide message is given to every policy without one; a violation no policy decides (the default) shows Palisade's own message`);
  }
}

/**
 * A policy's `allow` or `disallow` as boundaries reads it: v7 dependency selectors
 * (`{ from, to, dependency }`, one entry per alternative of `dependency`), or legacy element
 * selectors, which name the side the policy leaves open (the importer when it fixes only `to`,
 * else the imported file).
 */
function effectEntries(value, where, notes) {
  const items = Array.isArray(value) && !isLegacyTuple(value) ? value : [value];
  const dependencySelectors = items.every((item) => isPlainObject(item) && ['from', 'to', 'dependency'].some((key) => item[key] !== undefined));
  if (!dependencySelectors) {
    return [{ legacy: entities(value, where, notes), where }];
  }
  return items.flatMap((item, index) => {
    const at = items.length === 1 && !Array.isArray(value) ? where : `${where}[${index}]`;
    const from = entities(item.from, `${at}.from`, notes);
    const to = entities(item.to, `${at}.to`, notes);
    // boundaries normalises an entry into one selector per alternative of its `dependency`.
    const alternatives = item.dependency === undefined ? [undefined] : list(item.dependency);
    return alternatives.map((alternative) => {
      let target = to;
      const dependency = dependencyAlternatives(alternative, `${at}.dependency`, notes, (source) => {
        target = (to ?? [{ where: `${at}.dependency` }]).map((entity) => ({
          ...entity,
          module: entity.module === undefined ? [{ source }] : entity.module.map((module) => ({ ...module, source })),
        }));
      });
      return { from, to: target, dependency, where: item.dependency === undefined ? at : `${at}.dependency` };
    });
  });
}

/**
 * `boundaries/dependencies` (or `element-types`) as Palisade's `dependencies`, and with
 * `checkAllOrigins` its policies on packages as `external`. Each policy's merged selectors keep
 * boundaries' order: its `allow` entries, then its `disallow` entries, so that within one policy
 * a matching `disallow` wins and across policies the last match decides, as in boundaries.
 */
function translatePolicies(options, rule, types, notes) {
  noteRuleWideMessage(options, rule, notes);
  const checkAllOrigins = options?.checkAllOrigins === true;
  const unknownLocals = options?.checkUnknownLocals === true;
  const local = [];
  const packages = [];
  for (const { policy, where } of policies(options, rule, notes)) {
    // In the words of the Palisade rule that receives the policy.
    const text = (palisadeRule) => policyMessage(policy, options, where, notes, palisadeRule);
    const bare = policy.from === undefined ? 'to' : 'from';
    const expanded = typeTemplateSides(policy, bare);
    if (expanded.length > 1) {
      notes.push(`${where}: type templates name both sides; the policy is not carried over`);
      continue;
    }
    const outer = {
      from: entities(policy.from, `${where}.from`, notes),
      to: entities(policy.to, `${where}.to`, notes),
      dependency: dependencyAlternatives(policy.dependency, `${where}.dependency`, notes),
    };
    const merged = {};
    for (const effect of ['allow', 'disallow']) {
      if (policy[effect] !== undefined) {
        merged[effect] = effectEntries(policy[effect], `${where}.${effect}`, notes).map((entry) => {
          if (entry.legacy === undefined) {
            const dependency = withImportKind(mergeDependencies(outer.dependency, entry.dependency), policy.importKind);
            const at = entry.dependency === undefined && outer.dependency !== undefined ? `${where}.dependency` : entry.where;
            return { from: mergeEntities(outer.from, entry.from), to: mergeEntities(outer.to, entry.to), dependency, where: at };
          }
          // A legacy entry takes the policy's importKind, not its `dependency` (boundaries 7.2).
          const sides = outer.to !== undefined && outer.from === undefined ? { from: entry.legacy, to: outer.to } : { from: outer.from, to: entry.legacy };
          return { ...sides, dependency: withImportKind(undefined, policy.importKind), where: policy.importKind ? `${where}.importKind` : entry.where };
        });
      }
    }
    const passes = expanded.length === 0 ? [{}] : [...types.keys()].map((type) => ({ [expanded[0]]: type }));
    for (const fixed of passes) {
      const scope = { types, notes, bare, fixed, unknownLocals };
      for (const effect of ['allow', 'disallow']) {
        for (const selector of merged[effect] ?? []) {
          const from = localSelectors(selector.from, scope, 'from');
          if (from.length === 0) {
            continue;
          }
          const to = splitTarget(selector.to, scope, checkAllOrigins);
          for (const { kind, specifiers } of dependencyConditions(selector.dependency, selector.where, notes)) {
            if (specifiers !== undefined && to.local.length > 0) {
              notes.push(`${selector.where}: specifiers on local files have no Palisade equivalent (Palisade's dependencies policies do not match on imported names; external's do); that part is not carried over`);
            } else {
              addPolicy(local, { from, effect, selected: to.local, kind }, () => text('dependencies'));
            }
            addPolicy(packages, { from, effect, selected: withNames(to.packages, specifiers), kind }, () => text('external'));
          }
        }
      }
    }
  }
  const policy = options?.default === 'allow' ? 'allow' : 'disallow';
  const dependencies = withoutEmpty({
    default: policy,
    checkInternals: options?.checkInternals === true ? true : undefined,
    checkUnknownLocals: unknownLocals ? true : undefined,
    rules: local,
  });
  const external = checkAllOrigins && (packages.length > 0 || policy === 'disallow') ? externalOptions(policy, packages) : undefined;
  return { dependencies, external };
}

/** The local selectors and the package patterns a merged `to` picks. */
function splitTarget(selected, scope, checkAllOrigins) {
  if (selected === undefined) {
    return { local: localSelectors(undefined, scope, 'to'), packages: checkAllOrigins ? ['*'] : [] };
  }
  const packages = [];
  for (const entity of selected) {
    if (entity.module !== undefined && entity.element === undefined) {
      for (const module of entity.module) {
        const picked = moduleOrigins(module, entity.where, scope.notes);
        if (checkAllOrigins) {
          packages.push(...(picked.packages ?? []));
        }
      }
    }
  }
  return { local: localSelectors(selected, scope, 'to'), packages };
}

/**
 * Appends one policy, into the previous one when it has the same `from`, `kind` and message and
 * keeps the order.
 */
function addPolicy(rules, { from, effect, selected, kind }, messageText) {
  if (selected.length === 0) {
    return;
  }
  const message = messageText();
  const previous = rules.at(-1);
  const same = previous !== undefined && previous.message === message && JSON.stringify(previous.from) === JSON.stringify(from) && JSON.stringify(previous.kind) === JSON.stringify(kind);
  if (same && (effect === 'disallow' || previous.disallow === undefined)) {
    previous[effect] = [...(previous[effect] ?? []), ...selected];
    return;
  }
  rules.push(withoutEmpty({ from, [effect]: selected, kind, message }));
}

/** A policy's legacy `importKind` as the Palisade `kind` of the policies it becomes ([undefined]: every kind; []: none). */
function policyKinds(policy, where, notes) {
  return dependencyConditions(withImportKind(undefined, policy.importKind), `${where}.importKind`, notes).map((condition) => condition.kind);
}

function translateEntryPoints(options, types, notes) {
  noteRuleWideMessage(options, 'boundaries/entry-point', notes);
  const rules = [];
  for (const { policy, where } of policies(options, 'boundaries/entry-point', notes)) {
    // The policy's `allow` / `disallow` set the imported file's fileInternalPath, replacing any
    // the target names (boundaries merges them so), so the target is read without it.
    const targets = (entities(policy.target, `${where}.target`, notes) ?? [{ where: `${where}.target` }]).map((entity) => ({
      ...entity,
      element: entity.element?.map((element) => withoutEmpty({ ...element, fileInternalPath: undefined })),
    }));
    const target = localSelectors(targets, { types, notes, bare: 'to', fixed: {} }, 'to');
    if (target.length === 0) {
      continue;
    }
    const entry = { target };
    for (const effect of ['allow', 'disallow']) {
      if (policy[effect] !== undefined) {
        entry[effect] = list(policy[effect]).filter((glob) => {
          const readable = typeof glob === 'string' && !FOREIGN_GLOB.test(glob) && !HAS_TEMPLATE.test(glob);
          if (!readable) {
            notes.push(`${where}.${effect} ${JSON.stringify(glob)} is not a glob Palisade reads; it is not carried over`);
          }
          return readable;
        });
      }
    }
    const text = policyMessage(policy, options, where, notes, 'entry-point');
    for (const kind of policyKinds(policy, where, notes)) {
      rules.push(withoutEmpty({ ...entry, kind, message: text }));
    }
  }
  return { default: options?.default === 'allow' ? 'allow' : 'disallow', rules };
}

/** One `allow` / `disallow` item of boundaries/external as Palisade package patterns. */
function externalPatterns(item, where, notes) {
  if (Array.isArray(item)) {
    // `[package, { specifiers, path }]`: the package's imports of these names, by these subpaths.
    const { specifiers, path } = isPlainObject(item[1]) ? item[1] : {};
    const paths = path ? list(path).map((subpath) => (typeof subpath === 'string' ? subpath.replace(/^\//u, '') : subpath)) : undefined;
    const names = importedNames(specifiers, where, notes);
    if (names === null) {
      return [];
    }
    return withNames(moduleOrigins({ source: item[0], ...(paths === undefined ? {} : { internalPath: paths }) }, where, notes).packages ?? [], names);
  }
  if (typeof item !== 'string' || FOREIGN_GLOB.test(item)) {
    notes.push(`${where}: ${JSON.stringify(item)} is not a package pattern Palisade reads; it is not carried over`);
    return [];
  }
  return [item];
}

function translateExternal(options, types, notes) {
  noteRuleWideMessage(options, 'boundaries/external', notes);
  const rules = [];
  for (const { policy, where } of policies(options, 'boundaries/external', notes)) {
    const from = localSelectors(entities(policy.from, `${where}.from`, notes), { types, notes, bare: 'from', fixed: {} }, 'from');
    if (from.length === 0) {
      continue;
    }
    const entry = { from };
    for (const effect of ['allow', 'disallow']) {
      if (policy[effect] !== undefined) {
        const items = isLegacyTuple(policy[effect]) ? [policy[effect]] : list(policy[effect]);
        entry[effect] = items.flatMap((item, at) => externalPatterns(item, `${where}.${effect}[${at}]`, notes));
      }
    }
    const text = policyMessage(policy, options, where, notes, 'external');
    for (const kind of policyKinds(policy, where, notes)) {
      rules.push(withoutEmpty({ ...entry, kind, message: text }));
    }
  }
  return externalOptions(options?.default === 'allow' ? 'allow' : 'disallow', rules);
}

/**
 * `external`'s options. boundaries checks nothing in a file in no element, while Palisade's
 * `external` checks every file: with a disallowing default, such files may import any package.
 */
function externalOptions(policy, rules) {
  const outside = policy === 'disallow' ? [{ from: [{ unknown: true }], allow: ['*'] }] : [];
  return { default: policy, rules: [...outside, ...rules] };
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

/** boundaries' legacy `["type", { captured }]` (or `["type"]`) selector. */
function isLegacyTuple(value) {
  return Array.isArray(value) && typeof value[0] === 'string' && (value.length === 1 || (value.length === 2 && isPlainObject(value[1])));
}

/** The object without its undefined properties. */
function withoutEmpty(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
