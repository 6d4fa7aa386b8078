//! Glob patterns: file globs (`*` stays in one path segment, `**` spans segments), element
//! patterns (`{name}` captures one segment) and text globs for names and tags (`*` matches
//! anything), plus `/regex/` tag patterns. Globs compile to a short token list matched by a
//! memoised backtracker, so opening a workspace costs no regex compilation: the SWC plugin opens
//! one for every file it sees.

use regex_lite::Regex;

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

/// More pieces than this make a pattern an error: matching recurses once per piece.
const MAX_TOKENS: usize = 256;

#[derive(Debug, Clone)]
pub struct Glob {
    source: String,
    matcher: Matcher,
    capture_names: Vec<String>,
}

#[derive(Debug, Clone)]
enum Matcher {
    /// No wildcard, capture or regex: matching is a string comparison (tag constraints and most
    /// element patterns are literal, and are matched on every dependency).
    Literal(String),
    Tokens(Tokens),
    Regex(Regex),
}

/// One piece of a compiled glob. Wildcards are greedy and alternatives are tried in order, so
/// captures take the values a leftmost-first regex engine would give them.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Literal(String),
    /// `*`: any run of characters; `/` only when `crosses` (text globs).
    Any {
        crosses: bool,
    },
    /// `?`: one character; `/` only when `crosses`.
    One {
        crosses: bool,
    },
    /// `{a,b}`.
    Either(Vec<String>),
    /// `{name}`: one or more characters of one segment, recorded.
    Capture,
    /// `**/` at the start or after a `/`: zero or more whole segments, each with its `/`.
    Segments,
    /// A trailing `/**`: nothing, or `/` and anything after it.
    Below,
    /// `**` alone: anything.
    Everything,
}

impl Glob {
    /// Compiles `pattern`; the error says what is wrong with it.
    pub fn new(pattern: &str, flavor: Flavor) -> Result<Self, String> {
        // Most text patterns (tags such as `scope:orders`) have no syntax at all.
        if flavor == Flavor::Text && !pattern.contains(['*', '?', '{', '/', '\\']) {
            return Ok(Self {
                source: pattern.to_string(),
                matcher: Matcher::Literal(pattern.to_string()),
                capture_names: Vec::new(),
            });
        }
        let pattern = pattern.replace('\\', "/");
        if flavor == Flavor::Text
            && let Some(inner) = pattern.strip_prefix('/').and_then(|p| p.strip_suffix('/'))
            && !inner.is_empty()
        {
            let regex = Regex::new(inner).map_err(|err| format!("invalid regular expression: {err}"))?;
            return Ok(Self { source: pattern, matcher: Matcher::Regex(regex), capture_names: Vec::new() });
        }
        let pattern = pattern.trim_start_matches("./").to_string();
        let mut tokens = Tokens::default();
        let mut capture_names = Vec::new();
        if flavor == Flavor::Text {
            translate_segment(&pattern, flavor, &mut tokens, &mut capture_names)?;
        } else {
            let segments: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
            let last = segments.len().saturating_sub(1);
            let mut need_slash = false;
            for (index, segment) in segments.iter().enumerate() {
                if *segment == "**" {
                    if index == last {
                        tokens.push(if index == 0 { Token::Everything } else { Token::Below });
                    } else {
                        if index > 0 {
                            tokens.literal("/");
                        }
                        tokens.push(Token::Segments);
                        need_slash = false;
                        continue;
                    }
                } else {
                    if need_slash {
                        tokens.literal("/");
                    }
                    translate_segment(segment, flavor, &mut tokens, &mut capture_names)?;
                }
                need_slash = true;
            }
        }
        if tokens.list.len() > MAX_TOKENS {
            return Err(format!("has more than {MAX_TOKENS} wildcards and captures; use fewer, or a `/regex/`"));
        }
        let matcher = match tokens.list.as_slice() {
            [] => Matcher::Literal(String::new()),
            [Token::Literal(text)] => Matcher::Literal(text.clone()),
            _ => Matcher::Tokens(tokens.finish()),
        };
        Ok(Self { source: pattern, matcher, capture_names })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    pub fn is_match(&self, text: &str) -> bool {
        match &self.matcher {
            Matcher::Literal(literal) => text == literal,
            Matcher::Tokens(tokens) => tokens.may_match(text) && Backtracker::new(&tokens.list, text).run(None),
            Matcher::Regex(regex) => regex.is_match(text),
        }
    }

    /// The captured values, in pattern order, when `text` matches.
    pub fn captures(&self, text: &str) -> Option<Vec<(String, String)>> {
        let Matcher::Tokens(tokens) = &self.matcher else {
            return self.is_match(text).then(Vec::new);
        };
        let mut spans = Vec::with_capacity(self.capture_names.len());
        if !tokens.may_match(text) || !Backtracker::new(&tokens.list, text).run(Some(&mut spans)) {
            return None;
        }
        Some(
            self.capture_names
                .iter()
                .zip(spans)
                .map(|(name, (start, end))| (name.clone(), text[start..end].to_string()))
                .collect(),
        )
    }
}

/// A compiled glob. Neighbouring literals merge as it is built, so a pattern without wildcards
/// ends up as one literal.
#[derive(Debug, Clone, Default)]
struct Tokens {
    list: Vec<Token>,
    /// The longest literal piece: a text without it cannot match (most texts a glob meets fail
    /// here, before any backtracking).
    needle: String,
}

impl Tokens {
    fn literal(&mut self, text: &str) {
        if let Some(Token::Literal(previous)) = self.list.last_mut() {
            previous.push_str(text);
        } else {
            self.list.push(Token::Literal(text.to_string()));
        }
    }

