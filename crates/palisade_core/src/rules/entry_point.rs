//! `entry-point`: other projects are reached only through their public entry.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dependencies::side_data;
use super::{Edge, KindSelector, OptionsError, Policy, Subject, compile_globs, decide};
use crate::jsonc::PathSegment;
use crate::diagnostic::{RuleKind, Finding, MessageTemplate, RuleMeta};
use crate::pattern::{Flavor, Glob, any_match};
use crate::project::ProjectGraph;
use crate::resolve::Resolution;
use crate::selector::{Selector, SelectorList, StringOrList, any_matches, compile_list};

const ELEMENT_HELP: &str = "import a file that `{{element}}` exposes, or change the `entry-point` policy";

pub const META: RuleMeta = RuleMeta {
    id: "entry-point",
    description: "Other projects may only be imported through their public entry point",
    kind: RuleKind::PerImport,
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
            help: "import it through a path alias or the package name of `{{project}}`, not by its path",
        },
        MessageTemplate {
            id: "deepImport",
            message: "`{{specifier}}` reaches into `{{project}}`'s internal file `{{file}}`, past the public entry that {{declaration}} declares",
            help: "import from `{{entry}}`, the public entry of `{{project}}`",
        },
        MessageTemplate {
            id: "elementInternal",
            message: "`{{specifier}}` reaches into `{{element}}`'s internal file `{{file}}`",
            help: ELEMENT_HELP,
        },
        MessageTemplate { id: "custom", message: "{{customMessage}}", help: ELEMENT_HELP },
    ],
    docs: r#"## What it does
Checks that an import from outside a project lands on one of the public entries the project
declares, and that no project is reached by a relative path. Deep imports through a wildcard path
alias (`@acme/orders/src/lib/order`) past a declared entry are caught, which
`@nx/enforce-module-boundaries` misses. A barrel that re-exports another project's internals
(`export * from '../../orders/src/lib/order'`) is the same violation, reported on the re-export.

With `elements`, the same holds for elements: which files of an element other elements (and files
outside every element) may import, by path inside the element's folder.

## Why is this bad?
A project's public entry is its contract. Importing its internals couples you to code it is free
to move, and silently widens its API.

## Public entries
A project declares its public entries with its `package.json` (its name, each `exports` key or
subpath pattern, or without `exports`, `main`, `module`, `types` or `source`), or with a
non-wildcard `paths` alias of the root tsconfig that lands in it; `additionalEntries` adds more.
Importing any other of its files by name is a deep import, and the message names the declaration
it bypasses.

A project that declares none (a library published only through a wildcard alias such as
`"@acme/common/*": ["libs/common/src/lib/*"]`) has no single entry to bypass: the wildcard alias
is its declared public surface, and any file of it may be imported by name. Relative imports into
it are still reported; their help names its `index.*` or `src/index.*` when it has one.

An import of a workspace package whose entry is not built (its `main` or `exports` name missing
build output) is not judged: the file it leads to is unknown.

## Options
- `allow`: import specifier globs that are never checked.
- `additionalEntries`: workspace-relative file globs that are public entries too
  (e.g. `libs/*/src/testing.ts`).
- `elements`: `{ default?, rules }`, the files of an element that code outside it may import.
  Each rule is `{ target, allow?, disallow?, from?, kind?, message? }`: `target` is a selector of
  the imported element, `allow` and `disallow` are globs of paths inside the element's folder
  (`index.ts`, `*.ts`); `from`, a selector of the importer, and `kind` (`"value"`, `"type"`,
  `"typeof"`, or a list; see `external`) limit the rule to those importers and imports. The last
  rule that applies and whose `allow` or `disallow` matches the imported file decides; `default` (`"allow"` | `"disallow"`, default `"disallow"`) is the verdict
  when none does. `message` replaces the default message (`{{specifier}}`, `{{element}}`,
  `{{file}}`, `{{to.type}}` and the element's captures).

```jsonc
"entry-point": ["error", { "elements": { "rules": [
  { "target": "component", "allow": "index.ts" },
  { "target": { "type": "helper", "captures": { "name": "legacy" } }, "allow": "**" }
] } }]
```
"#,
};

