//! `enforce-module-boundaries`: `@nx/enforce-module-boundaries`, option for option and message for
//! message, answered from the projects on disk instead of a cached Nx project graph, plus the deep
//! imports through path aliases that Nx lets through.
//!
//! The checks that need only the import run with the per-import rules (`imports.rs`); those that
//! need the project graph (cycles, lazy-loaded libraries, transitive tags, and everything Nx checks
//! after them) run on the whole graph (`project_graph.rs`), in Nx's order, one report per import.
//! `paths.rs` holds Nx's path tests.

use regex_lite::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod imports;
mod paths;
mod project_graph;
#[cfg(test)]
mod tests;

use super::tags::{SourceTags, TagPattern, patterns};
use super::{Edge, OptionsError, Subject};
use crate::jsonc::PathSegment;
use crate::diagnostic::{Finding, MessageTemplate, RuleKind, RuleMeta, Span};
use crate::graph::{GraphFinding, GraphView, Nodes};
use crate::pattern::{Flavor, Glob};
use crate::project::{Project, ProjectGraph};

const PUBLIC_HELP: &str = "import it by its package name or path alias";
const CYCLE_HELP: &str = "break the cycle: move what both projects need into a third project, or invert one dependency";
const TAGS_HELP: &str = "depend on a project the constraints allow, or change the project's tags";

