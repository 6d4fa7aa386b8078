//! Elements: parts of the code classified by path pattern, with captured values. A file may sit
//! in several (they nest); its primary element is the one with the deepest base.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::jsonc::{ConfigError, ConfigSource, PathSegment};
use crate::pattern::{Flavor, Glob};

/// One element type: files matching `pattern` belong to it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ElementConfig {
    /// The element type, used by selectors (`"domain"`, `"feature"`).
    #[serde(rename = "type")]
    pub element_type: String,
    /// Workspace-relative glob; `{name}` captures one segment, `*` stays in a segment, `**` spans.
    /// Each folder the pattern names before its last `**` is one instance of the element
    /// (`**/components/{name}/**`: each component folder, however deep).
    pub pattern: String,
}

/// A file's place in one element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementMatch {
    pub element_type: String,
    /// Captured values in pattern order.
    pub captures: Vec<(String, String)>,
    /// The folder the element instance starts at (`libs/orders/domain`).
    pub base: String,
}

impl ElementMatch {
    pub fn capture(&self, name: &str) -> Option<&str> {
        self.captures.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    /// `file`'s path inside this element instance's folder (`src/a.ts` of
    /// `libs/orders/domain/src/a.ts`); a file element's own name.
    pub fn internal_path<'f>(&self, file: &'f str) -> &'f str {
        file.strip_prefix(self.base.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .unwrap_or_else(|| file.rsplit('/').next().unwrap_or(file))
    }

    /// `domain(scope=orders)`, or `domain` when nothing is captured.
    pub fn label(&self) -> String {
        if self.captures.is_empty() {
            return self.element_type.clone();
        }
        let captures: Vec<String> = self.captures.iter().map(|(key, value)| format!("{key}={value}")).collect();
        format!("{}({})", self.element_type, captures.join(", "))
    }

    /// The same element instance: same type and base.
    pub fn same_instance(&self, other: &Self) -> bool {
        self.element_type == other.element_type && self.base == other.base
    }
}

#[derive(Debug, Clone)]
struct ElementType {
    name: String,
    pattern: Glob,
    base: Base,
}

/// Where an element instance starts: the folder its pattern names before its last `**`.
#[derive(Debug, Clone)]
enum Base {
    /// No `**` after the first segment: each matching file is an instance of its own.
    File,
    /// The pattern is `**`: the whole workspace is one instance.
    Root,
    /// The folder is the file's first `n` segments (`libs/{scope}/domain/**`).
    Fixed(usize),
    /// The folder spans a `**` (`**/components/{name}/**`): the deepest folder of the file that
    /// `folder` matches while `below` matches the rest. The captures come from that folder.
    Search(Box<Search>),
}

#[derive(Debug, Clone)]
struct Search {
    folder: Glob,
    below: Glob,
    below_may_be_empty: bool,
}

impl Base {
    fn of(pattern: &str) -> Result<Self, String> {
        let normalized = pattern.replace('\\', "/");
        let segments: Vec<&str> = normalized.trim_start_matches("./").split('/').filter(|s| !s.is_empty()).collect();
        let Some(last_globstar) = segments.iter().rposition(|segment| *segment == "**") else {
            return Ok(Self::File);
        };
        if last_globstar == 0 {
            return Ok(if segments.len() == 1 { Self::Root } else { Self::File });
        }
        let folder = &segments[..last_globstar];
        if !folder.contains(&"**") {
            return Ok(Self::Fixed(last_globstar));
        }
        let below = segments[last_globstar..].join("/");
        Ok(Self::Search(Box::new(Search {
            folder: Glob::new(&folder.join("/"), Flavor::Element)?,
            below_may_be_empty: below == "**",
            below: Glob::new(&below, Flavor::Path)?,
        })))
    }
}

/// The configured element types, in config order.
#[derive(Debug, Clone, Default)]
pub struct Elements {
    types: Vec<ElementType>,
}

