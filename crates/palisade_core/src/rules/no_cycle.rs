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
cycle is reported once, with the shortest cycle through it.

## Why is this bad?
Modules in a cycle cannot be understood, tested, built or loaded on their own; initialisation order
bugs (`undefined` at import time) and tangled releases follow.

## How it works
Strongly connected components are computed once per run; an import is in a cycle exactly when both
ends are in the same component, so each edge is checked in constant time. The shortest cycle through
a reported import is a breadth-first search inside its component.

This rule needs the whole graph: the CLI (`palisade check`) runs it; the ESLint plugin and the SWC
plugin, which see one file at a time, do not yet.

## Options
- `typeOnly` (default `false`): count type-only imports (`import type`), which vanish at runtime.
- `dynamic` (default `false`): count lazy `import()` edges.
- `projects` (default `true`): also report project-level cycles.
- `ignore`: workspace-relative file globs; cycles through a matching file are not reported.
",
};

/// Options of `no-cycle`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Options {
    /// Count type-only imports. Default: `false`.
    #[serde(default)]
    pub type_only: bool,
    /// Count dynamic `import()` edges. Default: `false`.
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
#[derive(Debug, Clone)]
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

impl Rule {
    pub fn new(options: &Options) -> Result<Self, OptionsError> {
        let ignore = compile_globs(&options.ignore, &[PathSegment::Key("ignore".into())], Flavor::Path)?;
        Ok(Self {
            type_only: options.type_only,
            dynamic: options.dynamic,
            projects: options.projects.unwrap_or(true),
            ignore,
        })
    }

    fn counts(&self, kind: DependencyKind) -> bool {
        match kind {
            DependencyKind::TypeOnly => self.type_only,
            DependencyKind::Dynamic => self.dynamic,
            _ => true,
        }
    }

    /// Every cycle-closing import. `files` are the workspace-relative source files; `project_of`
    /// gives each file's project (index and name).
    pub fn check(
        &self,
        files: &[String],
        edges: &[GraphEdge],
        project_of: &dyn Fn(usize) -> Option<(usize, String)>,
    ) -> Vec<CycleFinding> {
        let counted: Vec<&GraphEdge> = edges.iter().filter(|e| self.counts(e.kind) && e.from != e.to).collect();
        let mut out = Vec::new();
        let file_cycles = cycles_through(files.len(), counted.iter().map(|e| (e.from, e.to)));
        for (edge, path) in counted.iter().zip(file_cycles) {
            let Some(path) = path else { continue };
            if path.iter().any(|&node| self.ignore.iter().any(|g| g.is_match(&files[node]))) {
                continue;
            }
            let cycle: Vec<String> = path.iter().map(|&node| files[node].clone()).collect();
            let finding = Finding::new("fileCycle", edge.span)
                .with("specifier", edge.specifier.clone())
                .with("length", (path.len() - 1).to_string())
                .with("path", cycle.join(" → "));
            out.push(CycleFinding { file: edge.from, finding, cycle });
        }
        if !self.projects {
            return out;
        }
        // Project level: one node per project, an edge per cross-project import.
        let mut names: Vec<String> = Vec::new();
        let mut node_of = rustc_hash::FxHashMap::default();
        let mut project_edges = Vec::new();
        let mut edge_sources = Vec::new();
        for edge in &counted {
            let (Some((from, from_name)), Some((to, to_name))) = (project_of(edge.from), project_of(edge.to)) else {
                continue;
            };
            if from == to {
                continue;
            }
            let mut node = |project: usize, name: String| {
                *node_of.entry(project).or_insert_with(|| {
                    names.push(name);
                    names.len() - 1
                })
            };
            let (a, b) = (node(from, from_name), node(to, to_name));
            project_edges.push((a, b));
            edge_sources.push(*edge);
        }
        let project_cycles = cycles_through(names.len(), project_edges.iter().copied());
        for ((edge, (a, b)), path) in edge_sources.iter().zip(&project_edges).zip(project_cycles) {
            let Some(path) = path else { continue };
            let cycle: Vec<String> = path.iter().map(|&node| names[node].clone()).collect();
            let finding = Finding::new("projectCycle", edge.span)
                .with("specifier", edge.specifier.clone())
                .with("source", names[*a].clone())
                .with("target", names[*b].clone())
                .with("path", cycle.join(" → "));
            out.push(CycleFinding { file: edge.from, finding, cycle });
        }
        out
    }
}

/// For each edge `(from, to)` of a graph on `nodes` nodes: the shortest cycle through it as a node
/// path `from, to, …, from`, or `None` when the edge is in no cycle. Strongly connected
/// components are found once; only edges inside one are searched.
fn cycles_through(nodes: usize, edges: impl Iterator<Item = (usize, usize)> + Clone) -> Vec<Option<Vec<usize>>> {
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(nodes, 0);
    for _ in 0..nodes {
        graph.add_node(());
    }
    for (from, to) in edges.clone() {
        graph.update_edge(NodeIndex::new(from), NodeIndex::new(to), ());
    }
    let mut component = vec![usize::MAX; nodes];
    for (index, members) in tarjan_scc(&graph).iter().enumerate() {
        if members.len() > 1 {
            for node in members {
                component[node.index()] = index;
            }
        }
    }
    // Each distinct return path (`to` back to `from`) is searched once.
    let mut memo: rustc_hash::FxHashMap<(usize, usize), Option<Vec<usize>>> = rustc_hash::FxHashMap::default();
    edges
        .map(|(from, to)| {
            if component[from] == usize::MAX || component[from] != component[to] {
                return None;
            }
            let back = memo.entry((to, from)).or_insert_with(|| shortest_path(&graph, &component, to, from)).clone()?;
            let mut path = Vec::with_capacity(back.len() + 1);
            path.push(from);
            path.extend(back);
            Some(path)
        })
        .collect()
}

/// Breadth-first shortest path `start … goal` staying inside `start`'s component.
fn shortest_path(graph: &DiGraph<(), ()>, component: &[usize], start: usize, goal: usize) -> Option<Vec<usize>> {
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
        let mut neighbours: Vec<usize> = graph.neighbors(NodeIndex::new(node)).map(NodeIndex::index).collect();
        // Deterministic: lower file index first.
        neighbours.sort_unstable();
        for next in neighbours {
            if component[next] == component[start] && !previous.contains_key(&next) {
                previous.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::cycles_through;
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
    fn shortest_cycle_through_each_edge() {
        // 0 → 1 → 2 → 0, 1 → 0, 3 → 0 (not in a cycle).
        let edges = vec![(0, 1), (1, 2), (2, 0), (1, 0), (3, 0)];
        let found = cycles_through(4, edges.into_iter());
        assert_eq!(
            found,
            vec![Some(vec![0, 1, 0]), Some(vec![1, 2, 0, 1]), Some(vec![2, 0, 1, 2]), Some(vec![1, 0, 1]), None]
        );
    }
}
