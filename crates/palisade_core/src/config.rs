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
    pub dependencies: Option<RuleSetting<dependencies::DependenciesOptions>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<RuleSetting<tags::TagsOptions>>,
    #[serde(rename = "entry-point", default, skip_serializing_if = "Option::is_none")]
    pub entry_point: Option<RuleSetting<entry_point::EntryPointOptions>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<RuleSetting<external::ExternalOptions>>,
    #[serde(rename = "no-unknown-files", default, skip_serializing_if = "Option::is_none")]
    pub no_unknown_files: Option<RuleSetting<NoOptions>>,
    #[serde(rename = "no-unresolved-local", default, skip_serializing_if = "Option::is_none")]
    pub no_unresolved_local: Option<RuleSetting<NoOptions>>,
    #[serde(rename = "no-cycle", default, skip_serializing_if = "Option::is_none")]
    pub no_cycle: Option<RuleSetting<no_cycle::NoCycleOptions>>,
    #[serde(rename = "enforce-module-boundaries", default, skip_serializing_if = "Option::is_none")]
    pub enforce_module_boundaries: Option<RuleSetting<enforce_module_boundaries::EnforceModuleBoundariesOptions>>,
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
    /// The text without a leading byte-order mark (editors on Windows write one).
    fn body(&self) -> &str {
        self.text.strip_prefix('\u{feff}').unwrap_or(self.text)
    }

    /// An error at `segments`, located on the line where that value (or key) stands.
    pub fn error_at(&self, segments: &[PathSegment], reason: impl Into<String>) -> ConfigError {
        let offset = locate(self.body(), segments).unwrap_or(0);
        self.error_at_offset(segments, offset, reason)
    }

    fn error_at_offset(&self, segments: &[PathSegment], offset: usize, reason: impl Into<String>) -> ConfigError {
        let (line, column) = line_column(self.body(), offset);
        ConfigError {
            file: self.file.to_string(),
            json_path: format_json_path(segments),
            line,
            column,
            reason: reason.into(),
        }
    }
}

/// What `palisade.json` may hold besides plain JSON: comments and trailing commas.
fn jsonc_options() -> jsonc_parser::ParseOptions {
    jsonc_parser::ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: false,
        allow_trailing_commas: true,
        allow_missing_commas: false,
        ..Default::default()
    }
}

/// Parses `palisade.json` text into a `Config`. Refused, each with the JSON path and line: text
/// that is not JSON with comments, a file with no value, a top-level value that is not an
/// object, a key given twice in one object, and a value of the wrong shape anywhere (an array
/// where an object belongs included, which serde alone would accept).
pub fn parse_config(source: &ConfigSource<'_>) -> Result<Config, ConfigError> {
    let value = parse_jsonc(source)?;
    if !value.is_object() {
        return Err(source.error_at(
            &[],
            format!(
                "expected an object such as `{{ \"rules\": {{ \"entry-point\": \"error\" }} }}`, found {}",
                kind_of(&value)
            ),
        ));
    }
    let config = serde_path_to_error::deserialize::<_, Config>(&value).map_err(|err| {
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
    })?;
    let understood = serde_json::to_value(&config).unwrap_or(serde_json::Value::Null);
    let mut segments = Vec::new();
    if let Some(reason) = shape_mismatch(&value, &understood, &mut segments) {
        return Err(source.error_at(&segments, reason));
    }
    Ok(config)
}

/// The JSON value of a JSON-with-comments text; a key given twice in one object is an error at
/// its second occurrence.
pub fn parse_jsonc(source: &ConfigSource<'_>) -> Result<serde_json::Value, ConfigError> {
    let text = source.body();
    let parsed = jsonc_parser::parse_to_ast(text, &jsonc_parser::CollectOptions::default(), &jsonc_options()).map_err(
        |err| ConfigError {
            file: source.file.to_string(),
            json_path: String::new(),
            line: err.line_display(),
            column: err.column_display(),
            reason: format!("not valid JSON: {}", err.kind()),
        },
    )?;
    let Some(root) = parsed.value else {
        return Err(source.error_at(
            &[],
            "the file holds no value: expected an object such as `{ \"rules\": { \"entry-point\": \"error\" } }`",
        ));
    };
    let mut segments = Vec::new();
    ast_to_value(&root, source, &mut segments)
}

