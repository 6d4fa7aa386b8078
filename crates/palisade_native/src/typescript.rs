//! TypeScript declarations from the JSON Schema of `palisade.json` (`make gen` writes them to
//! npm/palisade/types/config.d.ts). The converter knows exactly the constructs that schema uses and
//! refuses any other, naming its JSON path, so a schema change never becomes a silent `any`.

use std::fmt;

use serde_json::{Map, Value};

/// A schema construct the converter cannot express, at a JSON pointer into the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    /// `#/$defs/PolicyRule/properties/from`.
    pub path: String,
    pub reason: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for SchemaError {}

type Result<T> = std::result::Result<T, SchemaError>;

/// The declarations of `schema`: the root as `export interface <root_name>`, then each `$defs`
/// entry under its own name, in the schema's order.
pub fn declarations(schema: &Value, root_name: &str) -> Result<String> {
    let root = Pointer::root();
    let Value::Object(map) = schema else {
        return Err(root.error("the root schema is not an object"));
    };
    let mut keywords = Keywords::new(map, &root)?;
    keywords.take("$schema");
    let no_defs = Map::new();
    let defs = match keywords.take("$defs") {
        None => &no_defs,
        Some(Value::Object(defs)) => defs,
        Some(_) => return Err(root.child("$defs").error("`$defs` is not an object")),
    };
    let converter = Converter { defs };
    let mut out = converter.declaration(root_name, keywords, &root)?;
    for (name, schema) in defs {
        let path = root.child("$defs").child(name);
        check_type_name(name, &path)?;
        if name == root_name {
            return Err(path.error(&format!("`{name}` is the root's name")));
        }
        let Value::Object(map) = schema else {
            return Err(path.error("a definition that is not a schema object"));
        };
        out.push('\n');
        out.push_str(&converter.declaration(name, Keywords::new(map, &path)?, &path)?);
    }
    Ok(out)
}

/// A TypeScript type, before rendering.
#[derive(Debug, Clone, PartialEq)]
enum TsType {
    /// `string`, `number`, `boolean`, `null`.
    Keyword(&'static str),
    /// A rendered literal: `'warn'`, `2`, `true`.
    Literal(String),
    /// A named declaration (a `$defs` entry).
    Reference(String),
    Union(Vec<TsType>),
    Array(Box<TsType>),
    /// `[A, B?, ...C[]]`: elements from `required` on are optional.
    Tuple {
        elements: Vec<TsType>,
        required: usize,
        rest: Option<Box<TsType>>,
    },
    /// An object with exactly these properties (`additionalProperties: false`).
    Object(Vec<Property>),
    /// Any keys, every value of this type.
    Record(Box<TsType>),
}

#[derive(Debug, Clone, PartialEq)]
struct Property {
    name: String,
    doc: Vec<String>,
    optional: bool,
    ty: TsType,
}

struct Converter<'a> {
    defs: &'a Map<String, Value>,
}

