//! The rules. Each rule is one file: its docs (`META`), its options (`<Rule>Options`, which also
//! give the JSON Schema), its detection, its tests, and an `impl Rule`. `declare_rules!` below is
//! the registry: one line per rule, from which the `rules` object of `palisade.json`
//! (`RulesConfig`: parsing, schema, serialisation), the compiled `RuleSet` and its dispatch, and the
//! list of every rule (`ALL`, which the generated docs, schema and README table follow) are
//! generated. Adding a rule is its file plus one line there (docs/CONTRACT.md shows one).
//!
//! `config` and `rules` refer to each other, and only there: `palisade.json`'s `rules` object is
//! made of the rules' option types, and the rules report option errors with `config`'s JSON
//! paths and compile from its `RuleSetting`s.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::config::{Config, RuleSetting};
use crate::diagnostic::SeverityLevel;
use crate::diagnostic::{Finding, RuleKind, RuleMeta, Severity};
use crate::graph::{GraphFinding, GraphView, Nodes};
use crate::imports::{Import, ImportKind};
use crate::jsonc::{ConfigError, ConfigSource, PathSegment};
use crate::pattern::{Flavor, Glob};
use crate::project::ProjectGraph;
use crate::resolve::Resolution;
use crate::selector::FileFacts;

/// One rule: what it is (`META`, whose `kind` says what it looks at), the options it takes, and
/// its checks. The workspace calls `check_file` once per checked file, `check_import` once per
/// import, and, for `RuleKind::Graph` rules, `check_graph` on the whole import graph; each
/// method's default finds nothing.
pub trait Rule: Sized + Send + Sync + 'static {
    /// Its options in `palisade.json` (`["error", options]`), named `<Rule>Options`;
    /// [`NoOptions`](crate::config::NoOptions) for a rule that takes none.
    type Options: Default + Clone + fmt::Debug + Serialize + DeserializeOwned + JsonSchema;

    const META: RuleMeta;

    /// `ESLint` also takes the options (the tool the rule replaces did): with options there, they
    /// are used instead of `palisade.json`'s setting.
    const OPTIONS_IN_ESLINT: bool = false;

    /// The compiled rule; an error names the path below the options object.
    fn new(options: &Self::Options) -> Result<Self, OptionsError>;

    /// Findings on the checked file itself; `has_elements` is whether any element is configured.
    fn check_file(&self, _file: &Subject<'_>, _has_elements: bool, _out: &mut Vec<Finding>) {}

    /// Findings on one import of the checked file `from`.
    fn check_import(&self, _from: &Subject<'_>, _edge: &Edge<'_>, _projects: &ProjectGraph, _out: &mut Vec<Finding>) {}

    /// Findings on the imports of `nodes`, read against the whole import graph.
    fn check_graph(&self, _graph: &GraphView<'_>, _nodes: Nodes, _out: &mut Vec<GraphFinding>) {}

    /// Whether the import graph must record the npm packages each file imports.
    fn records_packages(&self) -> bool {
        false
    }
}

/// The registry: `field: module::Type,` per rule, in the order of the docs and tables.
macro_rules! declare_rules {
    ($($field:ident: $module:ident::$rule:ident,)*) => {
        $(pub mod $module;)*

        /// Every rule, in the order of the generated docs and tables; `parse-error` last (it is
        /// not configured: a file that cannot be read is always an error).
        pub const ALL: &[&RuleMeta] = &[$(&<$module::$rule as Rule>::META,)* &parse_error::META];

        /// The ids `palisade.json`'s `rules` object takes.
        const IDS: &[&str] = &[$(<$module::$rule as Rule>::META.id,)*];

        /// `palisade.json`'s `rules`: each rule's setting, when it is set.
        #[derive(Debug, Clone, Default)]
        pub struct RulesConfig {
            $(pub $field: Option<RuleSetting<<$module::$rule as Rule>::Options>>,)*
        }

        impl<'de> Deserialize<'de> for RulesConfig {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct RulesVisitor;
                impl<'de> Visitor<'de> for RulesVisitor {
                    type Value = RulesConfig;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("an object of rule settings (`{ \"entry-point\": \"error\" }`)")
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RulesConfig, A::Error> {
                        let mut rules = RulesConfig::default();
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                $(id if id == <$module::$rule as Rule>::META.id => {
                                    if rules.$field.is_some() {
                                        return Err(de::Error::duplicate_field(<$module::$rule as Rule>::META.id));
                                    }
                                    rules.$field = map.next_value()?;
                                })*
                                other => return Err(de::Error::unknown_field(other, IDS)),
                            }
                        }
                        Ok(rules)
                    }
                }
                deserializer.deserialize_map(RulesVisitor)
            }
        }

        impl Serialize for RulesConfig {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                $(if let Some(setting) = &self.$field {
                    map.serialize_entry(<$module::$rule as Rule>::META.id, setting)?;
                })*
                map.end()
            }
        }

        impl JsonSchema for RulesConfig {
            fn schema_name() -> Cow<'static, str> {
                "RulesConfig".into()
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                let mut properties = serde_json::Map::new();
                $(properties.insert(
                    <$module::$rule as Rule>::META.id.to_string(),
                    generator.subschema_for::<Option<RuleSetting<<$module::$rule as Rule>::Options>>>().to_value(),
                );)*
                json_schema!({
                    "description": "Every rule, each `\"off\" | \"warn\" | \"error\"` or `[severity, options]`.",
                    "type": "object",
                    "properties": properties,
                    "additionalProperties": false
                })
            }
        }

        /// The rules a workspace runs, compiled from its config.
        pub struct RuleSet {
            $($field: Option<(Severity, $module::$rule)>,)*
        }

        impl RuleSet {
            /// Compiles the configured rules; `zero_config` turns on the recommended ones.
            pub fn new(config: &Config, zero_config: bool, source: &ConfigSource<'_>) -> Result<Self, ConfigError> {
                Ok(Self { $($field: compile(config.rules.$field.as_ref(), zero_config, source)?,)* })
            }

            /// Turns off the rules that need the whole import graph: a workspace that sees one
            /// file at a time cannot give their verdicts.
            #[must_use]
            pub fn without_graph_rules(mut self) -> Self {
                $(if <$module::$rule as Rule>::META.kind == RuleKind::Graph {
                    self.$field = None;
                })*
                self
            }

            /// Every rule that runs, with its severity, in the order of `ALL`.
            pub fn enabled(&self) -> Vec<(&'static str, Severity)> {
                let mut enabled = Vec::new();
                $(if let Some((severity, _)) = &self.$field {
                    enabled.push((<$module::$rule as Rule>::META.id, *severity));
                })*
                enabled
            }

            /// Findings on the checked file itself, with the rule and severity of each.
            pub fn check_file(&self, file: &Subject<'_>, has_elements: bool, out: &mut Vec<Reported<Finding>>) {
                $(if let Some((severity, rule)) = &self.$field {
                    let mut found = Vec::new();
                    rule.check_file(file, has_elements, &mut found);
                    out.extend(found.into_iter().map(|f| (&<$module::$rule as Rule>::META, *severity, f)));
                })*
            }

            /// Findings on one import, with the rule and severity of each.
            pub fn check_import(&self, from: &Subject<'_>, edge: &Edge<'_>, projects: &ProjectGraph, out: &mut Vec<Reported<Finding>>) {
                $(if let Some((severity, rule)) = &self.$field {
                    let mut found = Vec::new();
                    rule.check_import(from, edge, projects, &mut found);
                    out.extend(found.into_iter().map(|f| (&<$module::$rule as Rule>::META, *severity, f)));
                })*
            }

            /// Whether a rule that reads the whole import graph runs.
            pub fn has_graph_rules(&self) -> bool {
                false $(|| (self.$field.is_some() && <$module::$rule as Rule>::META.kind == RuleKind::Graph))*
            }

            /// Whether the import graph must record the npm packages each file imports.
            pub fn records_packages(&self) -> bool {
                false $(|| self.$field.as_ref().is_some_and(|(_, rule)| rule.records_packages()))*
            }

            /// The graph rules' findings on the imports of `nodes`.
            pub fn check_graph(&self, graph: &GraphView<'_>, nodes: Nodes, out: &mut Vec<Reported<GraphFinding>>) {
                $(if let Some((severity, rule)) = &self.$field {
                    let mut found = Vec::new();
                    rule.check_graph(graph, nodes, &mut found);
                    out.extend(found.into_iter().map(|f| (&<$module::$rule as Rule>::META, *severity, f)));
                })*
            }
        }

        /// The JSON Schema (draft-07, self-contained) of the options of the rules `ESLint` also
        /// configures (`Rule::OPTIONS_IN_ESLINT`): `{ ruleId: schema }`.
        pub fn eslint_options_schemas() -> serde_json::Map<String, serde_json::Value> {
            let mut schemas = serde_json::Map::new();
            $(if <$module::$rule as Rule>::OPTIONS_IN_ESLINT {
                schemas.insert(
                    <$module::$rule as Rule>::META.id.to_string(),
                    self_contained_schema::<<$module::$rule as Rule>::Options>(),
                );
            })*
            schemas
        }
    };
}