pub const META: RuleMeta = RuleMeta {
    id: "enforce-module-boundaries",
    description: "`@nx/enforce-module-boundaries`, with its options and messages, without an Nx graph cache",
    kind: RuleKind::Graph,
    recommended: false,
    messages: &[
        MessageTemplate {
            id: "noRelativeOrAbsoluteImportsAcrossLibraries",
            message: "Projects cannot be imported by a relative or absolute path, and must begin with a npm scope",
            help: PUBLIC_HELP,
        },
        MessageTemplate {
            id: "noRelativeOrAbsoluteExternals",
            message: "External resources cannot be imported using a relative or absolute path",
            help: "move the file into a project, or import it as a package",
        },
        MessageTemplate {
            id: "noCircularDependencies",
            message: "Circular dependency between \"{{sourceProjectName}}\" and \"{{targetProjectName}}\" detected: {{path}}\n\nCircular file chain:\n{{filePaths}}",
            help: CYCLE_HELP,
        },
        MessageTemplate {
            id: "noSelfCircularDependencies",
            message: "Projects should use relative imports to import from other files within the same project. Use \"./path/to/file\" instead of import from \"{{imp}}\"",
            help: "import the file by a relative path",
        },
        MessageTemplate {
            id: "noImportsOfApps",
            message: "Imports of apps are forbidden",
            help: "move the code you need into a library",
        },
        MessageTemplate {
            id: "noImportsOfE2e",
            message: "Imports of e2e projects are forbidden",
            help: "move the code you need into a library",
        },
        MessageTemplate {
            id: "noImportOfNonBuildableLibraries",
            message: "Buildable libraries cannot import or export from non-buildable libraries",
            help: "give `{{targetProjectName}}` a build target, or drop this dependency",
        },
        MessageTemplate {
            id: "noImportsOfLazyLoadedLibraries",
            message: "Static imports of lazy-loaded libraries are forbidden.\n\nLibrary \"{{targetProjectName}}\" is lazy-loaded in these files:\n{{filePaths}}",
            help: "load it with `import()` here too, or stop loading it lazily",
        },
        MessageTemplate {
            id: "projectWithoutTagsCannotHaveDependencies",
            message: "A project without tags matching at least one constraint cannot depend on any libraries",
            help: "tag `{{sourceProjectName}}`, or add a constraint for its tags",
        },
        MessageTemplate {
            id: "bannedExternalImportsViolation",
            message: "A project tagged with \"{{sourceTag}}\" is not allowed to import \"{{imp}}\"",
            help: "remove the import, or move this code to a project allowed to use it",
        },
        MessageTemplate {
            id: "nestedBannedExternalImportsViolation",
            message: "A project tagged with \"{{sourceTag}}\" is not allowed to import \"{{imp}}\". Nested import of \"{{packageName}}\" found at {{childProjectName}}",
            help: "remove the dependency, or move the use of `{{packageName}}` out of `{{childProjectName}}`",
        },
        MessageTemplate {
            id: "noTransitiveDependencies",
            message: "Only packages defined in the \"package.json\" can be imported. Transitive or unresolvable dependencies are not allowed.",
            help: "add the package to the project's or the workspace's package.json",
        },
        MessageTemplate {
            id: "onlyTagsConstraintViolation",
            message: "A project tagged with \"{{sourceTag}}\" can only depend on libs tagged with {{tags}}",
            help: TAGS_HELP,
        },
        MessageTemplate {
            id: "emptyOnlyTagsConstraintViolation",
            message: "A project tagged with \"{{sourceTag}}\" cannot depend on any libs with tags",
            help: TAGS_HELP,
        },
        MessageTemplate {
            id: "notTagsConstraintViolation",
            message: "A project tagged with \"{{sourceTag}}\" can not depend on libs tagged with {{tags}}\n\nViolation detected in:\n{{projects}}",
            help: TAGS_HELP,
        },
        MessageTemplate {
            id: "noDeepImports",
            message: "`{{imp}}` reaches into \"{{targetProjectName}}\"'s internal file `{{file}}`",
            help: "import from `{{entry}}`, the public entry of \"{{targetProjectName}}\"",
        },
    ],
    docs: r#"## What it does
The checks of `@nx/enforce-module-boundaries`, with the same options and the same messages, so that
an Nx workspace can swap the rule without touching its configuration:

- a project is imported by a relative or absolute path (`../../libs/orders/src`, `libs/orders`);
- a relative or absolute import leaves every project;
- a project imports itself through its own alias;
- an import closes a cycle between projects (the message shows the project path and the files);
- an app or an e2e project is imported;
- a buildable library imports a non-buildable one (`enforceBuildableLibDependency`);
- a library loaded with `import()` somewhere is also imported statically;
- a dependency breaks a tag constraint (`onlyDependOnLibsWithTags`, `notDependOnLibsWithTags`,
  which, as in Nx, also looks at the target's own dependencies);
- an npm package is banned for the project's tags, or not declared in a `package.json`
  (`banTransitiveDependencies`);

plus one thing Nx does not see: a deep import into another project through a path alias
(`@acme/orders/src/lib/order`), reported as `noDeepImports`.

Projects, tags, targets and project types are read from `project.json` and `package.json` (Nx's
rules: `projectType`, else `tsconfig.lib.json` / `tsconfig.app.json`, else a `package.json` without
entry points is an app). No cached Nx project graph is needed, so the rule never skips silently.

## Why is this bad?
Each category is a boundary Nx users draw on purpose: public APIs between projects, no cycles, apps
at the top of the graph, tag constraints between scopes and types.

## Examples
```jsonc
"enforce-module-boundaries": ["error", {
  "allow": [],
  "depConstraints": [
    { "sourceTag": "scope:orders", "onlyDependOnLibsWithTags": ["scope:orders", "scope:shared"] },
    { "sourceTag": "type:domain", "bannedExternalImports": ["@nestjs/*", "typeorm"] }
  ]
}]
```
In ESLint the rule takes the same object directly:
`"palisade/enforce-module-boundaries": ["error", { "depConstraints": [...] }]`.

## Options
Those of `@nx/enforce-module-boundaries`:
- `allow`: imports never checked. `a/**` is a prefix, `a/*` one more segment, `a/**/b` a prefix and
  a suffix; anything else is a regular expression tested against the import.
- `depConstraints`: `{ sourceTag | allSourceTags, onlyDependOnLibsWithTags?, notDependOnLibsWithTags?,
  bannedExternalImports?, allowedExternalImports? }`. Tags are exact, globs with `*`, or `/regex/`.
  External import patterns are globs over the whole import (`@nestjs/*`, `lodash/*`).
- `enforceBuildableLibDependency` (default `false`) and `buildTargets` (default `["build"]`).
- `allowCircularSelfDependency` (default `false`).
- `ignoredCircularDependencies`: pairs of project names or globs whose cycles are not reported.
- `checkDynamicDependenciesExceptions`: imports exempt from the lazy-loading check.
- `banTransitiveDependencies` (default `false`).
- `checkNestedExternalImports` (default `false`): also apply `bannedExternalImports` to the packages
  the target project depends on, directly or through its own dependencies.

Palisade adds:
- `deepImports` (default `true`): report deep imports through path aliases.

## Differences from Nx
- Targets come from `project.json` `targets`, `package.json` `scripts` and `nx.targets`; targets
  inferred by Nx plugins are not seen (`enforceBuildableLibDependency` needs `build` to be written).
- `implicitDependencies` count with plain project names; globs, `tag:` and `!` entries are ignored.
- `bannedExternalImports` also applies to Node built-ins (`fs`, `node:*`), which Nx never checks.
- Secondary entry points come from `package.json` `exports`; `ng-package.json` is not read.
- Diagnostics point at the import's string, not the whole statement.
"#,
};

/// Options of `enforce-module-boundaries`: those of `@nx/enforce-module-boundaries`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[expect(clippy::struct_excessive_bools, reason = "Nx's option object, key for key")]
pub struct EnforceModuleBoundariesOptions {
    /// Imports never checked: `a/**` (prefix), `a/*` (one more segment), `a/**/b`, else a regular
    /// expression.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
    /// The tag constraints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dep_constraints: Vec<DepConstraint>,
    /// A buildable library may not depend on a non-buildable one. Default: `false`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub enforce_buildable_lib_dependency: bool,
    /// The targets that make a library buildable. Default: `["build"]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build_targets: Option<Vec<String>>,
    /// A project may import itself through its own alias. Default: `false`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_circular_self_dependency: bool,
    /// Pairs of projects (names or globs) whose cycles are not reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored_circular_dependencies: Vec<(String, String)>,
    /// Imports exempt from the check against static imports of lazy-loaded libraries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub check_dynamic_dependencies_exceptions: Vec<String>,
    /// npm imports must be declared in the project's or the workspace's `package.json`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ban_transitive_dependencies: bool,
    /// Apply `bannedExternalImports` to the packages the target project uses, transitively.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub check_nested_external_imports: bool,
    /// Palisade: report deep imports into other projects through path aliases. Default: `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deep_imports: Option<bool>,
}

/// One Nx dependency constraint.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct DepConstraint {
    /// Applies to projects with a tag matching this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_tag: Option<String>,
    /// Applies to projects with tags matching all of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_source_tags: Option<Vec<String>>,
    /// The dependency must have a tag matching one of these (an empty list: no tags at all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_depend_on_libs_with_tags: Option<Vec<String>>,
    /// Neither the dependency nor anything it depends on may have a tag matching one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_depend_on_libs_with_tags: Option<Vec<String>>,
    /// npm imports (globs) these projects may not use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banned_external_imports: Option<Vec<String>>,
    /// When given, the only npm imports (globs) these projects may use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_external_imports: Option<Vec<String>>,
}

