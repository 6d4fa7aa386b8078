//! What a check reports: typed findings from rules, rendered once into `Diagnostic`s with
//! message, help and docs URL; and the line index that turns byte spans into `ESLint` positions.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const DOCS_BASE: &str = "https://github.com/palisade-dev/palisade/blob/main/docs/rules/";

/// A byte range in a file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// How loudly a rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeverityLevel {
    Off,
    Warn,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warn,
    Error,
}

impl Severity {
    pub fn from_level(level: SeverityLevel) -> Option<Self> {
        match level {
            SeverityLevel::Off => None,
            SeverityLevel::Warn => Some(Self::Warn),
            SeverityLevel::Error => Some(Self::Error),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Warn => "warn",
            Self::Error => "error",
        }
    }
}

/// A message a rule can emit: `{{key}}` placeholders filled from the finding's data.
#[derive(Debug, Clone, Copy)]
pub struct MessageTemplate {
    pub id: &'static str,
    pub message: &'static str,
    pub help: &'static str,
}

/// What a rule is, for docs, `ESLint` metadata and the generated tables.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    pub id: &'static str,
    pub description: &'static str,
    /// What the rule looks at.
    pub kind: RuleKind,
    /// On in the zero-config default.
    pub recommended: bool,
    pub messages: &'static [MessageTemplate],
    /// Markdown: what it does, why, examples, options.
    pub docs: &'static str,
}

/// What a rule looks at, which decides where it can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// Each import on its own (with the workspace's projects and elements): runs everywhere,
    /// the SWC plugin included.
    PerImport,
    /// Each file on its own.
    PerFile,
    /// The whole import graph (per import too, where it can): runs where every file can be
    /// read (CLI, `ESLint`, API), not in the SWC plugin.
    Graph,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PerImport => "per-import",
            Self::PerFile => "per-file",
            Self::Graph => "graph",
        }
    }
}

impl RuleMeta {
    pub fn template(&self, message_id: &str) -> Option<&'static MessageTemplate> {
        self.messages.iter().find(|template| template.id == message_id)
    }

    /// The one-line template `ESLint` shows for `message_id`: the message, then its help.
    pub fn eslint_template(&self, message_id: &str) -> Option<String> {
        self.template(message_id).map(|template| format!("{}{ESLINT_HELP}{}", template.message, template.help))
    }

    /// A message `ESLint` rendered from `eslint_template(message_id)`, as its message and its help:
    /// `text` matched against the two templates (each `{{placeholder}}` any text), so that a
    /// value holding the separator does not move the split. `None` when it does not match.
    pub fn split_eslint_message(&self, message_id: &str, text: &str) -> Option<(String, String)> {
        thread_local! {
            /// Each message's expression, compiled once: a formatter splits every message it prints.
            static COMPILED: std::cell::RefCell<BTreeMap<(&'static str, String), Option<regex_lite::Regex>>> =
                const { std::cell::RefCell::new(BTreeMap::new()) };
        }
        let template = self.template(message_id)?;
        let compile = || {
            let whole = format!(
                "^({}){}({})$",
                template_pattern(template.message, true),
                regex_lite::escape(ESLINT_HELP),
                template_pattern(template.help, false)
            );
            regex_lite::Regex::new(&whole).ok()
        };
        COMPILED.with_borrow_mut(|compiled| {
            let regex = compiled.entry((self.id, message_id.to_string())).or_insert_with(compile).as_ref()?;
            let captures = regex.captures(text)?;
            Some((captures.get(1)?.as_str().to_string(), captures.get(2)?.as_str().to_string()))
        })
    }

    pub fn docs_url(&self) -> String {
        format!("{DOCS_BASE}{}.md", self.id)
    }
}

/// What joins a message and its help in the one line `ESLint` shows.
pub const ESLINT_HELP: &str = ". Help: ";

