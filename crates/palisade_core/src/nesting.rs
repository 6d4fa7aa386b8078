//! How deeply a source text nests, measured before it is parsed. The parser and the import
//! visitor recurse once per level of brackets, templates, JSX elements and right-nested chains
//! (`!!!x`, `a ? b : c ? …`, `a = b = …`, `if (a) if (b) …`, `f(1)(2)…`), and the stack of the
//! wasm host (V8's, about 1 MB) holds only several hundred such levels: a file nested deeper
//! than `LIMIT` is a parse error, not a crash that takes the whole run down.
//!
//! The gauge is lexical (strings, comments, templates, regular expressions and JSX text are
//! skipped, so their brackets do not count) and errs on the deep side: each level of brackets
//! costs `BRACKET`, each link of a chain that the parser or the visitor follows recursively costs
//! what its frames cost relative to a bracket's; a chain ends where a statement or a list item
//! ends (`;`, `,`, or a line break where no continuation follows).

/// The most a file may nest: 250 bracket levels, or 1,000 links of a unary, conditional,
/// assignment, call or `if` chain, or 4,000 binary operators in one expression. The lowest
/// crash seen in the wasm module (from a command-line run) is about 770 levels of nested
/// objects, 1,650 arrow functions, 2,700 conditionals and 10,000 `+` terms.
pub const LIMIT: u32 = 4_000;
const BRACKET: u32 = 16;
const ARROW: u32 = 8;
const LINK: u32 = 4;
const OPERATOR: u32 = 1;

/// Where `text` first nests deeper than `LIMIT` (a byte offset), if it does. `jsx`: whether `<`
/// can open a JSX element (`.tsx`, `.jsx` and JavaScript files).
pub fn too_deep(text: &str, jsx: bool) -> Option<usize> {
    Gauge::new(text.as_bytes(), jsx).run()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Code, inside brackets of this kind (the file itself is a `Brace`).
    Code(Bracket),
    /// Between `` ` `` and `` ` ``, outside `${…}`.
    Template,
    /// Inside `<name …`, before its `>` or `/>`.
    JsxTag,
    /// Between an element's `>` and its closing tag.
    JsxChildren,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bracket {
    Paren,
    /// The parentheses after `if`, `while`, `for` or `with`: a statement follows their `)`.
    Condition,
    Square,
    Brace,
    /// `${…}` in a template.
    TemplateHole,
    /// `{…}` in JSX.
    JsxHole,
}

/// What the last token was, as far as the next one's meaning depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing yet, an operator, an opening bracket, `,`, `;` or a keyword that an expression
    /// follows: a `/` here starts a regular expression, a `<` a JSX element, `+` is unary.
    ExpectsExpression,
    /// An identifier, literal or closing bracket: an expression may end here.
    EndsExpression,
    /// The `)` of a condition, `else` or `do`: a statement follows, even on the next line.
    ExpectsStatement,
}

struct Level {
    mode: Mode,
    /// The gauge where this level starts (its own bracket included).
    base: u32,
    /// What chains at this level have added since the last `;`, `,` or statement end.
    chain: u32,
}

#[expect(clippy::struct_excessive_bools, reason = "four independent facts about the last token and the file")]
struct Gauge<'a> {
    text: &'a [u8],
    jsx: bool,
    at: usize,
    levels: Vec<Level>,
    last: Last,
    /// A line break was crossed since the last token.
    newline: bool,
    /// The last token was `.` or `?.`: a keyword next is a property name.
    after_dot: bool,
    /// The last token was a binary operator: a `/` next is not taken for a regular expression.
    after_operator: bool,
}

