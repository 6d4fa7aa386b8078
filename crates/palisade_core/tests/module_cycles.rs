//! The modules of `palisade_core` (its top-level `src/` files and folders) depend on each other
//! without cycles, but for `config` and `rules` (docs/CONTRACT.md says why). A module depends on
//! another when its code (tests aside) names `crate::<other>`.
#![expect(clippy::disallowed_methods, reason = "the test reads the crate's own sources, not a workspace")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every `.rs` file under `dir`, with its path relative to `src`.
fn sources(dir: &Path, src: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, src, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let relative = path.strip_prefix(src).map(|p| p.to_string_lossy().replace('\\', "/")).unwrap_or_default();
            out.push((relative, std::fs::read_to_string(&path).unwrap_or_default()));
        }
    }
}

/// The code of a file without its `#[cfg(test)]` module (test files are skipped by the caller).
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests").map_or(text, |at| &text[..at])
}

/// The modules `code` names: `crate::x` and `use crate::{x, y::…}`.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |text: &str| text.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect::<String>();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group, up to its closing brace: `x`, `y::…` (nested groups
            // hold no top-level names).
            let mut depth = 0;
            let mut start = true;
            for (index, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && depth == 0 && !c.is_whitespace() => {
                        found.insert(ident(&group[index..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident(rest));
        }
    }
    found.retain(|name| !name.is_empty());
    found
}

/// Strongly connected components with more than one module.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    // Two modules are in one cycle when each reaches the other.
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(node) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&String, BTreeSet<String>> = graph.keys().map(|node| (node, reach(node))).collect();
    let mut components: Vec<BTreeSet<String>> = Vec::new();
    for node in graph.keys() {
        let component: BTreeSet<String> = graph
            .keys()
            .filter(|other| reached[node].contains(*other) && reached[other].contains(node))
            .cloned()
            .collect();
        if component.len() > 1 && !components.contains(&component) {
            components.push(component);
        }
    }
    components
}

#[test]
fn no_module_cycle_but_config_and_rules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, text) in &files {
        let module = file.split('/').next().unwrap_or_default().trim_end_matches(".rs").to_string();
        if module == "lib" || module == "testing" || file.ends_with("/tests.rs") {
            continue;
        }
        let mut named = named_modules(without_tests(text));
        named.remove(&module);
        graph.entry(module).or_default().extend(named);
    }
    assert!(graph.len() > 15, "modules found: {:?}", graph.keys().collect::<Vec<_>>());
    let expected: Vec<BTreeSet<String>> = vec![["config", "rules"].iter().map(ToString::to_string).collect()];
    assert_eq!(cycles(&graph), expected, "module dependencies: {graph:#?}");
}

#[test]
fn names_are_read_from_paths_and_groups() {
    let code = "use crate::a::B;\nuse crate::{c, d::{E, f}, g::H};\nlet x = crate::i::j();";
    let expected: BTreeSet<String> = ["a", "c", "d", "g", "i"].iter().map(ToString::to_string).collect();
    assert_eq!(named_modules(code), expected);
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["a".to_string(), "c".to_string()]));
    graph.insert("c".to_string(), BTreeSet::new());
    assert_eq!(cycles(&graph), vec![BTreeSet::from(["a".to_string(), "b".to_string()])]);
}