impl Converter<'_> {
    /// `export interface` for an object with properties, `export type` for anything else.
    fn declaration(&self, name: &str, mut keywords: Keywords<'_>, path: &Pointer) -> Result<String> {
        let doc = jsdoc(&documentation(keywords.map), "");
        let ty = self.convert(&mut keywords, path)?;
        keywords.finish(path)?;
        Ok(match ty {
            TsType::Object(properties) if !properties.is_empty() => {
                format!("{doc}export interface {name} {}\n", render_object(&properties, ""))
            }
            ty => format!("{doc}export type {name} = {};\n", render(&ty, "")),
        })
    }

    fn schema(&self, schema: &Value, path: &Pointer) -> Result<TsType> {
        let Value::Object(map) = schema else {
            return Err(path.error("a boolean schema here is not supported (it means any value or none)"));
        };
        let mut keywords = Keywords::new(map, path)?;
        let ty = self.convert(&mut keywords, path)?;
        keywords.finish(path)?;
        Ok(ty)
    }

    /// The type of a schema object, taking the keywords it understands from `keywords`.
    fn convert(&self, keywords: &mut Keywords<'_>, path: &Pointer) -> Result<TsType> {
        for annotation in ["title", "description", "default"] {
            keywords.take(annotation);
        }
        if let Some(reference) = keywords.take("$ref") {
            return self.reference(reference, &path.child("$ref"));
        }
        let one_of = keywords.take("oneOf");
        let any_of = keywords.take("anyOf");
        match (one_of, any_of) {
            (Some(_), Some(_)) => return Err(path.error("both `oneOf` and `anyOf`")),
            (Some(members), None) => return self.union_of(members, &path.child("oneOf")),
            (None, Some(members)) => return self.union_of(members, &path.child("anyOf")),
            (None, None) => {}
        }
        let types = match keywords.take("type") {
            None => None,
            Some(Value::String(name)) => Some(vec![name.as_str()]),
            Some(Value::Array(names)) if !names.is_empty() => Some(
                names
                    .iter()
                    .map(|name| {
                        name.as_str().ok_or_else(|| path.child("type").error("a type name that is not a string"))
                    })
                    .collect::<Result<Vec<_>>>()?,
            ),
            Some(_) => return Err(path.child("type").error("`type` is neither a type name nor a list of them")),
        };
        if let Some(values) = keywords.take("enum") {
            let Value::Array(values) = values else {
                return Err(path.child("enum").error("`enum` is not a list"));
            };
            let literals = values
                .iter()
                .enumerate()
                .map(|(index, value)| literal(value, types.as_deref(), &path.child("enum").index(index)))
                .collect::<Result<Vec<_>>>()?;
            return union(literals).ok_or_else(|| path.child("enum").error("an empty `enum` allows no value"));
        }
        if let Some(value) = keywords.take("const") {
            return literal(value, types.as_deref(), &path.child("const"));
        }
        let Some(types) = types else {
            return Err(
                path.error("no `type`, `$ref`, `enum`, `const`, `oneOf` or `anyOf`: the schema allows any value")
            );
        };
        let members = types
            .iter()
            .map(|name| match *name {
                "string" | "boolean" | "null" | "number" => Ok(TsType::Keyword(keyword(name))),
                "integer" => Ok(TsType::Keyword("number")),
                "array" => self.array(keywords, path),
                "object" => self.object(keywords, path),
                other => Err(path.child("type").error(&format!("unknown type `{other}`"))),
            })
            .collect::<Result<Vec<_>>>()?;
        union(members).ok_or_else(|| path.child("type").error("an empty list of types"))
    }

    fn reference(&self, reference: &Value, path: &Pointer) -> Result<TsType> {
        let target = reference.as_str().ok_or_else(|| path.error("`$ref` is not a string"))?;
        match target.strip_prefix("#/$defs/") {
            Some(name) if self.defs.contains_key(name) => Ok(TsType::Reference(name.to_owned())),
            Some(_) => Err(path.error(&format!("`{target}` names no entry of `$defs`"))),
            None => Err(path.error(&format!("`{target}`: only references to `#/$defs/<name>` are supported"))),
        }
    }

    fn union_of(&self, members: &Value, path: &Pointer) -> Result<TsType> {
        let Value::Array(members) = members else {
            return Err(path.error("not a list of schemas"));
        };
        let types = members
            .iter()
            .enumerate()
            .map(|(index, member)| self.schema(member, &path.index(index)))
            .collect::<Result<Vec<_>>>()?;
        union(types).ok_or_else(|| path.error("an empty list of schemas allows no value"))
    }

    /// A list (`items`) or a tuple (`prefixItems`, closed by `items: false` or `maxItems`).
    fn array(&self, keywords: &mut Keywords<'_>, path: &Pointer) -> Result<TsType> {
        let items = keywords.take("items");
        let min_items = keywords.take("minItems").map(|value| count(value, &path.child("minItems"))).transpose()?;
        let max_items = keywords.take("maxItems").map(|value| count(value, &path.child("maxItems"))).transpose()?;
        let Some(prefix) = keywords.take("prefixItems") else {
            if min_items.is_some() || max_items.is_some() {
                let bound = if min_items.is_some() { "minItems" } else { "maxItems" };
                return Err(path
                    .child(bound)
                    .error("a length bound on a list (not a tuple) has no TypeScript equivalent"));
            }
            return match items {
                Some(schema @ Value::Object(_)) => {
                    Ok(TsType::Array(Box::new(self.schema(schema, &path.child("items"))?)))
                }
                Some(_) => Err(path.child("items").error("`items` of a list is not a schema object")),
                None => Err(path.error("an array without `items` allows any element")),
            };
        };
        let Value::Array(prefix) = prefix else {
            return Err(path.child("prefixItems").error("`prefixItems` is not a list"));
        };
        let elements = prefix
            .iter()
            .enumerate()
            .map(|(index, element)| self.schema(element, &path.child("prefixItems").index(index)))
            .collect::<Result<Vec<_>>>()?;
        let rest = match items {
            Some(Value::Bool(false)) => None,
            Some(schema @ Value::Object(_)) => Some(Box::new(self.schema(schema, &path.child("items"))?)),
            Some(_) => {
                return Err(path
                    .child("items")
                    .error("`items` after `prefixItems` is neither `false` nor a schema object"));
            }
            None if max_items == Some(elements.len()) => None,
            None => {
                return Err(path.error("a tuple needs `items: false` (or `maxItems` equal to its length): later elements would be of any type"));
            }
        };
        if max_items.is_some_and(|max| max != elements.len()) {
            return Err(path.child("maxItems").error("`maxItems` differs from the length of `prefixItems`"));
        }
        let required = min_items.unwrap_or(0);
        if required > elements.len() {
            return Err(path.child("minItems").error("`minItems` exceeds the length of `prefixItems`"));
        }
        Ok(TsType::Tuple { elements, required, rest })
    }

    /// A closed object (`additionalProperties: false`) or a map (`additionalProperties` a schema).
    fn object(&self, keywords: &mut Keywords<'_>, path: &Pointer) -> Result<TsType> {
        let no_properties = Map::new();
        let properties = match keywords.take("properties") {
            None => &no_properties,
            Some(Value::Object(properties)) => properties,
            Some(_) => return Err(path.child("properties").error("`properties` is not an object")),
        };
        let required = match keywords.take("required") {
            None => Vec::new(),
            Some(Value::Array(names)) => names
                .iter()
                .enumerate()
                .map(|(index, name)| match name.as_str() {
                    Some(name) if properties.contains_key(name) => Ok(name),
                    Some(name) => {
                        Err(path.child("required").index(index).error(&format!("`{name}` is not among `properties`")))
                    }
                    None => Err(path.child("required").index(index).error("not a property name")),
                })
                .collect::<Result<Vec<_>>>()?,
            Some(_) => return Err(path.child("required").error("`required` is not a list")),
        };
        match keywords.take("additionalProperties") {
            Some(Value::Bool(false)) => properties
                .iter()
                .map(|(name, schema)| {
                    let path = path.child("properties").child(name);
                    Ok(Property {
                        name: name.clone(),
                        doc: schema.as_object().map(documentation).unwrap_or_default(),
                        optional: !required.contains(&name.as_str()),
                        ty: self.schema(schema, &path)?,
                    })
                })
                .collect::<Result<Vec<_>>>()
                .map(TsType::Object),
            Some(schema @ Value::Object(_)) if properties.is_empty() => {
                Ok(TsType::Record(Box::new(self.schema(schema, &path.child("additionalProperties"))?)))
            }
            Some(Value::Object(_)) => Err(path.error("`properties` beside an `additionalProperties` schema")),
            _ => Err(path
                .error("an object without `additionalProperties: false` or a schema for them accepts any other key")),
        }
    }
}

