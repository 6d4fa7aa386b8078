//! `external`: which npm packages and Node built-ins each part of the code may use.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Edge, OptionsError, Policy, Subject, compile_globs, decide, describe};
use crate::jsonc::PathSegment;
use crate::diagnostic::{RuleKind, Finding, MessageTemplate, RuleMeta};
use crate::pattern::{Flavor, Glob};
use crate::project::ProjectGraph;
use crate::resolve::Resolution;
use crate::selector::{FileFacts, Selector, SelectorList, any_matches, compile_list};

const HELP: &str = "move this code to an element allowed to use `{{package}}`, or change the `external` policy";

pub const META: RuleMeta = RuleMeta {
    id: "external",
    description: "Allowed and banned npm packages and Node built-ins per element, project or tag",
    kind: RuleKind::PerImport,
    recommended: false,
    messages: &[
        MessageTemplate { id: "banned", message: "`{{from}}` may not import `{{package}}`", help: HELP },
        MessageTemplate { id: "custom", message: "{{customMessage}}", help: HELP },
    ],
    docs: r#"## What it does
Checks every import of an npm package or a Node built-in against a policy per element, project or
tag: `domain` may not import `@nestjs/*` or `typeorm`, a browser app may not import `node:*`.

## Why is this bad?
A domain layer that imports a framework or a database driver can no longer be tested, reused or
moved without it.

## Examples
```jsonc
"external": ["error", { "rules": [
  { "from": "domain", "disallow": ["@nestjs/*", "typeorm", "node:*"] },
  { "from": { "tag": "type:ui" }, "disallow": ["node:*"], "message": "UI code runs in the browser" }
] }]
```

## Options
- `default` (`"allow"` | `"disallow"`, default `"allow"`).
- `rules`: list of `{ from, allow?, disallow?, message? }`; `from` is a selector, `allow` and
  `disallow` are package patterns. A pattern matching the package name (`@nestjs/*`, `lodash`)
  covers all its subpaths; one matching the whole specifier (`rxjs/operators`) covers just that.
  Built-ins match as `fs` and as `node:fs`; `node:*` is every built-in. The last matching rule decides.
"#,
};

/// Options of `external`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExternalOptions {
    /// The verdict when no rule matches. Default: `allow`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Policy>,
    /// Applied in order; the last matching rule decides.
    #[serde(default)]
    pub rules: Vec<ExternalRule>,
}

/// One package policy rule.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExternalRule {
    /// Which importers this rule is about.
    pub from: SelectorList,
    /// Package patterns this rule allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow: Option<Vec<String>>,
    /// Package patterns this rule disallows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disallow: Option<Vec<String>>,
    /// A message to show instead of the default when this rule disallows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

struct CompiledRule {
    from: Vec<Selector>,
    allow: Vec<Glob>,
    disallow: Vec<Glob>,
    message: Option<String>,
}

pub struct External {
    default: Policy,
    rules: Vec<CompiledRule>,
}

fn patterns(list: Option<&Vec<String>>, index: usize, key: &str) -> Result<Vec<Glob>, OptionsError> {
    let at = [PathSegment::Key("rules".into()), PathSegment::Index(index), PathSegment::Key(key.into())];
    compile_globs(list.map(Vec::as_slice).unwrap_or_default(), &at, Flavor::Text)
}

/// The names a package dependency answers to: its package name and its whole specifier.
fn names(resolution: &Resolution, specifier: &str) -> Option<(String, Vec<String>)> {
    match resolution {
        Resolution::Npm { package, .. } => Some((package.clone(), vec![package.clone(), specifier.to_string()])),
        Resolution::Builtin { name } => {
            let module = name.split('/').next().unwrap_or(name);
            Some((
                specifier.to_string(),
                vec![module.to_string(), format!("node:{module}"), name.clone(), format!("node:{name}")],
            ))
        }
        _ => None,
    }
}