/// The length of the punctuator at the start of `rest` (longest match), 1 for a byte that
/// starts none.
fn punctuator_length(rest: &[u8]) -> usize {
    let at = |index: usize| rest.get(index).copied().unwrap_or(0);
    let (first, second, third) = (at(0), at(1), at(2));
    match first {
        b'.' if second == b'.' && third == b'.' => 3,
        b'=' | b'!' if second == b'=' => 2 + usize::from(third == b'='),
        b'=' if second == b'>' => 2,
        b'?' if second == b'?' => 2 + usize::from(third == b'='),
        b'?' if second == b'.' && !third.is_ascii_digit() => 2,
        b'*' if second == b'*' => 2 + usize::from(third == b'='),
        b'<' if second == b'<' => 2 + usize::from(third == b'='),
        b'>' if second == b'>' && third == b'>' => 3 + usize::from(at(3) == b'='),
        b'>' if second == b'>' => 2 + usize::from(third == b'='),
        b'&' | b'|' if second == first => 2 + usize::from(third == b'='),
        b'+' | b'-' if second == first => 2,
        b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^' | b'<' | b'>' if second == b'=' => 2,
        _ => 1,
    }
}

/// What a word means to the gauge.
enum Word {
    /// `if`, `else`, `do`, `for`, `while`, `with`: a statement follows, and each is a link of a
    /// chain the parser follows recursively (`if (a) if (b) …`).
    Statement,
    /// `typeof`, `void`, `delete`, `await`, `new`, `yield`: a unary link.
    Unary,
    /// A keyword an expression follows (`/` after it starts a regular expression).
    BeforeExpression,
    /// An identifier or a literal.
    Name,
}

fn classify(word: &[u8]) -> Word {
    match word {
        b"if" | b"else" | b"do" | b"for" | b"while" | b"with" => Word::Statement,
        b"typeof" | b"void" | b"delete" | b"await" | b"new" | b"yield" => Word::Unary,
        b"return" | b"case" | b"in" | b"of" | b"throw" | b"instanceof" | b"extends" | b"export" | b"default"
        | b"keyof" | b"as" | b"satisfies" => Word::BeforeExpression,
        _ => Word::Name,
    }
}

/// Which bytes continue an identifier (or a number), as a table: the gauge asks for every byte.
const IDENTIFIER: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte: u8 = 0;
    loop {
        table[byte as usize] =
            byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'$' || byte == b'\\' || byte >= 0x80;
        if byte == u8::MAX {
            break;
        }
        byte += 1;
    }
    table
};

fn is_identifier_byte(byte: u8) -> bool {
    IDENTIFIER[usize::from(byte)]
}

impl<'a> Gauge<'a> {
    fn new(text: &'a [u8], jsx: bool) -> Self {
        let root = Level { mode: Mode::Code(Bracket::Brace), base: 0, chain: 0 };
        Self {
            text,
            jsx,
            at: 0,
            levels: vec![root],
            last: Last::ExpectsExpression,
            newline: false,
            after_dot: false,
            after_operator: false,
        }
    }

    fn peek(&self, offset: usize) -> u8 {
        self.text.get(self.at + offset).copied().unwrap_or(0)
    }

    fn level(&mut self) -> &mut Level {
        let last = self.levels.len() - 1;
        &mut self.levels[last]
    }

    fn gauge(&self) -> u32 {
        self.levels.last().map_or(0, |level| level.base.saturating_add(level.chain))
    }

    fn add(&mut self, cost: u32) -> bool {
        let level = self.level();
        level.chain = level.chain.saturating_add(cost);
        self.gauge() > LIMIT
    }

    fn push(&mut self, mode: Mode) -> bool {
        let base = self.gauge().saturating_add(BRACKET);
        self.levels.push(Level { mode, base, chain: 0 });
        base > LIMIT
    }

    fn pop(&mut self) {
        if self.levels.len() > 1 {
            self.levels.pop();
        }
    }

    fn run(mut self) -> Option<usize> {
        if self.text.starts_with(b"#!") {
            self.skip_line();
        }
        while self.at < self.text.len() {
            let start = self.at;
            let mode = self.levels.last().map_or(Mode::Code(Bracket::Brace), |level| level.mode);
            let deeper = match mode {
                Mode::Code(bracket) => self.code(bracket),
                Mode::Template => self.template(),
                Mode::JsxTag => self.jsx_tag(),
                Mode::JsxChildren => self.jsx_children(),
            };
            if deeper {
                return Some(start);
            }
        }
        None
    }