declare_rules! {
    dependencies: dependencies::Dependencies,
    tags: tags::Tags,
    entry_point: entry_point::EntryPoint,
    external: external::External,
    no_unknown_files: no_unknown_files::NoUnknownFiles,
    no_unresolved_local: no_unresolved_local::NoUnresolvedLocal,
    no_cycle: no_cycle::NoCycle,
    enforce_module_boundaries: enforce_module_boundaries::EnforceModuleBoundaries,
}

pub mod parse_error;

/// A finding with the rule that made it and its severity.
pub type Reported<F> = (&'static RuleMeta, Severity, F);

pub fn meta(id: &str) -> Option<&'static RuleMeta> {
    ALL.iter().copied().find(|meta| meta.id == id)
}

/// Rule `R` compiled from its setting, or `None` when it is off; an options error names its
/// JSON path in `palisade.json`.
fn compile<R: Rule>(
    setting: Option<&RuleSetting<R::Options>>,
    zero_config: bool,
    source: &ConfigSource<'_>,
) -> Result<Option<(Severity, R)>, ConfigError> {
    let default = if zero_config && R::META.recommended { SeverityLevel::Error } else { SeverityLevel::Off };
    let level = setting.map_or(default, RuleSetting::severity);
    let Some(severity) = Severity::from_level(level) else { return Ok(None) };
    let options = setting.map(RuleSetting::options).unwrap_or_default();
    match R::new(&options) {
        Ok(rule) => Ok(Some((severity, rule))),
        Err((below, reason)) => {
            let mut path =
                vec![PathSegment::Key("rules".into()), PathSegment::Key(R::META.id.into()), PathSegment::Index(1)];
            path.extend(below);
            Err(source.error_at(&path, reason))
        }
    }
}

