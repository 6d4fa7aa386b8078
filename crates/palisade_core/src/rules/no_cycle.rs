//! `no-cycle`: import cycles between files and between projects, found on the whole graph.

use std::collections::VecDeque;

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{OptionsError, compile_globs};
use crate::config::PathSegment;
use crate::diagnostic::{Finding, MessageTemplate, RuleMeta, Span};
use crate::imports::DependencyKind;
use crate::pattern::{Flavor, Glob};

const HELP: &str =
    "break the cycle: move what both sides need into a module they can both import, or invert one dependency";

pub const META: RuleMeta = RuleMeta {
    id: "no-cycle",
    description: "Import cycles between files and between projects",
    recommended: true,
    messages: &[
        MessageTemplate {
            id: "fileCycle",
            message: "`{{specifier}}` closes an import cycle through {{length}} files: {{path}}",
            help: HELP,
        },
        MessageTemplate {
            id: "projectCycle",
            message: "`{{specifier}}` makes `{{source}}` depend on `{{target}}`, which depends back on it: {{path}}",
            help: HELP,
        },
    ],
    docs: r"## What it does
Finds import cycles on the whole workspace graph: between files, and between projects (a project
cycle can run through files that are not themselves in a file cycle). Each import that closes a
cycle is reported once, with the shortest cycle through it: as a file cycle when it is on one, else
as a project cycle.

## Why is this bad?
Modules in a cycle cannot be understood, tested, built or loaded on their own; initialisation order
bugs (`undefined` at import time) and tangled releases follow.

## How it works
Strongly connected components are computed once per run; an import is in a cycle exactly when both
ends are in the same component, so each edge is checked in constant time. The shortest cycle through
a reported import is a breadth-first search inside its component.

This rule needs the whole graph. The CLI (`palisade check`) builds it once per run. The ESLint
plugin builds it once per process (in each `--concurrency` worker), on the first file it lints with
this rule on, then refreshes only the linted file's own imports from the text ESLint hands over, so
an unsaved buffer in an editor is checked as typed; files changed on disk are picked up after a
pause. The SWC plugin, which sees one file and no file system, does not run it.

## Options
- `typeOnly` (default `false`): count type-only imports (`import type`), which vanish at runtime.
- `dynamic` (default `false`): count lazy edges: `import()`, and `require.resolve()`, which names a
  module without loading it.
- `projects` (default `true`): also report project-level cycles.
- `ignore`: workspace-relative file globs; cycles through a matching file are not reported.
",
};

/// Options of `no-cycle`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NoCycleOptions {
    /// Count type-only imports. Default: `false`.
    #[serde(default)]
    pub type_only: bool,
    /// Count lazy edges (`import()`, `require.resolve()`). Default: `false`.
    #[serde(default)]
    pub dynamic: bool,
    /// Report project-level cycles too. Default: `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projects: Option<bool>,
    /// Workspace-relative file globs; cycles through a matching file are not reported.
    #[serde(default)]
    pub ignore: Vec<String>,
}

pub struct Rule {
    type_only: bool,
    dynamic: bool,
    projects: bool,
    ignore: Vec<Glob>,
}

/// One resolved import between two workspace files, as the whole-graph rules see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphEdge {
    /// Index into the workspace's source files.
    pub from: usize,
    pub to: usize,
    pub kind: DependencyKind,
    pub specifier: String,
    pub span: Span,
}

/// A cycle finding on the file at `file` (index into the source files), with its path.
pub struct CycleFinding {
    pub file: usize,
    pub finding: Finding,
    /// Workspace-relative files (or project names), first repeated at the end.
    pub cycle: Vec<String>,
}

/// How the rule sees the workspace's projects: each file's project, each project's name.
pub struct ProjectsView<'a> {
    pub count: usize,
    pub of_file: &'a dyn Fn(usize) -> Option<usize>,
    pub name: &'a dyn Fn(usize) -> String,
}

/// The strongly connected components of the file graph and of the project graph, computed once;
/// asking whether an edge is in a cycle is then a lookup, and the shortest cycle through it a
/// search inside its component (memoised).
pub struct CycleIndex {
    files: Components,
    projects: Option<Components>,
}

impl Rule {
    pub fn new(options: &NoCycleOptions) -> Result<Self, OptionsError> {
        let ignore = compile_globs(&options.ignore, &[PathSegment::Key("ignore".into())], Flavor::Path)?;
        Ok(Self {
            type_only: options.type_only,
            dynamic: options.dynamic,
            projects: options.projects.unwrap_or(true),
            ignore,
        })
    }

