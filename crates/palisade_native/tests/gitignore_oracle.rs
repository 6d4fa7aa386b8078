//! `git check-ignore` is the oracle for which paths git ignores: random trees with random
//! `.gitignore` files (nested ones, negations, anchors, wildcards, classes, escapes, trailing
//! spaces, CRLF) are asked of git and of Palisade, which must agree on every path. Seeded, so a
//! failure names the case that reproduces it; a fixed number of cases keeps it a few seconds.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use palisade_core::discovery::IgnoreRules;
use palisade_native::NativeHost;
use palisade_native::properties::Seeded;

const FOLDERS: &[&str] = &["a", "b", "gen", "out", "src", "a b", "#x", "[x]"];
const FILES: &[&str] = &["x.ts", "y.gen.ts", "keep.ts", "a", "b.js", "out", "z.tsx", "!bang.ts", "*.ts", "sp .ts"];
const PIECES: &[&str] = &[
    "a",
    "b",
    "gen",
    "out",
    "src",
    "x.ts",
    "*.ts",
    "*.gen.ts",
    "keep.ts",
    "*",
    "**",
    "?",
    "[a-c]",
    "[!x]",
    "[[:alpha:]]",
    "\\*.ts",
    "a b",
    "\\#x",
    "[x]",
    "\\[x]",
    "sp\\ .ts",
    "!bang.ts",
    "\\!bang.ts",
    "y.*",
    "*.t?",
];

fn random_pattern(rng: &mut Seeded) -> String {
    let mut pattern = String::new();
    if rng.below(4) == 0 {
        pattern.push('!');
    }
    if rng.below(4) == 0 {
        pattern.push('/');
    }
    for index in 0..=rng.below(3) {
        if index > 0 {
            pattern.push('/');
        }
        pattern.push_str(rng.pick(PIECES));
    }
    match rng.below(8) {
        0 => pattern.push('/'),
        1 => pattern.push_str("  "),
        2 => pattern.push('\r'),
        _ => {}
    }
    match rng.below(30) {
        0 => "/".to_string(),
        1 => "\\".to_string(),
        2 => "# comment".to_string(),
        3 => String::new(),
        _ => pattern,
    }
}

fn git(dir: &Path, args: &[&str], input: &str) -> String {
    let mut child = Command::new("git")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("git cannot run: {err}"));
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        stdin.write_all(input.as_bytes()).unwrap_or_else(|err| panic!("git stdin: {err}"));
    }
    let output = child.wait_with_output().unwrap_or_else(|err| panic!("git: {err}"));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn palisade_ignores_what_git_check_ignore_ignores() {
    let base = std::env::temp_dir().join(format!("palisade-gitignore-oracle-{}", std::process::id()));
    let cases = 300;
    let mut disagreements = Vec::new();
    let (mut checked, mut ignored) = (0, 0);
    for case in 0..cases {
        let mut rng = Seeded(0x5eed_0000 + case);
        let dir = base.join(format!("case-{case}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
        git(&dir, &["init", "-q", "."], "");
        let mut paths: Vec<String> = Vec::new();
        let mut folders: Vec<String> = vec![String::new()];
        for _ in 0..rng.below(6) + 2 {
            let parent = folders[rng.below(folders.len())].clone();
            let name = rng.pick(FOLDERS);
            let folder = if parent.is_empty() { name.to_string() } else { format!("{parent}/{name}") };
            if folder.split('/').count() <= 3 && !folders.contains(&folder) {
                folders.push(folder);
            }
        }
        for folder in &folders {
            for _ in 0..=rng.below(3) {
                let name = rng.pick(FILES);
                let path = if folder.is_empty() { name.to_string() } else { format!("{folder}/{name}") };
                let absolute: PathBuf = dir.join(&path);
                if absolute.is_dir() || paths.contains(&path) || folders.contains(&path) {
                    continue;
                }
                std::fs::create_dir_all(absolute.parent().unwrap_or(&dir)).unwrap_or_default();
                std::fs::write(&absolute, "").unwrap_or_else(|err| panic!("{}: {err}", absolute.display()));
                paths.push(path);
            }
            if rng.below(2) == 0 || folder.is_empty() {
                let lines: Vec<String> = (0..=rng.below(5)).map(|_| random_pattern(&mut rng)).collect();
                let gitignore =
                    if folder.is_empty() { dir.join(".gitignore") } else { dir.join(folder).join(".gitignore") };
                std::fs::write(&gitignore, lines.join("\n") + "\n").unwrap_or_default();
            }
        }
        paths.sort();
        let ignored_by_git: Vec<String> =
            git(&dir, &["check-ignore", "--no-index", "--stdin"], &(paths.join("\n") + "\n"))
                .lines()
                .map(str::to_string)
                .collect();
        let rules = IgnoreRules::new(Arc::new(NativeHost), &dir, &[]);
        for path in &paths {
            let ours = rules.is_ignored(path);
            let theirs = ignored_by_git.contains(path);
            checked += 1;
            ignored += usize::from(theirs);
            if ours != theirs {
                let gitignores: Vec<String> = folders
                    .iter()
                    .filter_map(|folder| {
                        let file = dir.join(folder).join(".gitignore");
                        std::fs::read_to_string(&file).ok().map(|text| format!("{folder}/.gitignore: {text:?}"))
                    })
                    .collect();
                disagreements.push(format!(
                    "case {case}: `{path}`: git {theirs}, palisade {ours}\n  {}",
                    gitignores.join("\n  ")
                ));
            }
        }
        if disagreements.is_empty() {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    if disagreements.is_empty() {
        let _ = std::fs::remove_dir_all(&base);
    }
    // The cases must exercise both answers, or agreement means nothing.
    assert!(ignored > checked / 5 && ignored < checked * 4 / 5, "{ignored} of {checked} paths ignored");
    assert!(disagreements.is_empty(), "{} disagreements:\n{}", disagreements.len(), disagreements.join("\n"));
}
