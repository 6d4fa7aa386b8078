//! `enforce-module-boundaries`: `@nx/enforce-module-boundaries`, option for option and message for
//! message, answered from the projects on disk instead of a cached Nx project graph, plus the deep
//! imports through path aliases that Nx lets through.
//!
//! The checks that need only the import run with the per-file rules (`check_edge`); those that
//! need the project graph (cycles, lazy-loaded libraries, transitive tags, and everything Nx checks
//! after them) run on the whole graph (`check_graph_edge`), in Nx's order, one report per import.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use regex_lite::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::tags::{SourceTags, TagPattern, patterns};
use super::{Edge, OptionsError, Subject};
use crate::config::PathSegment;
use crate::diagnostic::{Finding, MessageTemplate, RuleMeta, Span};
use crate::imports::DependencyKind;
use crate::pattern::{Flavor, Glob};
use crate::project::{Project, ProjectGraph, ProjectKind, package_name_of};
use crate::resolve::Resolution;
use crate::rules::no_cycle::GraphEdge;

const PUBLIC_HELP: &str = "import it by its package name or path alias";
const CYCLE_HELP: &str = "break the cycle: move what both projects need into a third project, or invert one dependency";
const TAGS_HELP: &str = "depend on a project the constraints allow, or change the project's tags";

