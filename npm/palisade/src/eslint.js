// The ESLint plugin: one ESLint rule per Palisade rule. The core checks a file once; every rule
// reports its own share of that one result, so enabling all six costs one check per file.

import { createRequire } from 'node:module';
import { PalisadeConfigError } from './config-error.js';
import { checkOpened, ruleMetadata, workspaceFor } from './engine.js';

const { name, version } = createRequire(import.meta.url)('../package.json');

/** Core rules with no ESLint rule: ESLint reports its own parse errors. */
const RULES_NOT_IN_ESLINT = new Set(['parse-error']);

/**
 * Rules answered from the whole-workspace graph rather than the file alone. The graph is built
 * once per process, on the first file such a rule lints; later files refresh only their own edges,
 * so only processes that run one of these rules pay for it.
 */
const GRAPH_RULES = new Set(['no-cycle']);

/**
 * Everything the core says about one file, shared by all Palisade rules linting it.
 * @typedef {object} FileReport
 * @property {Map<string, any[]>} diagnosticsByRule
 * @property {(() => any[]) | undefined} graphDiagnostics the file's whole-graph diagnostics, on demand
 * @property {PalisadeConfigError | undefined} configError
 * @property {boolean} configErrorReported the first Palisade rule to run reports it; the rest don't
 */

/** @type {WeakMap<object, FileReport>} keyed by `context.sourceCode`: one per file per lint pass */
const fileReports = new WeakMap();

/** @type {FileReport} */
const NOTHING_TO_REPORT = Object.freeze({
  diagnosticsByRule: new Map(),
  graphDiagnostics: undefined,
  configError: undefined,
  configErrorReported: true,
});

function fileReportFor(context) {
  let report = fileReports.get(context.sourceCode);
  if (report === undefined) {
    report = checkFile(context);
    fileReports.set(context.sourceCode, report);
  }
  return report;
}

/** @returns {FileReport} */
function checkFile(context) {
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
  const opened = workspaceFor(context.filename, { ...settings, cwd: context.cwd });
  if (opened === undefined) {
    return NOTHING_TO_REPORT;
  }
  if (opened.configError !== undefined) {
    return { diagnosticsByRule: new Map(), configError: opened.configError, configErrorReported: false };
  }
  const diagnosticsByRule = new Map();
  for (const diagnostic of checkOpened(opened, context.filename, context.sourceCode.text)) {
    const forRule = diagnosticsByRule.get(diagnostic.rule);
    if (forRule === undefined) {
      diagnosticsByRule.set(diagnostic.rule, [diagnostic]);
    } else {
      forRule.push(diagnostic);
    }
  }
  const { filename } = context;
  const { text } = context.sourceCode;
  const graphDiagnostics = () => opened.workspace.checkCycles(filename, text);
  return { diagnosticsByRule, graphDiagnostics, configError: undefined, configErrorReported: true };
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
  const messages = { configError: '{{message}}' };
  for (const [messageId, { message, help }] of Object.entries(metadata.messages)) {
    messages[messageId] = `${message}. Help: ${help}`;
  }

  return {
    meta: {
      type: 'problem',
      docs: {
        description: metadata.description,
        url: metadata.docsUrl,
        recommended: metadata.recommended,
      },
      schema: [],
      messages,
    },
    create(context) {
      return {
        Program() {
          const report = fileReportFor(context);
          if (!report.configErrorReported) {
            report.configErrorReported = true;
            context.report({
              loc: { line: 1, column: 0 },
              messageId: 'configError',
              data: { message: report.configError.message },
            });
          }
          const diagnostics = GRAPH_RULES.has(metadata.id)
            ? (report.graphDiagnostics?.() ?? [])
            : (report.diagnosticsByRule.get(metadata.id) ?? []);
          for (const diagnostic of diagnostics) {
            context.report(toEslintReport(diagnostic));
          }
        },
      };
    },
  };
}

/** ESLint renders `messages[messageId]` with `data`, which gives the core's `<message>. Help: <help>`. */
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

const rules = Object.fromEntries(
  ruleMetadata()
    .filter(({ id }) => !RULES_NOT_IN_ESLINT.has(id))
    .map((metadata) => [metadata.id, createRule(metadata)]),
);

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
