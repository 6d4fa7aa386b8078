//! Palisade over the native file system: `NativeHost` (the `Host` trait on `std::fs`) and the
//! conformance report format shared with the JavaScript test runner.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use palisade_core::{Diagnostic, DirEntry, EntryKind, Host, Workspace, locate_workspace};

pub mod properties;
pub mod typescript;

/// The host trait over `std::fs`.
#[derive(Debug, Default, Clone, Copy)]
pub struct NativeHost;

impl Host for NativeHost {
    fn read_to_string(&self, path: &Path) -> io::Result<String> {
        std::fs::read_to_string(path)
    }

    fn kind(&self, path: &Path) -> Option<EntryKind> {
        let metadata = std::fs::metadata(path).ok()?;
        if metadata.is_dir() {
            Some(EntryKind::Dir)
        } else if metadata.is_file() {
            Some(EntryKind::File)
        } else {
            None
        }
    }

    fn is_symlink(&self, path: &Path) -> bool {
        std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    }

    fn read_dir(&self, path: &Path) -> io::Result<Vec<DirEntry>> {
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(path)? {
            let entry = entry?;
            let Ok(file_type) = entry.file_type() else { continue };
            let is_symlink = file_type.is_symlink();
            // The listing knows the type; only a link needs a `stat` for its target's.
            let kind = if is_symlink {
                match self.kind(&entry.path()) {
                    Some(kind) => kind,
                    None => continue,
                }
            } else if file_type.is_dir() {
                EntryKind::Dir
            } else if file_type.is_file() {
                EntryKind::File
            } else {
                // A FIFO, socket or device: reading one would block or never end.
                continue;
            };
            entries.push(DirEntry { name: entry.file_name().to_string_lossy().into_owned(), kind, is_symlink });
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(entries)
    }

    fn read_link(&self, path: &Path) -> io::Result<PathBuf> {
        let target = std::fs::read_link(path)?;
        Ok(if target.has_root() { target } else { path.parent().unwrap_or(path).join(target) })
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        std::fs::canonicalize(path)
    }
}

/// Renders diagnostics in the conformance `expected.txt` format: one block per diagnostic with
/// 1-based line and columns (end column as `ESLint` reports it), or `none`.
pub fn conformance_report(diagnostics: &[Diagnostic]) -> String {
    if diagnostics.is_empty() {
        return "none\n".to_string();
    }
    let mut blocks: Vec<(String, usize, usize, &str, String)> = Vec::new();
    for diagnostic in diagnostics {
        let (start, end) = (diagnostic.start, diagnostic.end);
        let block = format!(
            "{}:{}:{}-{}:{} {} {}/{}\n  message: {}\n  help: {}\n",
            diagnostic.file,
            start.line,
            start.column + 1,
            end.line,
            end.column + 1,
            diagnostic.severity.as_str(),
            diagnostic.rule,
            diagnostic.message_id,
            diagnostic.message,
            diagnostic.help
        );
        blocks.push((diagnostic.file.clone(), start.line, start.column, diagnostic.rule, block));
    }
    blocks.sort_by(|a, b| (&a.0, a.1, a.2, a.3).cmp(&(&b.0, b.1, b.2, b.3)));
    blocks.into_iter().map(|(.., block)| block).collect()
}

/// Checks the workspace folder `dir` (its own `palisade.json`, or zero-config) and renders the
/// conformance report, or the config error.
pub fn run_scenario(dir: &Path) -> String {
    let (root, config) = scenario_location(dir);
    match Workspace::open(Arc::new(NativeHost), &root, config.as_deref()) {
        Ok(workspace) => conformance_report(&workspace.check_all().diagnostics),
        Err(err) => format!("config error: {err}\n"),
    }
}

/// The root and config of the scenario folder `dir`.
fn scenario_location(dir: &Path) -> (PathBuf, Option<PathBuf>) {
    let located = locate_workspace(&NativeHost, &dir.join("package.json"));
    let config = dir.join("palisade.json");
    let config = config.is_file().then_some(config);
    // A scenario is its own workspace, whatever lies above it.
    let root = if located.root.starts_with(dir) { located.root } else { dir.to_path_buf() };
    (root, config)
}

/// For each project of a scenario (and the folder of its first source file outside any project),
/// the diagnostics of a scoped check (`Workspace::check_scope`) and those of the whole check
/// filtered to the same folder, as `(scope, scoped report, filtered report)`.
pub fn run_scenario_scoped(dir: &Path) -> Vec<(String, String, String)> {
    let (root, config) = scenario_location(dir);
    let Ok(workspace) = Workspace::open(Arc::new(NativeHost), &root, config.as_deref()) else { return Vec::new() };
    let whole = workspace.check_all().diagnostics;
    let mut scopes: Vec<String> = workspace.projects().iter().map(|project| project.root.clone()).collect();
    let loose = workspace.source_files().iter().find(|file| workspace.projects().owner_of(file).is_none());
    scopes.extend(loose.map(|file| file.rsplit_once('/').map_or("", |(dir, _)| dir).to_string()));
    scopes
        .into_iter()
        .map(|scope| {
            let under =
                |file: &str| scope.is_empty() || file.strip_prefix(&scope).is_some_and(|rest| rest.starts_with('/'));
            let filtered: Vec<_> = whole.iter().filter(|diagnostic| under(&diagnostic.file)).cloned().collect();
            let narrowed = workspace.check_scope(std::slice::from_ref(&scope)).diagnostics;
            (scope, conformance_report(&narrowed), conformance_report(&filtered))
        })
        .collect()
}

/// The per-file part of a scenario (every rule but the whole-graph ones), two ways: checked in
/// the workspace opened from disk, and in the same workspace opened from its snapshot (through
/// JSON, then as the snapshot file the SWC plugin reads), each followed by the source files that
/// workspace finds.
/// The two reports must be equal.
pub fn run_scenario_per_file(dir: &Path) -> (String, String) {
    let (root, config) = scenario_location(dir);
    let workspace = match Workspace::open(Arc::new(NativeHost), &root, config.as_deref()) {
        Ok(workspace) => workspace,
        Err(err) => return (format!("config error: {err}\n"), String::new()),
    };
    let json = serde_json::to_string(&workspace.snapshot()).unwrap_or_default();
    let replayed = palisade_core::snapshot::parse_snapshot(&json)
        .and_then(|snapshot| Workspace::from_snapshot_file(snapshot.to_file_bytes(), Path::new("/")));
    let replayed = match replayed {
        Ok(replayed) => replayed,
        Err(err) => return (String::new(), format!("snapshot error: {err}\n")),
    };
    let (mut direct, mut through_snapshot) = (Vec::new(), Vec::new());
    for file in workspace.source_files() {
        let path = workspace.root().join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        direct.extend(workspace.check_file(&path, &text));
        through_snapshot.extend(replayed.check_file(&replayed.root().join(file), &text));
    }
    // The snapshot's own walk, run on demand, finds the same files.
    let listed = |files: &[String]| files.iter().map(|file| ["source ", file, "\n"].concat()).collect::<String>();
    (
        conformance_report(&direct) + &listed(workspace.source_files()),
        conformance_report(&through_snapshot) + &listed(replayed.source_files()),
    )
}