impl External {
    pub fn new(options: &ExternalOptions) -> Result<Self, OptionsError> {
        let rules = options
            .rules
            .iter()
            .enumerate()
            .map(|(index, rule)| {
                Ok(CompiledRule {
                    from: compile_list(&rule.from).map_err(|r| {
                        (
                            vec![
                                PathSegment::Key("rules".into()),
                                PathSegment::Index(index),
                                PathSegment::Key("from".into()),
                            ],
                            r,
                        )
                    })?,
                    allow: patterns(rule.allow.as_ref(), index, "allow")?,
                    disallow: patterns(rule.disallow.as_ref(), index, "disallow")?,
                    message: rule.message.clone(),
                })
            })
            .collect::<Result<_, OptionsError>>()?;
        Ok(Self { default: options.default.unwrap_or(Policy::Allow), rules })
    }

    pub fn check(&self, from: &Subject<'_>, edge: &Edge<'_>, _projects: &ProjectGraph) -> Option<Finding> {
        let (package, candidates) = names(edge.resolution, &edge.import.specifier)?;
        let hits = |globs: &[Glob]| globs.iter().any(|glob| candidates.iter().any(|name| glob.is_match(name)));
        let f: FileFacts<'_> = from.facts;
        let none = FileFacts { element: None, project: None };
        let (verdict, deciding) = decide(
            self.default,
            &self.rules,
            |rule| any_matches(&rule.from, f, f, none),
            |rule, side| hits(if side == Policy::Allow { &rule.allow } else { &rule.disallow }),
        );
        if verdict == Policy::Allow {
            return None;
        }
        let finding = Finding::new("banned", edge.import.span)
            .with("from", describe(from))
            .with("package", package)
            .with("specifier", edge.import.specifier.clone());
        Some(finding.customised(deciding.and_then(|rule| rule.message.as_deref()), []))
    }
}

impl super::Rule for External {
    type Options = ExternalOptions;
    const META: RuleMeta = META;

    fn new(options: &ExternalOptions) -> Result<Self, OptionsError> {
        Self::new(options)
    }

    fn check_import(&self, from: &Subject<'_>, edge: &Edge<'_>, projects: &ProjectGraph, out: &mut Vec<Finding>) {
        out.extend(self.check(from, edge, projects));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, layered_workspace};

    #[test]
    fn pass_and_fail_table() {
        let policy = r#"{
          "elements": [{ "type": "domain", "pattern": "libs/{scope}/domain/**" }, { "type": "application", "pattern": "libs/{scope}/application/**" }],
          "rules": { "external": ["error", { "rules": [
            { "from": "domain", "disallow": ["@nestjs/*", "typeorm", "node:*", "rxjs/operators"] },
            { "from": "domain", "allow": ["node:path"] },
            { "from": "application", "disallow": ["lodash"], "message": "{{from}} uses lodash-es" }
          ] }] }
        }"#;
        let cases: &[(&str, &str, &[&str])] = &[
            ("libs/orders/domain/d.ts", "@nestjs/common", &["external/banned"]),
            ("libs/orders/domain/d.ts", "@nestjs/common/decorators", &["external/banned"]),
            ("libs/orders/domain/d.ts", "typeorm", &["external/banned"]),
            ("libs/orders/domain/d.ts", "fs", &["external/banned"]),
            ("libs/orders/domain/d.ts", "node:fs/promises", &["external/banned"]),
            ("libs/orders/domain/d.ts", "path", &[]),
            ("libs/orders/domain/d.ts", "rxjs", &[]),
            ("libs/orders/domain/d.ts", "rxjs/operators", &["external/banned"]),
            ("libs/orders/application/a.ts", "lodash/fp", &["external/custom"]),
            ("libs/orders/application/a.ts", "@nestjs/common", &[]),
        ];
        for (file, specifier, expected) in cases {
            let found = check(layered_workspace(policy), file, &format!("import x from '{specifier}';"));
            assert_eq!(&found, expected, "{file} importing {specifier}");
        }
    }
}