/// Nx's matching of an import against an `allow` entry.
enum ImportMatcher {
    /// `a/**`: the import starts with `a/`.
    Prefix(String),
    /// `a/*`: `a/` and one more segment.
    OneLevel(String),
    /// `a/**/b`
    PrefixSuffix(String, String),
    /// Anything else: a regular expression, unanchored.
    Regex(Regex),
}

impl ImportMatcher {
    fn new(pattern: &str) -> Result<Self, String> {
        Ok(if let Some(prefix) = pattern.strip_suffix("**").filter(|_| pattern.ends_with("/**")) {
            Self::Prefix(prefix.to_string())
        } else if let Some(prefix) = pattern.strip_suffix('*').filter(|_| pattern.ends_with("/*")) {
            Self::OneLevel(prefix.to_string())
        } else if let Some((prefix, suffix)) = pattern.split_once("/**/") {
            Self::PrefixSuffix(prefix.to_string(), suffix.to_string())
        } else {
            Self::Regex(Regex::new(pattern).map_err(|err| format!("invalid regular expression: {err}"))?)
        })
    }

    fn is_match(&self, import: &str) -> bool {
        match self {
            Self::Prefix(prefix) => import.starts_with(prefix.as_str()),
            Self::OneLevel(prefix) => import.strip_prefix(prefix.as_str()).is_some_and(|rest| !rest.contains('/')),
            Self::PrefixSuffix(prefix, suffix) => {
                import.starts_with(prefix.as_str()) && import.ends_with(suffix.as_str())
            }
            Self::Regex(regex) => regex.is_match(import),
        }
    }
}