/// Options of `entry-point`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct EntryPointOptions {
    /// Import specifier globs that are never checked.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Workspace-relative file globs that are public entries too.
    #[serde(default)]
    pub additional_entries: Vec<String>,
    /// Which files of an element code outside it may import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elements: Option<ElementEntries>,
}

/// The entry points of elements.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ElementEntries {
    /// The verdict when no rule matches. Default: `disallow`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Policy>,
    /// Applied in order; the last matching rule decides.
    #[serde(default)]
    pub rules: Vec<ElementEntryRule>,
}

/// The files of the elements a selector picks that may, or may not, be imported.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ElementEntryRule {
    /// The imported elements this rule is about.
    pub target: SelectorList,
    /// Globs of paths inside the element's folder that may be imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow: Option<StringOrList>,
    /// Globs of paths inside the element's folder that may not be imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disallow: Option<StringOrList>,
    /// The importers this rule is about; every importer when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<SelectorList>,
    /// The import kinds this rule is about (`"value"`, `"type"`, `"typeof"`); every import when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<KindSelector>,
    /// A message to show instead of the default when this rule disallows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

struct CompiledEntryRule {
    target: Vec<Selector>,
    allow: Vec<Glob>,
    disallow: Vec<Glob>,
    /// `None`: every importer.
    from: Option<Vec<Selector>>,
    kind: Option<KindSelector>,
    message: Option<String>,
}

pub struct EntryPoint {
    allow: Vec<Glob>,
    additional_entries: Vec<Glob>,
    element_default: Policy,
    element_rules: Vec<CompiledEntryRule>,
}

fn compile_entry_rule(rule: &ElementEntryRule, index: usize) -> Result<CompiledEntryRule, OptionsError> {
    let at = |key: &str| {
        vec![
            PathSegment::Key("elements".into()),
            PathSegment::Key("rules".into()),
            PathSegment::Index(index),
            PathSegment::Key(key.into()),
        ]
    };
    let globs = |list: Option<&StringOrList>, key: &str| {
        let items: Vec<String> =
            list.map(StringOrList::items).unwrap_or_default().into_iter().map(str::to_string).collect();
        compile_globs(&items, &at(key), Flavor::Path)
    };
    Ok(CompiledEntryRule {
        target: compile_list(&rule.target).map_err(|reason| (at("target"), reason))?,
        allow: globs(rule.allow.as_ref(), "allow")?,
        disallow: globs(rule.disallow.as_ref(), "disallow")?,
        from: rule.from.as_ref().map(compile_list).transpose().map_err(|reason| (at("from"), reason))?,
        kind: rule.kind.clone(),
        message: rule.message.clone(),
    })
}

impl EntryPoint {
    pub fn new(options: &EntryPointOptions) -> Result<Self, OptionsError> {
        Ok(Self {
            allow: compile_globs(&options.allow, &[PathSegment::Key("allow".into())], Flavor::Text)?,
            additional_entries: compile_globs(
                &options.additional_entries,
                &[PathSegment::Key("additionalEntries".into())],
                Flavor::Path,
            )?,
            element_default: options.elements.as_ref().and_then(|e| e.default).unwrap_or(Policy::Disallow),
            element_rules: options
                .elements
                .iter()
                .flat_map(|elements| elements.rules.iter().enumerate())
                .map(|(index, rule)| compile_entry_rule(rule, index))
                .collect::<Result<_, _>>()?,
        })
    }

    pub fn check(&self, from: &Subject<'_>, edge: &Edge<'_>, projects: &ProjectGraph) -> Option<Finding> {
        let target = edge.target?;
        let specifier = edge.import.specifier.as_str();
        if self.allow.iter().any(|glob| glob.is_match(specifier)) {
            return None;
        }
        self.check_project(from, edge, &target, projects).or_else(|| self.check_element(from, edge, &target))
    }