fn ast_to_value(
    value: &jsonc_parser::ast::Value<'_>,
    source: &ConfigSource<'_>,
    segments: &mut Vec<PathSegment>,
) -> Result<serde_json::Value, ConfigError> {
    use jsonc_parser::ast::Value as Ast;
    Ok(match value {
        Ast::NullKeyword(_) => serde_json::Value::Null,
        Ast::BooleanLit(boolean) => serde_json::Value::Bool(boolean.value),
        Ast::StringLit(string) => serde_json::Value::String(string.value.to_string()),
        Ast::NumberLit(number) => match serde_json::from_str::<serde_json::Number>(number.value) {
            Ok(parsed) => serde_json::Value::Number(parsed),
            Err(_) => {
                return Err(source.error_at_offset(
                    segments,
                    number.range.start,
                    format!("`{}` is not a JSON number", number.value),
                ));
            }
        },
        Ast::Array(array) => {
            let mut items = Vec::with_capacity(array.elements.len());
            for (index, element) in array.elements.iter().enumerate() {
                segments.push(PathSegment::Index(index));
                items.push(ast_to_value(element, source, segments)?);
                segments.pop();
            }
            serde_json::Value::Array(items)
        }
        Ast::Object(object) => {
            let mut map = serde_json::Map::with_capacity(object.properties.len());
            for property in &object.properties {
                let key = property.name.as_str().to_string();
                segments.push(PathSegment::Key(key.clone()));
                if map.contains_key(&key) {
                    return Err(source.error_at_offset(
                        segments,
                        property.range.start,
                        format!("`{key}` is given twice in this object; keep one"),
                    ));
                }
                let item = ast_to_value(&property.value, source, segments)?;
                segments.pop();
                map.insert(key, item);
            }
            serde_json::Value::Object(map)
        }
    })
}

/// Where the config as understood has an object but the text has something else: serde reads a
/// struct from an array (`"rules": []` would be a config with every rule off).
fn shape_mismatch(
    given: &serde_json::Value,
    understood: &serde_json::Value,
    segments: &mut Vec<PathSegment>,
) -> Option<String> {
    use serde_json::Value;
    match (given, understood) {
        (Value::Object(given), Value::Object(understood)) => given.iter().find_map(|(key, item)| {
            let inner = understood.get(key)?;
            segments.push(PathSegment::Key(key.clone()));
            let found = shape_mismatch(item, inner, segments);
            if found.is_none() {
                segments.pop();
            }
            found
        }),
        (Value::Array(given), Value::Array(understood)) if given.len() == understood.len() => {
            given.iter().zip(understood).enumerate().find_map(|(index, (item, inner))| {
                segments.push(PathSegment::Index(index));
                let found = shape_mismatch(item, inner, segments);
                if found.is_none() {
                    segments.pop();
                }
                found
            })
        }
        (given, Value::Object(_)) if !given.is_object() => {
            Some(format!("expected an object, found {}", kind_of(given)))
        }
        _ => None,
    }
}

/// A JSON value's kind as a sentence names it.
fn kind_of(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(flag) => format!("`{flag}`"),
        Value::Number(number) => format!("the number {number}"),
        Value::String(text) => format!("the string {}", serde_json::Value::String(text.clone())),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

/// Rewrites serde's wording into ours: "did you mean" for unknown keys and values, and what was
/// expected and found in words a user knows (no Rust type names).
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
    serde_in_words(message)
}

/// A serde error message in user words: what was expected and what was found, no Rust types.
pub(crate) fn serde_in_words(message: &str) -> String {
    if let Some(field) = message.strip_prefix("missing field `").and_then(|rest| rest.strip_suffix('`')) {
        return format!("`{field}` is required here");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!("expected {}, found {}", expected_in_words(expected), found_in_words(found));
    }
    if let Some(rest) = message.strip_prefix("invalid length ")
        && let Some((_, expected)) = rest.split_once(", expected ")
    {
        return format!("expected {}", expected_in_words(expected));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!("expected {}, found {}", expected_in_words(expected), found_in_words(found));
    }
    message.to_string()
}

/// serde's "expected …" in user words: `struct RulesConfig` is an object, a sequence an array.
fn expected_in_words(expected: &str) -> String {
    if let Some(name) = expected.strip_prefix("struct ") {
        return match name {
            "RulesConfig" => "an object of rule settings (`{ \"entry-point\": \"error\" }`)".to_string(),
            "ElementConfig" => {
                "an element (`{ \"type\": \"domain\", \"pattern\": \"libs/{scope}/domain/**\" }`)".to_string()
            }
            _ => "an object".to_string(),
        };
    }
    match expected {
        "a sequence" => "an array".to_string(),
        "a map" => "an object".to_string(),
        "a borrowed string" => "a string".to_string(),
        other => other.to_string(),
    }
}