    /// To the line terminator that ends a `//` comment: `\n`, `\r`, U+2028 or U+2029 (whose UTF-8
    /// starts with 0xE2), as the parser reads it.
    fn skip_line(&mut self) {
        while let Some(found) = memchr::memchr3(b'\n', b'\r', 0xe2, &self.text[self.at..]) {
            self.at += found;
            if self.is_line_terminator() {
                return;
            }
            self.at += 1;
        }
        self.at = self.text.len();
    }

    fn is_line_terminator(&self) -> bool {
        match self.peek(0) {
            b'\n' | b'\r' => true,
            0xe2 => self.peek(1) == 0x80 && matches!(self.peek(2), 0xa8 | 0xa9),
            _ => false,
        }
    }

    /// Skips white space and comments, noting line breaks.
    fn skip_trivia(&mut self) {
        while let Some(&byte) = self.text.get(self.at) {
            match byte {
                b'\n' | b'\r' => {
                    self.newline = true;
                    self.at += 1;
                }
                b' ' | b'\t' | 0x0b | 0x0c => self.at += 1,
                b'/' if self.peek(1) == b'/' => self.skip_line(),
                b'/' if self.peek(1) == b'*' => {
                    let end = memchr::memmem::find(&self.text[self.at + 2..], b"*/")
                        .map_or(self.text.len(), |at| self.at + 2 + at + 2);
                    if self.text[self.at..end].contains(&b'\n') {
                        self.newline = true;
                    }
                    self.at = end;
                }
                // U+2028, U+2029 (line breaks) and U+00A0, U+FEFF (spaces) are not tokens.
                0xe2 if matches!((self.peek(1), self.peek(2)), (0x80, 0xa8 | 0xa9)) => {
                    self.newline = true;
                    self.at += 3;
                }
                0xc2 if self.peek(1) == 0xa0 => self.at += 2,
                0xef if (self.peek(1), self.peek(2)) == (0xbb, 0xbf) => self.at += 3,
                _ => return,
            }
        }
    }

    /// One token of code; `true` when it takes the gauge over the limit.
    fn code(&mut self, bracket: Bracket) -> bool {
        self.newline = false;
        self.skip_trivia();
        let Some(&byte) = self.text.get(self.at) else { return false };
        if self.newline && self.ends_statement_before(byte) {
            self.level().chain = 0;
        }
        let after_dot = std::mem::take(&mut self.after_dot);
        let after_operator = std::mem::take(&mut self.after_operator);
        match byte {
            b'\'' | b'"' => {
                self.skip_string(byte);
                self.last = Last::EndsExpression;
                false
            }
            b'`' => {
                self.at += 1;
                self.last = Last::ExpectsExpression;
                self.push(Mode::Template)
            }
            b'(' | b'[' | b'{' => {
                self.at += 1;
                let call = self.last == Last::EndsExpression && byte != b'{';
                let condition = byte == b'(' && self.last == Last::ExpectsStatement;
                self.last = Last::ExpectsExpression;
                let kind = match byte {
                    b'(' if condition => Bracket::Condition,
                    b'(' => Bracket::Paren,
                    b'[' => Bracket::Square,
                    _ => Bracket::Brace,
                };
                (call && self.add(LINK)) | self.push(Mode::Code(kind))
            }
            b')' | b']' | b'}' => {
                self.at += 1;
                if byte == b'}' && bracket == Bracket::TemplateHole {
                    self.pop();
                    return false;
                }
                self.last = if bracket == Bracket::Condition { Last::ExpectsStatement } else { Last::EndsExpression };
                if bracket == Bracket::JsxHole {
                    self.last = Last::ExpectsExpression;
                }
                self.pop();
                false
            }
            b'<' if self.jsx && self.last != Last::EndsExpression && self.opens_jsx() => {
                self.at += 1;
                self.last = Last::ExpectsExpression;
                self.push(Mode::JsxTag)
            }
            b'/' if self.last != Last::EndsExpression && !after_operator => {
                self.skip_regex();
                self.last = Last::EndsExpression;
                false
            }
            b'#' if self.peek(1) == b'!' => {
                self.skip_line();
                false
            }
            b'0'..=b'9' => {
                self.skip_word();
                self.last = Last::EndsExpression;
                false
            }
            _ if is_identifier_byte(byte) || byte == b'#' || byte == b'\\' => self.word(after_dot),
            _ => self.punctuator(),
        }
    }

