// Renders `palisade explain` (one file's verdicts, for people) and `palisade graph` (the
// architecture as Graphviz dot, Mermaid or JSON, violating links in red). Names from the workspace
// are printed through `printable`, except in JSON, which is data.

import { printable, printableMessage } from './printable-text.js';

/**
 * @param {any} explanation from `Workspace.explain`
 * @param {(style: string, text: string) => string} paint
 */
export function renderExplanation(explanation, paint) {
  const lines = [paint('bold', printable(explanation.file))];
  if (explanation.notChecked !== undefined) {
    lines.push(`  not checked: ${printable(explanation.notChecked)}`);
    return `${lines.join('\n')}\n`;
  }
  const project = explanation.project;
  lines.push(
    project === undefined
      ? '  project: (none)'
      : `  project: ${printable(project.name)} (${project.root === '' ? 'the root' : printable(project.root)}), tags ${list(project.tags)}` +
          `${project.publicSpecifier === undefined ? '' : `, imported as \`${printable(project.publicSpecifier)}\``}`,
  );
  const element = explanation.element;
  lines.push(
    element === undefined
      ? '  element: (none)'
      : `  element: ${printable(element.label)} (type \`${printable(element.type)}\`, base ${printable(element.base)}${
          Object.keys(element.captures).length === 0
            ? ''
            : `, captures ${Object.entries(element.captures).map(([k, v]) => printable(`${k}=${v}`)).join(', ')}`
        })`,
  );
  lines.push(`  rules: ${explanation.rules.map(([id, severity]) => `${id} (${severity})`).join(', ') || '(none)'}`);
  lines.push(explanation.imports.length === 0 ? '  imports: (none)' : '  imports:');
  for (const item of explanation.imports) {
    const target = item.target === undefined ? undefined : printable(item.target);
    const where = item.resolution === 'file' ? `→ ${target}` : target === undefined ? `(${item.resolution})` : `→ ${item.resolution} ${target}`;
    const owner = [item.targetProject && `project ${printable(item.targetProject)}`, item.targetElement && `element ${printable(item.targetElement)}`]
      .filter(Boolean)
      .join(', ');
    const verdict = item.diagnostics.length === 0 ? paint('green', 'ok') : paint('red', item.diagnostics.map((d) => d.rule).join(', '));
    lines.push(`    ${item.line}:${item.column + 1} ${item.kind} \`${printable(item.specifier)}\` ${where}${owner === '' ? '' : ` [${owner}]`}: ${verdict}`);
    for (const d of item.diagnostics) {
      lines.push(`      ${d.rule}: ${printableMessage(d)}`, `        help: ${printable(d.help)}`);
    }
  }
  for (const d of explanation.fileDiagnostics) {
    lines.push(`  ${paint('red', d.rule)}: ${printableMessage(d)}`, `    help: ${printable(d.help)}`);
  }
  return `${lines.join('\n')}\n`;
}

function list(items) {
  return items.length === 0 ? '(none)' : items.map((item) => `\`${printable(item)}\``).join(', ');
}

/** @param {{ nodes: any[], links: any[] }} graph @param {'dot' | 'mermaid' | 'json'} format @param {string} level */
export function renderGraph(graph, format, level) {
  if (format === 'json') {
    return `${JSON.stringify({ level, ...graph }, null, 2)}\n`;
  }
  return format === 'dot' ? renderDot(graph) : renderMermaid(graph);
}

function renderDot({ nodes, links }) {
  const quote = (text) => `"${text.replace(/["\\]/gu, (c) => `\\${c}`).replace(/\n/gu, '\\n')}"`;
  const lines = ['digraph palisade {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  for (const node of nodes) {
    const detail = [`${node.files} file${node.files === 1 ? '' : 's'}`, ...(node.tags ?? []).map(printable)].join('\n');
    lines.push(`  ${quote(printable(node.id))} [label=${quote(`${printable(node.id)}\n${detail}`)}];`);
  }
  for (const link of links) {
    const attributes = link.violations.length === 0
      ? `label="${link.imports}"`
      : `label=${quote(`${link.imports} · ${link.violations.join(', ')}`)}, color=red, fontcolor=red, penwidth=2`;
    lines.push(`  ${quote(printable(link.from))} -> ${quote(printable(link.to))} [${attributes}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function renderMermaid({ nodes, links }) {
  const ids = new Map(nodes.map((node, index) => [node.id, `n${index}`]));
  const label = (text) => `"${text.replace(/"/gu, '#quot;')}"`;
  const lines = ['flowchart LR'];
  for (const node of nodes) {
    lines.push(`  ${ids.get(node.id)}[${label(`${printable(node.id)} (${node.files})`)}]`);
  }
  const red = [];
  links.forEach((link, index) => {
    const text = link.violations.length === 0 ? `${link.imports}` : `${link.imports} · ${link.violations.join(', ')}`;
    lines.push(`  ${ids.get(link.from)} -->|${label(text)}| ${ids.get(link.to)}`);
    if (link.violations.length > 0) {
      red.push(index);
    }
  });
  if (red.length > 0) {
    lines.push(`  linkStyle ${red.join(',')} stroke:#d00,stroke-width:2px,color:#d00`);
  }
  return `${lines.join('\n')}\n`;
}
