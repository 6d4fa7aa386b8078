// The `palisade:check` Nx executor: `palisade check` on one project's files, with every project
// they reach in view, run from the workspace root. Options are in ./schema.json.

/**
 * @param {{ config?: string, format?: 'pretty' | 'json' | 'sarif' | 'github', maxWarnings?: number, threads?: number }} options
 * @param {{ root: string, projectName?: string, projectsConfigurations?: { projects: Record<string, { root: string }> } }} context
 * @returns {Promise<{ success: boolean }>}
 */
module.exports = async function check(options, context) {
  const [{ runCheck }, { reportInternalError }, { useColor }] = await Promise.all([
    import('../check-command.js'),
    import('../internal-error.js'),
    import('../terminal-style.js'),
  ]);
  const project = context.projectName === undefined ? undefined : context.projectsConfigurations?.projects[context.projectName];
  try {
    const { exitCode, output, notes } = await runCheck(
      {
        paths: [project?.root || '.'],
        config: options.config,
        format: options.format,
        maxWarnings: options.maxWarnings,
        threads: options.threads,
        color: useColor(process.stdout),
      },
      { cwd: context.root, stderr: process.stderr },
    );
    process.stdout.write(output);
    if (notes !== '') process.stderr.write(notes);
    return { success: exitCode === 0 };
  } catch (error) {
    reportInternalError(error, process.stderr);
    return { success: false };
  }
};
