//! `.gitignore` files with git's own semantics: pattern syntax (`wildmatch`, escapes, `!`
//! negation, trailing `/`, anchoring), precedence (deeper files over their parents, the last
//! matching line of a file), and the rule that nothing below an ignored folder comes back.
//! `git check-ignore` is the oracle its tests compare with.

/// One `.gitignore` file: its patterns, for paths relative to the folder it sits in.
#[derive(Debug, Clone, Default)]
pub struct GitIgnoreFile {
    patterns: Vec<Pattern>,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// The pattern without `!`, trailing `/` or escapes of those; a leading `/` is kept (as
    /// git keeps it) and skipped when matching.
    text: Vec<u8>,
    negated: bool,
    /// Had a trailing `/`: matches folders only.
    folders_only: bool,
    /// Has no `/` (after the trailing one is cut): matched against the last path segment.
    basename: bool,
    /// How many leading bytes hold no wildcard.
    literal_prefix: usize,
}

/// What the last matching pattern of a file says about a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Ignored,
    /// A `!` pattern matched: the path is back in (unless a folder above it is ignored).
    Included,
}

/// Patterns with more wildcards than this never match: `wildmatch` recurses once per `*`.
const MAX_STARS: usize = 64;

impl GitIgnoreFile {
    pub fn parse(text: &str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let patterns = text.split('\n').filter_map(|line| Pattern::parse(line.as_bytes())).collect();
        Self { patterns }
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The verdict of the last pattern matching `path` (relative to this file's folder, `/`
    /// separated), if any.
    pub fn verdict(&self, path: &str, is_dir: bool) -> Option<Verdict> {
        let path = path.as_bytes();
        let basename = path.iter().rposition(|&b| b == b'/').map_or(path, |slash| &path[slash + 1..]);
        self.patterns
            .iter()
            .rev()
            .find(|pattern| pattern.matches(path, basename, is_dir))
            .map(|pattern| if pattern.negated { Verdict::Included } else { Verdict::Ignored })
    }
}

impl Pattern {
    fn parse(line: &[u8]) -> Option<Self> {
        // git drops the `\r` of a CRLF line ending, then trailing spaces not escaped by `\`.
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.starts_with(b"#") {
            return None;
        }
        let line = &line[..without_trailing_spaces(line)];
        if line.is_empty() {
            return None;
        }
        let (negated, line) = match line.strip_prefix(b"!") {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let (folders_only, line) = match line.strip_suffix(b"/") {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        if line.split(|&b| b == b'*').count() > MAX_STARS + 1 {
            return None;
        }
        let basename = !line.contains(&b'/');
        let literal_prefix = line.iter().position(|b| matches!(b, b'*' | b'?' | b'[' | b'\\')).unwrap_or(line.len());
        Some(Self { text: line.to_vec(), negated, folders_only, basename, literal_prefix })
    }

    fn matches(&self, path: &[u8], basename: &[u8], is_dir: bool) -> bool {
        if self.folders_only && !is_dir {
            return false;
        }
        if self.basename {
            return if self.literal_prefix == self.text.len() {
                self.text == basename
            } else {
                wildmatch(&self.text, basename, false)
            };
        }
        // As git's `match_pathname`: a leading `/` anchors (and is skipped), the literal prefix is
        // compared first and the rest matched with `*` kept inside one segment.
        let (pattern, prefix) = match self.text.strip_prefix(b"/") {
            Some(rest) => (rest, self.literal_prefix.saturating_sub(1)),
            None => (self.text.as_slice(), self.literal_prefix),
        };
        if prefix > 0 {
            if prefix > path.len() || pattern[..prefix] != path[..prefix] {
                return false;
            }
            if prefix == pattern.len() {
                return prefix == path.len();
            }
            return wildmatch(&pattern[prefix..], &path[prefix..], true);
        }
        wildmatch(pattern, path, true)
    }
}

/// The length of `line` without its trailing spaces, as git's `trim_trailing_spaces`: a space
/// escaped by `\\` stays, and a line ending in a lone `\\` is left whole.
fn without_trailing_spaces(line: &[u8]) -> usize {
    let mut last_space = None;
    let mut at = 0;
    while at < line.len() {
        match line[at] {
            b' ' => {
                last_space.get_or_insert(at);
            }
            b'\\' => {
                at += 1;
                if at == line.len() {
                    return line.len();
                }
                last_space = None;
            }
            _ => last_space = None,
        }
        at += 1;
    }
    last_space.unwrap_or(line.len())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wild {
    Match,
    NoMatch,
    /// No later position of this `*` can match: stop trying.
    AbortAll,
    /// Only a `**` further out may still match.
    AbortToStarStar,
}

/// git's `wildmatch`: `?` and `*` (and `[…]`) never match `/` when `pathname`; `**` between
/// slashes (or at either end) spans folders; `\` escapes the next byte.
pub fn wildmatch(pattern: &[u8], text: &[u8], pathname: bool) -> bool {
    dowild(pattern, text, pathname) == Wild::Match
}

fn dowild(pattern: &[u8], text: &[u8], pathname: bool) -> Wild {
    let (mut p, mut t) = (0, 0);
    while p < pattern.len() {
        let mut p_ch = pattern[p];
        let t_ch = text.get(t).copied();
        if t_ch.is_none() && p_ch != b'*' {
            return Wild::AbortAll;
        }
        let t_ch = t_ch.unwrap_or(0);
        match p_ch {
            b'?' => {
                if pathname && t_ch == b'/' {
                    return Wild::NoMatch;
                }
            }
            b'*' => return star(pattern, p, text, t, pathname),
            b'[' => match class(pattern, p, t_ch) {
                Some((matched, end)) => {
                    if !matched || (pathname && t_ch == b'/') {
                        return Wild::NoMatch;
                    }
                    p = end;
                }
                None => return Wild::AbortAll,
            },
            _ => {
                if p_ch == b'\\' {
                    p += 1;
                    p_ch = pattern.get(p).copied().unwrap_or(0);
                }
                if t_ch != p_ch {
                    return Wild::NoMatch;
                }
            }
        }
        p += 1;
        t += 1;
    }
    if t < text.len() { Wild::NoMatch } else { Wild::Match }
}

/// The `*` or `**` at `pattern[p]` against `text[t..]`.
fn star(pattern: &[u8], mut p: usize, text: &[u8], mut t: usize, pathname: bool) -> Wild {
    let start = p;
    p += 1;
    let match_slash = if pattern.get(p) == Some(&b'*') {
        while pattern.get(p) == Some(&b'*') {
            p += 1;
        }
        let after_boundary = start == 0 || pattern[start - 1] == b'/';
        let rest = &pattern[p..];
        let before_boundary = rest.is_empty() || rest.starts_with(b"/") || rest.starts_with(b"\\/");
        if after_boundary && before_boundary {
            // `**/`: first try as nothing at all, so `a/**/b` matches `a/b`.
            if rest.starts_with(b"/") && dowild(&pattern[p + 1..], &text[t..], pathname) == Wild::Match {
                return Wild::Match;
            }
            true
        } else {
            !pathname
        }
    } else {
        !pathname
    };
    if p == pattern.len() {
        // A trailing `**` matches everything, a trailing `*` only up to the next `/`.
        return if !match_slash && text[t..].contains(&b'/') { Wild::AbortToStarStar } else { Wild::Match };
    }
    if !match_slash && pattern[p] == b'/' {
        // One `*` then `/`: the rest of this segment, then the slash.
        let Some(slash) = text[t..].iter().position(|&b| b == b'/') else { return Wild::AbortAll };
        t += slash;
        return match dowild(&pattern[p + 1..], text.get(t + 1..).unwrap_or_default(), pathname) {
            // The slash was consumed as a literal: the rest must match what follows it.
            Wild::Match => Wild::Match,
            other => other,
        };
    }
    while t < text.len() {
        let next = pattern[p];
        if !matches!(next, b'*' | b'?' | b'[' | b'\\') {
            // A literal follows: skip to its next occurrence (within the segment unless `**`).
            let mut found = None;
            while let Some(&c) = text.get(t) {
                if !match_slash && c == b'/' {
                    break;
                }
                if c == next {
                    found = Some(c);
                    break;
                }
                t += 1;
            }
            if found.is_none() {
                return Wild::NoMatch;
            }
        }
        let matched = dowild(&pattern[p..], &text[t..], pathname);
        if matched != Wild::NoMatch {
            if !match_slash || matched != Wild::AbortToStarStar {
                return matched;
            }
        } else if !match_slash && text.get(t) == Some(&b'/') {
            return Wild::AbortToStarStar;
        }
        t += 1;
    }
    Wild::AbortAll
}

/// The bracket expression at `pattern[open]` against `t_ch`: whether it matched and the index of
/// its closing `]`; `None` for a malformed one (git then stops matching).
fn class(pattern: &[u8], open: usize, t_ch: u8) -> Option<(bool, usize)> {
    let mut p = open + 1;
    let mut p_ch = *pattern.get(p)?;
    if p_ch == b'^' {
        p_ch = b'!';
    }
    let negated = p_ch == b'!';
    if negated {
        p += 1;
        p_ch = *pattern.get(p)?;
    }
    let mut prev: u8 = 0;
    let mut matched = false;
    loop {
        if p_ch == 0 {
            return None;
        }
        if p_ch == b'\\' {
            p += 1;
            p_ch = *pattern.get(p)?;
            if t_ch == p_ch {
                matched = true;
            }
        } else if p_ch == b'-' && prev != 0 && pattern.get(p + 1).is_some_and(|&next| next != b']') {
            p += 1;
            p_ch = pattern[p];
            if p_ch == b'\\' {
                p += 1;
                p_ch = *pattern.get(p)?;
            }
            if t_ch <= p_ch && t_ch >= prev {
                matched = true;
            }
            p_ch = 0;
        } else if p_ch == b'[' && pattern.get(p + 1) == Some(&b':') {
            let name_start = p + 2;
            let close = pattern[name_start..].iter().position(|&b| b == b']').map(|at| name_start + at)?;
            if close == name_start || pattern[close - 1] != b':' {
                // Not `[:name:]`: an ordinary `[`.
                if t_ch == b'[' {
                    matched = true;
                }
            } else {
                if named_class(&pattern[name_start..close - 1], t_ch)? {
                    matched = true;
                }
                p = close;
                p_ch = 0;
            }
        } else if t_ch == p_ch {
            matched = true;
        }
        prev = p_ch;
        p += 1;
        p_ch = *pattern.get(p)?;
        if p_ch == b']' {
            break;
        }
    }
    Some((matched != negated, p))
}

/// `[:name:]` classes; `None` for an unknown name (git then stops matching).
fn named_class(name: &[u8], c: u8) -> Option<bool> {
    Some(match name {
        b"alnum" => c.is_ascii_alphanumeric(),
        b"alpha" => c.is_ascii_alphabetic(),
        b"blank" => c == b' ' || c == b'\t',
        b"cntrl" => c.is_ascii_control(),
        b"digit" => c.is_ascii_digit(),
        b"graph" => c.is_ascii_graphic(),
        b"lower" => c.is_ascii_lowercase(),
        b"print" => c.is_ascii_graphic() || c == b' ',
        b"punct" => c.is_ascii_punctuation(),
        b"space" => c.is_ascii_whitespace() || c == 0x0b,
        b"upper" => c.is_ascii_uppercase(),
        b"xdigit" => c.is_ascii_hexdigit(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ignored(gitignore: &str, path: &str, is_dir: bool) -> bool {
        GitIgnoreFile::parse(gitignore).verdict(path, is_dir) == Some(Verdict::Ignored)
    }

    #[test]
    fn wildmatch_like_git() {
        for (pattern, text, pathname, expected) in [
            ("foo", "foo", true, true),
            ("f*", "foo/bar", true, false),
            ("f*", "foo/bar", false, true),
            ("*/bar", "foo/bar", true, true),
            ("**/bar", "bar", true, true),
            ("**/bar", "a/b/bar", true, true),
            ("a/**/b", "a/b", true, true),
            ("a/**/b", "a/x/y/b", true, true),
            ("a/**", "a", true, false),
            ("a/**", "a/x/y", true, true),
            ("a**b", "a/b", true, false),
            ("a**b", "axb", true, true),
            ("[a-c]x", "bx", true, true),
            ("[!a-c]x", "bx", true, false),
            ("[^a-c]x", "dx", true, true),
            ("[[:digit:]]", "7", true, true),
            ("[[:nope:]]", "7", true, false),
            ("[]]", "]", true, true),
            ("\\*", "*", true, true),
            ("\\*", "x", true, false),
            ("?", "/", true, false),
            ("a[/]b", "a/b", true, false),
            ("*.ts", "a.ts", true, true),
            ("foo\\", "foo", true, false),
        ] {
            assert_eq!(wildmatch(pattern.as_bytes(), text.as_bytes(), pathname), expected, "{pattern} ~ {text}");
        }
    }

    #[test]
    fn gitignore_lines_like_git() {
        for (gitignore, path, is_dir, expected) in [
            ("/", "a.ts", false, false),
            ("/", "src", true, false),
            ("\\", "a.ts", false, false),
            ("generated/", "generated", true, true),
            ("generated/", "generated", false, false),
            ("generated", "apps/x/generated", true, true),
            ("/generated", "apps/x/generated", true, false),
            ("apps/*/tmp", "apps/x/tmp", true, true),
            ("apps/*/tmp", "apps/x/y/tmp", true, false),
            ("*.gen.ts", "a/b.gen.ts", false, true),
            ("*.gen.ts\n!keep.gen.ts", "a/keep.gen.ts", false, false),
            ("# comment", "# comment", false, false),
            ("\\#hash", "#hash", false, true),
            ("\\!bang", "!bang", false, true),
            ("trailing   ", "trailing", false, true),
            ("escaped\\ ", "escaped ", false, true),
            ("crlf\r", "crlf", false, true),
            ("/.nx/cache/", ".nx/cache", true, true),
        ] {
            assert_eq!(ignored(gitignore, path, is_dir), expected, "{gitignore:?} on {path}");
        }
    }

    #[test]
    fn a_pattern_with_too_many_stars_matches_nothing() {
        let pattern = "*a".repeat(MAX_STARS + 1);
        assert!(!ignored(&pattern, &"a".repeat(200), false));
    }
}