/// The draft-07 schema of `O` with every subschema inlined, without `$schema` and `title`.
fn self_contained_schema<O: JsonSchema>() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07()
        .with(|settings| settings.inline_subschemas = true)
        .into_generator();
    let mut value = generator.into_root_schema_for::<O>().to_value();
    if let Some(object) = value.as_object_mut() {
        object.remove("$schema");
        object.remove("title");
    }
    value
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

/// `"kind"` of a policy rule: the import kind (`"value"`, `"type"`, `"typeof"`) or kinds it is
/// about; a rule without one is about every import.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum KindSelector {
    One(ImportKind),
    Many(Vec<ImportKind>),
}

impl KindSelector {
    /// Whether a rule with `selector` is about `import`.
    pub fn selects(selector: Option<&Self>, import: &Import) -> bool {
        let kind = import.kind.import_kind();
        match selector {
            None => true,
            Some(Self::One(one)) => *one == kind,
            Some(Self::Many(many)) => many.contains(&kind),
        }
    }
}

impl<'de> Deserialize<'de> for KindSelector {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KindVisitor;
        impl<'de> Visitor<'de> for KindVisitor {
            type Value = KindSelector;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an import kind (\"value\", \"type\", \"typeof\") or a list of them")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<KindSelector, E> {
                ImportKind::deserialize(de::value::StrDeserializer::<E>::new(value)).map(KindSelector::One)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<KindSelector, A::Error> {
                let mut kinds = Vec::new();
                while let Some(kind) = seq.next_element::<ImportKind>()? {
                    kinds.push(kind);
                }
                Ok(KindSelector::Many(kinds))
            }
        }
        deserializer.deserialize_any(KindVisitor)
    }
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
