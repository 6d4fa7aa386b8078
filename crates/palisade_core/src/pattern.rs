//! Glob patterns compiled to anchored regular expressions: file globs (`*` stays in one path
//! segment, `**` spans segments), element patterns (`{name}` captures one segment) and text
//! globs for names and tags (`*` matches anything), plus `/regex/` tag patterns.

use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// Workspace-relative paths: `*` and `?` stay within a segment, `**` spans segments,
    /// `{a,b}` alternates.
    Path,
    /// Like `Path`, but `{name}` captures exactly one segment.
    Element,
    /// Names and tags: `*` matches any text, `/re/` is a regular expression.
    Text,
}

#[derive(Debug, Clone)]
pub struct Glob {
    source: String,
    regex: Regex,
    /// Set when the pattern has no wildcard, capture or regex: matching is then a string
    /// comparison (tag constraints and most element patterns are literal, and are matched on every
    /// dependency).
    literal: Option<String>,
    capture_names: Vec<String>,
    /// For element patterns: how many leading segments form the element's base.
    base_segments: usize,
}

impl Glob {
    /// Compiles `pattern`; the error says what is wrong with it.
    pub fn new(pattern: &str, flavor: Flavor) -> Result<Self, String> {
        let pattern = pattern.replace('\\', "/");
        if flavor == Flavor::Text
            && let Some(inner) = pattern.strip_prefix('/').and_then(|p| p.strip_suffix('/'))
            && !inner.is_empty()
        {
            let regex = Regex::new(inner).map_err(|err| format!("invalid regular expression: {err}"))?;
            return Ok(Self { source: pattern, regex, literal: None, capture_names: Vec::new(), base_segments: 0 });
        }
        let pattern = pattern.trim_start_matches("./").to_string();
        let mut capture_names = Vec::new();
        let mut out = String::from("^");
        let mut base_segments = None;
        let literal_candidate;
        if flavor == Flavor::Text {
            translate_segment(&pattern, flavor, &mut out, &mut capture_names)?;
            literal_candidate = pattern.clone();
        } else {
            let segments: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
            literal_candidate = segments.join("/");
            let last = segments.len().saturating_sub(1);
            let mut need_slash = false;
            for (index, segment) in segments.iter().enumerate() {
                if *segment == "**" {
                    base_segments.get_or_insert(index);
                    if index == last {
                        out.push_str(if index == 0 { ".*" } else { "(?:/.*)?" });
                    } else {
                        out.push_str(if index == 0 { "(?:[^/]+/)*" } else { "/(?:[^/]+/)*" });
                        need_slash = false;
                        continue;
                    }
                } else {
                    if need_slash {
                        out.push('/');
                    }
                    translate_segment(segment, flavor, &mut out, &mut capture_names)?;
                }
                need_slash = true;
            }
            if base_segments.is_none() {
                base_segments = Some(segments.len());
            }
        }
        out.push('$');
        let regex = Regex::new(&out).map_err(|err| format!("invalid pattern: {err}"))?;
        let literal = (out == format!("^{}$", regex::escape(&literal_candidate))).then_some(literal_candidate);
        Ok(Self { source: pattern, regex, literal, capture_names, base_segments: base_segments.unwrap_or(0) })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    pub fn is_match(&self, text: &str) -> bool {
        match &self.literal {
            Some(literal) => text == literal,
            None => self.regex.is_match(text),
        }
    }

    /// The captured values, in pattern order, when `text` matches.
    pub fn captures(&self, text: &str) -> Option<Vec<(String, String)>> {
        // The match test runs on a DFA; only a match pays for the capture engine.
        if !self.is_match(text) {
            return None;
        }
        if self.capture_names.is_empty() {
            return Some(Vec::new());
        }
        let found = self.regex.captures(text)?;
        Some(
            self.capture_names
                .iter()
                .enumerate()
                .map(|(index, name)| {
                    let value = found.get(index + 1).map_or("", |m| m.as_str());
                    (name.clone(), value.to_string())
                })
                .collect(),
        )
    }

    pub fn base_segments(&self) -> usize {
        self.base_segments
    }
}

fn translate_segment(
    segment: &str,
    flavor: Flavor,
    out: &mut String,
    capture_names: &mut Vec<String>,
) -> Result<(), String> {
    let any = if flavor == Flavor::Text { ".*" } else { "[^/]*" };
    let one = if flavor == Flavor::Text { "." } else { "[^/]" };
    let mut chars = segment.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => {
                while chars.peek() == Some(&'*') {
                    chars.next();
                }
                out.push_str(any);
            }
            '?' => out.push_str(one),
            '{' => {
                let mut inner = String::new();
                let mut closed = false;
                for next in chars.by_ref() {
                    if next == '}' {
                        closed = true;
                        break;
                    }
                    inner.push(next);
                }
                if !closed {
                    return Err(format!("unclosed `{{` in `{segment}`"));
                }
                if flavor == Flavor::Element && !inner.contains(',') {
                    if inner.is_empty() || !inner.chars().all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '-') {
                        return Err(format!("capture `{{{inner}}}` must be a name of letters, digits, `_` or `-`"));
                    }
                    capture_names.push(inner);
                    out.push_str("([^/]+)");
                } else {
                    let alternatives: Vec<String> = inner.split(',').map(regex::escape).collect();
                    out.push_str("(?:");
                    out.push_str(&alternatives.join("|"));
                    out.push(')');
                }
            }
            _ => out.push_str(&regex::escape(&c.to_string())),
        }
    }
    Ok(())
}