/// Nx's glob for external imports: every run of `*` (and `.*`) spans anything; the whole import
/// must match.
fn external_glob(pattern: &str) -> Result<Regex, String> {
    let wildcards = Regex::new(r"\.\*|\*+").map_err(|err| err.to_string())?;
    let parts: Vec<&str> = wildcards.split(pattern).collect();
    Regex::new(&format!("^{}$", parts.join(".*"))).map_err(|err| format!("invalid pattern: {err}"))
}

struct Constraint {
    source: SourceTags,
    /// `None` when the key is absent; an empty list means "no tags at all".
    only: Option<Vec<TagPattern>>,
    not: Vec<TagPattern>,
    banned: Vec<Regex>,
    allowed: Option<Vec<Regex>>,
}

impl Constraint {
    fn label(&self) -> String {
        self.source.label("\" and \"")
    }

    fn banned_finding(&self, span: Span, import: &str) -> Finding {
        Finding::new("bannedExternalImportsViolation", span).with("sourceTag", self.label()).with("imp", import)
    }

    /// Nx's `isConstraintBanningProject` for `import` of npm package `package`.
    fn bans(&self, package: &str, import: &str) -> bool {
        if !import.strip_prefix(package).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')) {
            return false;
        }
        if self.banned.iter().any(|regex| regex.is_match(import)) {
            return true;
        }
        self.allowed.as_ref().is_some_and(|allowed| !allowed.iter().any(|regex| regex.is_match(import)))
    }
}

#[expect(clippy::struct_excessive_bools, reason = "Nx's switches, as its options give them")]
pub struct EnforceModuleBoundaries {
    allow: Vec<ImportMatcher>,
    constraints: Vec<Constraint>,
    enforce_buildable: bool,
    build_targets: Vec<String>,
    allow_circular_self: bool,
    ignored_cycles: Vec<(Glob, Glob)>,
    dynamic_exceptions: Vec<ImportMatcher>,
    ban_transitive: bool,
    check_nested_external: bool,
    deep_imports: bool,
}

fn at(key: &str, index: usize) -> Vec<PathSegment> {
    vec![PathSegment::Key(key.into()), PathSegment::Index(index)]
}

fn matchers(list: &[String], key: &str) -> Result<Vec<ImportMatcher>, OptionsError> {
    list.iter().enumerate().map(|(index, p)| ImportMatcher::new(p).map_err(|reason| (at(key, index), reason))).collect()
}

fn external_globs(list: &[String], index: usize, key: &str) -> Result<Vec<Regex>, OptionsError> {
    list.iter()
        .enumerate()
        .map(|(i, p)| {
            external_glob(p).map_err(|reason| {
                let mut path = at("depConstraints", index);
                path.extend([PathSegment::Key(key.into()), PathSegment::Index(i)]);
                (path, reason)
            })
        })
        .collect()
}

