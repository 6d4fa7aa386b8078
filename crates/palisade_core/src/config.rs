//! `palisade.json`: its types (which also generate the JSON Schema), JSONC parsing, and errors
//! that name the file, the JSON path and the line, with a "did you mean" for misspelt keys.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::rules::{dependencies, enforce_module_boundaries, entry_point, external, no_cycle, tags};

/// The whole `palisade.json`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Palisade configuration")]
pub struct Config {
    /// The JSON Schema this file follows (editors use it; Palisade ignores it).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The root tsconfig, workspace-relative, used for files with no nearer `tsconfig.json`.
    /// Default: `tsconfig.base.json`, else `tsconfig.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tsconfig: Option<String>,
    /// Extra workspace-relative globs of files to leave out, on top of `node_modules`, build
    /// output and `.gitignore`.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// The parts of the code, classified by path pattern. `{name}` captures one path segment.
    #[serde(default)]
    pub elements: Vec<ElementConfig>,
    /// Rule severities and options. A rule not listed here is off.
    #[serde(default)]
    pub rules: RulesConfig,
}

/// One element type: files matching `pattern` belong to it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ElementConfig {
    /// The element type, used by selectors (`"domain"`, `"feature"`).
    #[serde(rename = "type")]
    pub element_type: String,
    /// Workspace-relative glob; `{name}` captures one segment, `*` stays in a segment, `**` spans.
    /// Each folder the pattern names before its last `**` is one instance of the element
    /// (`**/components/{name}/**`: each component folder, however deep).
    pub pattern: String,
}

/// Every rule, each `"off" | "warn" | "error"` or `[severity, options]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependencies: Option<RuleSetting<dependencies::Options>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<RuleSetting<tags::Options>>,
    #[serde(rename = "entry-point", default, skip_serializing_if = "Option::is_none")]
    pub entry_point: Option<RuleSetting<entry_point::Options>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<RuleSetting<external::Options>>,
    #[serde(rename = "no-unknown-files", default, skip_serializing_if = "Option::is_none")]
    pub no_unknown_files: Option<RuleSetting<NoOptions>>,
    #[serde(rename = "no-unresolved-local", default, skip_serializing_if = "Option::is_none")]
    pub no_unresolved_local: Option<RuleSetting<NoOptions>>,
    #[serde(rename = "no-cycle", default, skip_serializing_if = "Option::is_none")]
    pub no_cycle: Option<RuleSetting<no_cycle::Options>>,
    #[serde(rename = "enforce-module-boundaries", default, skip_serializing_if = "Option::is_none")]
    pub enforce_module_boundaries: Option<RuleSetting<enforce_module_boundaries::Options>>,
}

/// The options of a rule that takes none.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoOptions {}

/// How loudly a rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeverityLevel {
    Off,
    Warn,
    Error,
}

/// `"error"` or `["error", { options }]`.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum RuleSetting<O> {
    Severity(SeverityLevel),
    WithOptions(SeverityLevel, O),
}

impl<O: Default + Clone> RuleSetting<O> {
    pub fn severity(&self) -> SeverityLevel {
        match self {
            Self::Severity(level) | Self::WithOptions(level, _) => *level,
        }
    }

    pub fn options(&self) -> O {
        match self {
            Self::Severity(_) => O::default(),
            Self::WithOptions(_, options) => options.clone(),
        }
    }
}

impl<'de, O: Deserialize<'de>> Deserialize<'de> for RuleSetting<O> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SettingVisitor<O>(std::marker::PhantomData<O>);
        impl<'de, O: Deserialize<'de>> Visitor<'de> for SettingVisitor<O> {
            type Value = RuleSetting<O>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a severity (\"off\", \"warn\", \"error\") or [severity, options]")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                SeverityLevel::deserialize(de::value::StrDeserializer::<E>::new(value)).map(RuleSetting::Severity)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let level: SeverityLevel =
                    seq.next_element()?.ok_or_else(|| de::Error::invalid_length(0, &"[severity, options]"))?;
                let Some(options) = seq.next_element()? else {
                    return Err(de::Error::invalid_length(1, &"[severity, options]"));
                };
                if seq.next_element::<de::IgnoredAny>()?.is_some() {
                    return Err(de::Error::invalid_length(3, &"[severity, options]"));
                }
                Ok(RuleSetting::WithOptions(level, options))
            }
        }
        deserializer.deserialize_any(SettingVisitor(std::marker::PhantomData))
    }
}

