//! `no-unresolved-local`: local imports must lead to a file.

use super::{Edge, OptionsError, Subject};
use crate::config::NoOptions;
use crate::project::ProjectGraph;
use crate::diagnostic::{RuleKind, Finding, MessageTemplate, RuleMeta};
use crate::resolve::Resolution;

pub const META: RuleMeta = RuleMeta {
    id: "no-unresolved-local",
    description: "Local imports that resolve to no file",
    kind: RuleKind::PerImport,
    recommended: true,
    messages: &[MessageTemplate {
        id: "unresolved",
        message: "`{{specifier}}` does not resolve to a file",
        help: "fix the path or create the file it names",
    }],
    docs: r"## What it does
Reports a local-looking import — relative, absolute, `#imports`, a tsconfig `paths` alias or a
workspace package name — that resolves to no file. npm packages are not checked: they may simply
not be installed.

Not reported, because nothing is wrong with the import:
- a workspace package whose `main` or `exports` name build output that is not built yet: it
  resolves to its source (an `exports` target under a `source` or custom condition, a field that
  names a source file, else `src/index.*`), and failing that, to its project;
- a missing file where git ignores files (generated code such as Panda's `styled-system/`, Nest's
  `metadata.ts` or a Prisma client, before its generator ran): `palisade check` says once per
  ignored folder how many imports it did not check.

## Why is this bad?
An unresolved local import is a broken build waiting for the next run, and an edge every other
rule cannot see.

## Options
None.
",
};

pub struct NoUnresolvedLocal;

impl super::Rule for NoUnresolvedLocal {
    type Options = NoOptions;
    const META: RuleMeta = META;

    fn new(_options: &NoOptions) -> Result<Self, OptionsError> {
        Ok(Self)
    }

    fn check_import(&self, _from: &Subject<'_>, edge: &Edge<'_>, _projects: &ProjectGraph, out: &mut Vec<Finding>) {
        if *edge.resolution == Resolution::Unresolved {
            out.push(Finding::new("unresolved", edge.import.span).with("specifier", edge.import.specifier.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, layered_workspace};

    #[test]
    fn pass_and_fail_table() {
        let policy = r#"{ "rules": { "no-unresolved-local": "error" } }"#;
        let cases: &[(&str, &[&str])] = &[
            ("./e", &[]),
            ("./missing", &["no-unresolved-local/unresolved"]),
            ("#nothing", &["no-unresolved-local/unresolved"]),
            ("left-pad", &[]),
            ("node:fs", &[]),
        ];
        for (specifier, expected) in cases {
            let found = check(layered_workspace(policy), "libs/orders/domain/d.ts", &format!("import '{specifier}';"));
            assert_eq!(&found, expected, "importing {specifier}");
        }
    }
}
