// The benchmark's own cycle oracle: strongly connected components (iterative Tarjan) over the
// imports the generator wrote, and the `no-cycle` diagnostics Palisade must report for them.
// Written independently of Palisade's Rust rule, so that it can check it.

/**
 * Strongly connected components of a directed graph on `nodeCount` nodes.
 * @param {number} nodeCount
 * @param {Iterable<[number, number]>} edges
 * @returns {{ component: Int32Array, members: number[][] }} each node's component id, and the
 *   members of each component
 */
export function stronglyConnectedComponents(nodeCount, edges) {
  const successors = Array.from({ length: nodeCount }, () => []);
  for (const [from, to] of edges) successors[from].push(to);

  const index = new Int32Array(nodeCount).fill(-1);
  const lowLink = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const component = new Int32Array(nodeCount).fill(-1);
  const members = [];
  const stack = [];
  let counter = 0;
  // explicit call stack of [node, next successor position]: workspaces are deep enough to overflow recursion
  const calls = [];
  for (let root = 0; root < nodeCount; root += 1) {
    if (index[root] !== -1) continue;
    calls.push([root, 0]);
    index[root] = lowLink[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (calls.length > 0) {
      const frame = calls[calls.length - 1];
      const node = frame[0];
      if (frame[1] < successors[node].length) {
        const next = successors[node][frame[1]];
        frame[1] += 1;
        if (index[next] === -1) {
          index[next] = lowLink[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          calls.push([next, 0]);
        } else if (onStack[next] === 1) {
          lowLink[node] = Math.min(lowLink[node], index[next]);
        }
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const parent = calls[calls.length - 1][0];
        lowLink[parent] = Math.min(lowLink[parent], lowLink[node]);
      }
      if (lowLink[node] === index[node]) {
        const id = members.length;
        const group = [];
        let member;
        do {
          member = stack.pop();
          onStack[member] = 0;
          component[member] = id;
          group.push(member);
        } while (member !== node);
        members.push(group);
      }
    }
  }
  return { component, members };
}

/**
 * @typedef {object} WrittenImport one import (or re-export) the generator wrote
 * @property {string} from workspace-relative importer
 * @property {string | undefined} to workspace-relative file it resolves to (undefined: npm, built-in, unresolved)
 * @property {number} line 1-based line of the specifier
 * @property {string} specifier
 * @property {'static' | 'export' | 'side-effect' | 'type' | 'dynamic'} kind
 */

/** Imports that form runtime edges: `import type` and `import()` do not (Palisade's defaults). */
export const counts = (edge) => edge.to !== undefined && edge.kind !== 'type' && edge.kind !== 'dynamic' && edge.from !== edge.to;

/**
 * The cycles formed by `imports`: file components (more than one file) and project components
 * (more than one project; an edge per cross-project import).
 * @param {WrittenImport[]} imports
 * @param {(file: string) => string | undefined} projectOf project name of a file
 */
export function findCycles(imports, projectOf) {
  const counted = imports.filter(counts);
  const files = [...new Set(counted.flatMap((e) => [e.from, e.to]))].sort();
  const fileIndex = new Map(files.map((f, i) => [f, i]));
  const fileScc = stronglyConnectedComponents(files.length, counted.map((e) => [fileIndex.get(e.from), fileIndex.get(e.to)]));

  const crossProject = counted.filter((e) => {
    const a = projectOf(e.from);
    const b = projectOf(e.to);
    return a !== undefined && b !== undefined && a !== b;
  });
  const projects = [...new Set(crossProject.flatMap((e) => [projectOf(e.from), projectOf(e.to)]))].sort();
  const projectIndex = new Map(projects.map((p, i) => [p, i]));
  const projectScc = stronglyConnectedComponents(
    projects.length,
    crossProject.map((e) => [projectIndex.get(projectOf(e.from)), projectIndex.get(projectOf(e.to))]),
  );

  const sameComponent = (scc, a, b) => scc.component[a] === scc.component[b];
  return {
    fileComponents: fileScc.members.filter((m) => m.length > 1).map((m) => m.map((i) => files[i]).sort()),
    projectComponents: projectScc.members.filter((m) => m.length > 1).map((m) => m.map((i) => projects[i]).sort()),
    /** imports with both files in one component */
    fileCycleImports: counted.filter((e) => sameComponent(fileScc, fileIndex.get(e.from), fileIndex.get(e.to))),
    /** cross-project imports with both projects in one component */
    projectCycleImports: crossProject.filter((e) => sameComponent(
      projectScc, projectIndex.get(projectOf(e.from)), projectIndex.get(projectOf(e.to)),
    )),
  };
}

/**
 * The `no-cycle` entries of expected-violations.json, one per import at its line, as Palisade's
 * rule reports them: `fileCycle` (kind `file-cycle`) for an import on a file cycle, else
 * `projectCycle` (kind `project-cycle`) for a cross-project import on a project cycle.
 * @param {ReturnType<typeof findCycles>} cycles
 */
export function expectedCycleDiagnostics(cycles) {
  const onFileCycle = new Set(cycles.fileCycleImports);
  const entry = (e, kind) => ({ file: e.from, line: e.line, rule: 'no-cycle', kind, specifier: e.specifier });
  return [
    ...cycles.fileCycleImports.map((e) => entry(e, 'file-cycle')),
    ...cycles.projectCycleImports.filter((e) => !onFileCycle.has(e)).map((e) => entry(e, 'project-cycle')),
  ];
}
