//! `entry-point`: other projects are reached only through their public entry.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Edge, OptionsError, Subject, compile_globs};
use crate::config::PathSegment;
use crate::diagnostic::{Finding, MessageTemplate, RuleMeta};
use crate::pattern::{Flavor, Glob};
use crate::project::ProjectGraph;

const NO_ENTRY_HELP: &str = "export it from `{{project}}`'s public entry and import that";

pub const META: RuleMeta = RuleMeta {
    id: "entry-point",
    description: "Other projects may only be imported through their public entry point",
    recommended: true,
    messages: &[
        MessageTemplate {
            id: "relativeImport",
            message: "`{{specifier}}` reaches into `{{project}}` by a relative path",
            help: "import it as `{{entry}}`",
        },
        MessageTemplate {
            id: "relativeImportNoEntry",
            message: "`{{specifier}}` reaches into `{{project}}` by a relative path",
            help: NO_ENTRY_HELP,
        },
        MessageTemplate {
            id: "deepImport",
            message: "`{{specifier}}` reaches into `{{project}}`'s internal file `{{file}}`",
            help: "import from `{{entry}}`, the public entry of `{{project}}`",
        },
        MessageTemplate {
            id: "deepImportNoEntry",
            message: "`{{specifier}}` reaches into `{{project}}`'s internal file `{{file}}`",
            help: NO_ENTRY_HELP,
        },
    ],
    docs: r"## What it does
Checks that an import from outside a project lands on one of that project's public entries, and
that no project is reached by a relative path. Deep imports through a wildcard path alias
(`@acme/orders/src/lib/order`) are caught, which `@nx/enforce-module-boundaries` misses. A barrel
that re-exports another project's internals (`export * from '../../orders/src/lib/order'`) is the
same violation, reported on the re-export.

## Why is this bad?
A project's public entry is its contract. Importing its internals couples you to code it is free
to move, and silently widens its API.

## Public entries
The files reached through the project's `package.json` (its name, each `exports` key or subpath
pattern, `main`, `module`, `types`), the targets of non-wildcard tsconfig `paths` keys that land in
the project, else its `index.*` or `src/index.*`; plus `additionalEntries`.

## Options
- `allow`: import specifier globs that are never checked.
- `additionalEntries`: workspace-relative file globs that are public entries too
  (e.g. `libs/*/src/testing.ts`).
",
};

/// Options of `entry-point`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Options {
    /// Import specifier globs that are never checked.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Workspace-relative file globs that are public entries too.
    #[serde(default)]
    pub additional_entries: Vec<String>,
}

pub struct Rule {
    allow: Vec<Glob>,
    additional_entries: Vec<Glob>,
}

impl Rule {
    pub fn new(options: &Options) -> Result<Self, OptionsError> {
        Ok(Self {
            allow: compile_globs(&options.allow, &[PathSegment::Key("allow".into())], Flavor::Text)?,
            additional_entries: compile_globs(
                &options.additional_entries,
                &[PathSegment::Key("additionalEntries".into())],
                Flavor::Path,
            )?,
        })
    }

    pub fn check(&self, from: &Subject<'_>, edge: &Edge<'_>, projects: &ProjectGraph) -> Option<Finding> {
        let target = edge.target?;
        let target_index = target.project?;
        if from.project == Some(target_index) {
            return None;
        }
        let specifier = edge.import.specifier.as_str();
        if self.allow.iter().any(|glob| glob.is_match(specifier)) {
            return None;
        }
        let project = projects.get(target_index);
        let entry = project.public_specifier.as_deref();
        let by_path = specifier.starts_with('.') || specifier.starts_with('/');
        let id = match (by_path, entry.is_some()) {
            (true, true) => "relativeImport",
            (true, false) => "relativeImportNoEntry",
            (false, _)
                if project.is_entry(target.file) || self.additional_entries.iter().any(|g| g.is_match(target.file)) =>
            {
                return None;
            }
            (false, true) => "deepImport",
            (false, false) => "deepImportNoEntry",
        };
        Some(
            Finding::new(id, edge.import.span)
                .with("specifier", specifier)
                .with("project", project.name.clone())
                .with("file", target.file)
                .with("entry", entry.unwrap_or_default()),
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, tagged_workspace};

    #[test]
    fn pass_and_fail_table() {
        let policy =
            r#"{ "rules": { "entry-point": ["error", { "additionalEntries": ["libs/shared/src/testing.ts"] }] } }"#;
        let cases: &[(&str, &str, &[&str])] = &[
            ("libs/orders-app/src/a.ts", "@acme/shared", &[]),
            ("libs/orders-app/src/a.ts", "@acme/shared/src/lib/internal", &["entry-point/deepImport"]),
            ("libs/orders-app/src/a.ts", "@acme/shared/src/testing", &[]),
            ("libs/orders-app/src/a.ts", "../../shared/src/index", &["entry-point/relativeImport"]),
            ("libs/orders-app/src/a.ts", "./local", &[]),
            ("libs/orders-app/src/a.ts", "@acme/pkg", &[]),
            ("libs/orders-app/src/a.ts", "@acme/pkg/feature", &[]),
            ("libs/orders-app/src/a.ts", "@acme/pkg/src/hidden", &["entry-point/deepImport"]),
        ];
        for (file, specifier, expected) in cases {
            let found = check(tagged_workspace(policy), file, &format!("export * from '{specifier}';"));
            assert_eq!(&found, expected, "{file} importing {specifier}");
        }
    }
}
