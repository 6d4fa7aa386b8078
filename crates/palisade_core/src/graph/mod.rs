//! The workspace's import graph, for the rules that need all of it (`no-cycle`, the project-graph
//! part of `enforce-module-boundaries`): each source file's resolved imports of other source
//! files and the npm packages it imports. The workspace builds it once per run (or once per
//! process in an editor) and keeps it current file by file; rules read it through a
//! [`GraphView`] and keep what they derive from it (components, the project graph) in its memo,
//! which is dropped whenever an edge changes.

mod components;
mod projects;

use std::any::{Any, TypeId};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

pub use components::Components;
pub use projects::ProjectLinks;

use crate::diagnostic::{Finding, Span};
use crate::imports::DependencyKind;
use crate::project::ProjectGraph;

/// One resolved import between two workspace source files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphEdge {
    /// Index into the workspace's source files.
    pub from: usize,
    pub to: usize,
    pub kind: DependencyKind,
    pub specifier: String,
    pub span: Span,
}

/// A graph rule's finding on the import at `finding`'s span in source file `file`.
pub struct GraphFinding {
    /// Index into the workspace's source files.
    pub file: usize,
    pub finding: Finding,
    /// `no-cycle`: the files (or projects) around the cycle, the first repeated at the end.
    pub cycle: Vec<String>,
}

/// Which files' imports a graph rule reports on: all of them (a whole check) or one (an editor
/// linting that file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nodes {
    All,
    One(usize),
}

/// The import graph over the workspace's source files.
#[derive(Default)]
pub struct ImportGraph {
    /// Each source file's resolved workspace-internal imports.
    edges: Vec<Vec<GraphEdge>>,
    /// A hash of the text each file's edges came from; `None` when not known.
    hashes: Vec<Option<u64>>,
    /// npm packages each source file imports (recorded only when a graph rule asks for them).
    packages: Vec<Vec<String>>,
    /// Each source file's project.
    owners: Vec<Option<usize>>,
    /// What rules derived from the edges, by type; dropped whenever an edge changes.
    memo: Mutex<rustc_hash::FxHashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
    /// Set when files may have changed on disk since they were read.
    pub stale: bool,
}

impl ImportGraph {
    /// An empty graph on source files whose projects are `owners`.
    pub fn new(owners: Vec<Option<usize>>, stale: bool) -> Self {
        let count = owners.len();
        Self {
            edges: vec![Vec::new(); count],
            hashes: vec![None; count],
            packages: vec![Vec::new(); count],
            owners,
            memo: Mutex::default(),
            stale,
        }
    }

    fn len(&self) -> usize {
        self.edges.len()
    }

    /// Every edge, by importing file.
    pub fn all_edges(&self) -> impl Iterator<Item = &GraphEdge> {
        self.edges.iter().flatten()
    }

    /// Adds an edge found by a check (edges out of range are dropped).
    pub fn add_edge(&mut self, edge: GraphEdge) {
        if edge.from < self.len() && edge.to < self.len() {
            self.edges[edge.from].push(edge);
            self.forget();
        }
    }

    /// Records that source file `file` imports npm `package`.
    pub fn add_package(&mut self, file: usize, package: String) {
        if let Some(slot) = self.packages.get_mut(file) {
            slot.push(package);
            self.forget();
        }
    }

    /// Records the hash of the text source file `file`'s edges came from.
    pub fn set_hash(&mut self, file: usize, hash: u64) {
        if let Some(slot) = self.hashes.get_mut(file) {
            *slot = Some(hash);
        }
    }

    /// Whether source file `file`'s edges came from text with this hash.
    pub fn is_current(&self, file: usize, hash: u64) -> bool {
        self.hashes.get(file).is_some_and(|known| *known == Some(hash))
    }

    /// Replaces source file `file`'s edges and packages, read from text with hash `hash`; what
    /// rules derived is dropped when the graph changed (positions aside).
    pub fn replace_file(&mut self, file: usize, edges: Vec<GraphEdge>, packages: Vec<String>, hash: u64) {
        let Some(slot) = self.edges.get_mut(file) else { return };
        let same_targets =
            slot.len() == edges.len() && slot.iter().zip(&edges).all(|(a, b)| a.to == b.to && a.kind == b.kind);
        if !same_targets || self.packages[file] != packages {
            self.forget();
        }
        self.edges[file] = edges;
        self.packages[file] = packages;
        self.hashes[file] = Some(hash);
    }

    fn forget(&mut self) {
        if let Ok(memo) = self.memo.get_mut() {
            memo.clear();
        }
    }

    /// The graph as rules read it, with the workspace's `files` and `projects`.
    pub fn view<'a>(&'a self, files: &'a [String], projects: &'a ProjectGraph) -> GraphView<'a> {
        GraphView { graph: self, files, projects }
    }
}

/// What a graph rule reads: the edges, each file's project and npm packages, the workspace's
/// files and projects, and a memo for what it derives from them.
#[derive(Clone, Copy)]
pub struct GraphView<'a> {
    graph: &'a ImportGraph,
    files: &'a [String],
    projects: &'a ProjectGraph,
}

impl<'a> GraphView<'a> {
    /// The workspace-relative source files; edges name them by index.
    pub fn files(&self) -> &'a [String] {
        self.files
    }

    pub fn projects(&self) -> &'a ProjectGraph {
        self.projects
    }

    /// The project of source file `file`.
    pub fn owner(&self, file: usize) -> Option<usize> {
        self.graph.owners.get(file).copied().flatten()
    }

    /// The imports of the files in `nodes`.
    pub fn edges(&self, nodes: Nodes) -> impl Iterator<Item = &'a GraphEdge> + Clone + 'a {
        let graph = self.graph;
        let range = match nodes {
            Nodes::All => 0..graph.len(),
            Nodes::One(file) => file.min(graph.len())..(file + 1).min(graph.len()),
        };
        graph.edges[range].iter().flatten()
    }

    /// The npm packages source file `file` imports (recorded only when a rule asks for them).
    pub fn packages(&self, file: usize) -> impl Iterator<Item = &'a str> + 'a {
        self.graph.packages.get(file).into_iter().flatten().map(String::as_str)
    }

    /// The value of type `T` derived from this graph: built by `build` on first use, kept until
    /// an edge changes. One value per type: a rule keeps its own types here.
    pub fn memo<T: Any + Send + Sync>(&self, build: impl FnOnce(&Self) -> T) -> Arc<T> {
        let key = TypeId::of::<T>();
        let known = self.graph.memo.lock().ok().and_then(|memo| memo.get(&key).cloned());
        if let Some(value) = known.and_then(|value| value.downcast::<T>().ok()) {
            return value;
        }
        let value = Arc::new(build(self));
        if let Ok(mut memo) = self.graph.memo.lock() {
            memo.insert(key, value.clone());
        }
        value
    }

    /// The project graph (file imports, `package.json` dependencies, `implicitDependencies`).
    pub fn project_links(&self) -> Arc<ProjectLinks> {
        self.memo(ProjectLinks::build)
    }
}
