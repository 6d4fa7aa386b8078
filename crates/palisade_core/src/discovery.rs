//! One walk over the workspace: its source files (minus `node_modules`, build output,
//! `.gitignore`d and configured paths) and its projects.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use crate::gitignore::{GitIgnoreFile, Verdict};
use crate::host::{EntryKind, Host};
use crate::imports::is_source_path;
use crate::pattern::{Flavor, Glob};
use crate::project::{Project, ProjectKind};

/// Directories never searched: dependencies, VCS data and build output.
pub const SKIPPED_DIRS: &[&str] = &[
    "node_modules",
    ".git",
    ".hg",
    ".svn",
    "dist",
    "build",
    "coverage",
    ".nx",
    ".next",
    ".angular",
    ".swc",
    "out-tsc",
    ".turbo",
    ".cache",
];

/// Whether the workspace-relative `path` lies in one of `SKIPPED_DIRS`.
pub fn in_skipped_dir(path: &str) -> bool {
    path.split('/').any(|segment| SKIPPED_DIRS.contains(&segment))
}

/// Deeper trees than this are cut off (a guard against link loops the host does not report).
const MAX_DEPTH: usize = 64;

/// Which workspace-relative paths to leave out: the config's `ignore` globs, and what git
/// ignores (every `.gitignore` from the root down, and `.git/info/exclude`), by git's rules.
pub struct IgnoreRules {
    globs: Vec<Glob>,
    host: Arc<dyn Host>,
    root: PathBuf,
    /// `.git/info/exclude` of a root that holds the repository.
    exclude: GitIgnoreFile,
    /// Each folder's `.gitignore`, read on first use (`None`: there is none).
    files: Mutex<FxHashMap<String, Option<Arc<GitIgnoreFile>>>>,
    /// Whether each folder asked about is ignored, itself or through a folder above it.
    folders: Mutex<FxHashMap<String, bool>>,
}

impl IgnoreRules {
    /// For the workspace at `root`, with the config's `ignore` globs.
    pub fn new(host: Arc<dyn Host>, root: &Path, configured: &[Glob]) -> Self {
        let exclude = host
            .read_to_string(&root.join(".git/info/exclude"))
            .map(|text| GitIgnoreFile::parse(&text))
            .unwrap_or_default();
        Self {
            globs: configured.to_vec(),
            host,
            root: root.to_path_buf(),
            exclude,
            files: Mutex::default(),
            folders: Mutex::default(),
        }
    }

    /// Whether the workspace-relative file `relative` is left out.
    pub fn is_ignored(&self, relative: &str) -> bool {
        self.is_ignored_entry(relative, false)
    }

    /// Whether the workspace-relative file or folder `relative` is left out: it, or a folder
    /// above it, matches an `ignore` glob or is ignored by git (a `!` pattern cannot bring back a
    /// path below an ignored folder, as in git).
    pub fn is_ignored_entry(&self, relative: &str, is_dir: bool) -> bool {
        let parent = relative.rsplit_once('/').map(|(parent, _)| parent);
        if parent.is_some_and(|parent| self.is_ignored_folder(parent)) {
            return true;
        }
        if is_dir {
            return self.is_ignored_folder(relative);
        }
        self.globs.iter().any(|glob| glob.is_match(relative))
            || self.git_verdict(relative, false) == Some(Verdict::Ignored)
    }

    /// The outermost ignored folder that holds the workspace-relative `path`, if any.
    pub fn ignored_folder(&self, path: &str) -> Option<String> {
        let mut end = 0;
        while let Some(slash) = path[end..].find('/') {
            end += slash;
            if self.is_ignored_folder(&path[..end]) {
                return Some(path[..end].to_string());
            }
            end += 1;
        }
        None
    }

    fn is_ignored_folder(&self, folder: &str) -> bool {
        if let Some(known) = self.folders.lock().ok().and_then(|folders| folders.get(folder).copied()) {
            return known;
        }
        let parent = folder.rsplit_once('/').map(|(parent, _)| parent);
        let ignored = parent.is_some_and(|parent| self.is_ignored_folder(parent))
            || self.globs.iter().any(|glob| glob.is_match(folder))
            || self.git_verdict(folder, true) == Some(Verdict::Ignored);
        if let Ok(mut folders) = self.folders.lock() {
            folders.insert(folder.to_string(), ignored);
        }
        ignored
    }