/// A regular expression matching what `template` renders to: its text as it is, each
/// `{{placeholder}}` any text (as little as will do when `lazy`).
fn template_pattern(template: &str, lazy: bool) -> String {
    let mut pattern = String::new();
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}") else { break };
        pattern.push_str(&regex_lite::escape(&rest[..open]));
        pattern.push_str(if lazy { "(?s:.*?)" } else { "(?s:.*)" });
        rest = &rest[open + close + 2..];
    }
    pattern.push_str(&regex_lite::escape(rest));
    pattern
}

/// A rule's verdict on one place, before rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub message_id: &'static str,
    pub span: Span,
    pub data: Vec<(&'static str, String)>,
}

impl Finding {
    pub fn new(message_id: &'static str, span: Span) -> Self {
        Self { message_id, span, data: Vec::new() }
    }

    #[must_use]
    pub fn with(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.data.push((key, value.into()));
        self
    }

    /// The `custom` message instead, when a policy gives one: `template` filled from this
    /// finding's data and `extra` (such as `from.type`, `to.scope`).
    #[must_use]
    pub fn customised(self, template: Option<&str>, extra: impl IntoIterator<Item = (String, String)>) -> Self {
        let Some(template) = template else { return self };
        let mut data: BTreeMap<String, String> = extra.into_iter().collect();
        data.extend(self.data.iter().map(|(key, value)| ((*key).to_string(), value.clone())));
        let custom = fill(template, &data);
        Self { message_id: "custom", ..self }.with("customMessage", custom)
    }
}

/// A rendered diagnostic, the same on every surface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub rule: &'static str,
    pub message_id: &'static str,
    pub severity: Severity,
    /// Workspace-relative, `/`-separated.
    pub file: String,
    pub span: Span,
    /// Where the span starts and ends, as `ESLint` counts (1-based line, 0-based UTF-16 column).
    pub start: Position,
    pub end: Position,
    pub message: String,
    pub help: String,
    pub data: BTreeMap<String, String>,
    pub docs_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub specifier: Option<String>,
    /// For cycles: the files (or projects) around it, the first repeated at the end.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cycle: Vec<String>,
}

impl Diagnostic {
    pub fn render(meta: &RuleMeta, severity: Severity, file: &str, finding: Finding, lines: &LineIndex<'_>) -> Self {
        let specifier = finding.data.iter().find(|(key, _)| *key == "specifier").map(|(_, value)| value.clone());
        // Names come from the file system and the sources: a control or bidi character in one
        // would reach a terminal or an editor raw. `specifier` keeps the text as written.
        let data: BTreeMap<String, String> =
            finding.data.into_iter().map(|(key, value)| (key.to_string(), printable(&value))).collect();
        let (message, help) = meta.template(finding.message_id).map_or_else(
            || (finding.message_id.to_string(), String::new()),
            |template| (fill(template.message, &data), fill(template.help, &data)),
        );
        Self {
            rule: meta.id,
            message_id: finding.message_id,
            severity,
            file: file.to_string(),
            span: finding.span,
            start: lines.position(finding.span.start),
            end: lines.position(finding.span.end),
            message,
            help,
            specifier,
            data,
            docs_url: meta.docs_url(),
            cycle: Vec::new(),
        }
    }

    /// Report order: file, position, rule.
    pub fn sort_key(&self) -> (&str, Span, &str, &str) {
        report_order(&self.file, self.span, self.rule, self.message_id)
    }
}

/// The key diagnostics are reported in order of: file, byte span, rule, message id. Hosts that
/// join diagnostics checked apart (the CLI's threads) order them by it too.
pub fn report_order<'a>(
    file: &'a str,
    span: Span,
    rule: &'a str,
    message_id: &'a str,
) -> (&'a str, Span, &'a str, &'a str) {
    (file, span, rule, message_id)
}