impl Elements {
    pub fn compile(configs: &[ElementConfig], source: &ConfigSource<'_>) -> Result<Self, ConfigError> {
        let mut types = Vec::with_capacity(configs.len());
        for (index, config) in configs.iter().enumerate() {
            let compiled = Glob::new(&config.pattern, Flavor::Element)
                .and_then(|pattern| Ok((pattern, Base::of(&config.pattern)?)));
            let (pattern, base) = compiled.map_err(|reason| {
                source.error_at(
                    &[
                        PathSegment::Key("elements".into()),
                        PathSegment::Index(index),
                        PathSegment::Key("pattern".into()),
                    ],
                    reason,
                )
            })?;
            types.push(ElementType { name: config.element_type.clone(), pattern, base });
        }
        Ok(Self { types })
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    pub fn type_names(&self) -> impl Iterator<Item = &str> {
        self.types.iter().map(|t| t.name.as_str())
    }

    /// The primary element of the workspace-relative `file`: the one whose instance starts
    /// deepest, the first in config order among equals.
    pub fn classify(&self, file: &str) -> Option<ElementMatch> {
        let mut best: Option<(usize, ElementMatch)> = None;
        for element in &self.types {
            let Some((captures, base)) = element.locate(file) else { continue };
            let depth = if base.is_empty() { 0 } else { base.matches('/').count() + 1 };
            if best.as_ref().is_some_and(|(best_depth, _)| *best_depth >= depth) {
                continue;
            }
            best = Some((depth, ElementMatch { element_type: element.name.clone(), captures, base: base.to_string() }));
        }
        best.map(|(_, found)| found)
    }
}

type Captures = Vec<(String, String)>;

impl ElementType {
    /// The captures and the instance folder of `file`, when it belongs to this element type.
    fn locate<'f>(&self, file: &'f str) -> Option<(Captures, &'f str)> {
        match &self.base {
            Base::File => self.pattern.captures(file).map(|captures| (captures, file)),
            Base::Root => self.pattern.captures(file).map(|captures| (captures, "")),
            Base::Fixed(segments) => {
                let captures = self.pattern.captures(file)?;
                let end = file.match_indices('/').nth(segments - 1).map_or(file.len(), |(slash, _)| slash);
                Some((captures, &file[..end]))
            }
            Base::Search(search) => {
                let Search { folder, below, below_may_be_empty } = search.as_ref();
                let whole = below_may_be_empty.then_some(file.len());
                let folders = whole.into_iter().chain(file.rmatch_indices('/').map(|(slash, _)| slash));
                folders.into_iter().find_map(|end| {
                    let rest = file.get(end + 1..).unwrap_or("");
                    if !below.is_match(rest) {
                        return None;
                    }
                    folder.captures(&file[..end]).map(|captures| (captures, &file[..end]))
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn elements(pairs: &[(&str, &str)]) -> Elements {
        let configs: Vec<ElementConfig> =
            pairs.iter().map(|(t, p)| ElementConfig { element_type: (*t).into(), pattern: (*p).into() }).collect();
        Elements::compile(&configs, &ConfigSource { file: "palisade.json", text: "{}" }).expect("valid")
    }

    #[test]
    fn deepest_base_wins_then_config_order() {
        let e = elements(&[("lib", "libs/{scope}/**"), ("domain", "libs/{scope}/domain/**"), ("other", "libs/{x}/**")]);
        let found = e.classify("libs/orders/domain/src/a.ts").expect("classified");
        assert_eq!(found.label(), "domain(scope=orders)");
        assert_eq!(found.base, "libs/orders/domain");
        assert_eq!(e.classify("libs/orders/util/a.ts").map(|m| m.label()).as_deref(), Some("lib(scope=orders)"));
        assert!(e.classify("tools/a.ts").is_none());
    }

    #[test]
    fn the_instance_is_the_folder_before_the_last_globstar() {
        let e = elements(&[
            ("component", "**/components/{name}/**/*"),
            ("module", "src/**/modules/{module}/**"),
            ("file", "**/*.config.js"),
            ("all", "**"),
        ]);
        let at = |file: &str| e.classify(file).map(|m| (m.label(), m.base));
        assert_eq!(
            at("src/modules/auth/components/login/parts/form.js"),
            Some(("component(name=login)".into(), "src/modules/auth/components/login".into()))
        );
        // The innermost `components` folder is the instance.
        assert_eq!(
            at("components/a/components/b/x.js"),
            Some(("component(name=b)".into(), "components/a/components/b".into()))
        );
        // `/**/*` needs a file below the folder: a file directly in `components` is not one.
        assert_eq!(
            at("src/x/modules/auth/index.js"),
            Some(("module(module=auth)".into(), "src/x/modules/auth".into()))
        );
        assert_eq!(at("src/components/index.js"), Some(("all".into(), String::new())));
        assert_eq!(at("app/jest.config.js"), Some(("file".into(), "app/jest.config.js".into())));
    }
}