    fn check_project(
        &self,
        from: &Subject<'_>,
        edge: &Edge<'_>,
        target: &Subject<'_>,
        projects: &ProjectGraph,
    ) -> Option<Finding> {
        let target_index = target.project?;
        if from.project == Some(target_index) {
            return None;
        }
        let specifier = edge.import.specifier.as_str();
        let project = projects.get(target_index);
        let entry = project.public_specifier.as_deref();
        let by_path = specifier.starts_with('.') || specifier.starts_with('/');
        let id = if by_path {
            if entry.is_some() { "relativeImport" } else { "relativeImportNoEntry" }
        } else {
            // By name: a deep import only past an entry the project declares, to a file it knows.
            let declaration = project.entry_declaration.as_deref()?;
            if !matches!(edge.resolution, Resolution::Local { .. })
                || project.is_entry(target.file)
                || self.additional_entries.iter().any(|g| g.is_match(target.file))
            {
                return None;
            }
            return Some(
                Finding::new("deepImport", edge.import.span)
                    .with("specifier", specifier)
                    .with("project", project.name.clone())
                    .with("file", target.file)
                    .with("entry", entry.unwrap_or(specifier))
                    .with("declaration", declaration),
            );
        };
        Some(
            Finding::new(id, edge.import.span)
                .with("specifier", specifier)
                .with("project", project.name.clone())
                .with("file", target.file)
                .with("entry", entry.unwrap_or_default()),
        )
    }

    /// An import of another element's file that its `elements` policy does not expose.
    fn check_element(&self, from: &Subject<'_>, edge: &Edge<'_>, target: &Subject<'_>) -> Option<Finding> {
        if self.element_rules.is_empty() {
            return None;
        }
        let element = target.facts.element?;
        if from.facts.element.is_some_and(|own| own.same_instance(element)) {
            return None;
        }
        let inside = element.internal_path(target.file);
        let (verdict, deciding) = decide(
            self.element_default,
            &self.element_rules,
            |rule| {
                KindSelector::selects(rule.kind.as_ref(), edge.import)
                    && rule.from.as_ref().is_none_or(|selectors| any_matches(selectors, from.facts, from.facts, target.facts))
                    && any_matches(&rule.target, target.facts, from.facts, target.facts)
            },
            |rule, side| any_match(if side == Policy::Allow { &rule.allow } else { &rule.disallow }, inside),
        );
        if verdict == Policy::Allow {
            return None;
        }
        let finding = Finding::new("elementInternal", edge.import.span)
            .with("specifier", edge.import.specifier.clone())
            .with("element", element.label())
            .with("file", target.file);
        Some(finding.customised(deciding.and_then(|rule| rule.message.as_deref()), side_data("to", element)))
    }
}

impl super::Rule for EntryPoint {
    type Options = EntryPointOptions;
    const META: RuleMeta = META;

    fn new(options: &EntryPointOptions) -> Result<Self, OptionsError> {
        Self::new(options)
    }

    fn check_import(&self, from: &Subject<'_>, edge: &Edge<'_>, projects: &ProjectGraph, out: &mut Vec<Finding>) {
        out.extend(self.check(from, edge, projects));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, layered_workspace, tagged_workspace};

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

