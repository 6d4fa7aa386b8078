//! `tags`: Nx-style project constraints (`@nx/enforce-module-boundaries` `depConstraints`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Edge, OptionsError, Subject, compile_globs, quoted_list};
use crate::jsonc::PathSegment;
use crate::diagnostic::{RuleKind, Finding, MessageTemplate, RuleMeta};
use crate::pattern::{Flavor, Glob};
use crate::project::ProjectGraph;

pub const META: RuleMeta = RuleMeta {
    id: "tags",
    description: "Nx-style tag constraints between projects",
    kind: RuleKind::PerImport,
    recommended: false,
    messages: &[
        MessageTemplate {
            id: "noMatchingConstraint",
            message: "`{{source}}` has no tag matched by a constraint, so it may not depend on `{{target}}`",
            help: "add a constraint for `{{source}}`'s tags, or tag it",
        },
        MessageTemplate {
            id: "onlyDependOn",
            message: "`{{source}}` (tagged `{{sourceTag}}`) may only depend on projects tagged {{allowedTags}}, and `{{target}}` is tagged {{targetTags}}",
            help: "depend on a project tagged {{allowedTags}} instead",
        },
        MessageTemplate {
            id: "notDependOn",
            message: "`{{source}}` (tagged `{{sourceTag}}`) may not depend on projects tagged {{bannedTags}}, and `{{target}}` is tagged {{targetTags}}",
            help: "remove this dependency on `{{target}}`",
        },
    ],
    docs: r#"## What it does
Checks every import from one project into another against tag constraints, with the semantics of
`@nx/enforce-module-boundaries` `depConstraints`. Tags come from `project.json` `tags` and
`package.json` `nx.tags`; no Nx project graph cache is needed.

## Why is this bad?
Tags encode who may use what (`scope:orders` only uses `scope:orders` and `scope:shared`;
`type:ui` never uses `type:data-access`). A dependency across those lines erodes the boundaries.

## Examples
```jsonc
"tags": ["error", { "depConstraints": [
  { "sourceTag": "scope:orders", "onlyDependOnLibsWithTags": ["scope:orders", "scope:shared"] },
  { "sourceTag": "type:domain", "notDependOnLibsWithTags": ["type:infrastructure"] },
  { "sourceTag": "*", "onlyDependOnLibsWithTags": ["*"] }
] }]
```

## Options
- `depConstraints`: list of `{ sourceTag | allSourceTags, onlyDependOnLibsWithTags?, notDependOnLibsWithTags? }`.
  Tag patterns are exact, globs with `*`, or `/regex/` (the `regex-lite` syntax: no `\p{…}` Unicode
  classes, and `\w`, `\d` are ASCII); `*` alone matches every project.
  A project that no constraint matches may not depend on other projects (as in Nx).
- `allow`: import specifier globs that are never checked.
"#,
};

/// Options of `tags`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TagsOptions {
    /// Import specifier globs that are never checked.
    #[serde(default)]
    pub allow: Vec<String>,
    /// The constraints, as in `@nx/enforce-module-boundaries`.
    #[serde(default)]
    pub dep_constraints: Vec<TagConstraint>,
}

/// One Nx dependency constraint.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TagConstraint {
    /// Applies to projects with a tag matching this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_tag: Option<String>,
    /// Applies to projects with tags matching all of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_source_tags: Option<Vec<String>>,
    /// The dependency must have a tag matching one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_depend_on_libs_with_tags: Option<Vec<String>>,
    /// The dependency must have no tag matching any of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_depend_on_libs_with_tags: Option<Vec<String>>,
}

/// A tag pattern; `*` alone matches every project, tagged or not.
pub(super) struct TagPattern {
    pub(super) source: String,
    glob: Option<Glob>,
}

impl TagPattern {
    fn new(pattern: &str) -> Result<Self, String> {
        let glob = if pattern == "*" { None } else { Some(Glob::new(pattern, Flavor::Text)?) };
        Ok(Self { source: pattern.to_string(), glob })
    }

    pub(super) fn matches_any(&self, tags: &[String]) -> bool {
        self.glob.as_ref().is_none_or(|glob| tags.iter().any(|tag| glob.is_match(tag)))
    }
}

/// Which projects a constraint applies to: those with a tag matching `sourceTag`, or with tags
/// matching every one of `allSourceTags`.
pub(super) struct SourceTags {
    patterns: Vec<TagPattern>,
    all: bool,
}

impl SourceTags {
    /// From a constraint at `depConstraints[index]`, which needs exactly one of the two keys.
    pub(super) fn new(
        source_tag: Option<&String>,
        all_source_tags: Option<&Vec<String>>,
        index: usize,
    ) -> Result<Self, OptionsError> {
        match (source_tag, all_source_tags) {
            (Some(tag), None) => {
                Ok(Self { patterns: patterns(std::slice::from_ref(tag), index, "sourceTag")?, all: false })
            }
            (None, Some(tags)) if !tags.is_empty() => {
                Ok(Self { patterns: patterns(tags, index, "allSourceTags")?, all: true })
            }
            _ => Err((
                vec![PathSegment::Key("depConstraints".into()), PathSegment::Index(index)],
                "a constraint needs exactly one of `sourceTag` or a non-empty `allSourceTags`".into(),
            )),
        }
    }

    pub(super) fn applies_to(&self, tags: &[String]) -> bool {
        if self.all {
            self.patterns.iter().all(|p| p.matches_any(tags))
        } else {
            self.patterns.iter().any(|p| p.matches_any(tags))
        }
    }