/// `text` with control characters (C0 but line breaks and tabs, DEL, C1) and bidirectional
/// overrides written as visible `\u{…}` escapes. Line breaks stay: some messages list files one
/// per line (`enforce-module-boundaries`' cycle chains, as Nx writes them).
pub fn printable(text: &str) -> String {
    let hidden = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(hidden) {
        return text.to_string();
    }
    text.chars().map(|c| if hidden(c) { format!("\\u{{{:x}}}", u32::from(c)) } else { c.to_string() }).collect()
}

/// Fills `{{ key }}` placeholders the way `ESLint` does; unknown keys stay as written.
pub fn fill(template: &str, data: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        match after.find("}}") {
            Some(close) if !after[..close].contains('{') => {
                let key = after[..close].trim();
                match data.get(key) {
                    Some(value) => out.push_str(value),
                    None => out.push_str(&rest[open..open + 2 + close + 2]),
                }
                rest = &after[close + 2..];
            }
            _ => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A position as `ESLint` counts it: 1-based line, 0-based UTF-16 column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Line starts of a text, breaking where `ESLint` does (`\r\n`, `\n`, `\r`, U+2028, U+2029).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        let mut chars = text.char_indices().peekable();
        while let Some((index, c)) = chars.next() {
            match c {
                '\r' => {
                    if let Some((_, '\n')) = chars.peek() {
                        chars.next();
                        starts.push(index + 2);
                    } else {
                        starts.push(index + 1);
                    }
                }
                '\n' | '\u{2028}' | '\u{2029}' => starts.push(index + c.len_utf8()),
                _ => {}
            }
        }
        Self { text, starts }
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|start| *start <= offset);
        let start = self.starts[line - 1];
        let column = self.text.get(start..offset).map_or(0, |s| s.encode_utf16().count());
        Position { line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO: RuleMeta = RuleMeta {
        id: "demo",
        description: "",
        kind: RuleKind::PerImport,
        recommended: false,
        messages: &[MessageTemplate {
            id: "m",
            message: "`{{specifier}}` is not {{what}}",
            help: "use {{entry}} (or not)",
        }],
        docs: "",
    };

    #[test]
    fn eslint_messages_split_by_their_templates() {
        assert_eq!(
            DEMO.eslint_template("m").as_deref(),
            Some("`{{specifier}}` is not {{what}}. Help: use {{entry}} (or not)")
        );
        let split = |text: &str| DEMO.split_eslint_message("m", text);
        assert_eq!(split("`a` is not b. Help: use c (or not)"), Some(("`a` is not b".into(), "use c (or not)".into())));
        // A value holding the separator, or a line break, leaves the split where the templates put it.
        assert_eq!(
            split("`x. Help: y` is not b. Help: use c. Help: d\ne (or not)"),
            Some(("`x. Help: y` is not b".into(), "use c. Help: d\ne (or not)".into()))
        );
        assert_eq!(split("something else"), None);
        assert_eq!(DEMO.split_eslint_message("other", "`a` is not b. Help: use c (or not)"), None);
    }

    #[test]
    fn positions_count_utf16_and_crlf() {
        let text = "a\r\nconst s = '🚀é'; import x from 'y';\n";
        let index = LineIndex::new(text);
        let offset = text.find("'y'").expect("present");
        let position = index.position(offset);
        assert_eq!(position.line, 2);
        assert_eq!(position.column, "const s = '🚀é'; import x from ".encode_utf16().count());
        assert_eq!(index.position(0), Position { line: 1, column: 0 });
    }

    #[test]
    fn names_with_control_or_bidi_characters_are_printed_visibly() {
        assert_eq!(printable("a\u{7}b\u{1b}[2J\u{202e}c\u{85}"), "a\\u{7}b\\u{1b}[2J\\u{202e}c\\u{85}");
        assert_eq!(printable("libs/é/x.ts"), "libs/é/x.ts");
    }

    #[test]
    fn fill_leaves_unknown_placeholders() {
        let data = BTreeMap::from([("a".to_string(), "x".to_string())]);
        assert_eq!(fill("`{{a}}` and {{ a }} and {{b}}", &data), "`x` and x and {{b}}");
    }
}
