// dependency-cruiser peer of the cli bench (bench/run.mjs --suite cli): one rule, no-circular, over
// the workspace's TypeScript sources with its tsconfig paths (`@bench/*`) resolved. Run with the
// workspace as the current directory: `depcruise --config <this file> --output-type baseline libs apps`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      // as Palisade counts cycles: type-only imports and import() are no runtime edges
      to: {
        circular: true,
        dependencyTypesNot: ['type-only', 'dynamic-import'],
        viaOnly: { dependencyTypesNot: ['type-only', 'dynamic-import'] },
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    // parse the TypeScript source (not the compiled output), so that `import type` is seen as such
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
