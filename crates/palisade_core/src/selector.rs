//! Selectors pick files by element type, captures, project and tag; `{{from.x}}` and `{{to.x}}`
//! templates compare one side of a dependency with the other.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::element::ElementMatch;
use crate::pattern::{Flavor, Glob};
use crate::project::Project;

/// `"domain"` (an element type) or an object of conditions, all of which must hold.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum SelectorConfig {
    Type(String),
    Conditions(SelectorFields),
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SelectorFields {
    /// Element type(s), globs allowed; `*` is any element, a leading `!` negates.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub element_type: Option<StringOrList>,
    /// Project name glob.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// A tag of the file's project: exact, glob with `*`, or `/regex/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Captured values that must match (globs, a leading `!` negates; `{{from.x}}`, `{{to.x}}`
    /// templates).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub captures: std::collections::BTreeMap<String, String>,
    /// A glob of the file's path inside its element's folder (`index.ts`, `src/**`,
    /// `*.service.ts`); a leading `!` negates.
    #[serde(rename = "internalPath", default, skip_serializing_if = "Option::is_none")]
    pub internal_path: Option<String>,
    /// `true`: a local file that belongs to no element; `false`: one that belongs to an element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown: Option<bool>,
}

/// One string or a list of strings.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum StringOrList {
    One(String),
    Many(Vec<String>),
}

impl StringOrList {
    pub fn items(&self) -> Vec<&str> {
        match self {
            Self::One(one) => vec![one.as_str()],
            Self::Many(many) => many.iter().map(String::as_str).collect(),
        }
    }
}

/// One selector or a list of them (any may match).
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct SelectorList(#[schemars(with = "OneOrManySelectors")] pub Vec<SelectorConfig>);

#[derive(JsonSchema)]
#[serde(untagged)]
#[expect(dead_code, reason = "describes the schema only")]
enum OneOrManySelectors {
    One(SelectorConfig),
    Many(Vec<SelectorConfig>),
}

impl<'de> Deserialize<'de> for StringOrList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StringOrList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                Ok(StringOrList::One(value.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(StringOrList::Many(items))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for SelectorConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SelectorVisitor)
    }
}

struct SelectorVisitor;

impl<'de> Visitor<'de> for SelectorVisitor {
    type Value = SelectorConfig;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an element type or a selector object")
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(SelectorConfig::Type(value.to_string()))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        SelectorFields::deserialize(de::value::MapAccessDeserializer::new(map)).map(SelectorConfig::Conditions)
    }
}

impl<'de> Deserialize<'de> for SelectorList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SelectorList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a selector or a list of selectors")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                SelectorVisitor.visit_str(value).map(|s| SelectorList(vec![s]))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                SelectorVisitor.visit_map(map).map(|s| SelectorList(vec![s]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<SelectorConfig>()? {
                    items.push(item);
                }
                Ok(SelectorList(items))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// What a selector looks at in one file.
#[derive(Debug, Clone, Copy)]
pub struct FileFacts<'a> {
    /// Workspace-relative; `None` where the file is not known (a workspace package whose entry is
    /// not built).
    pub file: Option<&'a str>,
    pub element: Option<&'a ElementMatch>,
    pub project: Option<&'a Project>,
}

/// A captured value to compare: fixed glob, or a template filled per dependency.
#[derive(Debug, Clone)]
enum CaptureCondition {
    Fixed(Negatable),
    Template { template: String, negated: bool },
}

/// A text glob, or (with a leading `!`) its negation.
#[derive(Debug, Clone)]
struct Negatable {
    glob: Glob,
    negated: bool,
}

impl Negatable {
    fn new(pattern: &str) -> Result<Self, String> {
        Self::with_flavor(pattern, Flavor::Text)
    }

    fn with_flavor(pattern: &str, flavor: Flavor) -> Result<Self, String> {
        let (negated, pattern) = split_negation(pattern);
        Ok(Self { glob: Glob::new(pattern, flavor)?, negated })
    }

    fn is_match(&self, text: &str) -> bool {
        self.glob.is_match(text) != self.negated
    }
}

fn split_negation(pattern: &str) -> (bool, &str) {
    pattern.strip_prefix('!').map_or((false, pattern), |rest| (true, rest))
}

/// A compiled selector.
#[derive(Debug, Clone, Default)]
pub struct Selector {
    types: Vec<Negatable>,
    project: Option<Glob>,
    tag: Option<Glob>,
    captures: Vec<(String, CaptureCondition)>,
    internal_path: Option<Negatable>,
    unknown: Option<bool>,
}

