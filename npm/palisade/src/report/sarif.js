// `palisade check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. One run listing
// every rule, paths relative to the workspace root (`ROOT`), and fingerprints built from rule,
// file, specifier and occurrence, so a result keeps its identity when lines shift.

import { pathToFileURL } from 'node:url';
import { ruleMetadata } from '../engine.js';
import { packageVersion } from '../package-version.js';
import { publicDiagnostic } from './public-diagnostic.js';

/**
 * @param {import('../check-command.js').ReportInput} input
 * @returns {string}
 */
export function renderSarif({ root, diagnostics }) {
  const rules = ruleMetadata();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const occurrences = new Map();
  const results = diagnostics.map((d) => {
    const p = publicDiagnostic(d);
    // Stable across line shifts: rule, file, specifier and which occurrence of them it is.
    const key = `${p.rule}:${p.file}:${p.specifier ?? ''}`;
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    return {
      ruleId: p.rule,
      ruleIndex: ruleIndex.get(p.rule),
      level: p.severity === 'error' ? 'error' : 'warning',
      message: { text: `${p.message}. Help: ${p.help}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: p.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'ROOT' },
            region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
          },
        },
      ],
      partialFingerprints: { 'palisade/v1': `${key}:${occurrence}` },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'palisade',
            version: packageVersion(),
            informationUri: 'https://github.com/palisade-dev/palisade',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: rule.docsUrl,
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        originalUriBaseIds: { ROOT: { uri: `${pathToFileURL(root).href}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
