//! `external`: which npm packages and Node built-ins each part of the code may use.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::{Edge, KindSelector, OptionsError, Policy, Subject, compile_globs, decide, describe, quoted_list};
use crate::jsonc::PathSegment;
use crate::diagnostic::{RuleKind, Finding, MessageTemplate, RuleMeta};
use crate::pattern::{Flavor, Glob, any_match};
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
        MessageTemplate {
            id: "bannedNames",
            message: "`{{from}}` may not import {{names}} from `{{package}}`",
            help: "move this code to an element allowed to use them, import something else from `{{package}}`, or change the `external` policy",
        },
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
  { "from": { "tag": "type:ui" }, "disallow": ["node:*"], "message": "UI code runs in the browser" },
  { "from": "domain", "disallow": [{ "package": "react", "specifiers": ["useEffect", "useLayout*"] }] },
  { "from": "domain", "kind": "value", "disallow": ["@prisma/client"] }
] }]
```
The last rule lets the domain import Prisma's types (`import type { User } from '@prisma/client'`)
but not its client.

## Options
- `default` (`"allow"` | `"disallow"`, default `"allow"`).
- `rules`: list of `{ from, allow?, disallow?, kind?, message? }`; `from` is a selector, `allow`
  and `disallow` are package patterns. A pattern matching the package name (`@nestjs/*`, `lodash`)
  covers all its subpaths; one matching the whole specifier (`rxjs/operators`, `lodash/fp/*`)
  covers just that. Built-ins match as `fs` and as `node:fs`; `node:*` is every built-in. An entry
  `{ "package": pattern, "specifiers"?: [name globs], "path"?: glob | null }` narrows the
  pattern: with `specifiers`, to imports of the package that import one of those names by name
  (`import { useEffect } from 'react'`, `export { useEffect } from 'react'`; a default or
  namespace import names none); with `path`, to imports of that path inside the package (`fp/*`
  matches `lodash/fp/map`), or with `null` to the package imported by its name alone (`lodash`,
  not `lodash/map`). `kind`
  (`"value"`, `"type"`, `"typeof"`, or a list) limits the rule to those imports: `type` is a
  declaration marked `type` (`import type`, `export type … from`), `typeof` is
  `typeof import('m')`, `value` is every other (`import { type A }` included: under
  `verbatimModuleSyntax` its module still loads). The last matching rule decides.
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
    pub allow: Option<Vec<PackagePattern>>,
    /// Package patterns this rule disallows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disallow: Option<Vec<PackagePattern>>,
    /// The import kinds this rule is about (`"value"`, `"type"`, `"typeof"`); every import when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<KindSelector>,
    /// A message to show instead of the default when this rule disallows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// A package pattern (`"lodash"`, `"@nestjs/*"`, `"rxjs/operators"`), or one with the names it
/// is about.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum PackagePattern {
    Package(String),
    Names(PackageNames),
}

/// A package pattern with the names imported from it, or the part of it imported.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackageNames {
    /// A package pattern, as a plain entry.
    pub package: String,
    /// Globs of names (`"useEffect"`, `"use*"`): the entry matches an import of the package that
    /// imports one of them by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specifiers: Option<Vec<String>>,
    /// A glob of the import's path inside the package (`fp/*` of `lodash/fp/map`); `null`: the
    /// package imported by its name alone (`lodash`, not `lodash/map`).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "given")]
    pub path: Option<Option<String>>,
}

/// A key that is present: `Some` of its value, `null` included (an absent key is `None`).
fn given<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

impl<'de> Deserialize<'de> for PackagePattern {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PatternVisitor;
        impl<'de> Visitor<'de> for PatternVisitor {
            type Value = PackagePattern;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a package pattern, or `{ \"package\": pattern, \"specifiers\": [names] }`")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<PackagePattern, E> {
                Ok(PackagePattern::Package(value.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PackagePattern, A::Error> {
                PackageNames::deserialize(de::value::MapAccessDeserializer::new(map)).map(PackagePattern::Names)
            }
        }
        deserializer.deserialize_any(PatternVisitor)
    }
}

/// A compiled package pattern.
struct CompiledPattern {
    package: Glob,
    /// `None`: any import of the package.
    names: Option<Vec<Glob>>,
    path: PathFilter,
}

/// Which imports of a package a pattern is about, by their path inside it.
enum PathFilter {
    Any,
    /// The package imported by its name alone.
    Bare,
    Inside(Glob),
}

/// What a pattern is matched against: the names the package answers to, the import's path inside
/// it (`None` for the bare package) and the names it imports by name.
struct PackageImport<'a> {
    candidates: Vec<String>,
    path: Option<&'a str>,
    names: &'a [String],
}

impl CompiledPattern {
    fn matches(&self, import: &PackageImport<'_>) -> bool {
        import.candidates.iter().any(|candidate| self.package.is_match(candidate))
            && self.names.as_ref().is_none_or(|globs| import.names.iter().any(|name| any_match(globs, name)))
            && match (&self.path, import.path) {
                (PathFilter::Any, _) | (PathFilter::Bare, None) => true,
                (PathFilter::Inside(glob), Some(inside)) => glob.is_match(inside),
                _ => false,
            }
    }
}

struct CompiledRule {
    from: Vec<Selector>,
    allow: Vec<CompiledPattern>,
    disallow: Vec<CompiledPattern>,
    kind: Option<KindSelector>,
    message: Option<String>,
}

pub struct External {
    default: Policy,
    rules: Vec<CompiledRule>,
}

fn patterns(list: Option<&Vec<PackagePattern>>, index: usize, key: &str) -> Result<Vec<CompiledPattern>, OptionsError> {
    let mut at = vec![PathSegment::Key("rules".into()), PathSegment::Index(index), PathSegment::Key(key.into())];
    let mut compiled = Vec::new();
    for (position, pattern) in list.into_iter().flatten().enumerate() {
        at.push(PathSegment::Index(position));
        let (package, entry) = match pattern {
            PackagePattern::Package(package) => (package, None),
            PackagePattern::Names(entry) => (&entry.package, Some(entry)),
        };
        let below = |key: &str| {
            let mut below = at.clone();
            if entry.is_some() {
                below.push(PathSegment::Key(key.into()));
            }
            below
        };
        let package = Glob::new(package, Flavor::Text).map_err(|reason| (below("package"), reason))?;
        let names = match entry.and_then(|entry| entry.specifiers.as_ref()) {
            None => None,
            Some(names) => Some(compile_globs(names, &below("specifiers"), Flavor::Text)?),
        };
        let path = match entry.and_then(|entry| entry.path.as_ref()) {
            None => PathFilter::Any,
            Some(None) => PathFilter::Bare,
            Some(Some(glob)) => PathFilter::Inside(Glob::new(glob, Flavor::Path).map_err(|reason| (below("path"), reason))?),
        };
        compiled.push(CompiledPattern { package, names, path });
        at.pop();
    }
    Ok(compiled)
}

/// The package a dependency imports as messages name it, and what patterns match: the names it
/// answers to (its package name and its whole specifier), and its path inside the package.
fn package_import<'a>(resolution: &'a Resolution, specifier: &'a str, names: &'a [String]) -> Option<(String, PackageImport<'a>)> {
    let inside = |package: &str, whole: &'a str| whole.strip_prefix(package).and_then(|rest| rest.strip_prefix('/'));
    match resolution {
        Resolution::Npm { package, .. } => Some((
            package.clone(),
            PackageImport {
                candidates: vec![package.clone(), specifier.to_string()],
                path: inside(package, specifier),
                names,
            },
        )),
        Resolution::Builtin { name } => {
            let module = name.split('/').next().unwrap_or(name);
            Some((
                specifier.to_string(),
                PackageImport {
                    candidates: vec![module.to_string(), format!("node:{module}"), name.clone(), format!("node:{name}")],
                    path: inside(module, name),
                    names,
                },
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
                    kind: rule.kind.clone(),
                    message: rule.message.clone(),
                })
            })
            .collect::<Result<_, OptionsError>>()?;
        Ok(Self { default: options.default.unwrap_or(Policy::Allow), rules })
    }

    pub fn check(&self, from: &Subject<'_>, edge: &Edge<'_>, _projects: &ProjectGraph) -> Option<Finding> {
        let names = &edge.import.names;
        let (package, import) = package_import(edge.resolution, &edge.import.specifier, names)?;
        let hits = |patterns: &[CompiledPattern]| patterns.iter().any(|pattern| pattern.matches(&import));
        let f: FileFacts<'_> = from.facts;
        let none = FileFacts { file: None, element: None, project: None };
        let (verdict, deciding) = decide(
            self.default,
            &self.rules,
            |rule| KindSelector::selects(rule.kind.as_ref(), edge.import) && any_matches(&rule.from, f, f, none),
            |rule, side| hits(if side == Policy::Allow { &rule.allow } else { &rule.disallow }),
        );
        if verdict == Policy::Allow {
            return None;
        }
        let banning = deciding.and_then(|rule| rule.disallow.iter().find(|pattern| pattern.matches(&import)));
        // Banned by names: the names of the import the deciding entry bans.
        let banned_names: Vec<&String> = banning
            .and_then(|pattern| pattern.names.as_ref())
            .map(|globs| names.iter().filter(|name| any_match(globs, name)).collect())
            .unwrap_or_default();
        // A pattern of a subpath (`lodash/fp/*`) bans the import, not the package: name it.
        let package = match banning {
            Some(pattern) if !pattern.package.is_match(&package) || !matches!(pattern.path, PathFilter::Any) => {
                edge.import.specifier.clone()
            }
            _ => package,
        };
        let finding = if banned_names.is_empty() {
            Finding::new("banned", edge.import.span)
        } else {
            Finding::new("bannedNames", edge.import.span).with("names", quoted_list(&banned_names))
        };
        let finding = finding
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
    fn names_kinds_and_subpaths() {
        let policy = r#"{
          "elements": [{ "type": "domain", "pattern": "libs/{scope}/domain/**" }],
          "rules": { "external": ["error", { "rules": [
            { "from": "domain", "disallow": [{ "package": "react", "specifiers": ["useEffect", "useLayout*"] }, "lodash/fp", "lodash/fp/*"] },
            { "from": "domain", "kind": "value", "disallow": ["@prisma/client"] }
          ] }] }
        }"#;
        let file = "libs/orders/domain/d.ts";
        let cases: &[(&str, &[&str])] = &[
            ("import { useEffect } from 'react';", &["external/bannedNames"]),
            ("import { useState, useLayoutEffect as l } from 'react';", &["external/bannedNames"]),
            ("export { useEffect } from 'react';", &["external/bannedNames"]),
            ("import { useState } from 'react';", &[]),
            ("import React from 'react';", &[]),
            ("import * as React from 'react';", &[]),
            ("import { map } from 'lodash';", &[]),
            ("import { map } from 'lodash/fp';", &["external/banned"]),
            ("import map from 'lodash/fp/map';", &["external/banned"]),
            ("import type { User } from '@prisma/client';", &[]),
            ("import { PrismaClient } from '@prisma/client';", &["external/banned"]),
        ];
        for (text, expected) in cases {
            assert_eq!(&check(layered_workspace(policy), file, text), expected, "{text}");
        }
        let workspace = crate::Workspace::open(
            std::sync::Arc::new(layered_workspace(policy)),
            std::path::Path::new("/w"),
            Some(std::path::Path::new("/w/palisade.json")),
        )
        .unwrap_or_else(|err| panic!("{err}"));
        let found = workspace.check_file(
            std::path::Path::new("/w/libs/orders/domain/d.ts"),
            "import { useState, useEffect, useLayoutEffect } from 'react';",
        );
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["`domain(scope=orders)` may not import `useEffect`, `useLayoutEffect` from `react`"]);
    }

    #[test]
    fn paths_inside_a_package() {
        let policy = r#"{
          "elements": [{ "type": "domain", "pattern": "libs/{scope}/domain/**" }],
          "rules": { "external": ["error", { "default": "disallow", "rules": [
            { "from": "domain", "allow": [{ "package": "lodash", "path": null }, { "package": "date-fns", "path": "locale/*" }, { "package": "fs", "path": "promises" }] }
          ] }] }
        }"#;
        let file = "libs/orders/domain/d.ts";
        let cases: &[(&str, &[&str])] = &[
            ("import _ from 'lodash';", &[]),
            ("import map from 'lodash/map';", &["external/banned"]),
            ("import { fr } from 'date-fns/locale/fr';", &[]),
            ("import { format } from 'date-fns';", &["external/banned"]),
            ("import { readFile } from 'node:fs/promises';", &[]),
            ("import { readFileSync } from 'fs';", &["external/banned"]),
        ];
        for (text, expected) in cases {
            assert_eq!(&check(layered_workspace(policy), file, text), expected, "{text}");
        }
    }

    #[test]
    fn a_bad_names_entry_names_its_json_path() {
        let policy = r#"{ "rules": { "external": ["error", { "rules": [
            { "from": "a", "disallow": ["ok", { "package": "react", "specifiers": ["use{"] }] }
        ] }] } }"#;
        let err = crate::Workspace::open(
            std::sync::Arc::new(layered_workspace(policy)),
            std::path::Path::new("/w"),
            Some(std::path::Path::new("/w/palisade.json")),
        )
        .err()
        .map(|err| err.json_path)
        .unwrap_or_default();
        assert_eq!(err, "rules.external[1].rules[0].disallow[1].specifiers[0]");
        let unknown = r#"{ "rules": { "external": ["error", { "rules": [{ "from": "a", "disallow": [{ "pakage": "react" }] }] }] } }"#;
        let err = crate::Workspace::open(
            std::sync::Arc::new(layered_workspace(unknown)),
            std::path::Path::new("/w"),
            Some(std::path::Path::new("/w/palisade.json")),
        )
        .err()
        .map(|err| err.to_string())
        .unwrap_or_default();
        assert!(err.contains("did you mean `package`?"), "{err}");
    }

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