    fn push(&mut self, token: Token) {
        self.list.push(token);
    }

    /// Picks the needle once the list is complete (picking it as literals grow would copy a
    /// long literal once per character).
    fn finish(mut self) -> Self {
        let longest = self.list.iter().filter_map(|token| match token {
            Token::Literal(text) => Some(text),
            _ => None,
        });
        self.needle = longest.max_by_key(|text| text.len()).cloned().unwrap_or_default();
        self
    }

    /// A cheap test that rules most non-matching texts out.
    fn may_match(&self, text: &str) -> bool {
        if let Some(Token::Literal(tail)) = self.list.last()
            && !text.ends_with(tail.as_str())
        {
            return false;
        }
        text.contains(self.needle.as_str())
    }
}

fn translate_segment(
    segment: &str,
    flavor: Flavor,
    tokens: &mut Tokens,
    capture_names: &mut Vec<String>,
) -> Result<(), String> {
    let crosses = flavor == Flavor::Text;
    let mut chars = segment.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => {
                while chars.peek() == Some(&'*') {
                    chars.next();
                }
                tokens.push(Token::Any { crosses });
            }
            '?' => tokens.push(Token::One { crosses }),
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
                    tokens.push(Token::Capture);
                } else {
                    tokens.push(Token::Either(inner.split(',').map(str::to_string).collect()));
                }
            }
            _ => tokens.literal(c.encode_utf8(&mut [0; 4])),
        }
    }
    Ok(())
}

/// Matches tokens against a text, remembering which (token, position) pairs already failed:
/// what follows a position never depends on how it was reached, so the search stays polynomial
/// whatever the pattern.
struct Backtracker<'a> {
    tokens: &'a [Token],
    text: &'a str,
    failed: Vec<bool>,
}

impl<'a> Backtracker<'a> {
    fn new(tokens: &'a [Token], text: &'a str) -> Self {
        Self { tokens, text, failed: Vec::new() }
    }

    fn run(&mut self, captures: Option<&mut Vec<(usize, usize)>>) -> bool {
        let mut scratch = Vec::new();
        let captures = captures.unwrap_or(&mut scratch);
        self.at(0, 0, captures)
    }

