//! The rules: each file holds one rule's docs, options, detection and tests. `RuleSet` is the
//! configured, compiled set a workspace runs.

pub mod dependencies;
pub mod enforce_module_boundaries;
pub mod entry_point;
pub mod external;
pub mod no_cycle;
pub mod no_unknown_files;
pub mod no_unresolved_local;
pub mod parse_error;
pub mod tags;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::config::{Config, ConfigError, ConfigSource, PathSegment, RuleSetting, SeverityLevel};
use crate::diagnostic::{Finding, RuleMeta, Severity};
use crate::imports::Import;
use crate::pattern::{Flavor, Glob};
use crate::project::ProjectGraph;
use crate::resolve::Resolution;
use crate::selector::FileFacts;

/// Every rule, in the order of the generated docs and tables.
pub const ALL: &[&RuleMeta] = &[
    &dependencies::META,
    &tags::META,
    &entry_point::META,
    &external::META,
    &no_unknown_files::META,
    &no_unresolved_local::META,
    &no_cycle::META,
    &enforce_module_boundaries::META,
    &parse_error::META,
];

pub fn meta(id: &str) -> Option<&'static RuleMeta> {
    ALL.iter().copied().find(|meta| meta.id == id)
}

/// The verdict a policy starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    Allow,
    Disallow,
}

/// Ordered allow/disallow policies (`dependencies`, `external`, `entry-point` elements): every
/// rule that `applies` is applied in order, and the last one whose allow or disallow side
/// `matches` decides (disallow over allow within one rule); `default` when none does. Returns the
/// verdict and the deciding rule.
pub fn decide<R>(
    default: Policy,
    rules: &[R],
    applies: impl Fn(&R) -> bool,
    matches: impl Fn(&R, Policy) -> bool,
) -> (Policy, Option<&R>) {
    let mut verdict = (default, None);
    for rule in rules.iter().filter(|rule| applies(rule)) {
        for side in [Policy::Allow, Policy::Disallow] {
            if matches(rule, side) {
                verdict = (side, Some(rule));
            }
        }
    }
    verdict
}

/// One side of a dependency as rules see it.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// Workspace-relative path.
    pub file: &'a str,
    pub project: Option<usize>,
    pub facts: FileFacts<'a>,
}

/// One import of the checked file with where it leads.
#[derive(Debug, Clone, Copy)]
pub struct Edge<'a> {
    pub import: &'a Import,
    pub resolution: &'a Resolution,
    /// Set when the import resolves to a workspace file.
    pub target: Option<Subject<'a>>,
}

/// An error in a rule's options: path below the options object, and what is wrong.
pub type OptionsError = (Vec<PathSegment>, String);

enum Active {
    Dependencies(dependencies::Rule),
    Tags(tags::Rule),
    EntryPoint(entry_point::Rule),
    External(external::Rule),
    NoUnknownFiles,
    NoUnresolvedLocal,
}

/// The rules a workspace runs, compiled from its config.
pub struct RuleSet {
    active: Vec<(&'static RuleMeta, Severity, Active)>,
    /// The whole-graph rule, run after every file is checked.
    no_cycle: Option<(Severity, no_cycle::Rule)>,
    /// Part per import (`check_edge`), part on the whole graph.
    module_boundaries: Option<(Severity, enforce_module_boundaries::Rule)>,
}

fn compile<O: Default + Clone, R>(
    setting: Option<&RuleSetting<O>>,
    default: SeverityLevel,
    meta: &'static RuleMeta,
    source: &ConfigSource<'_>,
    build: impl FnOnce(O) -> Result<R, OptionsError>,
) -> Result<Option<(Severity, R)>, ConfigError> {
    let level = setting.map_or(default, RuleSetting::severity);
    let Some(severity) = Severity::from_level(level) else { return Ok(None) };
    let options = setting.map(RuleSetting::options).unwrap_or_default();
    match build(options) {
        Ok(rule) => Ok(Some((severity, rule))),
        Err((below, reason)) => {
            let mut path =
                vec![PathSegment::Key("rules".into()), PathSegment::Key(meta.id.into()), PathSegment::Index(1)];
            path.extend(below);
            Err(source.error_at(&path, reason))
        }
    }
}

impl RuleSet {
    /// Compiles the configured rules; `zero_config` turns on the recommended ones.
    pub fn new(config: &Config, zero_config: bool, source: &ConfigSource<'_>) -> Result<Self, ConfigError> {
        let default =
            |meta: &RuleMeta| if zero_config && meta.recommended { SeverityLevel::Error } else { SeverityLevel::Off };
        let rules = &config.rules;
        let mut active = Vec::new();
        let mut add = |meta: &'static RuleMeta, compiled: Option<(Severity, Active)>| {
            if let Some((severity, rule)) = compiled {
                active.push((meta, severity, rule));
            }
        };
        let m = &dependencies::META;
        add(
            m,
            compile(rules.dependencies.as_ref(), default(m), m, source, |o| {
                dependencies::Rule::new(&o).map(Active::Dependencies)
            })?,
        );
        let m = &tags::META;
        add(m, compile(rules.tags.as_ref(), default(m), m, source, |o| tags::Rule::new(&o).map(Active::Tags))?);
        let m = &entry_point::META;
        add(
            m,
            compile(rules.entry_point.as_ref(), default(m), m, source, |o| {
                entry_point::Rule::new(&o).map(Active::EntryPoint)
            })?,
        );
        let m = &external::META;
        add(
            m,
            compile(rules.external.as_ref(), default(m), m, source, |o| external::Rule::new(&o).map(Active::External))?,
        );
        let m = &no_unknown_files::META;
        add(m, compile(rules.no_unknown_files.as_ref(), default(m), m, source, |_| Ok(Active::NoUnknownFiles))?);
        let m = &no_unresolved_local::META;
        add(m, compile(rules.no_unresolved_local.as_ref(), default(m), m, source, |_| Ok(Active::NoUnresolvedLocal))?);
        let m = &no_cycle::META;
        let no_cycle = compile(rules.no_cycle.as_ref(), default(m), m, source, |o| no_cycle::Rule::new(&o))?;
        let m = &enforce_module_boundaries::META;
        let module_boundaries = compile(rules.enforce_module_boundaries.as_ref(), default(m), m, source, |o| {
            enforce_module_boundaries::Rule::new(&o)
        })?;
        Ok(Self { active, no_cycle, module_boundaries })
    }