impl<O: JsonSchema> JsonSchema for RuleSetting<O> {
    fn schema_name() -> Cow<'static, str> {
        format!("RuleSetting_{}", O::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let level = generator.subschema_for::<SeverityLevel>();
        let options = generator.subschema_for::<O>();
        json_schema!({
            "oneOf": [
                level,
                { "type": "array", "prefixItems": [level, options], "items": false, "minItems": 2 }
            ]
        })
    }
}

/// A `palisade.json` that cannot be used: where and why, in one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file as the user named it (workspace-relative when inside the workspace).
    pub file: String,
    /// Dotted JSON path such as `rules.entry-point[1].allow`; empty for the whole file.
    pub json_path: String,
    pub line: usize,
    pub column: usize,
    /// What is wrong, with a "did you mean" when a known key is close.
    pub reason: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if !self.json_path.is_empty() {
            write!(f, "{}: ", self.json_path)?;
        }
        f.write_str(&self.reason)
    }
}

impl std::error::Error for ConfigError {}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    Key(String),
    Index(usize),
}

pub fn format_json_path(segments: &[PathSegment]) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            PathSegment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            PathSegment::Index(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

/// The text of a config file, kept to point errors at lines.
pub struct ConfigSource<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl ConfigSource<'_> {
    /// An error at `segments`, located on the line where that value (or key) stands.
    pub fn error_at(&self, segments: &[PathSegment], reason: impl Into<String>) -> ConfigError {
        let offset = locate(self.text, segments).unwrap_or(0);
        let (line, column) = line_column(self.text, offset);
        ConfigError {
            file: self.file.to_string(),
            json_path: format_json_path(segments),
            line,
            column,
            reason: reason.into(),
        }
    }
}

/// Parses `palisade.json` text into a `Config`.
pub fn parse_config(source: &ConfigSource<'_>) -> Result<Config, ConfigError> {
    // Plain JSON that is a valid config needs neither the comment-tolerant parser nor the path
    // tracking; anything else (comments, trailing commas, a mistake) takes the path that can
    // explain itself. (A snapshot records its config minified, so the SWC plugin takes this one.)
    if let Ok(config) = serde_json::from_str::<Config>(source.text) {
        return Ok(config);
    }
    let options = jsonc_parser::ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: false,
        allow_trailing_commas: true,
        allow_missing_commas: false,
        ..Default::default()
    };
    let value = match jsonc_parser::parse_to_serde_value::<serde_json::Value>(source.text, &options) {
        Ok(serde_json::Value::Null) => serde_json::Value::Object(serde_json::Map::new()),
        Ok(value) => value,
        Err(err) => {
            return Err(ConfigError {
                file: source.file.to_string(),
                json_path: String::new(),
                line: err.line_display(),
                column: err.column_display(),
                reason: format!("not valid JSON: {}", err.kind()),
            });
        }
    };
    serde_path_to_error::deserialize::<_, Config>(value).map_err(|err| {
        let mut segments: Vec<PathSegment> = err
            .path()
            .iter()
            .filter_map(|segment| match segment {
                serde_path_to_error::Segment::Seq { index } => Some(PathSegment::Index(index.to_owned())),
                serde_path_to_error::Segment::Map { key } => Some(PathSegment::Key(key.clone())),
                serde_path_to_error::Segment::Enum { .. } | serde_path_to_error::Segment::Unknown => None,
            })
            .collect();
        let inner = err.into_inner().to_string();
        let reason = explain(&inner, &mut segments);
        source.error_at(&segments, reason)
    })
}