    fn at(&mut self, token: usize, position: usize, captures: &mut Vec<(usize, usize)>) -> bool {
        let Some(current) = self.tokens.get(token) else {
            return position == self.text.len();
        };
        let slot = token * (self.text.len() + 1) + position;
        if self.failed.get(slot).copied().unwrap_or(false) {
            return false;
        }
        let text = self.text;
        let rest = &text[position..];
        let next = token + 1;
        let matched = match current {
            Token::Literal(literal) => {
                rest.starts_with(literal.as_str()) && self.at(next, position + literal.len(), captures)
            }
            Token::Any { crosses } => {
                let reach = if *crosses { rest.len() } else { rest.find('/').unwrap_or(rest.len()) };
                (0..=reach)
                    .rev()
                    .any(|length| rest.is_char_boundary(length) && self.at(next, position + length, captures))
            }
            Token::One { crosses } => rest
                .chars()
                .next()
                .filter(|c| *crosses || *c != '/')
                .is_some_and(|c| self.at(next, position + c.len_utf8(), captures)),
            Token::Either(options) => options
                .iter()
                .any(|option| rest.starts_with(option.as_str()) && self.at(next, position + option.len(), captures)),
            Token::Capture => {
                let reach = rest.find('/').unwrap_or(rest.len());
                let depth = captures.len();
                captures.push((position, position));
                let found = (1..=reach).rev().any(|length| {
                    rest.is_char_boundary(length) && {
                        captures[depth].1 = position + length;
                        self.at(next, position + length, captures)
                    }
                });
                if !found {
                    captures.truncate(depth);
                }
                found
            }
            Token::Segments => {
                // Whole non-empty segments, each with its `/`; greedy: the longest run first.
                let reach = rest.find("//").map_or(rest.len(), |double| double + 1);
                let reach = if rest.starts_with('/') { 0 } else { reach };
                rest[..reach].rmatch_indices('/').any(|(slash, _)| self.at(next, position + slash + 1, captures))
                    || self.at(next, position, captures)
            }
            Token::Below => (rest.is_empty() || rest.starts_with('/')) && self.at(next, self.text.len(), captures),
            Token::Everything => self.at(next, self.text.len(), captures),
        };
        if !matched {
            if self.failed.is_empty() {
                self.failed = vec![false; (self.tokens.len() + 1) * (self.text.len() + 1)];
            }
            self.failed[slot] = true;
        }
        matched
    }
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
        assert!(g.captures("libs/orders/application/src/a.ts").is_none());
        assert!(Glob::new("libs/{bad name}/**", Flavor::Element).is_err());
    }

    #[test]
    fn long_patterns_compile_in_linear_time_and_many_wildcards_are_refused() {
        let literal = "segment/".repeat(131_072);
        let g = glob(&format!("{literal}x.ts"), Flavor::Path);
        assert!(g.is_match(&format!("{literal}x.ts")));
        let g = glob(&format!("{literal}**"), Flavor::Element);
        assert!(g.is_match(&format!("{literal}a/b.ts")));
        assert!(Glob::new(&"?".repeat(1_000), Flavor::Path).is_err());
        assert!(Glob::new(&"a*".repeat(200), Flavor::Text).is_err());
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
    fn patterns_without_wildcards_are_literal() {
        for (pattern, flavor, literal) in [
            ("scope:orders", Flavor::Text, true),
            ("type:a.b", Flavor::Text, true),
            ("scope:*", Flavor::Text, false),
            ("./libs//orders/", Flavor::Path, true),
            ("libs/{scope}", Flavor::Element, false),
            ("libs/{a,b}", Flavor::Path, false),
            ("libs/*.ts", Flavor::Path, false),
        ] {
            assert_eq!(matches!(glob(pattern, flavor).matcher, Matcher::Literal(_)), literal, "{pattern}");
        }
        assert!(glob("./libs//orders/", Flavor::Path).is_match("libs/orders"));
        assert!(!glob("type:a.b", Flavor::Text).is_match("type:aXb"));
    }

    #[test]
    fn wildcards_match_like_the_globs_they_spell() {
        let cases: &[(&str, Flavor, &str, bool)] = &[
            ("**", Flavor::Path, "", true),
            ("**", Flavor::Path, "a/b/c.ts", true),
            ("libs/**", Flavor::Path, "libs", true),
            ("libs/**", Flavor::Path, "libs/a/b", true),
            ("libs/**", Flavor::Path, "libsx/a", false),
            ("**/x.ts", Flavor::Path, "x.ts", true),
            ("**/x.ts", Flavor::Path, "a//x.ts", false),
            ("a/**/b/**/c", Flavor::Path, "a/b/c", true),
            ("a/**/b/**/c", Flavor::Path, "a/x/b/y/z/c", true),
            ("a/**/b/**/c", Flavor::Path, "a/x/c", false),
            ("*.ts", Flavor::Path, "a/b.ts", false),
            ("*", Flavor::Path, "", true),
            ("?.ts", Flavor::Path, "é.ts", true),
            ("?.ts", Flavor::Path, "/.ts", false),
            ("a?b", Flavor::Text, "a/b", true),
            ("*.{ts,tsx,}", Flavor::Path, "a.", true),
            ("{a,ab}c", Flavor::Path, "abc", true),
            ("src/*é*/x", Flavor::Path, "src/caféine/x", true),
            ("@org/*", Flavor::Text, "@org/a/b", true),
            ("a*a*a*a*a*a*a*b", Flavor::Text, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false),
            ("**/**/**/**/x", Flavor::Path, "a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/y", false),
            ("a.b", Flavor::Text, "a.b", true),
            ("a+(b)", Flavor::Path, "a+(b)", true),
        ];
        for (pattern, flavor, text, expected) in cases {
            assert_eq!(glob(pattern, *flavor).is_match(text), *expected, "{pattern} on {text}");
        }
    }

    #[test]
    fn captures_are_greedy_like_a_regex() {
        type Case<'a> = (&'a str, &'a str, Option<&'a [(&'a str, &'a str)]>);
        let cases: &[Case] = &[
            ("{a}-{b}", "x-y-z", Some(&[("a", "x-y"), ("b", "z")])),
            ("libs/{scope}/{layer}/**", "libs/o/d/src/x.ts", Some(&[("scope", "o"), ("layer", "d")])),
            ("libs/{scope}", "libs/", None),
            ("libs/{scope}", "libs/a/b", None),
            ("apps/{app}-e2e/**", "apps/shop-e2e/x", Some(&[("app", "shop")])),
            ("**/{name}.ts", "a/b/c.ts", Some(&[("name", "c")])),
            ("{x}/*.ts", "é/a.ts", Some(&[("x", "é")])),
        ];
        for (pattern, text, expected) in cases {
            let found = glob(pattern, Flavor::Element).captures(text);
            let expected = expected
                .map(|pairs| pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect::<Vec<_>>());
            assert_eq!(found, expected, "{pattern} on {text}");
        }
    }
}
