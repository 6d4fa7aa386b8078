// An import resolver for eslint-plugin-boundaries (eslint-module-utils, interface version 2) that
// resolves as TypeScript does, with the `paths` of the tsconfig its `project` option names
// (relative to the working directory): what eslint-import-resolver-typescript gives a TypeScript
// workspace, which this repository does not install. Packages resolve as Node resolves them.

'use strict';

const { isBuiltin } = require('node:module');
const { dirname, resolve } = require('node:path');
const ts = require('typescript');

const optionsByProject = new Map();

function compilerOptions(project) {
  let options = optionsByProject.get(project);
  if (options === undefined) {
    const { config } = ts.readConfigFile(project, ts.sys.readFile);
    // Extensionless relative imports, as a bundler or `tsc` with CommonJS output accepts them.
    options = {
      ...ts.parseJsonConfigFileContent(config, ts.sys, dirname(project)).options,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
    };
    optionsByProject.set(project, options);
  }
  return options;
}

exports.interfaceVersion = 2;

exports.resolve = (source, file, config) => {
  if (isBuiltin(source)) {
    // As eslint-import-resolver-node answers for Node's own modules.
    return { found: true, path: null };
  }
  const project = resolve(config?.project ?? 'tsconfig.json');
  const { resolvedModule } = ts.resolveModuleName(source, file, compilerOptions(project), ts.sys);
  if (resolvedModule !== undefined && !resolvedModule.isExternalLibraryImport) {
    return { found: true, path: resolvedModule.resolvedFileName };
  }
  try {
    return { found: true, path: require.resolve(source, { paths: [dirname(file)] }) };
  } catch {
    return { found: false };
  }
};