/// Rewrites serde's wording into ours and adds "did you mean" for unknown keys and values.
fn explain(message: &str, segments: &mut Vec<PathSegment>) -> String {
    for (prefix, noun) in [("unknown field `", "key"), ("unknown variant `", "value")] {
        let Some(rest) = message.strip_prefix(prefix) else { continue };
        let Some((name, expected)) = rest.split_once('`') else { continue };
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        if noun == "key" && segments.last() != Some(&PathSegment::Key(name.to_string())) {
            segments.push(PathSegment::Key(name.to_string()));
        }
        let known = if candidates.is_empty() {
            "no keys are allowed here".to_string()
        } else {
            format!("expected one of {}", candidates.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", "))
        };
        let mut out = format!("unknown {noun} `{name}` ({known})");
        if let Some(best) = did_you_mean(name, &candidates) {
            out.push_str(&format!("; did you mean `{best}`?"));
        }
        return out;
    }
    message.to_string()
}

/// The closest candidate to `name`, when it is close enough to be a typo.
pub fn did_you_mean<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|candidate| (strsim::jaro_winkler(&name.to_lowercase(), &candidate.to_lowercase()), *candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// The byte offset of the value (or, for a missing key, its object) at `segments`.
fn locate(text: &str, segments: &[PathSegment]) -> Option<usize> {
    use jsonc_parser::ast::Value;
    let parsed = jsonc_parser::parse_to_ast(
        text,
        &jsonc_parser::CollectOptions::default(),
        &jsonc_parser::ParseOptions::default(),
    )
    .ok()?;
    let mut value = parsed.value.as_ref()?;
    let mut offset = range_start(value);
    for segment in segments {
        match (segment, value) {
            (PathSegment::Key(key), Value::Object(object)) => {
                let Some(prop) = object.properties.iter().find(|prop| prop.name.as_str() == key) else {
                    return Some(offset);
                };
                offset = prop.range.start;
                value = &prop.value;
            }
            (PathSegment::Index(index), Value::Array(array)) => {
                let Some(element) = array.elements.get(*index) else { return Some(offset) };
                offset = range_start(element);
                value = element;
            }
            _ => return Some(offset),
        }
    }
    Some(offset)
}

fn range_start(value: &jsonc_parser::ast::Value<'_>) -> usize {
    use jsonc_parser::common::Ranged;
    value.range().start
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        parse_config(&ConfigSource { file: "palisade.json", text })
    }

    #[test]
    fn accepts_comments_and_trailing_commas() {
        let config = parse("{\n // layers\n \"rules\": { \"entry-point\": \"error\", },\n}").expect("valid");
        assert_eq!(config.rules.entry_point.map(|s| s.severity()), Some(SeverityLevel::Error));
    }

    #[test]
    fn unknown_key_names_path_line_and_suggestion() {
        let err = parse("{\n  \"rules\": {\n    \"entry-points\": \"error\"\n  }\n}").expect_err("invalid");
        assert_eq!(err.json_path, "rules.entry-points");
        assert_eq!(err.line, 3);
        assert!(err.reason.contains("did you mean `entry-point`?"), "{}", err.reason);
    }

    #[test]
    fn unknown_option_inside_rule_tuple() {
        let err = parse("{\"rules\": {\"entry-point\": [\"error\", {\"alow\": []}]}}").expect_err("invalid");
        assert_eq!(err.json_path, "rules.entry-point[1].alow");
        assert!(err.reason.contains("did you mean `allow`?"), "{}", err.reason);
    }

    #[test]
    fn wrong_type_and_bad_severity() {
        let err = parse("{\"elements\": \"libs\"}").expect_err("invalid");
        assert_eq!(err.json_path, "elements");
        assert!(err.reason.contains("invalid type"), "{}", err.reason);
        let err = parse("{\"rules\": {\"tags\": \"eror\"}}").expect_err("invalid");
        assert!(err.reason.contains("did you mean `error`?"), "{}", err.reason);
    }

    #[test]
    fn bad_json_names_line() {
        let err = parse("{\n  \"rules\": {,\n}").expect_err("invalid");
        assert_eq!(err.line, 2);
        assert!(err.to_string().starts_with("palisade.json:2:"), "{err}");
    }
}
