// The ESLint plugin: one ESLint rule per Palisade rule. The core checks a file once; every rule
// reports its own share of that one result, so enabling all six costs one check per file.

import { createRequire } from 'node:module';
import { PalisadeConfigError } from './config-error.js';
import { checkOpened, isEngineFailure, restartEngine, ruleMetadata, wasm, workspaceFor } from './engine.js';

const { name, version } = createRequire(import.meta.url)('../package.json');


/**
 * Everything the core says about one file, shared by all Palisade rules linting it.
 * @typedef {object} FileReport
 * @property {Map<string, any[]>} diagnosticsByRule
 * @property {(() => Map<string, any[]>) | undefined} graphDiagnostics the file's whole-graph
 *   diagnostics by rule, computed once on demand
 * @property {PalisadeConfigError | undefined} configError
 * @property {boolean} configErrorReported the first Palisade rule to run reports it; the rest don't
 */

/**
 * Keyed by `context.sourceCode` (one per file per lint pass), then by the rules ESLint's options
 * set (`''` for `palisade.json`'s).
 * @type {WeakMap<object, Map<string, FileReport>>}
 */
const fileReports = new WeakMap();

/** @type {FileReport} */
const NOTHING_TO_REPORT = Object.freeze({
  diagnosticsByRule: new Map(),
  graphDiagnostics: undefined,
  configError: undefined,
  configErrorReported: true,
});

/**
 * @param {any} context
 * @param {import('./engine.js').RulesOverride} [rules]
 */
function fileReportFor(context, rules) {
  let reports = fileReports.get(context.sourceCode);
  if (reports === undefined) {
    reports = new Map();
    fileReports.set(context.sourceCode, reports);
  }
  const key = rules?.json ?? '';
  let report = reports.get(key);
  if (report === undefined) {
    report = checkFile(context, rules);
    reports.set(key, report);
  }
  return report;
}

/**
 * @param {any} context
 * @param {import('./engine.js').RulesOverride} [rules]
 * @returns {FileReport}
 */
function checkFile(context, rules) {
  // Code blocks a processor extracts (e.g. from Markdown) are not files of the workspace.
  if (context.filename !== context.physicalFilename) {
    return NOTHING_TO_REPORT;
  }
  let settings;
  try {
    settings = settingsOf(context);
  } catch (error) {
    return { diagnosticsByRule: new Map(), configError: error, configErrorReported: false };
  }
  const opened = workspaceFor(context.filename, { ...settings, cwd: context.cwd, rules });
  if (opened === undefined) {
    return NOTHING_TO_REPORT;
  }
  if (opened.configError !== undefined) {
    return { diagnosticsByRule: new Map(), configError: opened.configError, configErrorReported: false };
  }
  const { filename } = context;
  const { text } = context.sourceCode;
  let diagnosticsByRule;
  try {
    diagnosticsByRule = byRule(checkOpened(opened, filename, text));
  } catch (error) {
    return engineFailureReport(error, filename);
  }
  /** @type {Map<string, any[]> | undefined} */
  let graphByRule;
  const graphDiagnostics = () => {
    try {
      graphByRule ??= byRule(opened.workspace.checkGraph(filename, text));
    } catch (error) {
      engineFailureReport(error, filename);
      graphByRule = new Map();
    }
    return graphByRule;
  };
  return { diagnosticsByRule, graphDiagnostics, configError: undefined, configErrorReported: true };
}

/**
 * A failure of the engine itself on `filename` (rethrown when it is anything else): the engine is
 * restarted so that the next files are checked, and this file gets one error saying so.
 * @returns {FileReport}
 */
function engineFailureReport(error, filename) {
  if (!isEngineFailure(error)) {
    throw error;
  }
  restartEngine();
  const message = `palisade: the engine failed while checking ${filename} (${error.message}) and was restarted; this file is not checked. Please report this at https://github.com/palisade-dev/palisade/issues`;
  return { diagnosticsByRule: new Map(), configError: new PalisadeConfigError(message), configErrorReported: false };
}

/** @returns {Map<string, any[]>} */
function byRule(diagnostics) {
  const grouped = new Map();
  for (const diagnostic of diagnostics) {
    const forRule = grouped.get(diagnostic.rule);
    if (forRule === undefined) {
      grouped.set(diagnostic.rule, [diagnostic]);
    } else {
      forRule.push(diagnostic);
    }
  }
  return grouped;
}