impl EnforceModuleBoundaries {
    pub fn new(options: &EnforceModuleBoundariesOptions) -> Result<Self, OptionsError> {
        let mut constraints = Vec::new();
        for (index, c) in options.dep_constraints.iter().enumerate() {
            constraints.push(Constraint {
                source: SourceTags::new(c.source_tag.as_ref(), c.all_source_tags.as_ref(), index)?,
                only: c
                    .only_depend_on_libs_with_tags
                    .as_deref()
                    .map(|list| patterns(list, index, "onlyDependOnLibsWithTags"))
                    .transpose()?,
                not: patterns(
                    c.not_depend_on_libs_with_tags.as_deref().unwrap_or_default(),
                    index,
                    "notDependOnLibsWithTags",
                )?,
                banned: external_globs(
                    c.banned_external_imports.as_deref().unwrap_or_default(),
                    index,
                    "bannedExternalImports",
                )?,
                allowed: c
                    .allowed_external_imports
                    .as_deref()
                    .map(|list| external_globs(list, index, "allowedExternalImports"))
                    .transpose()?,
            });
        }
        let mut ignored_cycles = Vec::new();
        for (index, (a, b)) in options.ignored_circular_dependencies.iter().enumerate() {
            let glob = |pattern: &str, side: usize| {
                Glob::new(pattern, Flavor::Text).map_err(|reason| {
                    let mut path = at("ignoredCircularDependencies", index);
                    path.push(PathSegment::Index(side));
                    (path, reason)
                })
            };
            ignored_cycles.push((glob(a, 0)?, glob(b, 1)?));
        }
        Ok(Self {
            allow: matchers(&options.allow, "allow")?,
            constraints,
            enforce_buildable: options.enforce_buildable_lib_dependency,
            build_targets: options.build_targets.clone().unwrap_or_else(|| vec!["build".to_string()]),
            allow_circular_self: options.allow_circular_self_dependency,
            ignored_cycles,
            dynamic_exceptions: matchers(
                &options.check_dynamic_dependencies_exceptions,
                "checkDynamicDependenciesExceptions",
            )?,
            ban_transitive: options.ban_transitive_dependencies,
            check_nested_external: options.check_nested_external_imports,
            deep_imports: options.deep_imports.unwrap_or(true),
        })
    }

    fn allowed(&self, import: &str) -> bool {
        self.allow.iter().any(|matcher| matcher.is_match(import))
    }

    /// The constraints whose source tags the project has.
    fn constraints_for<'a>(&'a self, project: &'a Project) -> impl Iterator<Item = &'a Constraint> {
        self.constraints.iter().filter(|c| c.source.applies_to(&project.tags))
    }

    fn ignores_pair(&self, a: &str, b: &str) -> bool {
        self.ignored_cycles.iter().any(|(x, y)| (x.is_match(a) && y.is_match(b)) || (x.is_match(b) && y.is_match(a)))
    }
}

impl super::Rule for EnforceModuleBoundaries {
    type Options = EnforceModuleBoundariesOptions;
    const META: RuleMeta = META;
    const OPTIONS_IN_ESLINT: bool = true;

    fn new(options: &EnforceModuleBoundariesOptions) -> Result<Self, OptionsError> {
        Self::new(options)
    }

    fn check_import(&self, from: &Subject<'_>, edge: &Edge<'_>, projects: &ProjectGraph, out: &mut Vec<Finding>) {
        self.check_edge(from, edge, projects, out);
    }

    fn check_graph(&self, graph: &GraphView<'_>, nodes: Nodes, out: &mut Vec<GraphFinding>) {
        let links = graph.project_links();
        for edge in graph.edges(nodes) {
            let (Some(source), Some(target)) = (graph.owner(edge.from), graph.owner(edge.to)) else { continue };
            if !self.needs_graph(edge, source, target) {
                continue;
            }
            if let Some(finding) = self.check_graph_edge(edge, (source, target), &links, graph.projects(), graph.files()) {
                out.push(GraphFinding { file: edge.from, finding, cycle: Vec::new() });
            }
        }
    }

    /// `checkNestedExternalImports` reads the npm packages of the projects a project reaches.
    fn records_packages(&self) -> bool {
        self.check_nested_external
    }
}
