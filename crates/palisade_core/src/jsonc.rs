//! JSON with comments, read with positions: the value of a config-like file, and errors that name
//! the file, the JSON path and the line, in words a user knows (no Rust type names), with a
//! "did you mean" for misspelt keys. `palisade.json` (`config`) and the rules' options use it.

use std::fmt;

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
    pub(crate) fn body(&self) -> &str {
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
pub(crate) fn jsonc_options() -> jsonc_parser::ParseOptions {
    jsonc_parser::ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: false,
        allow_trailing_commas: true,
        allow_missing_commas: false,
        ..Default::default()
    }
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

/// A JSON value's kind as a sentence names it.
pub(crate) fn kind_of(value: &serde_json::Value) -> String {
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
pub(crate) fn explain(message: &str, segments: &mut Vec<PathSegment>) -> String {
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

/// serde's "expected …" in user words: `struct ElementConfig` is an element, a sequence an array.
fn expected_in_words(expected: &str) -> String {
    if let Some(name) = expected.strip_prefix("struct ") {
        return match name {
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