    pub fn is_enabled(&self, id: &str) -> bool {
        self.enabled().iter().any(|(enabled, _)| *enabled == id)
    }

    /// Turns off the rules that need the project graph in full (`enforce-module-boundaries`): a
    /// workspace that sees one file at a time cannot give their verdicts.
    #[must_use]
    pub fn without_graph_rules(mut self) -> Self {
        self.module_boundaries = None;
        self
    }

    /// Every rule that runs, with its severity, in the order of `ALL`.
    pub fn enabled(&self) -> Vec<(&'static str, Severity)> {
        ALL.iter()
            .filter_map(|meta| {
                if meta.id == no_cycle::META.id {
                    return self.no_cycle.as_ref().map(|(severity, _)| (meta.id, *severity));
                }
                if meta.id == enforce_module_boundaries::META.id {
                    return self.module_boundaries.as_ref().map(|(severity, _)| (meta.id, *severity));
                }
                self.active
                    .iter()
                    .find(|(active, _, _)| active.id == meta.id)
                    .map(|(_, severity, _)| (meta.id, *severity))
            })
            .collect()
    }

    /// The whole-graph `no-cycle` rule, when on.
    pub fn no_cycle(&self) -> Option<(Severity, &no_cycle::Rule)> {
        self.no_cycle.as_ref().map(|(severity, rule)| (*severity, rule))
    }

    /// `enforce-module-boundaries`, when on.
    pub fn module_boundaries(&self) -> Option<(Severity, &enforce_module_boundaries::Rule)> {
        self.module_boundaries.as_ref().map(|(severity, rule)| (*severity, rule))
    }

    /// Findings on one dependency, with the rule and severity of each.
    pub fn check_edge(
        &self,
        from: &Subject<'_>,
        edge: &Edge<'_>,
        projects: &ProjectGraph,
        out: &mut Vec<(&'static RuleMeta, Severity, Finding)>,
    ) {
        for (meta, severity, rule) in &self.active {
            let finding = match rule {
                Active::Dependencies(rule) => rule.check(from, edge),
                Active::Tags(rule) => rule.check(from, edge, projects),
                Active::EntryPoint(rule) => rule.check(from, edge, projects),
                Active::External(rule) => rule.check(from, edge, projects),
                Active::NoUnresolvedLocal => no_unresolved_local::check(edge),
                Active::NoUnknownFiles => None,
            };
            if let Some(finding) = finding {
                out.push((meta, *severity, finding));
            }
        }
        if let Some((severity, rule)) = &self.module_boundaries {
            let mut found = Vec::new();
            rule.check_edge(from, edge, projects, &mut found);
            out.extend(found.into_iter().map(|finding| (&enforce_module_boundaries::META, *severity, finding)));
        }
    }

    /// Findings on the file itself.
    pub fn check_file(
        &self,
        file: &Subject<'_>,
        has_elements: bool,
        out: &mut Vec<(&'static RuleMeta, Severity, Finding)>,
    ) {
        for (meta, severity, rule) in &self.active {
            if let Active::NoUnknownFiles = rule
                && let Some(finding) = no_unknown_files::check(file, has_elements)
            {
                out.push((meta, *severity, finding));
            }
        }
    }
}

/// Compiles a list of patterns from the options at `at`; an error names `at[index]`.
pub fn compile_globs(list: &[String], at: &[PathSegment], flavor: Flavor) -> Result<Vec<Glob>, OptionsError> {
    list.iter()
        .enumerate()
        .map(|(index, pattern)| {
            Glob::new(pattern, flavor).map_err(|reason| {
                let mut path = at.to_vec();
                path.push(PathSegment::Index(index));
                (path, reason)
            })
        })
        .collect()
}

/// `` `a`, `b` `` for messages; `(none)` for an empty list.
pub fn quoted_list<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        return "(none)".to_string();
    }
    items.iter().map(|item| format!("`{}`", item.as_ref())).collect::<Vec<_>>().join(", ")
}

/// How the importer is named in messages: element label, else project, else the root.
pub fn describe(subject: &Subject<'_>) -> String {
    subject
        .facts
        .element
        .map(crate::element::ElementMatch::label)
        .or_else(|| subject.facts.project.map(|project| project.name.clone()))
        .unwrap_or_else(|| "(workspace root)".to_string())
}
