//! One walk over the workspace: its source files (minus `node_modules`, build output,
//! `.gitignore`d and configured paths) and its projects.

use std::path::Path;

use crate::host::{EntryKind, Host};
use crate::imports::is_source_path;
use crate::pattern::{Flavor, Glob};
use crate::project::{Project, ProjectKind};

/// Directories never searched: dependencies, VCS data and build output.
const SKIPPED_DIRS: &[&str] = &[
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

/// Deeper trees than this are cut off (a guard against link loops the host does not report).
const MAX_DEPTH: usize = 64;

/// Which workspace-relative paths to leave out.
#[derive(Debug, Default)]
pub struct IgnoreRules {
    globs: Vec<Glob>,
    /// `.gitignore` names without `/` or wildcards (`dist`, `tmp`): any segment equal to one.
    names: Vec<String>,
    /// `.gitignore` paths without wildcards (`.nx/cache`): that path and everything below it.
    paths: Vec<String>,
}

impl IgnoreRules {
    /// From the workspace's root `.gitignore` and the config's `ignore` globs.
    pub fn new(gitignore: Option<&str>, configured: &[Glob]) -> Self {
        let mut globs: Vec<Glob> = configured.to_vec();
        let (mut names, mut paths) = (Vec::new(), Vec::new());
        for line in gitignore.unwrap_or_default().lines() {
            let line = line.trim();
            // Negations re-include paths; leaving them out errs on checking more, never less.
            if line.is_empty() || line.starts_with('#') || line.starts_with('!') {
                continue;
            }
            let pattern = line.trim_end_matches('/');
            let anchored = pattern.trim_start_matches('/');
            if !anchored.is_empty() && !anchored.contains(['*', '?', '{', '[', '\\']) {
                if pattern.contains('/') {
                    paths.push(anchored.to_string());
                } else {
                    names.push(anchored.to_string());
                }
                continue;
            }
            let candidates = if pattern.contains('/') {
                vec![anchored.to_string(), format!("{anchored}/**")]
            } else {
                vec![format!("**/{anchored}"), format!("**/{anchored}/**")]
            };
            globs.extend(candidates.iter().filter_map(|candidate| Glob::new(candidate, Flavor::Path).ok()));
        }
        Self { globs, names, paths }
    }

    pub fn is_ignored(&self, relative: &str) -> bool {
        let under = |path: &String| {
            relative.strip_prefix(path.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        (!self.names.is_empty() && relative.split('/').any(|segment| self.names.iter().any(|name| name == segment)))
            || self.paths.iter().any(under)
            || self.globs.iter().any(|glob| glob.is_match(relative))
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
                    if SKIPPED_DIRS.contains(&entry.name.as_str()) || entry.is_symlink || ignore.is_ignored(&relative) {
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
fn workspace_globs(host: &dyn Host, root: &Path, root_package: Option<&serde_json::Value>) -> Vec<Glob> {
    let mut patterns = Vec::new();
    if let Some(workspaces) = root_package.and_then(|package| package.get("workspaces")) {
        patterns.extend(string_list(Some(workspaces)));
        patterns.extend(string_list(workspaces.get("packages")));
    }
    if let Ok(text) = host.read_to_string(&root.join("pnpm-workspace.yaml")) {
        patterns.extend(pnpm_packages(&text));
    }
    patterns
        .iter()
        .filter(|p| !p.starts_with('!'))
        .filter_map(|p| Glob::new(p.trim_end_matches('/'), Flavor::Path).ok())
        .collect()
}

/// The `packages:` list of a `pnpm-workspace.yaml` (the only part Palisade needs).
fn pnpm_packages(text: &str) -> Vec<String> {
    let mut in_packages = false;
    let mut out = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_end();
        if !trimmed.starts_with([' ', '\t', '-']) && !trimmed.is_empty() {
            in_packages = trimmed.trim_start().starts_with("packages:");
            continue;
        }
        if in_packages && let Some(item) = trimmed.trim_start().strip_prefix('-') {
            let item = item.split(" #").next().unwrap_or_default().trim().trim_matches(['\'', '"']);
            if !item.is_empty() {
                out.push(item.to_string());
            }
        }
    }
    out
}

fn read_projects(
    host: &dyn Host,
    root: &Path,
    manifests: &[(String, bool)],
    warnings: &mut Vec<String>,
) -> Vec<Project> {
    let root_package = read_json(host, &root.join("package.json"), "package.json", warnings);
    let member_globs = workspace_globs(host, root, root_package.as_ref());
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
    projects
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
        let found = discover(&host, Path::new("/w"), &IgnoreRules::new(Some("generated/\n"), &[]));
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
        let rules = IgnoreRules::new(Some("tmp\n/.nx/cache/\n*.gen.ts\nlibs/*/fixtures\n!keep\n"), &[]);
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
    fn pnpm_workspace_packages() {
        let yaml = "packages:\n  - 'apps/*'\n  - \"libs/**\" # all libs\n  - '!**/test/**'\ncatalog:\n  - x\n";
        assert_eq!(pnpm_packages(yaml), vec!["apps/*", "libs/**", "!**/test/**"]);
    }
}