/// Matches `text` against any of `globs`.
pub fn any_match(globs: &[Glob], text: &str) -> bool {
    globs.iter().any(|glob| glob.is_match(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glob(pattern: &str, flavor: Flavor) -> Glob {
        Glob::new(pattern, flavor).unwrap_or_else(|err| panic!("{pattern}: {err}"))
    }

    #[test]
    fn path_globs_keep_star_in_one_segment() {
        let g = glob("libs/*/src/**", Flavor::Path);
        assert!(g.is_match("libs/a/src/x.ts"));
        assert!(g.is_match("libs/a/src/deep/x.ts"));
        assert!(!g.is_match("libs/a/b/src/x.ts"));
        assert!(glob("**/*.spec.ts", Flavor::Path).is_match("a/b/c.spec.ts"));
        assert!(glob("**/*.spec.ts", Flavor::Path).is_match("c.spec.ts"));
        assert!(glob("*.{ts,tsx}", Flavor::Path).is_match("a.tsx"));
    }

    #[test]
    fn element_patterns_capture_segments_and_base() {
        let g = glob("libs/{scope}/domain/**", Flavor::Element);
        let captures = g.captures("libs/orders/domain/src/a.ts");
        assert_eq!(captures, Some(vec![("scope".into(), "orders".into())]));
        assert_eq!(g.base_segments(), 3);
        assert!(g.captures("libs/orders/application/src/a.ts").is_none());
        assert!(Glob::new("libs/{bad name}/**", Flavor::Element).is_err());
    }

    #[test]
    fn backslashes_are_separators() {
        assert!(glob("libs\\{scope}\\**", Flavor::Element).is_match("libs/a/x.ts"));
    }

    #[test]
    fn text_globs_and_regexes() {
        assert!(glob("scope:*", Flavor::Text).is_match("scope:orders"));
        assert!(!glob("scope:*", Flavor::Text).is_match("type:ui"));
        assert!(glob("/^scope:(a|b)$/", Flavor::Text).is_match("scope:b"));
        assert!(glob("@nestjs/*", Flavor::Text).is_match("@nestjs/common"));
        assert!(Glob::new("/(/", Flavor::Text).is_err());
    }

    #[test]
    fn literal_patterns_compare_strings_and_agree_with_the_regex() {
        let cases = [
            ("scope:orders", Flavor::Text, true),
            ("type:a.b", Flavor::Text, true),
            ("scope:*", Flavor::Text, false),
            ("./libs//orders/", Flavor::Path, true),
            ("libs/{scope}", Flavor::Element, false),
            ("libs/*.ts", Flavor::Path, false),
        ];
        for (pattern, flavor, literal) in cases {
            let g = glob(pattern, flavor);
            assert_eq!(g.literal.is_some(), literal, "{pattern}");
            for text in ["scope:orders", "type:a.b", "type:aXb", "libs/orders", "libs/orders/x", "libs/a.ts", ""] {
                assert_eq!(g.is_match(text), g.regex.is_match(text), "{pattern} on {text}");
            }
        }
    }
}
