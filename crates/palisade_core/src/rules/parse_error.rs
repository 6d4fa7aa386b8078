//! `parse-error`: a file that cannot be parsed is reported once; the rest of the run goes on.

use crate::diagnostic::{MessageTemplate, RuleMeta};

pub const META: RuleMeta = RuleMeta {
    id: "parse-error",
    description: "A source file that cannot be parsed (always on)",
    recommended: true,
    messages: &[MessageTemplate {
        id: "parseError",
        message: "`{{file}}` could not be parsed: {{reason}}",
        help: "fix the syntax error",
    }],
    docs: r"## What it does
Reports a source file the parser cannot read, at the place of the error. Its imports are then
unknown, so no other rule checks it. ESLint reports its own parse errors, so the ESLint plugin has
no rule for this.

## Options
None; it cannot be turned off.
",
};