/// Every keyword the converter knows somewhere; a schema with another is refused up front.
const KNOWN_KEYWORDS: &[&str] = &[
    "$schema",
    "$defs",
    "title",
    "description",
    "default",
    "$ref",
    "oneOf",
    "anyOf",
    "type",
    "enum",
    "const",
    "items",
    "prefixItems",
    "minItems",
    "maxItems",
    "properties",
    "required",
    "additionalProperties",
];

/// The schema object's keywords, each to be taken by the part of the converter that understands
/// it; one left over is a construct the converter does not know in that place.
struct Keywords<'a> {
    map: &'a Map<String, Value>,
    taken: Vec<&'a str>,
}

impl<'a> Keywords<'a> {
    fn new(map: &'a Map<String, Value>, path: &Pointer) -> Result<Self> {
        match map.keys().find(|key| !KNOWN_KEYWORDS.contains(&key.as_str())) {
            None => Ok(Self { map, taken: Vec::new() }),
            Some(key) => Err(unsupported(key, path)),
        }
    }

    fn take(&mut self, keyword: &str) -> Option<&'a Value> {
        let (key, value) = self.map.get_key_value(keyword)?;
        self.taken.push(key);
        Some(value)
    }

    fn finish(&self, path: &Pointer) -> Result<()> {
        match self.map.keys().find(|key| !self.taken.contains(&key.as_str())) {
            None => Ok(()),
            Some(key) => Err(unsupported(key, path)),
        }
    }
}