/** @type {Record<string, object> | undefined} */
let optionsSchemas;

/**
 * The JSON Schema of a rule's ESLint options; `undefined` for a rule that takes none. The rules
 * that have one also take their options from ESLint, as the tool they replace did: with options,
 * they use those instead of `palisade.json`'s setting.
 */
function optionsSchemaOf(id) {
  optionsSchemas ??= JSON.parse(wasm().ruleOptionsSchemas());
  return Object.hasOwn(optionsSchemas, id) ? optionsSchemas[id] : undefined;
}

/**
 * Overrides by options object: ESLint hands every file of a config block the same one, so each is
 * serialised once, not once per file.
 * @type {WeakMap<object, import('./engine.js').RulesOverride>}
 */
const overridesByOptions = new WeakMap();

/** The rules ESLint's options for rule `id` set, or `undefined` to use `palisade.json`'s. */
function rulesFromOptions(id, options) {
  if (optionsSchemaOf(id) === undefined || options.length === 0) {
    return undefined;
  }
  let override = overridesByOptions.get(options);
  if (override === undefined) {
    override = { json: JSON.stringify({ [id]: ['error', options[0]] }), origin: `ESLint options of palisade/${id}` };
    overridesByOptions.set(options, override);
  }
  return override;
}

/** @returns {{ root?: string, configFile?: string }} */
function settingsOf(context) {
  const settings = context.settings?.palisade ?? {};
  if (typeof settings !== 'object' || Array.isArray(settings)) {
    throw new PalisadeConfigError('palisade: ESLint `settings.palisade` must be an object like { root, configFile }');
  }
  const { root, configFile } = settings;
  for (const [key, value] of Object.entries({ root, configFile })) {
    if (value !== undefined && typeof value !== 'string') {
      throw new PalisadeConfigError(`palisade: ESLint \`settings.palisade.${key}\` must be a path string`);
    }
  }
  return { root, configFile };
}

function createRule(metadata) {
  // A rule of kind `graph` is answered (in part) from the whole-workspace import graph rather
  // than the file alone. The graph is built once per process, on the first file such a rule
  // lints; later files refresh only their own edges, so only processes that run one pay for it.
  const readsGraph = metadata.kind === 'graph';
  const optionsSchema = optionsSchemaOf(metadata.id);
  const messages = { configError: '{{message}}' };
  for (const [messageId, { eslint }] of Object.entries(metadata.messages)) {
    messages[messageId] = eslint;
  }

  return {
    meta: {
      type: 'problem',
      docs: {
        description: metadata.description,
        url: metadata.docsUrl,
        recommended: metadata.recommended,
      },
      schema: optionsSchema === undefined ? [] : [optionsSchema],
      messages,
    },
    create(context) {
      const rules = rulesFromOptions(metadata.id, context.options);
      return {
        Program() {
          const report = fileReportFor(context, rules);
          if (!report.configErrorReported) {
            report.configErrorReported = true;
            context.report({
              loc: { line: 1, column: 0 },
              messageId: 'configError',
              data: { message: report.configError.message },
            });
          }
          const diagnostics = [
            ...(report.diagnosticsByRule.get(metadata.id) ?? []),
            ...((readsGraph && report.graphDiagnostics?.().get(metadata.id)) || []),
          ];
          for (const diagnostic of diagnostics) {
            context.report(toEslintReport(diagnostic));
          }
        },
      };
    },
  };
}

/** ESLint renders `messages[messageId]` (the core's one-line template) with `data`: `<message>. Help: <help>`. */
function toEslintReport(diagnostic) {
  return {
    loc: {
      start: { line: diagnostic.line, column: diagnostic.column },
      end: { line: diagnostic.endLine, column: diagnostic.endColumn },
    },
    messageId: diagnostic.messageId,
    data: diagnostic.data,
  };
}

// `parse-error` included: a file ESLint's parser rejects never reaches a rule, and one it read but
// Palisade's parser cannot (nested too deeply, say) must not pass in silence.
const rules = Object.fromEntries(ruleMetadata().map((metadata) => [metadata.id, createRule(metadata)]));

const plugin = {
  meta: { name, version, namespace: 'palisade' },
  rules,
  configs: {},
};

plugin.configs.recommended = {
  name: 'palisade/recommended',
  files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
  plugins: { palisade: plugin },
  rules: Object.fromEntries(Object.keys(rules).map((id) => [`palisade/${id}`, 'error'])),
};

export default plugin;
