//! Looking inside a workspace: why one file gets the verdicts it gets (`explain`), and the
//! architecture as a graph of projects, elements or files with its violating edges (`graph`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::Workspace;
use crate::diagnostic::{Diagnostic, LineIndex};
use crate::graph::ImportGraph;
use crate::imports::{DependencyKind, extract_imports};
use crate::resolve::Resolution;

/// Everything Palisade knows about one file.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// Workspace-relative.
    pub file: String,
    /// Why the file is not checked, when it is not (outside the workspace, ignored, not source).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_checked: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<ProjectFacts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<ElementFacts>,
    /// The rules that run on it, with their severity.
    pub rules: Vec<(&'static str, &'static str)>,
    pub imports: Vec<ImportFacts>,
    /// Diagnostics on the file itself rather than on one import (`no-unknown-files`, `parse-error`).
    pub file_diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectFacts {
    pub name: String,
    pub root: String,
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_specifier: Option<String>,
    pub entries: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ElementFacts {
    #[serde(rename = "type")]
    pub element_type: String,
    pub label: String,
    pub captures: BTreeMap<String, String>,
    pub base: String,
}

/// One import of the explained file: what it names, where it leads, what the rules say.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportFacts {
    pub specifier: String,
    pub kind: DependencyKind,
    /// 1-based line, 0-based UTF-16 column of the specifier.
    pub line: usize,
    pub column: usize,
    /// `file`, `package`, `builtin`, `unresolved` or `outside`.
    pub resolution: &'static str,
    /// The file, package or built-in it resolves to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_project: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_element: Option<String>,
    /// Empty when every rule allows it.
    pub diagnostics: Vec<Diagnostic>,
}

/// What `Workspace::architecture` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Project,
    Element,
    File,
}

impl Level {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "project" => Some(Self::Project),
            "element" => Some(Self::Element),
            "file" => Some(Self::File),
            _ => None,
        }
    }
}

/// The workspace as a graph at one level: nodes, and one link per pair of nodes with imports
/// between them.
#[derive(Debug, Default, Serialize)]
pub struct Architecture {
    pub nodes: Vec<ArchitectureNode>,
    pub links: Vec<ArchitectureLink>,
}

#[derive(Debug, Serialize)]
pub struct ArchitectureNode {
    pub id: String,
    /// Source files in it.
    pub files: usize,
    /// Project tags, at the project level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The project's folder, workspace-relative (`""` for the root), at the project level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub root: Option<String>,
    /// `app`, `lib` or `e2e`, at the project level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct ArchitectureLink {
    pub from: String,
    pub to: String,
    /// Imports along it.
    pub imports: usize,
    /// The rules that report imports along it, sorted; empty for a clean link.
    pub violations: Vec<&'static str>,
}

fn describe(resolution: &Resolution) -> (&'static str, Option<String>) {
    match resolution {
        Resolution::Local { file } => ("file", Some(file.clone())),
        Resolution::Npm { package, subpath } => {
            ("package", Some(subpath.as_ref().map_or_else(|| package.clone(), |rest| format!("{package}/{rest}"))))
        }
        Resolution::Builtin { name } => ("builtin", Some(name.clone())),
        Resolution::Unresolved => ("unresolved", None),
        Resolution::Outside => ("outside", None),
        Resolution::WorkspacePackage { package, subpath, .. } => (
            "workspace-package",
            Some(subpath.as_ref().map_or_else(|| package.clone(), |rest| format!("{package}/{rest}"))),
        ),
        Resolution::Ignored { path, .. } => ("ignored", Some(path.clone())),
    }
}