    /// Whether a line break before `next` ends the statement (automatic semicolon insertion):
    /// the last token ended an expression and `next` cannot continue it.
    fn ends_statement_before(&self, next: u8) -> bool {
        if self.last != Last::EndsExpression {
            return false;
        }
        let rest = &self.text[self.at..];
        let word_end = rest.iter().position(|&b| !is_identifier_byte(b)).unwrap_or(rest.len());
        let word = &rest[..word_end];
        if !word.is_empty() {
            return !matches!(word, b"else" | b"catch" | b"finally" | b"instanceof" | b"in" | b"as" | b"satisfies");
        }
        match next {
            b'\'' | b'"' | b'{' | b'@' | b'#' | b';' | b'}' => true,
            b'!' | b'~' => self.peek(1) != b'=',
            b'+' | b'-' => self.peek(1) == next,
            _ => false,
        }
    }

    /// An identifier or keyword; after `.` every word is a property name.
    fn word(&mut self, after_dot: bool) -> bool {
        let start = self.at;
        self.skip_word();
        let word = &self.text[start..self.at];
        if after_dot {
            self.last = Last::EndsExpression;
            return false;
        }
        match classify(word) {
            Word::Statement => {
                self.last = Last::ExpectsStatement;
                self.add(LINK)
            }
            Word::Unary => {
                self.last = Last::ExpectsExpression;
                self.add(LINK)
            }
            Word::BeforeExpression => {
                self.last = Last::ExpectsExpression;
                false
            }
            Word::Name => {
                self.last = Last::EndsExpression;
                false
            }
        }
    }

    fn skip_word(&mut self) {
        self.at += 1;
        while let Some(&byte) = self.text.get(self.at) {
            if is_identifier_byte(byte) {
                self.at += 1;
            } else if byte == b'.' && self.text[self.at - 1].is_ascii_digit() {
                // `1.5`: a number, not a member access.
                self.at += 1;
            } else {
                break;
            }
        }
    }

    fn punctuator(&mut self) -> bool {
        let length = punctuator_length(&self.text[self.at..]);
        let token = &self.text[self.at..self.at + length];
        self.at += length;
        let prefix = self.last != Last::EndsExpression;
        let (cost, last) = match token {
            b";" | b"," => {
                self.level().chain = 0;
                (0, Last::ExpectsExpression)
            }
            b":" | b"@" => (0, Last::ExpectsExpression),
            b"=>" => (ARROW, Last::ExpectsExpression),
            // Postfix: `i++`, and TypeScript's non-null `a!`.
            b"++" | b"--" | b"!" if !prefix => (0, Last::EndsExpression),
            b"+" | b"-" if !prefix => (OPERATOR, Last::ExpectsExpression),
            // Conditionals, assignments and unary operators: links of right-nested chains.
            b"?" | b"=" | b"!" | b"~" | b"++" | b"--" | b"..." | b"+" | b"-" => (LINK, Last::ExpectsExpression),
            b"." | b"?." => {
                self.after_dot = true;
                (OPERATOR, Last::ExpectsExpression)
            }
            b"<" => (BRACKET, Last::ExpectsExpression),
            [.., b'='] if !matches!(token, b"==" | b"===" | b"!=" | b"!==" | b"<=" | b">=") => {
                (LINK, Last::ExpectsExpression)
            }
            _ => (OPERATOR, Last::ExpectsExpression),
        };
        self.last = last;
        // `a * /re/` is valid, but a parser recovering from an error may read that `/` as a
        // division and parse what follows: only where a regular expression is all that can come
        // (after `(`, `=`, `,`, `?`, `!`, `&&`, …) is its text skipped; elsewhere it is counted.
        self.after_operator = cost == OPERATOR && !matches!(token, b"&&" | b"||" | b"??");
        self.add(cost)
    }

