//! `dependencies`: which elements may import which.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Edge, KindSelector, OptionsError, Policy, Subject, decide};
use crate::jsonc::PathSegment;
use crate::project::ProjectGraph;
use crate::diagnostic::{RuleKind, Finding, MessageTemplate, RuleMeta};
use crate::element::ElementMatch;
use crate::selector::{FileFacts, Selector, SelectorList, any_matches, compile_list};

pub const META: RuleMeta = RuleMeta {
    id: "dependencies",
    description: "Element-to-element import policies with captured values",
    kind: RuleKind::PerImport,
    recommended: false,
    messages: &[
        MessageTemplate {
            id: "disallowed",
            message: "`{{from}}` may not import `{{to}}`",
            help: "import only elements that `{{from}}` may depend on, or change the `dependencies` policy",
        },
        MessageTemplate {
            id: "custom",
            message: "{{customMessage}}",
            help: "import only elements that `{{from}}` may depend on, or change the `dependencies` policy",
        },
    ],
    docs: r#"## What it does
Checks every import between two elements (see `elements` in `palisade.json`) against a policy:
which element may import which, with captured values compared across the two sides.

## Why is this bad?
A layered or modular architecture only holds while its arrows point the right way. One
`domain` file importing `infrastructure` couples the core of the system to a database driver.

## Examples
```jsonc
"dependencies": ["error", {
  "default": "disallow",
  "rules": [
    { "from": "application", "allow": [{ "type": "domain", "captures": { "scope": "{{from.scope}}" } }] },
    { "from": { "type": "*" }, "allow": "util" },
    { "from": "domain", "allow": "application", "kind": "type" }
  ]
}]
```
With this policy `libs/orders/application` may import `libs/orders/domain` but not
`libs/billing/domain`, and a domain may import an application's types (`import type`) only.

## Options
- `default` (`"allow"` | `"disallow"`, default `"disallow"`): the verdict when no rule matches.
- `rules`: list of `{ from, allow?, disallow?, kind?, message? }`. `from`, `allow` and `disallow`
  are selectors (an element type, or `{ type, captures, project, tag }`; `{{from.x}}`/`{{to.x}}`
  templates). `kind` (`"value"`, `"type"`, `"typeof"`, or a list) limits the rule to those
  imports: `type` is a declaration marked `type` (`import type`, `export type … from`), `typeof` is
  `typeof import('m')`, `value` every other import (`import { type A }` included: under
  `verbatimModuleSyntax` its module still loads). Every rule whose `from` (and `kind`) matches the
  import is applied in order; the last one whose `allow` or `disallow` matches the imported file
  decides. `message` replaces the default message
  (it may use `{{from}}`, `{{to}}`, `{{specifier}}`, `{{from.type}}`, `{{to.type}}` and each
  side's captures, `{{from.scope}}`).
- `checkInternals` (default `false`): also check imports inside one element instance.
- `checkUnknownLocals` (default `false`): also check imports of local files that belong to no
  element; a selector `{ "unknown": true }` picks them (and `to` data is the file's path).

Selectors may also test the file's path inside its element's folder (a glob; a leading `!` negates): `{ "type": "component",
"internalPath": "index.ts" }`, and whether it belongs to an element: `{ "unknown": true }`.

Otherwise imports inside one element instance, and files with no element, are not checked here
(see `no-unknown-files`).
"#,
};

/// Options of `dependencies`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DependenciesOptions {
    /// The verdict when no rule matches. Default: `disallow`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Policy>,
    /// Applied in order; the last matching rule decides.
    #[serde(default)]
    pub rules: Vec<PolicyRule>,
    /// Also check imports inside one element instance. Default: `false`.
    #[serde(rename = "checkInternals", default, skip_serializing_if = "std::ops::Not::not")]
    pub check_internals: bool,
    /// Also check imports of local files that belong to no element. Default: `false`.
    #[serde(rename = "checkUnknownLocals", default, skip_serializing_if = "std::ops::Not::not")]
    pub check_unknown_locals: bool,
}

/// One policy rule.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyRule {
    /// Which importers this rule is about.
    pub from: SelectorList,
    /// Imported elements this rule allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow: Option<SelectorList>,
    /// Imported elements this rule disallows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disallow: Option<SelectorList>,
    /// The import kinds this rule is about (`"value"`, `"type"`, `"typeof"`); every import when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<KindSelector>,
    /// A message to show instead of the default when this rule disallows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

struct CompiledRule {
    from: Vec<Selector>,
    allow: Vec<Selector>,
    disallow: Vec<Selector>,
    kind: Option<KindSelector>,
    message: Option<String>,
}

pub struct Dependencies {
    default: Policy,
    rules: Vec<CompiledRule>,
    check_internals: bool,
    check_unknown_locals: bool,
}

fn compile_part(list: Option<&SelectorList>, index: usize, key: &str) -> Result<Vec<Selector>, OptionsError> {
    list.map_or(Ok(Vec::new()), |list| {
        compile_list(list).map_err(|reason| {
            (vec![PathSegment::Key("rules".into()), PathSegment::Index(index), PathSegment::Key(key.into())], reason)
        })
    })
}

impl Dependencies {
    pub fn new(options: &DependenciesOptions) -> Result<Self, OptionsError> {
        let rules = options
            .rules
            .iter()
            .enumerate()
            .map(|(index, rule)| {
                Ok(CompiledRule {
                    from: compile_part(Some(&rule.from), index, "from")?,
                    allow: compile_part(rule.allow.as_ref(), index, "allow")?,
                    disallow: compile_part(rule.disallow.as_ref(), index, "disallow")?,
                    kind: rule.kind.clone(),
                    message: rule.message.clone(),
                })
            })
            .collect::<Result<_, OptionsError>>()?;
        Ok(Self {
            default: options.default.unwrap_or(Policy::Disallow),
            rules,
            check_internals: options.check_internals,
            check_unknown_locals: options.check_unknown_locals,
        })
    }

    pub fn check(&self, from: &Subject<'_>, edge: &Edge<'_>) -> Option<Finding> {
        let target = edge.target?;
        let from_element = from.facts.element?;
        // A local file in no element: checked with `checkUnknownLocals` (a known file only).
        let to_element = match target.facts.element {
            Some(element) => Some(element),
            None if self.check_unknown_locals && target.facts.file.is_some() => None,
            None => return None,
        };
        if to_element.is_some_and(|to| from_element.same_instance(to)) && !self.check_internals {
            return None;
        }
        let (f, t): (FileFacts<'_>, FileFacts<'_>) = (from.facts, target.facts);
        let (verdict, deciding) = decide(
            self.default,
            &self.rules,
            |rule| KindSelector::selects(rule.kind.as_ref(), edge.import) && any_matches(&rule.from, f, f, t),
            |rule, side| any_matches(if side == Policy::Allow { &rule.allow } else { &rule.disallow }, t, f, t),
        );
        if verdict == Policy::Allow {
            return None;
        }
        let finding = Finding::new("disallowed", edge.import.span)
            .with("from", from_element.label())
            .with("to", to_element.map_or_else(|| target.file.to_string(), ElementMatch::label))
            .with("specifier", edge.import.specifier.clone());
        let template = deciding.and_then(|rule| rule.message.as_deref());
        let to_data = to_element.into_iter().flat_map(|to| side_data("to", to));
        Some(finding.customised(template, side_data("from", from_element).chain(to_data)))
    }
}

/// `from.type` and `from.<capture>` (or `to.…`) for custom message templates.
pub fn side_data<'a>(side: &'a str, element: &'a ElementMatch) -> impl Iterator<Item = (String, String)> + 'a {
    let captures = element.captures.iter().map(move |(key, value)| (format!("{side}.{key}"), value.clone()));
    std::iter::once((format!("{side}.type"), element.element_type.clone())).chain(captures)
}

impl super::Rule for Dependencies {
    type Options = DependenciesOptions;
    const META: RuleMeta = META;

    fn new(options: &DependenciesOptions) -> Result<Self, OptionsError> {
        Self::new(options)
    }

    fn check_import(&self, from: &Subject<'_>, edge: &Edge<'_>, _projects: &ProjectGraph, out: &mut Vec<Finding>) {
        out.extend(self.check(from, edge));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, layered_workspace};

    const POLICY: &str = r#"{
      "elements": [
        { "type": "domain", "pattern": "libs/{scope}/domain/**" },
        { "type": "application", "pattern": "libs/{scope}/application/**" }
      ],
      "rules": { "dependencies": ["error", { "rules": [
        { "from": "application", "allow": [{ "type": "domain", "captures": { "scope": "{{from.scope}}" } }] },
        { "from": "domain", "allow": "domain" },
        { "from": "domain", "disallow": { "type": "domain", "captures": { "scope": "legacy" } }, "message": "{{from.scope}} must not use the {{to.scope}} domain" }
      ] }] }
    }"#;

    #[test]
    fn pass_and_fail_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("libs/orders/application/a.ts", "../domain/d", &[]),
            ("libs/orders/application/a.ts", "../../billing/domain/d", &["dependencies/disallowed"]),
            ("libs/orders/domain/d.ts", "../application/a", &["dependencies/disallowed"]),
            ("libs/orders/domain/d.ts", "../../billing/domain/d", &[]),
            ("libs/orders/domain/d.ts", "../../legacy/domain/d", &["dependencies/custom"]),
            ("libs/orders/domain/d.ts", "./e", &[]),
        ];
        for (file, specifier, expected) in cases {
            let found = check(layered_workspace(POLICY), file, &format!("import x from '{specifier}';"));
            assert_eq!(&found, expected, "{file} importing {specifier}");
        }
    }

    #[test]
    fn a_rule_with_a_kind_is_about_those_imports_only() {
        // The domain may import the application's types, nothing else of it.
        let policy = r#"{
          "elements": [
            { "type": "domain", "pattern": "libs/{scope}/domain/**" },
            { "type": "application", "pattern": "libs/{scope}/application/**" }
          ],
          "rules": { "dependencies": ["error", { "rules": [
            { "from": "domain", "allow": "application", "kind": "type" },
            { "from": "application", "allow": "domain", "kind": ["value", "typeof"] }
          ] }] }
        }"#;
        let cases: &[(&str, &str, &[&str])] = &[
            ("libs/orders/domain/d.ts", "import type { A } from '../application/a';", &[]),
            ("libs/orders/domain/d.ts", "export type { A } from '../application/a';", &[]),
            ("libs/orders/domain/d.ts", "import { A } from '../application/a';", &["dependencies/disallowed"]),
            // Each name marked `type`, the declaration not: its module may still load.
            ("libs/orders/domain/d.ts", "import { type A } from '../application/a';", &["dependencies/disallowed"]),
            ("libs/orders/domain/d.ts", "type T = typeof import('../application/a');", &["dependencies/disallowed"]),
            ("libs/orders/application/a.ts", "import { D } from '../domain/d';", &[]),
            ("libs/orders/application/a.ts", "type T = typeof import('../domain/d');", &[]),
            ("libs/orders/application/a.ts", "import type { D } from '../domain/d';", &["dependencies/disallowed"]),
        ];
        for (file, text, expected) in cases {
            assert_eq!(&check(layered_workspace(policy), file, text), expected, "{file}: {text}");
        }
        let bad = r#"{ "rules": { "dependencies": ["error", { "rules": [{ "from": "a", "kind": "types" }] }] } }"#;
        let host = layered_workspace(bad);
        let err = crate::Workspace::open(std::sync::Arc::new(host), std::path::Path::new("/w"), Some(std::path::Path::new("/w/palisade.json")))
            .err()
            .map(|err| err.to_string())
            .unwrap_or_default();
        assert!(err.contains("rules.dependencies[1].rules[0].kind") && err.contains("did you mean `type`?"), "{err}");
    }

    #[test]
    fn internal_paths_internals_and_unknown_locals() {
        let policy = r#"{
          "elements": [
            { "type": "domain", "pattern": "libs/{scope}/domain/**" },
            { "type": "application", "pattern": "libs/{scope}/application/**" }
          ],
          "rules": { "dependencies": ["error", { "checkInternals": true, "checkUnknownLocals": true, "rules": [
            { "from": "application", "allow": "domain", "disallow": { "type": "domain", "internalPath": "!d.ts" } },
            { "from": "domain", "allow": { "type": "domain", "internalPath": "e.ts" } },
            { "from": "*", "allow": { "unknown": true, "internalPath": "*" } },
            { "from": "domain", "allow": { "unknown": true } }
          ] }] }
        }"#;
        let cases: &[(&str, &str, &[&str])] = &[
            ("libs/orders/application/a.ts", "../domain/d", &[]),
            ("libs/orders/application/a.ts", "../domain/e", &["dependencies/disallowed"]),
            // checkInternals: inside one element instance too.
            ("libs/orders/domain/d.ts", "./e", &[]),
            ("libs/orders/domain/e.ts", "./d", &["dependencies/disallowed"]),
            // checkUnknownLocals: a file in no element (`internalPath` needs an element).
            ("libs/orders/domain/d.ts", "../../../tools", &[]),
            ("libs/orders/application/a.ts", "../../../tools", &["dependencies/disallowed"]),
        ];
        for (file, specifier, expected) in cases {
            let host = layered_workspace(policy).with_file("/w/tools.ts", "");
            let found = check(host, file, &format!("import x from '{specifier}';"));
            assert_eq!(&found, expected, "{file} importing {specifier}");
        }
        // Without the options, neither is checked.
        let plain = policy.replace(r#""checkInternals": true, "checkUnknownLocals": true, "#, "");
        for (file, specifier) in [("libs/orders/domain/e.ts", "./d"), ("libs/orders/application/a.ts", "../../../tools")] {
            let host = layered_workspace(&plain).with_file("/w/tools.ts", "");
            assert!(check(host, file, &format!("import x from '{specifier}';")).is_empty(), "{file} importing {specifier}");
        }
    }

    #[test]
    fn negated_types_and_captures() {
        let policy = r#"{
          "elements": [
            { "type": "domain", "pattern": "libs/{scope}/domain/**" },
            { "type": "application", "pattern": "libs/{scope}/application/**" }
          ],
          "rules": { "dependencies": ["error", { "default": "allow", "rules": [
            { "from": "application", "disallow": { "type": "domain", "captures": { "scope": "!{{from.scope}}" } } },
            { "from": "!application", "disallow": { "type": "application", "captures": { "scope": "!legacy" } } }
          ] }] }
        }"#;
        let cases: &[(&str, &str, &[&str])] = &[
            ("libs/orders/application/a.ts", "../domain/d", &[]),
            ("libs/orders/application/a.ts", "../../billing/domain/d", &["dependencies/disallowed"]),
            ("libs/orders/domain/d.ts", "../application/a", &["dependencies/disallowed"]),
            ("libs/orders/domain/d.ts", "../../legacy/application/a", &[]),
        ];
        for (file, specifier, expected) in cases {
            let found = check(layered_workspace(policy), file, &format!("import x from '{specifier}';"));
            assert_eq!(&found, expected, "{file} importing {specifier}");
        }
    }
}