    /// As Nx names the source in messages: `scope:a`, or `scope:a" and "type:b` for a combination.
    pub(super) fn label(&self, separator: &str) -> String {
        self.patterns.iter().map(|p| p.source.as_str()).collect::<Vec<_>>().join(separator)
    }
}

struct Constraint {
    source: SourceTags,
    only: Vec<TagPattern>,
    not: Vec<TagPattern>,
}

pub struct Tags {
    allow: Vec<Glob>,
    constraints: Vec<Constraint>,
}

pub(super) fn patterns(list: &[String], index: usize, key: &str) -> Result<Vec<TagPattern>, OptionsError> {
    list.iter().map(|p| TagPattern::new(p)).collect::<Result<_, _>>().map_err(|reason| {
        (
            vec![PathSegment::Key("depConstraints".into()), PathSegment::Index(index), PathSegment::Key(key.into())],
            reason,
        )
    })
}

impl Tags {
    pub fn new(options: &TagsOptions) -> Result<Self, OptionsError> {
        let allow = compile_globs(&options.allow, &[PathSegment::Key("allow".into())], Flavor::Text)?;
        let mut constraints = Vec::new();
        for (index, c) in options.dep_constraints.iter().enumerate() {
            constraints.push(Constraint {
                source: SourceTags::new(c.source_tag.as_ref(), c.all_source_tags.as_ref(), index)?,
                only: patterns(
                    c.only_depend_on_libs_with_tags.as_deref().unwrap_or_default(),
                    index,
                    "onlyDependOnLibsWithTags",
                )?,
                not: patterns(
                    c.not_depend_on_libs_with_tags.as_deref().unwrap_or_default(),
                    index,
                    "notDependOnLibsWithTags",
                )?,
            });
        }
        Ok(Self { allow, constraints })
    }

    pub fn check(&self, from: &Subject<'_>, edge: &Edge<'_>, projects: &ProjectGraph) -> Option<Finding> {
        let target = edge.target?;
        let (source_index, target_index) = (from.project?, target.project?);
        if source_index == target_index || self.allow.iter().any(|glob| glob.is_match(&edge.import.specifier)) {
            return None;
        }
        let (source, dependency) = (projects.get(source_index), projects.get(target_index));
        let base = |id: &'static str| {
            Finding::new(id, edge.import.span)
                .with("source", source.name.clone())
                .with("target", dependency.name.clone())
                .with("targetTags", quoted_list(&dependency.tags))
                .with("specifier", edge.import.specifier.clone())
        };
        let mut matched = false;
        for constraint in &self.constraints {
            if !constraint.source.applies_to(&source.tags) {
                continue;
            }
            matched = true;
            let source_tag = constraint.source.label(", ");
            if !constraint.only.is_empty() && !constraint.only.iter().any(|p| p.matches_any(&dependency.tags)) {
                let allowed: Vec<&str> = constraint.only.iter().map(|p| p.source.as_str()).collect();
                return Some(
                    base("onlyDependOn").with("sourceTag", source_tag).with("allowedTags", quoted_list(&allowed)),
                );
            }
            if constraint.not.iter().any(|p| p.matches_any(&dependency.tags)) {
                let banned: Vec<&str> = constraint.not.iter().map(|p| p.source.as_str()).collect();
                return Some(
                    base("notDependOn").with("sourceTag", source_tag).with("bannedTags", quoted_list(&banned)),
                );
            }
        }
        (!matched).then(|| base("noMatchingConstraint"))
    }
}

impl super::Rule for Tags {
    type Options = TagsOptions;
    const META: RuleMeta = META;

    fn new(options: &TagsOptions) -> Result<Self, OptionsError> {
        Self::new(options)
    }

    fn check_import(&self, from: &Subject<'_>, edge: &Edge<'_>, projects: &ProjectGraph, out: &mut Vec<Finding>) {
        out.extend(self.check(from, edge, projects));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, tagged_workspace};

    #[test]
    fn pass_and_fail_table() {
        let policy = r#"{ "rules": { "tags": ["error", { "allow": ["@acme/legacy*"], "depConstraints": [
            { "sourceTag": "scope:orders", "onlyDependOnLibsWithTags": ["scope:orders", "scope:shared"] },
            { "allSourceTags": ["scope:orders", "type:domain"], "notDependOnLibsWithTags": ["/^type:(infra|api)$/"] },
            { "sourceTag": "scope:*", "onlyDependOnLibsWithTags": ["*"] }
        ] }] } }"#;
        let cases: &[(&str, &str, &[&str])] = &[
            ("libs/orders-app/src/a.ts", "@acme/shared", &[]),
            ("libs/orders-app/src/a.ts", "@acme/billing", &["tags/onlyDependOn"]),
            ("libs/orders-domain/src/a.ts", "@acme/orders-infra", &["tags/notDependOn"]),
            ("libs/billing/src/a.ts", "@acme/orders-app", &[]),
            ("libs/untagged/src/a.ts", "@acme/shared", &["tags/noMatchingConstraint"]),
            ("libs/untagged/src/a.ts", "@acme/legacy", &[]),
            ("libs/orders-app/src/a.ts", "./local", &[]),
        ];
        for (file, specifier, expected) in cases {
            let found = check(tagged_workspace(policy), file, &format!("import x from '{specifier}';"));
            assert_eq!(&found, expected, "{file} importing {specifier}");
        }
    }
}
