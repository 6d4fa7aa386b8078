// The Nx plugin (`palisade/nx` in nx.json's `plugins`): infers a cacheable target, `palisade` by
// default, on every project that has source files. The target runs the `palisade:check` executor,
// which checks the project's files with what they reach in view (cycles and entry points cross
// projects), so its inputs are the project's files, its dependencies' files, palisade.json, the
// tsconfig files and the installed Palisade.
//
// CommonJS, because Nx loads plugins with `require`; the rule core is an ES module, imported on
// demand.

const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const OPTIONS = {
  targetName: 'string',
  configFile: 'string',
};

/**
 * @param {unknown} options the plugin's `options` in nx.json
 * @returns {{ targetName: string, configFile: string | undefined }}
 */
function readOptions(options) {
  if (options === undefined || options === null) return { targetName: 'palisade', configFile: undefined };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`palisade/nx: the plugin's options in nx.json must be an object, not ${JSON.stringify(options)}`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (!Object.hasOwn(OPTIONS, key)) {
      throw new Error(`palisade/nx: unknown option \`${key}\` in nx.json (plugins → palisade/nx → options); known: ${Object.keys(OPTIONS).join(', ')}`);
    }
    if (typeof value !== OPTIONS[key] || value === '') {
      throw new Error(`palisade/nx: option \`${key}\` in nx.json must be a non-empty ${OPTIONS[key]}, not ${JSON.stringify(value)}`);
    }
  }
  return { targetName: options.targetName ?? 'palisade', configFile: options.configFile };
}

/** `/`-separated, `.` for the workspace root. */
function rootOf(configFile) {
  const root = dirname(configFile).split('\\').join('/');
  return root === '' ? '.' : root;
}

/**
 * The roots (workspace-relative, `.` for the root) of the projects Palisade finds that own at
 * least one source file: a file belongs to the deepest project containing it.
 */
async function rootsWithSources(workspaceRoot, configFile) {
  const { Workspace } = await import('../index.js');
  const workspace = Workspace.open({ root: workspaceRoot, configFile: configFile && join(workspaceRoot, configFile) });
  try {
    const owning = new Set();
    for (const root of workspace.sourceOwners()) {
      if (root !== null) owning.add(root || '.');
    }
    return owning;
  } finally {
    workspace.close();
  }
}

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb'];

/**
 * The input that stands for the installed Palisade. Nx knows npm packages from the lockfile: when
 * the root package.json declares Palisade and a lockfile exists, its version there
 * (`externalDependencies`); otherwise Nx would refuse the input, so the version installed, asked
 * of Node (`runtime`).
 */
function palisadeVersionInput(workspaceRoot) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8'));
  } catch {
    manifest = {};
  }
  const declared = ['dependencies', 'devDependencies', 'optionalDependencies'].some((field) => manifest?.[field]?.palisade !== undefined);
  if (declared && LOCKFILES.some((name) => existsSync(join(workspaceRoot, name)))) {
    return { externalDependencies: ['palisade'] };
  }
  return { runtime: 'node -p "require(\'palisade/package.json\').version"' };
}

function palisadeTarget(configFile, versionInput) {
  return {
    executor: 'palisade:check',
    cache: true,
    inputs: [
      'default',
      '^default',
      `{workspaceRoot}/${configFile ?? 'palisade.json'}`,
      '{workspaceRoot}/tsconfig*.json',
      versionInput,
    ],
    outputs: [],
    options: configFile === undefined ? {} : { config: configFile },
    metadata: {
      technologies: ['palisade'],
      description: "Checks this project's files against the architecture rules of palisade.json",
      help: { command: 'npx palisade --help', example: { options: { format: 'json' } } },
    },
  };
}

/** @type {import('nx/src/project-graph/plugins').CreateNodesV2<unknown>} */
const createNodesV2 = [
  '**/{project.json,package.json}',
  async (configFiles, rawOptions, context) => {
    const { targetName, configFile } = readOptions(rawOptions);
    const owning = await rootsWithSources(context.workspaceRoot, configFile);
    const target = palisadeTarget(configFile, palisadeVersionInput(context.workspaceRoot));
    return configFiles.map((file) => {
      const root = rootOf(file);
      if (!owning.has(root)) return [file, {}];
      return [file, { projects: { [root]: { targets: { [targetName]: target } } } }];
    });
  },
];

module.exports = { createNodesV2, createNodes: createNodesV2, name: 'palisade/nx' };