    #[test]
    fn a_project_reached_only_by_a_wildcard_alias_declares_no_single_entry() {
        let host = crate::host::MemoryHost::new()
            .with_file("/w/package.json", "{}")
            .with_file("/w/palisade.json", r#"{ "rules": { "entry-point": "error" } }"#)
            .with_file(
                "/w/tsconfig.base.json",
                r#"{"compilerOptions":{"paths":{"@acme/common/*":["libs/common/src/lib/*"],"@acme/ui":["libs/ui/src/index.ts"],"@acme/ui/*":["libs/ui/src/*"]}}}"#,
            )
            .with_file("/w/libs/common/project.json", r#"{"name":"common"}"#)
            .with_file("/w/libs/common/src/lib/dtos/index.ts", "")
            .with_file("/w/libs/ui/project.json", r#"{"name":"ui"}"#)
            .with_file("/w/libs/ui/src/index.ts", "")
            .with_file("/w/libs/ui/src/button.ts", "")
            .with_file("/w/apps/web/project.json", r#"{"name":"web"}"#)
            .with_file("/w/apps/web/src/main.ts", "");
        let cases: &[(&str, &[&str])] = &[
            ("@acme/common/dtos", &[]),
            ("../../../libs/common/src/lib/dtos", &["entry-point/relativeImportNoEntry"]),
            ("@acme/ui", &[]),
            ("@acme/ui/button", &["entry-point/deepImport"]),
        ];
        for (specifier, expected) in cases {
            let found = check(host.clone(), "apps/web/src/main.ts", &format!("import '{specifier}';"));
            assert_eq!(&found, expected, "importing {specifier}");
        }
    }

    #[test]
    fn element_entries() {
        let policy = r#"{
          "elements": [
            { "type": "domain", "pattern": "libs/{scope}/domain/**" },
            { "type": "application", "pattern": "libs/{scope}/application/**" }
          ],
          "rules": { "entry-point": ["error", { "elements": { "rules": [
            { "target": "domain", "allow": "d.ts" },
            { "target": { "type": "domain", "captures": { "scope": "legacy" } }, "allow": "*.ts", "disallow": "e.ts", "message": "{{to.scope}}: {{file}}" }
          ] } }] }
        }"#;
        let cases: &[(&str, &str, &[&str])] = &[
            ("libs/orders/application/a.ts", "../domain/d", &[]),
            ("libs/orders/application/a.ts", "../domain/e", &["entry-point/elementInternal"]),
            ("libs/orders/domain/d.ts", "./e", &[]),
            ("libs/orders/domain/d.ts", "../application/a", &["entry-point/elementInternal"]),
            ("libs/orders/domain/d.ts", "../../legacy/domain/d", &[]),
            ("libs/orders/domain/d.ts", "../../legacy/domain/e", &["entry-point/custom"]),
            ("tools.ts", "./libs/billing/domain/e", &["entry-point/elementInternal"]),
        ];
        for (file, specifier, expected) in cases {
            let found = check(layered_workspace(policy), file, &format!("import x from '{specifier}';"));
            assert_eq!(&found, expected, "{file} importing {specifier}");
        }
    }

    #[test]
    fn element_entry_rules_for_some_importers_and_kinds() {
        // Only `d.ts` is public, but the application of the same scope may import any file's types.
        let policy = r#"{
          "elements": [
            { "type": "domain", "pattern": "libs/{scope}/domain/**" },
            { "type": "application", "pattern": "libs/{scope}/application/**" }
          ],
          "rules": { "entry-point": ["error", { "elements": { "rules": [
            { "target": "domain", "allow": "d.ts" },
            { "target": "domain", "from": { "type": "application", "captures": { "scope": "{{to.scope}}" } }, "kind": "type", "allow": "*.ts" }
          ] } }] }
        }"#;
        let cases: &[(&str, &str, &[&str])] = &[
            ("libs/orders/application/a.ts", "import type { E } from '../domain/e';", &[]),
            ("libs/orders/application/a.ts", "import { E } from '../domain/e';", &["entry-point/elementInternal"]),
            ("libs/orders/application/a.ts", "import type { E } from '../../billing/domain/e';", &["entry-point/elementInternal"]),
            ("libs/orders/application/a.ts", "import { D } from '../../billing/domain/d';", &[]),
        ];
        for (file, text, expected) in cases {
            assert_eq!(&check(layered_workspace(policy), file, text), expected, "{file}: {text}");
        }
    }
}
