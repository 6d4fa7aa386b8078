//! `parse-error`: a file that cannot be parsed is reported once; the rest of the run goes on.

use crate::diagnostic::{MessageTemplate, RuleKind, RuleMeta};

pub const META: RuleMeta = RuleMeta {
    id: "parse-error",
    description: "A source file that cannot be parsed (always on)",
    kind: RuleKind::PerFile,
    recommended: true,
    messages: &[
        MessageTemplate {
            id: "parseError",
            message: "`{{file}}` could not be parsed: {{reason}}",
            help: "fix the syntax error",
        },
        MessageTemplate {
            id: "tooDeep",
            message: "`{{file}}` nests too deeply to be read safely: {{reason}}",
            help: "split the nested expression into smaller parts, or leave the file out with `ignore` in palisade.json",
        },
    ],
    docs: r"## What it does
Reports a source file the parser cannot read, at the place of the error. Its imports are then
unknown, so no other rule checks it.

A file that nests deeper than Palisade reads safely is reported too (`tooDeep`): more than 250
levels of brackets, templates or JSX elements, or a chain of about 1,000 unary operators,
conditionals, assignments, calls or `if` statements, or 4,000 binary operators in one
expression. Parsing it would overflow the stack of the WebAssembly host; real code stays far
below (the deepest file found in 22,000 files of npm packages, minified bundles included, is
under half the limit). The measure follows the syntax of valid code: a file with syntax errors can
mislead it (a parser recovering from an error may read what follows as anything), and should its
parse still overflow, the surface treats it as an engine failure: the ESLint plugin reports the
file and restarts the engine, `palisade check` exits 2 naming the failure.

ESLint and SWC report a file their own parser rejects themselves: Palisade's ESLint rule and SWC
plugin report what their parser accepted and Palisade's did not (a file nested too deeply, or
syntax only one of the two parsers reads).

## Options
None; it cannot be turned off.
",
};
