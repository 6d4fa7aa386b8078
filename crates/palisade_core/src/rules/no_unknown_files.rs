//! `no-unknown-files`: every source file belongs to an element.

use super::{OptionsError, Subject};
use crate::config::NoOptions;
use crate::diagnostic::{RuleKind, Finding, MessageTemplate, RuleMeta, Span};

pub const META: RuleMeta = RuleMeta {
    id: "no-unknown-files",
    description: "Source files outside every element",
    kind: RuleKind::PerFile,
    recommended: false,
    messages: &[MessageTemplate {
        id: "unknownFile",
        message: "`{{file}}` is not part of any element",
        help: "add an element pattern that covers it, or ignore it",
    }],
    docs: r"## What it does
Reports a source file that no element pattern covers, when `elements` are configured.

## Why is this bad?
A file outside every element escapes every element policy: `dependencies` cannot check it.

## Options
None. Leave files out with `ignore` in `palisade.json`.
",
};

pub struct NoUnknownFiles;

impl super::Rule for NoUnknownFiles {
    type Options = NoOptions;
    const META: RuleMeta = META;

    fn new(_options: &NoOptions) -> Result<Self, OptionsError> {
        Ok(Self)
    }

    fn check_file(&self, file: &Subject<'_>, has_elements: bool, out: &mut Vec<Finding>) {
        if has_elements && file.facts.element.is_none() {
            out.push(Finding::new("unknownFile", Span::default()).with("file", file.file));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, layered_workspace};

    #[test]
    fn pass_and_fail_table() {
        let policy = r#"{ "elements": [{ "type": "domain", "pattern": "libs/{scope}/domain/**" }], "rules": { "no-unknown-files": "error" } }"#;
        assert!(check(layered_workspace(policy), "libs/orders/domain/d.ts", "").is_empty());
        assert_eq!(
            check(layered_workspace(policy), "libs/orders/application/a.ts", ""),
            ["no-unknown-files/unknownFile"]
        );
        let no_elements = r#"{ "rules": { "no-unknown-files": "error" } }"#;
        assert!(check(layered_workspace(no_elements), "libs/orders/application/a.ts", "").is_empty());
    }
}