impl Workspace {
    /// Explains the file at `path` (absolute) whose text is `text`: its project, element and
    /// captures, the rules that apply, and each import with its kind, resolution and verdicts
    /// (cycles included).
    pub fn explain(&self, path: &Path, text: &str) -> Explanation {
        let file = self.relative(path).unwrap_or_else(|| path.to_string_lossy().replace('\\', "/"));
        let mut explanation = Explanation {
            file: file.clone(),
            not_checked: None,
            project: None,
            element: None,
            rules: self.rules.enabled().into_iter().map(|(id, severity)| (id, severity.as_str())).collect(),
            imports: Vec::new(),
            file_diagnostics: Vec::new(),
        };
        if self.relative(path).is_none() {
            explanation.not_checked = Some("it is outside the workspace".into());
            return explanation;
        }
        if !self.is_checked(&file) {
            explanation.not_checked =
                Some("it is ignored, in an excluded folder, or not a JavaScript/TypeScript source".into());
            return explanation;
        }
        explanation.project = self.projects.owner_of(&file).map(|index| {
            let project = self.projects.get(index);
            ProjectFacts {
                name: project.name.clone(),
                root: project.root.clone(),
                tags: project.tags.clone(),
                public_specifier: project.public_specifier.clone(),
                entries: project.entries.iter().cloned().collect(),
            }
        });
        explanation.element = self.element_of(&file).map(|element| ElementFacts {
            element_type: element.element_type.clone(),
            label: element.label(),
            captures: element.captures.iter().cloned().collect(),
            base: element.base.clone(),
        });
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut diagnostics = self.check_file(path, text);
        diagnostics.extend(self.check_graph(path, text));
        let Ok(imports) = extract_imports(&file, text) else {
            explanation.file_diagnostics = diagnostics;
            return explanation;
        };
        let lines = LineIndex::new(text);
        for import in &imports {
            let resolution = self.resolver.resolve(path, &import.specifier);
            let (kind, target) = describe(&resolution);
            let (target_project, target_element) = match &resolution {
                Resolution::Local { file } => (
                    self.projects.owner_of(file).map(|index| self.projects.get(index).name.clone()),
                    self.element_of(file).map(|element| element.label()),
                ),
                _ => (None, None),
            };
            let position = lines.position(import.span.start);
            let (mine, rest): (Vec<Diagnostic>, Vec<Diagnostic>) =
                diagnostics.into_iter().partition(|d| d.span == import.span);
            diagnostics = rest;
            explanation.imports.push(ImportFacts {
                specifier: import.specifier.clone(),
                kind: import.kind,
                line: position.line,
                column: position.column,
                resolution: kind,
                target,
                target_project,
                target_element,
                diagnostics: mine,
            });
        }
        explanation.file_diagnostics = diagnostics;
        explanation
    }

    /// The workspace at `level`: every source file's resolved imports, grouped by project,
    /// element or file, with the rules that report imports along each link.
    pub fn architecture(&self, level: Level) -> Architecture {
        let report = self.check_all();
        let mut violations: rustc_hash::FxHashMap<(&str, usize), Vec<&'static str>> = rustc_hash::FxHashMap::default();
        for diagnostic in &report.diagnostics {
            violations.entry((diagnostic.file.as_str(), diagnostic.span.start)).or_default().push(diagnostic.rule);
        }
        let node_of = |file: &str| -> Option<String> {
            match level {
                Level::File => Some(file.to_string()),
                Level::Project => self.projects.owner_of(file).map(|index| self.projects.get(index).name.clone()),
                Level::Element => self.element_of(file).map(|element| element.label()),
            }
        };
        let mut nodes: BTreeMap<String, ArchitectureNode> = BTreeMap::new();
        for file in self.source_files() {
            if let Some(id) = node_of(file) {
                let project = match level {
                    Level::Project => self.projects.owner_of(file).map(|index| self.projects.get(index)),
                    _ => None,
                };
                let node = nodes.entry(id.clone()).or_insert_with(|| ArchitectureNode {
                    id,
                    files: 0,
                    tags: project.map(|p| p.tags.clone()).unwrap_or_default(),
                    root: project.map(|p| p.root.clone()),
                    kind: project.map(|p| p.kind.as_str()),
                });
                node.files += 1;
            }
        }
        let mut links: BTreeMap<(String, String), ArchitectureLink> = BTreeMap::new();
        let Ok(graph) = self.graph.lock() else { return Architecture::default() };
        for edge in graph.iter().flat_map(ImportGraph::all_edges) {
            let (from_file, to_file) = (&self.source_files()[edge.from], &self.source_files()[edge.to]);
            let (Some(from), Some(to)) = (node_of(from_file), node_of(to_file)) else { continue };
            if from == to {
                continue;
            }
            let link = links.entry((from.clone(), to.clone())).or_insert(ArchitectureLink {
                from,
                to,
                imports: 0,
                violations: Vec::new(),
            });
            link.imports += 1;
            if let Some(rules) = violations.get(&(from_file.as_str(), edge.span.start)) {
                link.violations.extend(rules);
            }
        }
        let links = links
            .into_values()
            .map(|mut link| {
                link.violations.sort_unstable();
                link.violations.dedup();
                link
            })
            .collect();
        Architecture { nodes: nodes.into_values().collect(), links }
    }
}