/// serde's description of an unexpected value in user words.
fn found_in_words(found: &str) -> String {
    match found {
        "sequence" => "an array".to_string(),
        "map" => "an object".to_string(),
        "unit value" | "null" => "null".to_string(),
        other => {
            for (prefix, noun) in [
                ("string ", "the string "),
                ("integer ", "the number "),
                ("floating point ", "the number "),
                ("boolean ", ""),
            ] {
                if let Some(rest) = other.strip_prefix(prefix) {
                    return format!("{noun}{}", rest.trim_matches('`'));
                }
            }
            other.to_string()
        }
    }
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
        assert!(err.reason.contains("expected an array, found the string \"libs\""), "{}", err.reason);
        let err = parse("{\"rules\": {\"tags\": \"eror\"}}").expect_err("invalid");
        assert!(err.reason.contains("did you mean `error`?"), "{}", err.reason);
    }

    #[test]
    fn a_config_without_an_object_is_refused() {
        for text in ["", "  \n", "// only a comment\n", "/* c */", "[]", "null", "42", "\"rules\""] {
            let err = parse(text).expect_err(text);
            assert_eq!(err.json_path, "", "{text}");
            assert!(err.reason.contains("expected an object"), "{text}: {}", err.reason);
        }
    }

    #[test]
    fn an_array_where_an_object_belongs_is_refused() {
        let err = parse("{ \"rules\": [] }").expect_err("rules as an array");
        assert_eq!((err.json_path.as_str(), err.line), ("rules", 1));
        assert!(err.reason.contains("expected an object"), "{}", err.reason);
        let err = parse("{\n\"elements\": [\n[\"domain\", \"libs/**\"]\n]\n}").expect_err("element as an array");
        assert_eq!((err.json_path.as_str(), err.line), ("elements[0]", 3));
        let err = parse("{\"rules\": {\"entry-point\": [\"error\", []]}}").expect_err("options as an array");
        assert_eq!(err.json_path, "rules.entry-point[1]");
    }

    #[test]
    fn a_key_given_twice_is_refused_at_its_second_place() {
        for text in [
            "{\n\"rules\": {},\n\"rules\": {}\n}",
            "{\n// comment\n\"rules\": {},\n\"rules\": {},\n}",
            "{\"rules\": {\"dependencies\": [\"error\", {\"rules\": [{\"from\": {\"captures\": {\n\"a\": \"x\", \"a\": \"y\"}}}]}]}}",
        ] {
            let err = parse(text).expect_err(text);
            assert!(err.reason.contains("given twice"), "{text}: {}", err.reason);
            assert!(err.line >= 2, "{text}: line {}", err.line);
        }
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let config = parse("\u{feff}{ \"rules\": { \"entry-point\": \"error\" } }").expect("valid");
        assert!(config.rules.entry_point.is_some());
        let err = parse("\u{feff}{\n\"rules\": {\"x\": 1}}").expect_err("unknown rule");
        assert_eq!((err.line, err.column), (2, 11));
    }

    #[test]
    fn messages_use_json_words_not_rust_types() {
        for (text, expected) in [
            ("{\"rules\": \"error\"}", "expected an object of rule settings"),
            ("{\"elements\": [\"domain\"]}", "expected an element"),
            ("{\"elements\": [{\"type\": \"d\"}]}", "`pattern` is required here"),
            ("{\"ignore\": {}}", "expected an array, found an object"),
            ("{\"rules\": {\"no-cycle\": [\"error\", {\"typeOnly\": 1}]}}", "expected a boolean, found the number 1"),
        ] {
            let err = parse(text).expect_err(text);
            assert!(err.reason.contains(expected), "{text}: {}", err.reason);
            assert!(!err.reason.contains("struct") && !err.reason.contains("sequence"), "{text}: {}", err.reason);
        }
    }

    #[test]
    fn bad_json_names_line() {
        let err = parse("{\n  \"rules\": {,\n}").expect_err("invalid");
        assert_eq!(err.line, 2);
        assert!(err.to_string().starts_with("palisade.json:2:"), "{err}");
    }
}
