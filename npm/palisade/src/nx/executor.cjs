// The `palisade:check` Nx executor: `palisade check` on one project's files, with every project
// they reach in view, run from the workspace root. Options are in ./schema.json.

/**
 * @param {{ config?: string, format?: string, maxWarnings?: number, threads?: number }} options
 * @param {{ root: string, projectName?: string, projectsConfigurations?: { projects: Record<string, { root: string }> } }} context
 * @returns {Promise<{ success: boolean }>}
 */
module.exports = async function check(options, context) {
  const { main } = await import('../cli.js');
  const project = context.projectName === undefined ? undefined : context.projectsConfigurations?.projects[context.projectName];
  const argv = ['check', project?.root || '.'];
  if (options.config !== undefined) argv.push('--config', options.config);
  if (options.format !== undefined) argv.push('--format', options.format);
  if (options.maxWarnings !== undefined) argv.push('--max-warnings', String(options.maxWarnings));
  if (options.threads !== undefined) argv.push('--threads', String(options.threads));
  const code = await main(argv, { cwd: context.root, stdout: process.stdout, stderr: process.stderr });
  return { success: code === 0 };
};
