//! Runs every scenario of `tests/conformance/<rule>/<scenario>/` through the Rust core and
//! compares with its `expected.txt`. `UPDATE_EXPECT=1` rewrites the files (review the diff).

use std::path::{Path, PathBuf};

use palisade_native::run_scenario;

fn scenarios(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(rules) = std::fs::read_dir(root) else { return found };
    for rule in rules.flatten() {
        let Ok(entries) = std::fs::read_dir(rule.path()) else { continue };
        for scenario in entries.flatten() {
            if scenario.path().join("expected.txt").is_file() {
                found.push(scenario.path());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn conformance_corpus_matches_expected() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let all = scenarios(&corpus);
    assert!(all.len() >= 40, "expected at least 40 scenarios, found {}", all.len());
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for dir in &all {
        let actual = run_scenario(dir);
        let expected_path = dir.join("expected.txt");
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default().replace("\r\n", "\n");
        if actual != expected {
            if update {
                std::fs::write(&expected_path, &actual)
                    .unwrap_or_else(|err| panic!("{}: {err}", expected_path.display()));
            } else {
                let name = dir.strip_prefix(&corpus).unwrap_or(dir).display().to_string();
                failures.push(format!("── {name}\n--- expected\n{expected}+++ actual\n{actual}"));
            }
        }
    }
    println!("{} conformance scenarios checked", all.len());
    assert!(failures.is_empty(), "{} of {} scenarios differ:\n{}", failures.len(), all.len(), failures.join("\n"));
}

#[test]
fn a_snapshot_gives_the_same_per_file_verdicts() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/nx-nest");
    let mut failures = Vec::new();
    let all: Vec<PathBuf> = scenarios(&corpus).into_iter().chain([example]).collect();
    for dir in &all {
        let (direct, through_snapshot) = palisade_native::run_scenario_per_file(dir);
        if direct != through_snapshot {
            failures.push(format!(
                "── {}\n--- from disk\n{direct}+++ from the snapshot\n{through_snapshot}",
                dir.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} workspaces differ:\n{}", failures.len(), all.len(), failures.join("\n"));
}

#[test]
fn a_scoped_check_gives_the_whole_checks_verdicts() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/nx-nest");
    let mut failures = Vec::new();
    let mut compared = 0;
    for dir in scenarios(&corpus).into_iter().chain([example]) {
        for (scope, scoped, whole) in palisade_native::run_scenario_scoped(&dir) {
            compared += 1;
            if scoped != whole {
                failures.push(format!("── {} `{scope}`\n--- whole check\n{whole}+++ scoped\n{scoped}", dir.display()));
            }
        }
    }
    assert!(compared > 40, "only {compared} scopes compared");
    assert!(failures.is_empty(), "{} of {compared} scopes differ:\n{}", failures.len(), failures.join("\n"));
}
