//! The checks on the project graph, in Nx's order: cycles, apps and e2e projects, buildable
//! libraries, lazy-loaded libraries, tag constraints (transitive ones included), deep imports.

use super::EnforceModuleBoundaries;
use super::paths::{entry_point_of, is_absolute_into_project, is_relative};
use crate::diagnostic::Finding;
use crate::graph::{GraphEdge, ProjectLinks};
use crate::imports::DependencyKind;
use crate::project::{Project, ProjectGraph, ProjectKind};
use crate::rules::tags::TagPattern;

impl EnforceModuleBoundaries {
    /// Whether an import edge between two files goes on to the graph checks.
    pub(super) fn needs_graph(&self, edge: &GraphEdge, source: usize, target: usize) -> bool {
        source != target
            && !is_relative(&edge.specifier)
            && !is_absolute_into_project(&edge.specifier)
            && !self.allowed(&edge.specifier)
    }

    /// The checks on the project graph, in Nx's order, for an import (`needs_graph`) of project
    /// `target` from project `source`; `files` are the workspace's source files.
    pub(super) fn check_graph_edge(
        &self,
        edge: &GraphEdge,
        (source, target): (usize, usize),
        graph: &ProjectLinks,
        projects: &ProjectGraph,
        files: &[String],
    ) -> Option<Finding> {
        let (from, to) = (projects.get(source), projects.get(target));
        let import = edge.specifier.as_str();
        let finding = |id: &'static str| {
            Finding::new(id, edge.span)
                .with("sourceProjectName", from.name.clone())
                .with("targetProjectName", to.name.clone())
                .with("imp", import)
        };
        if let Some(path) = graph.path(target, source)
            && !path.windows(2).any(|pair| self.ignores_pair(&projects.get(pair[0]).name, &projects.get(pair[1]).name))
        {
            let names: Vec<&str> = path.iter().map(|p| projects.get(*p).name.as_str()).collect();
            let mut chain = format!("- {}", files[edge.from]);
            for pair in path.windows(2) {
                let through: Vec<&str> = graph.files(pair[0], pair[1]).map(|file| files[file].as_str()).collect();
                let shown = match through.as_slice() {
                    [one] => (*one).to_string(),
                    many => {
                        format!("[{}\n  ]", many.iter().map(|f| format!("\n    {f}")).collect::<Vec<_>>().join(","))
                    }
                };
                chain.push_str(&format!("\n- {shown}"));
            }
            return Some(
                finding("noCircularDependencies")
                    .with("path", format!("{} -> {}", from.name, names.join(" -> ")))
                    .with("filePaths", chain),
            );
        }
        match to.kind {
            ProjectKind::App if !to.exposes_modules => return Some(finding("noImportsOfApps")),
            ProjectKind::E2e => return Some(finding("noImportsOfE2e")),
            _ => {}
        }
        let buildable = |p: &Project| self.build_targets.iter().any(|t| p.targets.contains(t));
        if self.enforce_buildable
            && from.kind == ProjectKind::Lib
            && to.kind == ProjectKind::Lib
            && buildable(from)
            && !buildable(to)
        {
            return Some(finding("noImportOfNonBuildableLibraries"));
        }
        let file = &files[edge.to];
        if matches!(edge.kind, DependencyKind::Static | DependencyKind::SideEffect)
            && !self.dynamic_exceptions.iter().any(|m| m.is_match(import))
            && graph.lazily_reaches(source, target)
            && entry_point_of(to, file).is_none()
        {
            let lazy: Vec<String> = graph.dynamic_files(source, target).map(|f| format!("- {}", files[f])).collect();
            return Some(finding("noImportsOfLazyLoadedLibraries").with("filePaths", lazy.join("\n")));
        }
        if let Some(found) = self.check_tags(&finding, (source, target), graph, projects) {
            return Some(found);
        }
        if self.deep_imports && (!to.entries.is_empty() || !to.entry_globs.is_empty()) && !to.is_entry(file) {
            let entry =
                to.public_specifier.clone().unwrap_or_else(|| to.entries.iter().next().cloned().unwrap_or_default());
            return Some(finding("noDeepImports").with("file", file.clone()).with("entry", entry));
        }
        None
    }

    /// The tag constraints, in order, on a dependency of `source` on `target`; `finding` starts a
    /// finding on the import.
    fn check_tags(
        &self,
        finding: &impl Fn(&'static str) -> Finding,
        (source, target): (usize, usize),
        graph: &ProjectLinks,
        projects: &ProjectGraph,
    ) -> Option<Finding> {
        let (from, to) = (projects.get(source), projects.get(target));
        if !self.constraints.is_empty() {
            let mut applying = self.constraints_for(from).peekable();
            if applying.peek().is_none() {
                return Some(finding("projectWithoutTagsCannotHaveDependencies"));
            }
            for constraint in applying {
                if let Some(only) = &constraint.only {
                    if !only.is_empty() && !only.iter().any(|p| p.matches_any(&to.tags)) {
                        return Some(
                            finding("onlyTagsConstraintViolation")
                                .with("sourceTag", constraint.label())
                                .with("tags", stringify_tags(only)),
                        );
                    }
                    if only.is_empty() && !to.tags.is_empty() {
                        return Some(finding("emptyOnlyTagsConstraintViolation").with("sourceTag", constraint.label()));
                    }
                }
                if !constraint.not.is_empty() {
                    let paths: Vec<String> = graph
                        .reachable(target)
                        .into_iter()
                        .filter(|p| constraint.not.iter().any(|pattern| pattern.matches_any(&projects.get(*p).tags)))
                        .map(|p| {
                            let path = graph.path(target, p).unwrap_or_else(|| vec![target]);
                            let names: Vec<&str> = path.iter().map(|q| projects.get(*q).name.as_str()).collect();
                            format!("- {}", names.join(" -> "))
                        })
                        .collect();
                    if !paths.is_empty() {
                        return Some(
                            finding("notTagsConstraintViolation")
                                .with("sourceTag", constraint.label())
                                .with("tags", stringify_tags(&constraint.not))
                                .with("projects", paths.join("\n")),
                        );
                    }
                }
                if self.check_nested_external && (!constraint.banned.is_empty() || constraint.allowed.is_some()) {
                    let nested = graph.reachable(target).into_iter().find_map(|p| {
                        graph.packages(p).find(|package| constraint.bans(package, package)).map(|package| (p, package))
                    });
                    if let Some((child, package)) = nested {
                        return Some(
                            finding("nestedBannedExternalImportsViolation")
                                .with("sourceTag", constraint.label())
                                .with("packageName", package.to_string())
                                .with("childProjectName", projects.get(child).name.clone()),
                        );
                    }
                }
            }
        }
        None
    }
}

fn stringify_tags(patterns: &[TagPattern]) -> String {
    patterns.iter().map(|p| format!("\"{}\"", p.source)).collect::<Vec<_>>().join(", ")
}