    /// What git's patterns say about `path` itself: the `.gitignore` of the nearest folder that
    /// has a matching pattern decides, then `.git/info/exclude`.
    fn git_verdict(&self, path: &str, is_dir: bool) -> Option<Verdict> {
        let mut folder = path;
        while let Some((parent, _)) = folder.rsplit_once('/') {
            folder = parent;
            if let Some(file) = self.gitignore_of(folder)
                && let Some(verdict) = file.verdict(&path[folder.len() + 1..], is_dir)
            {
                return Some(verdict);
            }
        }
        if let Some(file) = self.gitignore_of("")
            && let Some(verdict) = file.verdict(path, is_dir)
        {
            return Some(verdict);
        }
        self.exclude.verdict(path, is_dir)
    }

    fn gitignore_of(&self, folder: &str) -> Option<Arc<GitIgnoreFile>> {
        if let Some(known) = self.files.lock().ok().and_then(|files| files.get(folder).cloned()) {
            return known;
        }
        let path =
            if folder.is_empty() { self.root.join(".gitignore") } else { self.root.join(folder).join(".gitignore") };
        let file = (self.host.kind(&path) == Some(EntryKind::File))
            .then(|| self.host.read_to_string(&path).ok())
            .flatten()
            .map(|text| GitIgnoreFile::parse(&text))
            .filter(|file| !file.is_empty())
            .map(Arc::new);
        if let Ok(mut files) = self.files.lock() {
            files.insert(folder.to_string(), file.clone());
        }
        file
    }
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Workspace-relative, sorted.
    pub source_files: Vec<String>,
    pub projects: Vec<Project>,
    /// Packages the root `package.json` declares.
    pub root_dependencies: std::collections::BTreeSet<String>,
    /// Files that could not be read or understood, with why.
    pub warnings: Vec<String>,
}

/// Walks the workspace at `root` once.
pub fn discover(host: &dyn Host, root: &Path, ignore: &IgnoreRules) -> Discovered {
    let mut found = Discovered::default();
    let mut manifests: Vec<(String, bool)> = Vec::new();
    let mut stack: Vec<(String, usize)> = vec![(String::new(), 0)];
    while let Some((dir, depth)) = stack.pop() {
        let absolute = if dir.is_empty() { root.to_path_buf() } else { root.join(&dir) };
        let Ok(entries) = host.read_dir(&absolute) else {
            found.warnings.push(format!("{}: cannot be read", display_dir(&dir)));
            continue;
        };
        for entry in entries {
            let relative = if dir.is_empty() { entry.name.clone() } else { format!("{dir}/{}", entry.name) };
            match entry.kind {
                EntryKind::Dir => {
                    if SKIPPED_DIRS.contains(&entry.name.as_str())
                        || entry.is_symlink
                        || ignore.is_ignored_entry(&relative, true)
                    {
                        continue;
                    }
                    if depth + 1 >= MAX_DEPTH {
                        found.warnings.push(format!("{relative}: deeper than {MAX_DEPTH} levels, not searched"));
                        continue;
                    }
                    stack.push((relative, depth + 1));
                }
                EntryKind::File => {
                    if entry.name == "project.json" {
                        manifests.push((dir.clone(), true));
                    } else if entry.name == "package.json" {
                        manifests.push((dir.clone(), false));
                    } else if is_source_path(&entry.name)
                        && !entry.name.ends_with(".d.ts")
                        && !ignore.is_ignored(&relative)
                    {
                        found.source_files.push(relative);
                    }
                }
            }
        }
    }
    found.source_files.sort();
    found.projects = read_projects(host, root, &manifests, &mut found.warnings);
    if let Ok(text) = host.read_to_string(&root.join("package.json"))
        && let Ok(manifest) = serde_json::from_str::<serde_json::Value>(&text)
    {
        found.root_dependencies = crate::project::declared_packages(&manifest).map(str::to_string).collect();
    }
    found
}

/// Nx's test for a module federation remote: `exposes:` (the key maybe quoted) in its config.
fn exposes_pattern(text: &str) -> bool {
    text.match_indices("exposes").any(|(at, _)| {
        let rest = text[at + "exposes".len()..].trim_start_matches(['\'', '"']);
        rest.starts_with(':')
    })
}