    /// Whether the `<` at the cursor opens a JSX element, not a generic arrow (`<T,>`,
    /// `<T extends U>`) of a `.tsx` file.
    fn opens_jsx(&self) -> bool {
        let rest = &self.text[self.at + 1..];
        match rest.first() {
            Some(b'>') => true,
            Some(&byte) if is_identifier_byte(byte) => {
                let name_end = rest.iter().position(|&b| !is_identifier_byte(b)).unwrap_or(rest.len());
                let after = rest[name_end..]
                    .iter()
                    .position(|b| !b.is_ascii_whitespace())
                    .map_or(&[][..], |at| &rest[name_end + at..]);
                !(after.starts_with(b",")
                    || (after.starts_with(b"extends") && !after[7..].trim_ascii_start().starts_with(b"=")))
            }
            _ => false,
        }
    }

    /// To the end of a string literal: its closing quote, or the `\n` or `\r` the parser stops at.
    fn skip_string(&mut self, quote: u8) {
        self.at += 1;
        while let Some(&byte) = self.text.get(self.at) {
            self.at += 1;
            match byte {
                // The escaped byte, if the text has one.
                b'\\' => self.at = (self.at + 1).min(self.text.len()),
                b'\n' | b'\r' => return,
                _ if byte == quote => return,
                _ => {}
            }
        }
    }

    fn skip_regex(&mut self) {
        self.at += 1;
        let mut in_class = false;
        while let Some(&byte) = self.text.get(self.at) {
            if self.is_line_terminator() {
                return;
            }
            self.at += 1;
            match byte {
                b'\\' => self.at += 1,
                b'[' => in_class = true,
                b']' => in_class = false,
                b'/' if !in_class => break,
                _ => {}
            }
        }
        while self.text.get(self.at).is_some_and(u8::is_ascii_alphabetic) {
            self.at += 1;
        }
    }

    fn template(&mut self) -> bool {
        while let Some(&byte) = self.text.get(self.at) {
            match byte {
                b'\\' => self.at += 2,
                b'`' => {
                    self.at += 1;
                    self.pop();
                    self.last = Last::EndsExpression;
                    return false;
                }
                b'$' if self.peek(1) == b'{' => {
                    self.at += 2;
                    self.last = Last::ExpectsExpression;
                    return self.push(Mode::Code(Bracket::TemplateHole));
                }
                _ => self.at += 1,
            }
        }
        false
    }

    fn jsx_tag(&mut self) -> bool {
        while let Some(&byte) = self.text.get(self.at) {
            match byte {
                b'\'' | b'"' => {
                    // JSX attribute strings have no escapes and may span lines.
                    let end = self.text[self.at + 1..].iter().position(|&b| b == byte);
                    self.at = end.map_or(self.text.len(), |end| self.at + 1 + end + 1);
                }
                b'{' => {
                    self.at += 1;
                    self.last = Last::ExpectsExpression;
                    return self.push(Mode::Code(Bracket::JsxHole));
                }
                b'/' if self.peek(1) == b'>' => {
                    self.at += 2;
                    self.pop();
                    self.last = Last::EndsExpression;
                    return false;
                }
                b'>' => {
                    self.at += 1;
                    self.level().mode = Mode::JsxChildren;
                    return false;
                }
                _ => self.at += 1,
            }
        }
        false
    }