impl Selector {
    pub fn compile(config: &SelectorConfig) -> Result<Self, String> {
        let text = |pattern: &str| Glob::new(pattern, Flavor::Text);
        match config {
            SelectorConfig::Type(name) => Ok(Self { types: vec![Negatable::new(name)?], ..Self::default() }),
            SelectorConfig::Conditions(fields) => {
                let types = fields.element_type.as_ref().map(StringOrList::items).unwrap_or_default();
                let mut captures = Vec::new();
                for (name, value) in &fields.captures {
                    let condition = if value.contains("{{") {
                        let (negated, template) = split_negation(value);
                        CaptureCondition::Template { template: template.to_string(), negated }
                    } else {
                        CaptureCondition::Fixed(Negatable::new(value).map_err(|err| format!("captures.{name}: {err}"))?)
                    };
                    captures.push((name.clone(), condition));
                }
                Ok(Self {
                    types: types.into_iter().map(Negatable::new).collect::<Result<_, _>>()?,
                    project: fields.project.as_deref().map(text).transpose()?,
                    tag: fields.tag.as_deref().map(text).transpose()?,
                    captures,
                    internal_path: fields
                        .internal_path
                        .as_deref()
                        .map(|pattern| Negatable::with_flavor(pattern, Flavor::Path))
                        .transpose()
                        .map_err(|err| format!("internalPath: {err}"))?,
                    unknown: fields.unknown,
                })
            }
        }
    }

    /// Whether `subject` matches, with `from`/`to` filling templates.
    pub fn matches(&self, subject: FileFacts<'_>, from: FileFacts<'_>, to: FileFacts<'_>) -> bool {
        if self.unknown.is_some_and(|unknown| unknown != subject.element.is_none()) {
            return false;
        }
        if let Some(glob) = &self.internal_path {
            let inside = subject.element.zip(subject.file).map(|(element, file)| element.internal_path(file));
            if !inside.is_some_and(|inside| glob.is_match(inside)) {
                return false;
            }
        }
        if !self.types.is_empty() || !self.captures.is_empty() {
            let Some(element) = subject.element else { return false };
            if !self.types.is_empty() && !self.types.iter().any(|glob| glob.is_match(&element.element_type)) {
                return false;
            }
            for (name, condition) in &self.captures {
                let Some(value) = element.capture(name) else { return false };
                let holds = match condition {
                    CaptureCondition::Fixed(glob) => glob.is_match(value),
                    CaptureCondition::Template { template, negated } => {
                        let expected = fill_template(template, from, to);
                        let equal = if expected.contains('*') {
                            Glob::new(&expected, Flavor::Text).is_ok_and(|glob| glob.is_match(value))
                        } else {
                            expected == value
                        };
                        equal != *negated
                    }
                };
                if !holds {
                    return false;
                }
            }
        }
        if let Some(project_glob) = &self.project
            && !subject.project.is_some_and(|project| project_glob.is_match(&project.name))
        {
            return false;
        }
        if let Some(tag_glob) = &self.tag
            && !subject.project.is_some_and(|project| project.tags.iter().any(|tag| tag_glob.is_match(tag)))
        {
            return false;
        }
        true
    }
}

/// Fills `{{from.x}}` / `{{to.x}}` (`x` a capture, or `type`) from the two sides.
fn fill_template(template: &str, from: FileFacts<'_>, to: FileFacts<'_>) -> String {
    let mut data = std::collections::BTreeMap::new();
    for (side, facts) in [("from", from), ("to", to)] {
        if let Some(element) = facts.element {
            data.insert(format!("{side}.type"), element.element_type.clone());
            for (key, value) in &element.captures {
                data.insert(format!("{side}.{key}"), value.clone());
            }
        }
        if let Some(project) = facts.project {
            data.insert(format!("{side}.project"), project.name.clone());
        }
    }
    crate::diagnostic::fill(template, &data)
}

/// Compiled selector lists, any of which may match.
pub fn compile_list(list: &SelectorList) -> Result<Vec<Selector>, String> {
    list.0.iter().map(Selector::compile).collect()
}

pub fn any_matches(selectors: &[Selector], subject: FileFacts<'_>, from: FileFacts<'_>, to: FileFacts<'_>) -> bool {
    selectors.iter().any(|selector| selector.matches(subject, from, to))
}