fn display_dir(dir: &str) -> &str {
    if dir.is_empty() { "." } else { dir }
}

fn read_json(host: &dyn Host, path: &Path, relative: &str, warnings: &mut Vec<String>) -> Option<serde_json::Value> {
    let text = host.read_to_string(path).ok()?;
    match jsonc_parser::parse_to_serde_value::<serde_json::Value>(&text, &jsonc_parser::ParseOptions::default()) {
        Ok(value) => Some(value),
        Err(err) => {
            warnings.push(format!(
                "{relative}:{}:{}: not valid JSON: {}",
                err.line_display(),
                err.column_display(),
                err.kind()
            ));
            None
        }
    }
}

fn string_list(value: Option<&serde_json::Value>) -> Vec<String> {
    value
        .and_then(serde_json::Value::as_array)
        .map(|items| items.iter().filter_map(|item| item.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Globs of package folders from root `package.json` `workspaces` and `pnpm-workspace.yaml`.
fn workspace_globs(
    host: &dyn Host,
    root: &Path,
    root_package: Option<&serde_json::Value>,
    warnings: &mut Vec<String>,
) -> Vec<Glob> {
    let mut patterns = Vec::new();
    if let Some(workspaces) = root_package.and_then(|package| package.get("workspaces")) {
        patterns.extend(string_list(Some(workspaces)));
        patterns.extend(string_list(workspaces.get("packages")));
    }
    if let Ok(text) = host.read_to_string(&root.join("pnpm-workspace.yaml")) {
        let (packages, problems) = pnpm_packages(&text);
        patterns.extend(packages);
        warnings.extend(problems.into_iter().map(|(line, problem)| {
            format!("pnpm-workspace.yaml:{line}: {problem}; its packages may be missing from the projects")
        }));
    }
    patterns
        .iter()
        .filter(|p| !p.starts_with('!'))
        .filter_map(|p| Glob::new(p.trim_end_matches('/'), Flavor::Path).ok())
        .collect()
}

/// The `packages:` list of a `pnpm-workspace.yaml` (the only part Palisade needs), block or flow
/// style, and what in the file could not be read, by line.
fn pnpm_packages(text: &str) -> (Vec<String>, Vec<(usize, String)>) {
    let mut in_packages = false;
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let content = without_yaml_comment(line).trim_end();
        if content.trim().is_empty() || content == "---" {
            continue;
        }
        if content[..content.len() - content.trim_start().len()].contains('\t') {
            problems.push((number, "YAML does not allow tabs for indentation".to_string()));
            continue;
        }
        if !content.starts_with([' ', '-']) {
            let Some((key, value)) = content.split_once(':') else {
                problems.push((number, format!("`{}` is not a `key: value` line", content.trim())));
                in_packages = false;
                continue;
            };
            in_packages = key.trim().trim_matches(['\'', '"']) == "packages";
            let value = value.trim();
            if in_packages && !value.is_empty() {
                in_packages = false;
                match value.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')) {
                    Some(items) => {
                        for item in items.split(',').map(str::trim).filter(|item| !item.is_empty()) {
                            match yaml_scalar(item) {
                                Ok(item) => out.push(item),
                                Err(problem) => problems.push((number, problem)),
                            }
                        }
                    }
                    None => problems.push((number, "`packages` must be a list of globs".to_string())),
                }
            }
            continue;
        }
        if !in_packages {
            continue;
        }
        match content.trim_start().strip_prefix('-') {
            Some(item) if item.is_empty() || item.starts_with(' ') => match yaml_scalar(item.trim()) {
                Ok(item) if !item.is_empty() => out.push(item),
                Ok(_) => {}
                Err(problem) => problems.push((number, problem)),
            },
            _ => problems.push((number, format!("expected `- <glob>` in `packages`, found `{}`", content.trim()))),
        }
    }
    (out, problems)
}

/// `line` without a `#` comment (one that starts the line or follows a space, outside quotes).
fn without_yaml_comment(line: &str) -> &str {
    let mut quote = None;
    let mut previous = ' ';
    for (at, c) in line.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, '#') if previous == ' ' || previous == '\t' => return &line[..at],
            _ => {}
        }
        previous = c;
    }
    line
}

