//! Elements: parts of the code classified by path pattern, with captured values. A file may sit
//! in several (they nest); its primary element is the one with the deepest base.

use crate::config::{ConfigError, ConfigSource, ElementConfig, PathSegment};
use crate::pattern::{Flavor, Glob};

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
            let pattern = Glob::new(&config.pattern, Flavor::Element).map_err(|reason| {
                source.error_at(
                    &[
                        PathSegment::Key("elements".into()),
                        PathSegment::Index(index),
                        PathSegment::Key("pattern".into()),
                    ],
                    reason,
                )
            })?;
            types.push(ElementType { name: config.element_type.clone(), pattern });
        }
        Ok(Self { types })
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    pub fn type_names(&self) -> impl Iterator<Item = &str> {
        self.types.iter().map(|t| t.name.as_str())
    }

    /// The primary element of the workspace-relative `file`.
    pub fn classify(&self, file: &str) -> Option<ElementMatch> {
        let mut best: Option<(usize, ElementMatch)> = None;
        for element in &self.types {
            let Some(captures) = element.pattern.captures(file) else { continue };
            let depth = element.pattern.base_segments();
            if best.as_ref().is_some_and(|(best_depth, _)| *best_depth >= depth) {
                continue;
            }
            let base = file.split('/').take(depth).collect::<Vec<_>>().join("/");
            best = Some((depth, ElementMatch { element_type: element.name.clone(), captures, base }));
        }
        best.map(|(_, found)| found)
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
}