fn unsupported(key: &str, path: &Pointer) -> SchemaError {
    path.child(key).error(&format!(
        "`{key}` is not supported here; teach crates/palisade_native/src/typescript.rs its TypeScript meaning"
    ))
}

/// A JSON pointer into the schema, `#/$defs/Name/properties/key`.
#[derive(Debug, Clone)]
struct Pointer(String);

impl Pointer {
    fn root() -> Self {
        Self(String::from("#"))
    }

    fn child(&self, key: &str) -> Self {
        Self(format!("{}/{}", self.0, key.replace('~', "~0").replace('/', "~1")))
    }

    fn index(&self, index: usize) -> Self {
        Self(format!("{}/{index}", self.0))
    }

    fn error(&self, reason: &str) -> SchemaError {
        SchemaError { path: self.0.clone(), reason: reason.to_owned() }
    }
}

fn keyword(name: &str) -> &'static str {
    match name {
        "string" => "string",
        "boolean" => "boolean",
        "null" => "null",
        _ => "number",
    }
}

fn count(value: &Value, path: &Pointer) -> Result<usize> {
    value.as_u64().and_then(|count| usize::try_from(count).ok()).ok_or_else(|| path.error("not a non-negative integer"))
}

/// The literal type of an `enum` or `const` value, which must be of one of `types` when given.
fn literal(value: &Value, types: Option<&[&str]>, path: &Pointer) -> Result<TsType> {
    let (rendered, type_name) = match value {
        Value::String(text) => (string_literal(text), "string"),
        Value::Bool(flag) => (flag.to_string(), "boolean"),
        Value::Null => (String::from("null"), "null"),
        Value::Number(number) => (number.to_string(), if number.is_f64() { "number" } else { "integer" }),
        Value::Array(_) | Value::Object(_) => return Err(path.error("an array or object literal is not supported")),
    };
    let allowed =
        types.is_none_or(|types| types.contains(&type_name) || (type_name == "integer" && types.contains(&"number")));
    if !allowed {
        return Err(path.error(&format!("{rendered} is not of the declared `type`")));
    }
    Ok(TsType::Literal(rendered))
}

/// One member as itself, several as a union (nested unions flattened, repeats dropped), none as `None`.
fn union(members: Vec<TsType>) -> Option<TsType> {
    let mut flat: Vec<TsType> = Vec::new();
    for member in members {
        let parts = match member {
            TsType::Union(parts) => parts,
            single => vec![single],
        };
        for part in parts {
            if !flat.contains(&part) {
                flat.push(part);
            }
        }
    }
    match flat.len() {
        0 => None,
        1 => flat.pop(),
        _ => Some(TsType::Union(flat)),
    }
}

/// The lines of a declaration's doc comment: its title, description and default.
fn documentation(map: &Map<String, Value>) -> Vec<String> {
    let mut lines = Vec::new();
    for annotation in ["title", "description"] {
        if let Some(text) = map.get(annotation).and_then(Value::as_str) {
            if !lines.is_empty() {
                lines.push(String::new());
            }
            lines.extend(text.trim_end().lines().map(|line| line.trim_end().to_owned()));
        }
    }
    if let Some(default) = map.get("default") {
        lines.push(format!("@default {default}"));
    }
    lines
}

/// `lines` as a `/** … */` comment at `indent`, or nothing.
fn jsdoc(lines: &[String], indent: &str) -> String {
    let lines: Vec<String> = lines.iter().map(|line| line.replace("*/", "*\\/")).collect();
    match lines.as_slice() {
        [] => String::new(),
        [line] if !line.is_empty() => format!("{indent}/** {line} */\n"),
        _ => {
            let mut out = format!("{indent}/**\n");
            for line in &lines {
                if line.is_empty() {
                    out.push_str(&format!("{indent} *\n"));
                } else {
                    out.push_str(&format!("{indent} * {line}\n"));
                }
            }
            out.push_str(&format!("{indent} */\n"));
            out
        }
    }
}