/// A plain or quoted YAML scalar.
fn yaml_scalar(text: &str) -> Result<String, String> {
    for quote in ['\'', '"'] {
        if let Some(rest) = text.strip_prefix(quote) {
            return rest
                .strip_suffix(quote)
                .map(str::to_string)
                .ok_or_else(|| format!("`{text}` has no closing {quote}"));
        }
    }
    Ok(text.to_string())
}

fn read_projects(
    host: &dyn Host,
    root: &Path,
    manifests: &[(String, bool)],
    warnings: &mut Vec<String>,
) -> Vec<Project> {
    let root_package = read_json(host, &root.join("package.json"), "package.json", warnings);
    let member_globs = workspace_globs(host, root, root_package.as_ref(), warnings);
    let mut dirs: Vec<&str> = manifests.iter().map(|(dir, _)| dir.as_str()).collect();
    dirs.sort_unstable();
    dirs.dedup();
    let mut projects = Vec::new();
    for dir in dirs {
        let has_project_json = manifests.iter().any(|(d, nx)| d == dir && *nx);
        let has_package_json = manifests.iter().any(|(d, nx)| d == dir && !*nx);
        let relative = |file: &str| if dir.is_empty() { file.to_string() } else { format!("{dir}/{file}") };
        let project_json = if has_project_json {
            read_json(host, &root.join(relative("project.json")), &relative("project.json"), warnings)
        } else {
            None
        };
        let package_json = if has_package_json {
            if dir.is_empty() {
                root_package.clone()
            } else {
                read_json(host, &root.join(relative("package.json")), &relative("package.json"), warnings)
            }
        } else {
            None
        };
        let package_name =
            package_json.as_ref().and_then(|p| p.get("name")).and_then(serde_json::Value::as_str).map(str::to_string);
        let is_member = member_globs.iter().any(|glob| glob.is_match(dir));
        // The root package.json describes the workspace, not a project; a nested one is a
        // project when it is a workspace member or has a name.
        let package_is_project = !dir.is_empty() && (is_member || package_name.is_some());
        if project_json.is_none() && !package_is_project {
            continue;
        }
        let nx = package_json.as_ref().and_then(|p| p.get("nx"));
        let dir_name = dir.rsplit('/').next().unwrap_or(dir);
        let name = project_json
            .as_ref()
            .and_then(|p| p.get("name"))
            .or_else(|| nx.and_then(|n| n.get("name")))
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
            .or_else(|| package_name.clone())
            .unwrap_or_else(|| if dir.is_empty() { "(root)".to_string() } else { dir_name.to_string() });
        let mut tags = string_list(project_json.as_ref().and_then(|p| p.get("tags")));
        for tag in string_list(nx.and_then(|n| n.get("tags"))) {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let field = |key: &str| project_json.as_ref().and_then(|p| p.get(key)).or_else(|| nx.and_then(|n| n.get(key)));
        let has_file = |file: &str| host.kind(&root.join(relative(file))) == Some(EntryKind::File);
        let kind = ProjectKind::infer(
            &name,
            field("projectType").and_then(serde_json::Value::as_str),
            has_file,
            package_json.as_ref(),
        );
        let mut targets: Vec<String> = Vec::new();
        let runnable = |(key, target): (&String, &serde_json::Value)| {
            (target.get("executor").and_then(serde_json::Value::as_str) != Some("")).then(|| key.clone())
        };
        for targets_of in [project_json.as_ref().and_then(|p| p.get("targets")), nx.and_then(|n| n.get("targets"))] {
            if let Some(map) = targets_of.and_then(serde_json::Value::as_object) {
                targets.extend(map.iter().filter_map(runnable));
            }
        }
        if let Some(scripts) =
            package_json.as_ref().and_then(|p| p.get("scripts")).and_then(serde_json::Value::as_object)
        {
            targets.extend(scripts.keys().cloned());
        }
        targets.sort_unstable();
        targets.dedup();
        let implicit_dependencies =
            string_list(field("implicitDependencies")).into_iter().filter(|name| !name.starts_with('!')).collect();
        let exposes_modules = kind == ProjectKind::App
            && ["module-federation.config.js", "module-federation.config.ts"]
                .iter()
                .any(|file| host.read_to_string(&root.join(relative(file))).is_ok_and(|text| exposes_pattern(&text)));
        projects.push(Project {
            name,
            root: dir.to_string(),
            tags,
            package_name: if dir.is_empty() { None } else { package_name },
            package_json: if dir.is_empty() { None } else { package_json },
            kind,
            targets,
            implicit_dependencies,
            exposes_modules,
            ..Project::default()
        });
    }
    warn_about_duplicates(&projects, warnings);
    projects
}

/// Two projects with one name, or two packages with one package name: rules and imports can
/// only mean one of them.
fn warn_about_duplicates(projects: &[Project], warnings: &mut Vec<String>) {
    let manifest = |project: &Project, file: &str| {
        if project.root.is_empty() { file.to_string() } else { format!("{}/{file}", project.root) }
    };
    let mut names: std::collections::BTreeMap<&str, Vec<&Project>> = std::collections::BTreeMap::new();
    let mut packages: std::collections::BTreeMap<&str, Vec<&Project>> = std::collections::BTreeMap::new();
    for project in projects {
        names.entry(&project.name).or_default().push(project);
        if let Some(package) = &project.package_name {
            packages.entry(package).or_default().push(project);
        }
    }
    for (name, same) in names.iter().filter(|(_, same)| same.len() > 1) {
        let roots: Vec<String> = same.iter().map(|project| format!("`{}`", display_dir(&project.root))).collect();
        warnings.push(format!(
            "{} projects are named `{name}` ({}); tags, selectors and messages cannot tell them apart: give each its own name",
            same.len(),
            roots.join(", ")
        ));
    }
    for (package, same) in packages.iter().filter(|(_, same)| same.len() > 1) {
        let files: Vec<String> =
            same.iter().map(|project| format!("`{}`", manifest(project, "package.json"))).collect();
        warnings.push(format!(
            "{} package.json files name the package `{package}` ({}); imports of it lead to the first",
            same.len(),
            files.join(", ")
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::MemoryHost;

    #[test]
    fn finds_sources_and_projects_skipping_ignored() {
        let host = MemoryHost::new()
            .with_file("/w/package.json", r#"{"name":"root","workspaces":["packages/*"]}"#)
            .with_file("/w/.gitignore", "generated/\n# comment\n")
            .with_file("/w/libs/a/project.json", r#"{"name":"a","tags":["scope:a"]}"#)
            .with_file("/w/libs/a/package.json", r#"{"name":"@acme/a","nx":{"tags":["type:lib"]}}"#)
            .with_file("/w/libs/a/src/index.ts", "")
            .with_file("/w/packages/p/package.json", "{}")
            .with_file("/w/packages/p/index.js", "")
            .with_file("/w/node_modules/x/index.js", "")
            .with_file("/w/dist/out.js", "")
            .with_file("/w/generated/g.ts", "")
            .with_file("/w/types.d.ts", "");
        let rules = IgnoreRules::new(Arc::new(host.clone()), Path::new("/w"), &[]);
        let found = discover(&host, Path::new("/w"), &rules);
        assert_eq!(found.source_files, vec!["libs/a/src/index.ts", "packages/p/index.js"]);
        let summary: Vec<(String, String, Vec<String>, Option<String>)> = found
            .projects
            .iter()
            .map(|p| (p.name.clone(), p.root.clone(), p.tags.clone(), p.package_name.clone()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("a".into(), "libs/a".into(), vec!["scope:a".into(), "type:lib".into()], Some("@acme/a".into())),
                ("p".into(), "packages/p".into(), vec![], None),
            ]
        );
    }

    #[test]
    fn gitignore_names_paths_and_globs() {
        let host = MemoryHost::new().with_file("/w/.gitignore", "tmp\n/.nx/cache/\n*.gen.ts\nlibs/*/fixtures\n!keep\n");
        let rules = IgnoreRules::new(Arc::new(host), Path::new("/w"), &[]);
        for (path, ignored) in [
            ("tmp", true),
            ("apps/x/tmp/a.ts", true),
            ("apps/x/tmpl/a.ts", false),
            (".nx/cache/a.ts", true),
            (".nx/cached", false),
            ("apps/.nx/cache", false),
            ("libs/a/b.gen.ts", true),
            ("libs/a/fixtures/f.ts", true),
            ("libs/a/b/fixtures/f.ts", false),
            ("keep", false),
        ] {
            assert_eq!(rules.is_ignored(path), ignored, "{path}");
        }
    }

    #[test]
    fn nested_gitignore_files_and_negation_as_git_reads_them() {
        let host = MemoryHost::new()
            .with_file("/w/.gitignore", "*.gen.ts\n/out/\nlogs\n")
            .with_file("/w/apps/a/.gitignore", "!keep.gen.ts\nlocal.ts\n")
            .with_file("/w/apps/a/sub/.gitignore", "*.ts\n!sub-keep.ts\n")
            .with_file("/w/out/.gitignore", "!back.ts\n")
            .with_file("/w/.git/info/exclude", "private.ts\n");
        let rules = IgnoreRules::new(Arc::new(host), Path::new("/w"), &[]);
        for (path, ignored) in [
            ("apps/a/x.gen.ts", true),
            ("apps/a/keep.gen.ts", false),
            ("apps/b/keep.gen.ts", true),
            ("apps/a/local.ts", true),
            ("local.ts", false),
            ("apps/a/sub/any.ts", true),
            ("apps/a/sub/sub-keep.ts", false),
            ("out/back.ts", true),
            ("apps/logs/a.ts", true),
            ("private.ts", true),
        ] {
            assert_eq!(rules.is_ignored(path), ignored, "{path}");
        }
    }

    #[test]
    fn a_gitignore_of_slash_or_backslash_ignores_nothing() {
        for text in ["/\n", "\\\n", "/\n\\\n!\n"] {
            let host = MemoryHost::new().with_file("/w/.gitignore", text).with_file("/w/src/a.ts", "");
            let rules = IgnoreRules::new(Arc::new(host.clone()), Path::new("/w"), &[]);
            assert_eq!(discover(&host, Path::new("/w"), &rules).source_files, vec!["src/a.ts"], "{text:?}");
        }
    }

    #[test]
    fn broken_and_ambiguous_manifests_are_named() {
        let host = MemoryHost::new()
            .with_file("/w/package.json", "{ \"workspaces\": [ broken")
            .with_file("/w/libs/a/project.json", r#"{"name":"shared"}"#)
            .with_file("/w/libs/b/project.json", r#"{"name":"shared"}"#)
            .with_file("/w/libs/c/project.json", "{ nope")
            .with_file("/w/packages/x/package.json", r#"{"name":"@acme/x"}"#)
            .with_file("/w/packages/y/package.json", r#"{"name":"@acme/x"}"#)
            .with_file("/w/pnpm-workspace.yaml", "packages:\n  - 'packages/*\n")
            .with_file("/w/packages/x/index.ts", "");
        let rules = IgnoreRules::new(Arc::new(host.clone()), Path::new("/w"), &[]);
        let found = discover(&host, Path::new("/w"), &rules);
        let warnings = found.warnings.join("\n");
        for expected in [
            "package.json:1:",
            "libs/c/project.json:1:",
            "2 projects are named `shared` (`libs/a`, `libs/b`)",
            "2 package.json files name the package `@acme/x` (`packages/x/package.json`, `packages/y/package.json`)",
            "pnpm-workspace.yaml:2:",
        ] {
            assert!(warnings.contains(expected), "missing {expected:?} in:\n{warnings}");
        }
        assert!(found.projects.iter().any(|project| project.root == "packages/x"), "the rest is still discovered");
    }

    #[test]
    fn pnpm_workspace_packages() {
        let yaml = "packages:\n  - 'apps/*'\n  - \"libs/**\" # all libs\n  - '!**/test/**'\ncatalog:\n  - x\n";
        assert_eq!(pnpm_packages(yaml), (vec!["apps/*".into(), "libs/**".into(), "!**/test/**".into()], vec![]));
        let flow = "# workspace\npackages: ['apps/*', \"libs/*\", tools]\n";
        assert_eq!(pnpm_packages(flow).0, vec!["apps/*", "libs/*", "tools"]);
        let broken = "packages:\n  - 'apps/*\n  libs/*\n\t- tools\nnot yaml\npackages: libs/*\n";
        let (packages, problems) = pnpm_packages(broken);
        assert!(packages.is_empty(), "{packages:?}");
        let lines: Vec<usize> = problems.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5, 6], "{problems:?}");
    }
}
