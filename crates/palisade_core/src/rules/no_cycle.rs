//! `no-cycle`: import cycles between files and between projects, found on the whole graph.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{OptionsError, compile_globs};
use crate::jsonc::PathSegment;
use crate::diagnostic::{Finding, MessageTemplate, RuleKind, RuleMeta};
use crate::graph::{Components, GraphEdge, GraphFinding, GraphView, Nodes};
use crate::imports::DependencyKind;
use crate::pattern::{Flavor, Glob};

const HELP: &str =
    "break the cycle: move what both sides need into a module they can both import, or invert one dependency";

pub const META: RuleMeta = RuleMeta {
    id: "no-cycle",
    description: "Import cycles between files and between projects",
    kind: RuleKind::Graph,
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

pub struct NoCycle {
    type_only: bool,
    dynamic: bool,
    projects: bool,
    ignore: Vec<Glob>,
}

/// The components of the file graph and of the project graph on the edges the rule counts,
/// kept in the graph's memo.
struct CycleIndex {
    files: Components,
    projects: Option<Components>,
}

impl NoCycle {
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
    fn counts(&self, edge: &GraphEdge) -> bool {
        edge.from != edge.to
            && match edge.kind {
                kind if kind.is_type_only() => self.type_only,
                DependencyKind::Dynamic | DependencyKind::RequireResolve => self.dynamic,
                _ => true,
            }
    }

    fn index(&self, graph: &GraphView<'_>) -> CycleIndex {
        let counted = graph.edges(Nodes::All).filter(|edge| self.counts(edge));
        let files = Components::new(graph.files().len(), counted.clone().map(|edge| (edge.from, edge.to)));
        let projects = self.projects.then(|| {
            Components::new(
                graph.projects().len(),
                counted.filter_map(|edge| project_edge(edge, graph)).filter(|(from, to)| from != to),
            )
        });
        CycleIndex { files, projects }
    }
}

fn project_edge(edge: &GraphEdge, graph: &GraphView<'_>) -> Option<(usize, usize)> {
    Some((graph.owner(edge.from)?, graph.owner(edge.to)?))
}

impl super::Rule for NoCycle {
    type Options = NoCycleOptions;
    const META: RuleMeta = META;

    fn new(options: &NoCycleOptions) -> Result<Self, OptionsError> {
        Self::new(options)
    }

    /// The cycle-closing imports of `nodes`: each reported once, with the shortest cycle through
    /// it, as a file cycle when it is on one, else as a project cycle.
    fn check_graph(&self, graph: &GraphView<'_>, nodes: Nodes, out: &mut Vec<GraphFinding>) {
        let index = graph.memo(|graph| self.index(graph));
        let files = graph.files();
        let name = |project: usize| graph.projects().get(project).name.clone();
        for edge in graph.edges(nodes).filter(|edge| self.counts(edge)) {
            if let Some(path) = index.files.cycle_through(edge.from, edge.to)
                && !path.iter().any(|&node| self.ignore.iter().any(|g| g.is_match(&files[node])))
            {
                let cycle: Vec<String> = path.iter().map(|&node| files[node].clone()).collect();
                let finding = Finding::new("fileCycle", edge.span)
                    .with("specifier", edge.specifier.clone())
                    .with("length", (path.len() - 1).to_string())
                    .with("path", cycle.join(" → "));
                out.push(GraphFinding { file: edge.from, finding, cycle });
                // One report per import: the file cycle already names it.
                continue;
            }
            let Some(project_graph) = index.projects.as_ref() else { continue };
            let Some((from, to)) = project_edge(edge, graph).filter(|(from, to)| from != to) else { continue };
            if let Some(path) = project_graph.cycle_through(from, to) {
                let cycle: Vec<String> = path.iter().map(|&node| name(node)).collect();
                let finding = Finding::new("projectCycle", edge.span)
                    .with("specifier", edge.specifier.clone())
                    .with("source", name(from))
                    .with("target", name(to))
                    .with("path", cycle.join(" → "));
                out.push(GraphFinding { file: edge.from, finding, cycle });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

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
}
