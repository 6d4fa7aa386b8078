//! The project graph, as Nx builds it, derived from the import graph.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::{GraphView, Nodes};
use crate::imports::DependencyKind;
use crate::project::package_name_of;

/// How one project depends on another.
#[derive(Debug, Clone, Default)]
struct Link {
    /// Files with an import of any kind.
    files: BTreeSet<usize>,
    /// Files with a dynamic `import()`; a link with no files comes from `package.json`
    /// dependencies or `implicitDependencies`.
    dynamic_files: BTreeSet<usize>,
}

/// The project graph, as Nx builds it: file imports, `package.json` dependencies on workspace
/// packages and `implicitDependencies`.
#[derive(Debug, Clone, Default)]
pub struct ProjectLinks {
    links: Vec<BTreeMap<usize, Link>>,
    /// npm packages each project's files import.
    packages: Vec<BTreeSet<String>>,
}

impl ProjectLinks {
    /// From the graph's imports between source files and the npm packages each file imports.
    pub fn build(graph: &GraphView<'_>) -> Self {
        let projects = graph.projects();
        let mut deps =
            Self { links: vec![BTreeMap::new(); projects.len()], packages: vec![BTreeSet::new(); projects.len()] };
        for edge in graph.edges(Nodes::All) {
            let (Some(from), Some(to)) = (graph.owner(edge.from), graph.owner(edge.to)) else { continue };
            if from == to {
                continue;
            }
            let link = deps.links[from].entry(to).or_default();
            link.files.insert(edge.from);
            if edge.kind == DependencyKind::Dynamic {
                link.dynamic_files.insert(edge.from);
            }
        }
        for file in 0..graph.files().len() {
            let Some(project) = graph.owner(file) else { continue };
            for package in graph.packages(file) {
                deps.packages[project].insert(package_name_of(package).0.to_string());
            }
        }
        for index in 0..projects.len() {
            for target in projects.declared_dependencies(index) {
                deps.links[index].entry(target).or_default();
            }
        }
        deps
    }

    /// A shortest path of dependencies from `from` to `to` (both ends included), if any.
    pub fn path(&self, from: usize, to: usize) -> Option<Vec<usize>> {
        self.search(from, to, |_| true)
    }

    fn search(&self, from: usize, to: usize, follow: impl Fn(&Link) -> bool) -> Option<Vec<usize>> {
        let mut previous: BTreeMap<usize, usize> = BTreeMap::new();
        let mut queue = VecDeque::from([from]);
        let mut seen = BTreeSet::from([from]);
        while let Some(current) = queue.pop_front() {
            for (next, link) in &self.links[current] {
                if !follow(link) || !seen.insert(*next) {
                    continue;
                }
                previous.insert(*next, current);
                if *next == to {
                    let mut path = vec![to];
                    let mut at = to;
                    while let Some(before) = previous.get(&at) {
                        path.push(*before);
                        at = *before;
                    }
                    path.reverse();
                    return Some(path);
                }
                queue.push_back(*next);
            }
        }
        None
    }

    /// Whether `to` is reached from `from` through `import()` edges alone.
    pub fn lazily_reaches(&self, from: usize, to: usize) -> bool {
        self.search(from, to, |link| !link.dynamic_files.is_empty()).is_some()
    }

    /// Every project reachable from `from`, itself included, in index order.
    pub fn reachable(&self, from: usize) -> Vec<usize> {
        let mut seen = BTreeSet::from([from]);
        let mut stack = vec![from];
        while let Some(current) = stack.pop() {
            for next in self.links[current].keys() {
                if seen.insert(*next) {
                    stack.push(*next);
                }
            }
        }
        seen.into_iter().collect()
    }

    /// Files of `from` importing `to`.
    pub fn files(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        self.links[from].get(&to).into_iter().flat_map(|link| link.files.iter().copied())
    }

    /// Files of `from` importing `to` with `import()`.
    pub fn dynamic_files(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        self.links[from].get(&to).into_iter().flat_map(|link| link.dynamic_files.iter().copied())
    }

    /// npm packages the files of `project` import.
    pub fn packages(&self, project: usize) -> impl Iterator<Item = &str> {
        self.packages[project].iter().map(String::as_str)
    }
}