fn render(ty: &TsType, indent: &str) -> String {
    match ty {
        TsType::Keyword(name) => (*name).to_owned(),
        TsType::Literal(text) | TsType::Reference(text) => text.clone(),
        TsType::Union(members) => members.iter().map(|member| render(member, indent)).collect::<Vec<_>>().join(" | "),
        TsType::Array(element) => format!("{}[]", render_operand(element, indent)),
        TsType::Tuple { elements, required, rest } => {
            let mut parts: Vec<String> = elements
                .iter()
                .enumerate()
                .map(|(index, element)| {
                    if index < *required {
                        render(element, indent)
                    } else {
                        format!("{}?", render_operand(element, indent))
                    }
                })
                .collect();
            if let Some(rest) = rest {
                parts.push(format!("...{}[]", render_operand(rest, indent)));
            }
            format!("[{}]", parts.join(", "))
        }
        TsType::Object(properties) if properties.is_empty() => String::from("Record<string, never>"),
        TsType::Object(properties) => render_object(properties, indent),
        TsType::Record(value) => format!("Record<string, {}>", render(value, indent)),
    }
}

/// `ty` where a postfix (`[]`, `?`) follows: a union in parentheses.
fn render_operand(ty: &TsType, indent: &str) -> String {
    match ty {
        TsType::Union(_) => format!("({})", render(ty, indent)),
        _ => render(ty, indent),
    }
}

fn render_object(properties: &[Property], indent: &str) -> String {
    let inner = format!("{indent}  ");
    let mut out = String::from("{\n");
    for property in properties {
        out.push_str(&jsdoc(&property.doc, &inner));
        let optional = if property.optional { "?" } else { "" };
        out.push_str(&format!(
            "{inner}{}{optional}: {};\n",
            property_name(&property.name),
            render(&property.ty, &inner)
        ));
    }
    out.push_str(indent);
    out.push('}');
    out
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|first| first.is_ascii_alphabetic() || first == '_' || first == '$')
        && chars.all(|rest| rest.is_ascii_alphanumeric() || rest == '_' || rest == '$')
}

fn property_name(name: &str) -> String {
    if is_identifier(name) { name.to_owned() } else { string_literal(name) }
}

/// Words a declared type may not be named.
const RESERVED_TYPE_NAMES: &[&str] = &[
    "any",
    "bigint",
    "boolean",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "never",
    "new",
    "null",
    "number",
    "object",
    "return",
    "string",
    "super",
    "switch",
    "symbol",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "undefined",
    "unknown",
    "var",
    "void",
    "while",
    "with",
];

fn check_type_name(name: &str, path: &Pointer) -> Result<()> {
    if is_identifier(name) && !RESERVED_TYPE_NAMES.contains(&name) {
        Ok(())
    } else {
        Err(path.error(&format!("`{name}` cannot name a TypeScript type")))
    }
}