pub const META: RuleMeta = RuleMeta {
    id: "enforce-module-boundaries",
    description: "`@nx/enforce-module-boundaries`, with its options and messages, without an Nx graph cache",
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
pub struct Rule {
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

impl Rule {
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

    /// Whether the graph must record the npm packages each file imports
    /// (`checkNestedExternalImports`).
    pub fn needs_packages(&self) -> bool {
        self.check_nested_external
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

    /// The checks that need only the import: everything Nx decides before it looks at the
    /// project graph. Imports of another project by alias or package go on to `check_graph_edge`.
    pub fn check_edge(&self, from: &Subject<'_>, edge: &Edge<'_>, projects: &ProjectGraph, out: &mut Vec<Finding>) {
        let import = edge.import.specifier.as_str();
        let span = edge.import.span;
        let Some(source) = from.project else { return };
        if self.allowed(import) {
            return;
        }
        let absolute_into_project = is_absolute_into_project(import);
        let lexical = if absolute_into_project {
            projects.owner_of(&format!("{}/", import.trim_start_matches('/')))
        } else if is_relative(import) {
            lexical_join(from.file, import).and_then(|path| projects.owner_of(&format!("{path}/")))
        } else {
            None
        };
        if absolute_into_project || lexical.is_some_and(|target| target != source) {
            out.push(Finding::new("noRelativeOrAbsoluteImportsAcrossLibraries", span));
            return;
        }
        let target = lexical.or_else(|| match edge.resolution {
            Resolution::Local { file } => projects.owner_of(file),
            _ => None,
        });
        let project = projects.get(source);
        if let Some(target) = target {
            if target == source
                && !self.ignores_pair(&project.name, &project.name)
                && !self.allow_circular_self
                && !is_relative(import)
                && let Resolution::Local { file } = edge.resolution
                && entry_point_of(project, file) == entry_point_of(project, from.file)
            {
                out.push(Finding::new("noSelfCircularDependencies", span).with("imp", import));
            }
            return;
        }
        match edge.resolution {
            Resolution::Npm { package, .. } => {
                if self.ban_transitive && !projects.declares(source, package) {
                    out.push(Finding::new("noTransitiveDependencies", span));
                }
                if let Some(constraint) = self.banning(project, package, import) {
                    out.push(constraint.banned_finding(span, import));
                }
            }
            Resolution::Builtin { name } => {
                let banned = self
                    .constraints_for(project)
                    .find(|c| c.banned.iter().any(|regex| regex.is_match(import) || regex.is_match(name)));
                if let Some(constraint) = banned {
                    out.push(constraint.banned_finding(span, import));
                }
            }
            _ if is_relative(import) || import.starts_with('/') => {
                out.push(Finding::new("noRelativeOrAbsoluteExternals", span));
            }
            _ => {
                if self.ban_transitive {
                    out.push(Finding::new("noTransitiveDependencies", span));
                }
            }
        }
    }

    fn banning<'a>(&'a self, project: &'a Project, package: &str, import: &str) -> Option<&'a Constraint> {
        self.constraints_for(project).find(|c| c.bans(package, import))
    }

    /// Whether an import edge between two files goes on to the graph checks.
    pub fn needs_graph(&self, edge: &GraphEdge, source: usize, target: usize) -> bool {
        source != target
            && !is_relative(&edge.specifier)
            && !is_absolute_into_project(&edge.specifier)
            && !self.allowed(&edge.specifier)
    }

    /// The checks on the project graph, in Nx's order, for an import (`needs_graph`) of project
    /// `target` from project `source`; `files` are the workspace's source files.
    pub fn check_graph_edge(
        &self,
        edge: &GraphEdge,
        (source, target): (usize, usize),
        graph: &ProjectDeps,
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
        graph: &ProjectDeps,
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

fn is_relative(import: &str) -> bool {
    import.starts_with("./") || import.starts_with("../") || import == "." || import == ".."
}

/// Nx's `isAbsoluteImportIntoAnotherProject`, with the default `libs` and `apps` folders.
fn is_absolute_into_project(import: &str) -> bool {
    ["libs/", "/libs/", "apps/", "/apps/"].iter().any(|prefix| import.starts_with(prefix))
}

/// `import` (relative) joined to the folder of `file`, both workspace-relative; `None` above the
/// workspace root.
fn lexical_join(file: &str, import: &str) -> Option<String> {
    let folder = std::path::Path::new(file).parent().unwrap_or_else(|| std::path::Path::new(""));
    let joined = crate::resolve::normalize(&folder.join(import));
    if joined.components().next() == Some(std::path::Component::ParentDir) {
        return None;
    }
    Some(joined.to_string_lossy().replace('\\', "/"))
}

/// The secondary entry point (a `package.json` `exports` subpath) a file of `project` belongs to:
/// the subpath's file itself, or anything below the subpath's folder. `None` for the main entry.
fn entry_point_of(project: &Project, file: &str) -> Option<String> {
    let exports = project.package_json.as_ref()?.get("exports")?.as_object()?;
    let base = |path: &str| {
        let path = path.trim_start_matches("./");
        if project.root.is_empty() { path.to_string() } else { format!("{}/{path}", project.root) }
    };
    let entries: Vec<(String, String)> = exports
        .iter()
        .filter(|(key, _)| key.starts_with("./") && !key.contains('*'))
        .filter_map(|(key, value)| {
            let target = match value {
                serde_json::Value::String(target) => target.as_str(),
                serde_json::Value::Object(conditions) => ["default", "import", "require", "node"]
                    .iter()
                    .find_map(|c| conditions.get(*c).and_then(serde_json::Value::as_str))?,
                _ => return None,
            };
            Some((base(key), base(target)))
        })
        .collect();
    if let Some((_, target)) = entries.iter().find(|(_, target)| target == file) {
        return Some(target.clone());
    }
    let mut dir = file;
    while let Some((parent, _)) = dir.rsplit_once('/') {
        if parent == project.root {
            break;
        }
        if let Some((_, target)) = entries.iter().find(|(path, _)| path == parent) {
            return Some(target.clone());
        }
        dir = parent;
    }
    None
}

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
pub struct ProjectDeps {
    /// Each source file's project.
    owners: Vec<Option<usize>>,
    links: Vec<BTreeMap<usize, Link>>,
    /// npm packages each project's files import.
    packages: Vec<BTreeSet<String>>,
}

impl ProjectDeps {
    /// From the import edges between source files (`owners[file]` is the file's project) and the
    /// npm packages each file imports.
    pub fn build<'a>(
        projects: &ProjectGraph,
        owners: Vec<Option<usize>>,
        edges: impl Iterator<Item = &'a GraphEdge>,
        packages: impl Iterator<Item = (usize, &'a str)>,
    ) -> Self {
        let mut deps = Self {
            owners,
            links: vec![BTreeMap::new(); projects.len()],
            packages: vec![BTreeSet::new(); projects.len()],
        };
        for edge in edges {
            let (Some(from), Some(to)) = (deps.owner(edge.from), deps.owner(edge.to)) else { continue };
            if from == to {
                continue;
            }
            let link = deps.links[from].entry(to).or_default();
            link.files.insert(edge.from);
            if edge.kind == DependencyKind::Dynamic {
                link.dynamic_files.insert(edge.from);
            }
        }
        for (file, package) in packages {
            if let Some(project) = deps.owner(file) {
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

    /// The project of source file `file`.
    pub fn owner(&self, file: usize) -> Option<usize> {
        self.owners.get(file).copied().flatten()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{check_with_graph, tagged_workspace};

    #[test]
    fn nx_categories_on_a_tagged_workspace() {
        let policy = r#"{ "rules": { "enforce-module-boundaries": ["error", { "depConstraints": [
            { "sourceTag": "scope:orders", "onlyDependOnLibsWithTags": ["scope:orders", "scope:shared"],
              "bannedExternalImports": ["lodash*"] },
            { "sourceTag": "scope:shared", "onlyDependOnLibsWithTags": ["scope:shared"] },
            { "sourceTag": "scope:billing", "notDependOnLibsWithTags": ["scope:orders"] }
        ] }] } }"#;
        let cases: &[(&str, &str, &[&str])] = &[
            ("libs/orders-app/src/a.ts", "@acme/shared", &[]),
            ("libs/orders-app/src/a.ts", "@acme/billing", &["onlyTagsConstraintViolation"]),
            ("libs/orders-app/src/a.ts", "../../billing/src/index", &["noRelativeOrAbsoluteImportsAcrossLibraries"]),
            ("libs/orders-app/src/a.ts", "libs/billing/src/index", &["noRelativeOrAbsoluteImportsAcrossLibraries"]),
            ("libs/orders-app/src/a.ts", "../../../tools/x", &["noRelativeOrAbsoluteExternals"]),
            ("libs/orders-app/src/a.ts", "@acme/shared/src/lib/internal", &["noDeepImports"]),
            ("libs/orders-app/src/a.ts", "@acme/orders-app", &["noSelfCircularDependencies"]),
            ("libs/orders-app/src/a.ts", "./local", &[]),
            ("libs/orders-app/src/a.ts", "lodash/get", &["bannedExternalImportsViolation"]),
            ("libs/billing/src/index.ts", "@acme/orders-app", &["notTagsConstraintViolation"]),
            ("libs/untagged/src/a.ts", "@acme/shared", &["projectWithoutTagsCannotHaveDependencies"]),
        ];
        for (file, specifier, expected) in cases {
            let found = check_with_graph(tagged_workspace(policy), file, &format!("import x from '{specifier}';"));
            let expected: Vec<String> = expected.iter().map(|id| format!("enforce-module-boundaries/{id}")).collect();
            assert_eq!(found, expected, "{file} importing {specifier}");
        }
    }

    #[test]
    fn whole_workspace_check_reports_cycles_and_lazy_loads() {
        use std::path::Path;
        use std::sync::Arc;
        let project = |name: &str| format!(r#"{{"name":"{name}","projectType":"library"}}"#);
        let host = crate::host::MemoryHost::new()
            .with_file("/w/nx.json", "{}")
            .with_file("/w/palisade.json", r#"{ "rules": { "enforce-module-boundaries": ["error", {}] } }"#)
            .with_file(
                "/w/tsconfig.base.json",
                r#"{"compilerOptions":{"paths":{"@acme/a":["libs/a/src/index.ts"],"@acme/b":["libs/b/src/index.ts"],"@acme/c":["libs/c/src/index.ts"]}}}"#,
            )
            .with_file("/w/libs/a/project.json", project("a"))
            .with_file("/w/libs/a/src/index.ts", "import { b } from '@acme/b';\nexport const a = b;\n")
            .with_file("/w/libs/b/project.json", project("b"))
            .with_file("/w/libs/b/src/index.ts", "import { a } from '@acme/a';\nexport const b = 1;\n")
            .with_file("/w/libs/c/project.json", project("c"))
            .with_file("/w/libs/c/src/index.ts", "export const load = () => import('@acme/a');\n")
            .with_file("/w/libs/c/src/eager.ts", "import { a } from '@acme/a';\nexport { a };\n");
        let workspace = crate::Workspace::open(Arc::new(host), Path::new("/w"), Some(Path::new("/w/palisade.json")))
            .expect("config");
        let found: Vec<(String, String)> =
            workspace.check_all().diagnostics.into_iter().map(|d| (d.file, d.message_id.to_string())).collect();
        let expected = [
            ("libs/a/src/index.ts", "noCircularDependencies"),
            ("libs/b/src/index.ts", "noCircularDependencies"),
            ("libs/c/src/eager.ts", "noImportsOfLazyLoadedLibraries"),
        ];
        assert_eq!(found, expected.map(|(file, id)| (file.to_string(), id.to_string())));
        // One project at a time, with only what it reaches read, the same verdicts.
        for (root, expected) in [("libs/a", &expected[..1]), ("libs/b", &expected[1..2]), ("libs/c", &expected[2..])] {
            let scoped: Vec<(String, String)> = workspace
                .check_scope(&[root.to_string()])
                .diagnostics
                .into_iter()
                .map(|d| (d.file, d.message_id.to_string()))
                .collect();
            let expected: Vec<(String, String)> =
                expected.iter().map(|(file, id)| ((*file).to_string(), (*id).to_string())).collect();
            assert_eq!(scoped, expected, "{root}");
        }
    }

    #[test]
    fn allow_entries_match_as_in_nx() {
        let cases = [
            ("@acme/legacy/**", "@acme/legacy/a/b", true),
            ("@acme/legacy/**", "@acme/legacy", false),
            ("@acme/legacy/*", "@acme/legacy/a", true),
            ("@acme/legacy/*", "@acme/legacy/a/b", false),
            ("@acme/**/testing", "@acme/orders/testing", true),
            ("@acme/**/testing", "@acme/orders/index", false),
            ("@acme/shared", "@acme/shared-util", true),
            ("^@acme/shared$", "@acme/shared-util", false),
        ];
        for (pattern, import, expected) in cases {
            assert_eq!(ImportMatcher::new(pattern).expect("valid").is_match(import), expected, "{pattern} vs {import}");
        }
    }

    #[test]
    fn external_globs_match_the_whole_import() {
        let cases = [
            ("@nestjs/*", "@nestjs/common", true),
            ("@nestjs/*", "@nestjs", false),
            ("lodash", "lodash/get", false),
            ("lodash*", "lodash/get", true),
            ("rxjs/.*", "rxjs/operators", true),
        ];
        for (pattern, import, expected) in cases {
            assert_eq!(external_glob(pattern).expect("valid").is_match(import), expected, "{pattern} vs {import}");
        }
    }

    #[test]
    fn lexical_paths() {
        assert_eq!(lexical_join("libs/a/src/x.ts", "../../b/src").as_deref(), Some("libs/b/src"));
        assert_eq!(lexical_join("libs/a/src/x.ts", "./y").as_deref(), Some("libs/a/src/y"));
        assert_eq!(lexical_join("x.ts", "../y"), None);
    }
}