    /// Whether an edge of `kind` between two different files takes part in cycles.
    pub fn counts(&self, edge: &GraphEdge) -> bool {
        edge.from != edge.to
            && match edge.kind {
                DependencyKind::TypeOnly => self.type_only,
                DependencyKind::Dynamic | DependencyKind::RequireResolve => self.dynamic,
                _ => true,
            }
    }

    /// The components of the graph on `files` nodes with `edges` (all of them; uncounted kinds
    /// are skipped here).
    pub fn index<'e>(
        &self,
        files: usize,
        edges: impl Iterator<Item = &'e GraphEdge> + Clone,
        projects: &ProjectsView<'_>,
    ) -> CycleIndex {
        let counted = edges.filter(|edge| self.counts(edge));
        let file_graph = Components::new(files, counted.clone().map(|edge| (edge.from, edge.to)));
        let project_graph = self.projects.then(|| {
            Components::new(
                projects.count,
                counted.filter_map(|edge| project_edge(edge, projects)).filter(|(from, to)| from != to),
            )
        });
        CycleIndex { files: file_graph, projects: project_graph }
    }

    /// The cycle-closing imports among `edges`, against the components in `index`. `files` are the
    /// workspace-relative source files.
    pub fn findings<'e>(
        &self,
        index: &mut CycleIndex,
        files: &[String],
        edges: impl Iterator<Item = &'e GraphEdge>,
        projects: &ProjectsView<'_>,
    ) -> Vec<CycleFinding> {
        let mut out = Vec::new();
        for edge in edges.filter(|edge| self.counts(edge)) {
            if let Some(path) = index.files.cycle_through(edge.from, edge.to)
                && !path.iter().any(|&node| self.ignore.iter().any(|g| g.is_match(&files[node])))
            {
                let cycle: Vec<String> = path.iter().map(|&node| files[node].clone()).collect();
                let finding = Finding::new("fileCycle", edge.span)
                    .with("specifier", edge.specifier.clone())
                    .with("length", (path.len() - 1).to_string())
                    .with("path", cycle.join(" → "));
                out.push(CycleFinding { file: edge.from, finding, cycle });
                // One report per import: the file cycle already names it.
                continue;
            }
            let Some(project_graph) = index.projects.as_mut() else { continue };
            let Some((from, to)) = project_edge(edge, projects).filter(|(from, to)| from != to) else { continue };
            if let Some(path) = project_graph.cycle_through(from, to) {
                let cycle: Vec<String> = path.iter().map(|&node| (projects.name)(node)).collect();
                let finding = Finding::new("projectCycle", edge.span)
                    .with("specifier", edge.specifier.clone())
                    .with("source", (projects.name)(from))
                    .with("target", (projects.name)(to))
                    .with("path", cycle.join(" → "));
                out.push(CycleFinding { file: edge.from, finding, cycle });
            }
        }
        out
    }
}

fn project_edge(edge: &GraphEdge, projects: &ProjectsView<'_>) -> Option<(usize, usize)> {
    Some(((projects.of_file)(edge.from)?, (projects.of_file)(edge.to)?))
}

/// A directed graph's strongly connected components, and shortest cycles through its edges.
struct Components {
    /// Successors of each node, sorted: searches visit lower indices first, so output is stable.
    successors: Vec<Vec<usize>>,
    /// Each node's component, `usize::MAX` for a node in no cycle.
    component: Vec<usize>,
    /// Shortest return paths (`to` back to `from`), each searched once.
    memo: rustc_hash::FxHashMap<(usize, usize), Option<Vec<usize>>>,
}

impl Components {
    fn new(nodes: usize, edges: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut successors = vec![Vec::new(); nodes];
        let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(nodes, 0);
        for _ in 0..nodes {
            graph.add_node(());
        }
        for (from, to) in edges {
            successors[from].push(to);
        }
        for (from, next) in successors.iter_mut().enumerate() {
            next.sort_unstable();
            next.dedup();
            for &to in next.iter() {
                graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
            }
        }
        let mut component = vec![usize::MAX; nodes];
        for (index, members) in tarjan_scc(&graph).iter().enumerate() {
            if members.len() > 1 {
                for node in members {
                    component[node.index()] = index;
                }
            }
        }
        Self { successors, component, memo: rustc_hash::FxHashMap::default() }
    }