/// A single-quoted TypeScript string literal.
fn string_literal(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn declare(schema: &Value) -> String {
        match declarations(schema, "Root") {
            Ok(text) => text,
            Err(err) => panic!("{err}"),
        }
    }

    fn refusal(schema: &Value) -> String {
        match declarations(schema, "Root") {
            Ok(text) => panic!("converted, expected a refusal:\n{text}"),
            Err(err) => err.to_string(),
        }
    }

    /// A root whose only property `x` has `schema`.
    fn property(schema: &Value) -> Value {
        json!({ "type": "object", "properties": { "x": schema }, "additionalProperties": false })
    }

    #[test]
    fn a_closed_object_is_an_interface_with_optional_and_required_properties_and_their_docs() {
        let schema = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "The config",
            "description": "The whole file.",
            "type": "object",
            "properties": {
                "name": { "description": "Its name.\nOn two lines.", "type": "string" },
                "entry-point": { "type": "boolean", "default": false },
                "count": { "type": "integer" }
            },
            "required": ["name"],
            "additionalProperties": false
        });
        assert_eq!(
            declare(&schema),
            "/**\n * The config\n *\n * The whole file.\n */\nexport interface Root {\n  /**\n   * Its name.\n   * On two lines.\n   */\n  name: string;\n  /** @default false */\n  'entry-point'?: boolean;\n  count?: number;\n}\n"
        );
    }

    #[test]
    fn defs_are_declared_under_their_names_and_referenced_by_them() {
        let schema = json!({
            "type": "object",
            "properties": { "level": { "$ref": "#/$defs/Level" }, "rules": { "$ref": "#/$defs/Rules", "default": {} } },
            "additionalProperties": false,
            "$defs": {
                "Level": { "description": "How loud.", "type": "string", "enum": ["off", "warn", "error"] },
                "Rules": { "type": "object", "additionalProperties": false },
                "Pair": { "const": 2 }
            }
        });
        assert_eq!(
            declare(&schema),
            "export interface Root {\n  level?: Level;\n  /** @default {} */\n  rules?: Rules;\n}\n\n/** How loud. */\nexport type Level = 'off' | 'warn' | 'error';\n\nexport type Rules = Record<string, never>;\n\nexport type Pair = 2;\n"
        );
    }

    #[test]
    fn unions_nullable_types_lists_tuples_and_maps() {
        let schema = json!({
            "type": "object",
            "properties": {
                "nullable": { "type": ["string", "null"] },
                "list": { "type": ["array", "null"], "items": { "type": "string" } },
                "either": { "anyOf": [{ "$ref": "#/$defs/A" }, { "type": "null" }] },
                "one": { "oneOf": [{ "$ref": "#/$defs/A" }, { "type": "array", "items": { "anyOf": [{ "type": "string" }, { "$ref": "#/$defs/A" }] } }] },
                "setting": { "type": "array", "prefixItems": [{ "$ref": "#/$defs/A" }, { "type": "string" }], "items": false, "minItems": 2 },
                "pairs": { "type": "array", "items": { "type": "array", "prefixItems": [{ "type": "string" }, { "type": "string" }], "minItems": 2, "maxItems": 2 } },
                "loose": { "type": "array", "prefixItems": [{ "type": "string" }, { "type": ["number", "null"] }], "items": { "type": "boolean" }, "minItems": 1 },
                "captures": { "type": "object", "additionalProperties": { "type": "string" } },
                "inline": { "type": "object", "properties": { "deep": { "description": "Deep.", "type": "boolean" } }, "required": ["deep"], "additionalProperties": false }
            },
            "additionalProperties": false,
            "$defs": { "A": { "type": "string", "const": "a" } }
        });
        assert_eq!(
            declare(&schema),
            "export interface Root {\n  nullable?: string | null;\n  list?: string[] | null;\n  either?: A | null;\n  one?: A | (string | A)[];\n  setting?: [A, string];\n  pairs?: [string, string][];\n  loose?: [string, (number | null)?, ...boolean[]];\n  captures?: Record<string, string>;\n  inline?: {\n    /** Deep. */\n    deep: boolean;\n  };\n}\n\nexport type A = 'a';\n"
        );
    }

    #[test]
    fn literals_are_escaped_and_odd_property_names_quoted() {
        let schema = property(&json!({ "enum": ["it's", "a\\b", "line\nbreak", "\u{7}", true, null, -1.5] }));
        assert!(
            declare(&schema).contains("  x?: 'it\\'s' | 'a\\\\b' | 'line\\nbreak' | '\\u{7}' | true | null | -1.5;\n")
        );
        let schema = json!({ "type": "object", "properties": { "$schema": { "type": "string" }, "a b": { "type": "string" }, "9": { "type": "string" } }, "additionalProperties": false });
        assert!(declare(&schema).contains("  $schema?: string;\n  'a b'?: string;\n  '9'?: string;\n"));
    }

    #[test]
    fn a_comment_end_in_a_description_does_not_end_the_comment() {
        let schema = property(&json!({ "description": "globs like `src/**/*.ts` */", "type": "string" }));
        assert!(declare(&schema).contains("  /** globs like `src/**\\/*.ts` *\\/ */\n"));
    }

    #[test]
    fn an_unknown_keyword_is_refused_at_its_json_path() {
        let schema = json!({
            "type": "object",
            "properties": { "rules": { "$ref": "#/$defs/Rules" } },
            "additionalProperties": false,
            "$defs": { "Rules": { "type": "object", "properties": { "entry/point": { "type": "string", "pattern": "^a" } }, "additionalProperties": false } }
        });
        assert_eq!(
            refusal(&schema),
            "#/$defs/Rules/properties/entry~1point/pattern: `pattern` is not supported here; teach crates/palisade_native/src/typescript.rs its TypeScript meaning"
        );
    }

    #[test]
    fn whatever_would_need_any_or_unknown_is_refused_naming_its_path() {
        for (schema, expected) in [
            (
                json!({}),
                "#/properties/x: no `type`, `$ref`, `enum`, `const`, `oneOf` or `anyOf`: the schema allows any value",
            ),
            (json!(true), "#/properties/x: a boolean schema here is not supported (it means any value or none)"),
            (json!({ "type": "array" }), "#/properties/x: an array without `items` allows any element"),
            (
                json!({ "type": "object", "properties": {} }),
                "#/properties/x: an object without `additionalProperties: false` or a schema for them accepts any other key",
            ),
            (
                json!({ "type": "object", "additionalProperties": true }),
                "#/properties/x: an object without `additionalProperties: false` or a schema for them accepts any other key",
            ),
            (
                json!({ "type": "array", "prefixItems": [{ "type": "string" }] }),
                "#/properties/x: a tuple needs `items: false` (or `maxItems` equal to its length): later elements would be of any type",
            ),
            (
                json!({ "type": "array", "items": { "type": "string" }, "minItems": 1 }),
                "#/properties/x/minItems: a length bound on a list (not a tuple) has no TypeScript equivalent",
            ),
            (
                json!({ "type": "string", "items": { "type": "string" } }),
                "#/properties/x/items: `items` is not supported here; teach crates/palisade_native/src/typescript.rs its TypeScript meaning",
            ),
            (json!({ "type": "date" }), "#/properties/x/type: unknown type `date`"),
            (json!({ "$ref": "#/$defs/Missing" }), "#/properties/x/$ref: `#/$defs/Missing` names no entry of `$defs`"),
            (
                json!({ "$ref": "other.json#/A" }),
                "#/properties/x/$ref: `other.json#/A`: only references to `#/$defs/<name>` are supported",
            ),
            (
                json!({ "$ref": "#/$defs/Missing", "type": "string" }),
                "#/properties/x/$ref: `#/$defs/Missing` names no entry of `$defs`",
            ),
            (
                json!({ "anyOf": [{ "type": "string" }], "type": "string" }),
                "#/properties/x/type: `type` is not supported here; teach crates/palisade_native/src/typescript.rs its TypeScript meaning",
            ),
            (
                json!({ "oneOf": [{ "type": "string" }, { "allOf": [] }] }),
                "#/properties/x/oneOf/1/allOf: `allOf` is not supported here; teach crates/palisade_native/src/typescript.rs its TypeScript meaning",
            ),
            (json!({ "type": "string", "enum": ["a", 1] }), "#/properties/x/enum/1: 1 is not of the declared `type`"),
            (json!({ "enum": [] }), "#/properties/x/enum: an empty `enum` allows no value"),
            (
                json!({ "type": "object", "properties": { "a": { "type": "string" } }, "required": ["b"], "additionalProperties": false }),
                "#/properties/x/required/0: `b` is not among `properties`",
            ),
        ] {
            assert_eq!(refusal(&property(&schema)), expected, "{schema}");
        }
    }

    #[test]
    fn a_def_name_must_be_a_free_type_name() {
        for (name, expected) in [
            ("string", "#/$defs/string: `string` cannot name a TypeScript type"),
            ("Rule-Setting", "#/$defs/Rule-Setting: `Rule-Setting` cannot name a TypeScript type"),
            ("Root", "#/$defs/Root: `Root` is the root's name"),
        ] {
            let schema =
                json!({ "type": "object", "additionalProperties": false, "$defs": { name: { "type": "string" } } });
            assert_eq!(refusal(&schema), expected);
        }
    }

    #[test]
    fn the_schema_of_palisade_json_converts() {
        let schema: Value = match serde_json::from_str(include_str!("../../../npm/palisade/schema.json")) {
            Ok(schema) => schema,
            Err(err) => panic!("npm/palisade/schema.json: {err}"),
        };
        let text = declare(&schema);
        assert!(text.starts_with(
            "/**\n * Palisade configuration\n *\n * The whole `palisade.json`.\n */\nexport interface Root {\n"
        ));
        for name in schema["$defs"].as_object().into_iter().flat_map(Map::keys) {
            assert!(
                text.contains(&format!("export interface {name} ")) || text.contains(&format!("export type {name} = ")),
                "{name}"
            );
        }
    }
}