    fn jsx_children(&mut self) -> bool {
        while let Some(&byte) = self.text.get(self.at) {
            match byte {
                b'{' => {
                    self.at += 1;
                    self.last = Last::ExpectsExpression;
                    return self.push(Mode::Code(Bracket::JsxHole));
                }
                b'<' if self.peek(1) == b'/' => {
                    let end = self.text[self.at..].iter().position(|&b| b == b'>');
                    self.at = end.map_or(self.text.len(), |end| self.at + end + 1);
                    self.pop();
                    self.last = Last::EndsExpression;
                    return false;
                }
                b'<' => {
                    self.at += 1;
                    return self.push(Mode::JsxTag);
                }
                _ => self.at += 1,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(text: &str, jsx: bool) -> bool {
        too_deep(text, jsx).is_none()
    }

    #[test]
    fn deep_shapes_are_caught() {
        let n = 10_000;
        for (name, text) in [
            ("parens", format!("x = {}1{};", "(".repeat(n), ")".repeat(n))),
            ("objects", format!("x = {}1{};", "{a:".repeat(n), "}".repeat(n))),
            ("templates", format!("x = {}1{};", "`${".repeat(n), "}`".repeat(n))),
            ("generics", format!("type T = {}B{};", "A<".repeat(n), ">".repeat(n))),
            ("unary", format!("x = {}1;", "!".repeat(n))),
            ("negation", format!("x = {}1;", "- ".repeat(n))),
            ("conditionals", format!("x = {}c;", "a?b:".repeat(n))),
            ("assignments", format!("x = {}1;", "a=".repeat(n))),
            ("arrows", format!("x = {}1;", "a=>".repeat(n))),
            ("ifs", format!("{};", "if(a)\n".repeat(n))),
            ("else ifs", format!("{};", "if(a){}\nelse ".repeat(n))),
            ("calls", format!("x = f{};", "(1)\n".repeat(n))),
            ("sum", format!("x = {};", vec!["1"; n].join("+"))),
            ("members", format!("x = a{};", ".b".repeat(n))),
            ("new", format!("x = {}A;", "new ".repeat(n))),
        ] {
            assert!(!depth_ok(&text, false), "{name} at {n} is not caught");
        }
        let jsx = format!("x = {}{};", "<a>".repeat(n), "</a>".repeat(n));
        assert!(!depth_ok(&jsx, true), "JSX elements");
    }

    #[test]
    fn ordinary_code_passes() {
        let statements =
            "const a = b(c, d) + e.f?.g ?? h;\nlet x = y\nif (a) { b() } else if (c) { d() }\n".repeat(3_000);
        assert!(depth_ok(&statements, false));
        let no_semicolons =
            "import a from 'a'\nconst x = a\n  .map((y) => y + 1)\n  .filter(Boolean)\nexport default x\n"
                .repeat(2_000);
        assert!(depth_ok(&no_semicolons, false));
        let jsx_siblings =
            format!("const Icon = () => (<svg>{}</svg>);", "<path d=\"M0 0\" fill='x' />\n".repeat(5_000));
        assert!(depth_ok(&jsx_siblings, true));
        let long_sum = format!("const s = {};", vec!["'chunk'"; 3_000].join(" +\n  "));
        assert!(depth_ok(&long_sum, false));
        let strings_and_comments = "const s = '((((((('; // ((((((\n/* {{{{{{{{ */ const r = /[(((]/g;\n".repeat(3_000);
        assert!(depth_ok(&strings_and_comments, false));
        let text = "const t = `a ${b} ((( ${`c ${d}`}`;\n".repeat(3_000);
        assert!(depth_ok(&text, false));
        let jsx_text = "const p = <p>Don't (((( {name} {'}'} it's</p>;\n".repeat(3_000);
        assert!(depth_ok(&jsx_text, true));
        let generic_arrow = "const f = <T,>(x: T) => x;\nconst g = <T extends object>(x: T) => x;\n".repeat(2_000);
        assert!(depth_ok(&generic_arrow, true));
    }

    #[test]
    fn comments_strings_and_regular_expressions_end_where_the_parser_ends_them() {
        let brackets = "[".repeat(300);
        for text in [
            format!("// comment\u{2028}x = {brackets}"),
            format!("// comment\u{2029}x = {brackets}"),
            format!("// comment\rx = {brackets}"),
            format!("x = 'unterminated\rx = {brackets}"),
            format!("x = /regex\u{2028}x = {brackets}"),
        ] {
            assert!(!depth_ok(&text, true), "{text:?}");
        }
    }

    #[test]
    fn a_text_ending_in_an_escape_is_measured() {
        for text in ["'\\", "\"a\\", "`\\", "/\\", "x = '\\", "<a b='\\"] {
            assert!(depth_ok(text, true), "{text:?}");
        }
    }

    #[test]
    fn the_limit_lies_where_its_documentation_says() {
        let brackets = |n: usize| format!("x = {}1{};", "[".repeat(n), "]".repeat(n));
        assert!(depth_ok(&brackets(249), false));
        assert!(!depth_ok(&brackets(251), false));
        let unary = |n: usize| format!("x = {}1;", "!".repeat(n));
        assert!(depth_ok(&unary(995), false));
        assert!(!depth_ok(&unary(1_001), false));
    }
}
