//! `palisade.json`: its types (which also generate the JSON Schema) and its parsing; errors name
//! the file, the JSON path and the line (`jsonc`).

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

pub use crate::rules::RulesConfig;

use crate::diagnostic::SeverityLevel;
use crate::element::ElementConfig;
use crate::jsonc::{ConfigError, ConfigSource, PathSegment, explain, kind_of, parse_jsonc};

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

/// The options of a rule that takes none.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoOptions {}

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