    /// The shortest cycle through the edge `from → to` as the node path `from, to, …, from`, or
    /// `None` when the edge is in no cycle.
    fn cycle_through(&mut self, from: usize, to: usize) -> Option<Vec<usize>> {
        let in_cycle = self.component.get(from).is_some_and(|&c| c != usize::MAX && Some(&c) == self.component.get(to));
        if !in_cycle {
            return None;
        }
        if !self.memo.contains_key(&(to, from)) {
            let back = self.shortest_path(to, from);
            self.memo.insert((to, from), back);
        }
        let back = self.memo[&(to, from)].as_ref()?;
        let mut path = Vec::with_capacity(back.len() + 1);
        path.push(from);
        path.extend(back);
        Some(path)
    }

    /// Breadth-first shortest path `start … goal` staying inside `start`'s component.
    fn shortest_path(&self, start: usize, goal: usize) -> Option<Vec<usize>> {
        let mut previous = rustc_hash::FxHashMap::default();
        previous.insert(start, start);
        let mut queue = VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            if node == goal {
                let mut path = vec![goal];
                let mut current = goal;
                while current != start {
                    current = previous[&current];
                    path.push(current);
                }
                path.reverse();
                return Some(path);
            }
            for &next in &self.successors[node] {
                if self.component[next] == self.component[start] && !previous.contains_key(&next) {
                    previous.insert(next, node);
                    queue.push_back(next);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::Components;
    use crate::host::MemoryHost;
    use crate::workspace::Workspace;

    #[test]
    fn a_bad_ignore_glob_names_its_json_path() {
        let config = "{\n  \"rules\": {\n    \"no-cycle\": [\"error\", { \"ignore\": [\"src/{a\"] }]\n  }\n}";
        let host = MemoryHost::new().with_file("/w/palisade.json", config).with_file("/w/a.ts", "");
        let Err(err) = Workspace::open(Arc::new(host), Path::new("/w"), Some(Path::new("/w/palisade.json"))) else {
            panic!("the config is invalid");
        };
        assert_eq!(err.json_path, "rules.no-cycle[1].ignore[0]");
        assert_eq!(err.line, 3);
        assert!(err.reason.contains("unclosed"), "{}", err.reason);
    }

    #[test]
    fn the_linted_text_updates_only_its_own_edges() {
        let host = MemoryHost::new()
            .with_file("/w/package.json", "{}")
            .with_file("/w/a.ts", "import { b } from './b';")
            .with_file("/w/b.ts", "import { c } from './c';")
            .with_file("/w/c.ts", "import { a } from './a';");
        let workspace = Workspace::open(Arc::new(host), Path::new("/w"), None).unwrap_or_else(|err| panic!("{err}"));
        let cycles = |file: &str, text: &str| -> Vec<String> {
            workspace.check_graph(&Path::new("/w").join(file), text).iter().map(|d| d.cycle.join(" ")).collect()
        };
        assert_eq!(cycles("a.ts", "import { b } from './b';"), ["a.ts b.ts c.ts a.ts"]);
        // An unsaved buffer that drops the import: the cycle is gone for every file.
        assert!(cycles("c.ts", "export const c = 1;").is_empty());
        assert!(cycles("a.ts", "import { b } from './b';").is_empty());
        // A type-only import does not count; a value import through a new path closes a shorter cycle.
        assert!(cycles("b.ts", "import type { A } from './a';").is_empty());
        assert_eq!(cycles("b.ts", "import { a } from './a';"), ["b.ts a.ts b.ts"]);
        assert_eq!(cycles("a.ts", "\u{feff}import { b } from './b';"), ["a.ts b.ts a.ts"]);
    }

    #[test]
    fn shortest_cycle_through_each_edge() {
        // 0 → 1 → 2 → 0, 1 → 0, 3 → 0 (not in a cycle).
        let edges = [(0, 1), (1, 2), (2, 0), (1, 0), (3, 0)];
        let mut components = Components::new(4, edges.iter().copied());
        let found: Vec<_> = edges.iter().map(|&(from, to)| components.cycle_through(from, to)).collect();
        assert_eq!(
            found,
            vec![Some(vec![0, 1, 0]), Some(vec![1, 2, 0, 1]), Some(vec![2, 0, 1, 2]), Some(vec![1, 0, 1]), None]
        );
    }
}
