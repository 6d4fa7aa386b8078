//! Projects: discovered from Nx `project.json`, `package.json` (`name`, `nx.tags`, `workspaces`)
//! and `pnpm-workspace.yaml`; a file belongs to its innermost project.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap as HashMap;

use crate::pattern::Glob;

/// One project of the workspace.
#[derive(Debug, Clone, Default)]
pub struct Project {
    pub name: String,
    /// Workspace-relative directory, `""` for a root project.
    pub root: String,
    pub tags: Vec<String>,
    /// The `name` of its `package.json`, when it has one: importable as a workspace package.
    pub package_name: Option<String>,
    /// Its `package.json`, for `exports`, `main` and `imports`.
    pub package_json: Option<serde_json::Value>,
    /// Workspace-relative files that are its public entries.
    pub entries: BTreeSet<String>,
    /// Public files given by patterns (`exports` subpath patterns, `additionalEntries`).
    pub entry_globs: Vec<Glob>,
    /// How other projects should import it: package name, else a tsconfig alias.
    pub public_specifier: Option<String>,
    /// What declares its public entries (`` `exports` in `libs/a/package.json` ``, a path alias
    /// of the root tsconfig), for messages; `None` when nothing does: then every file reached by
    /// a non-relative import is public (a wildcard alias such as `@acme/common/*` publishes them).
    pub entry_declaration: Option<String>,
    /// Application, library or end-to-end tests, as Nx tells them apart.
    pub kind: ProjectKind,
    /// Names of its targets that run something: `project.json` `targets`, `package.json`
    /// `scripts` and `nx.targets`.
    pub targets: Vec<String>,
    /// `implicitDependencies` named in its `project.json` or `package.json` `nx` (plain names).
    pub implicit_dependencies: Vec<String>,
    /// An application whose module federation config `exposes` modules (a remote, importable).
    pub exposes_modules: bool,
}

/// What kind of project Nx considers it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ProjectKind {
    App,
    #[default]
    Lib,
    E2e,
}

impl ProjectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::App => "app",
            Self::Lib => "lib",
            Self::E2e => "e2e",
        }
    }

    /// Nx's rule: `projectType` decides (an application named `*-e2e` or `e2e` is end-to-end
    /// tests); without it, `tsconfig.lib.json` or `tsconfig.app.json` does; else a `package.json`
    /// with no `exports`, `main`, `module` or `bin` is an application.
    pub fn infer(
        name: &str,
        project_type: Option<&str>,
        has_file: impl Fn(&str) -> bool,
        package_json: Option<&serde_json::Value>,
    ) -> Self {
        match project_type {
            Some("library") => Self::Lib,
            Some(_) if name.ends_with("-e2e") || name == "e2e" => Self::E2e,
            Some(_) => Self::App,
            None if has_file("tsconfig.lib.json") => Self::Lib,
            None if has_file("tsconfig.app.json") => Self::App,
            None => match package_json {
                Some(package) if ["exports", "main", "module", "bin"].iter().all(|key| package.get(key).is_none()) => {
                    Self::App
                }
                _ => Self::Lib,
            },
        }
    }
}

impl Project {
    pub fn is_entry(&self, file: &str) -> bool {
        self.entries.contains(file) || self.entry_globs.iter().any(|glob| glob.is_match(file))
    }
}

/// Projects recorded elsewhere (a snapshot file), sorted by root, read one at a time when asked
/// for: a workspace opened for one file (the SWC plugin's) needs two or three of them.
pub trait ProjectSource: Send + Sync {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The root of project `index` (< `len`), read where it lies.
    fn root(&self, index: usize) -> &str;
    /// Project `index` (< `len`); the source checked every record when it was opened.
    fn project(&self, index: usize) -> Project;
    /// The package names of the projects that have one, with their indices.
    fn package_names(&self) -> Vec<(String, usize)>;
}

/// All projects, with the lookups rules need.
#[derive(Debug, Clone, Default)]
pub struct ProjectGraph {
    /// Sorted by root; all set, unless they come from a `ProjectSource`.
    projects: Vec<OnceLock<Project>>,
    source: Option<Source>,
    /// For projects not from a source (which finds roots by binary search).
    by_root: HashMap<String, usize>,
    by_package: HashMap<String, usize>,
    /// Packages the root `package.json` declares (`dependencies`, `devDependencies`,
    /// `peerDependencies`, `optionalDependencies`).
    root_dependencies: BTreeSet<String>,
}

#[derive(Clone)]
struct Source(Arc<dyn ProjectSource>);

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ProjectSource({} projects)", self.0.len())
    }
}

impl ProjectGraph {
    pub fn new(mut projects: Vec<Project>) -> Self {
        projects.sort_by(|a, b| a.root.cmp(&b.root));
        let by_root = projects.iter().enumerate().map(|(index, p)| (p.root.clone(), index)).collect();
        let mut by_package = HashMap::default();
        for (index, project) in projects.iter().enumerate() {
            // With two packages of one name, the first by root answers (discovery warns).
            if let Some(name) = &project.package_name {
                by_package.entry(name.clone()).or_insert(index);
            }
        }
        let projects = projects.into_iter().map(OnceLock::from).collect();
        Self { projects, source: None, by_root, by_package, root_dependencies: BTreeSet::new() }
    }

    /// The projects of `source`, each read on first use.
    pub fn from_source(source: Arc<dyn ProjectSource>) -> Self {
        let projects = (0..source.len()).map(|_| OnceLock::new()).collect();
        let by_package = source.package_names().into_iter().collect();
        Self { projects, source: Some(Source(source)), by_root: HashMap::default(), by_package, ..Self::default() }
    }

    /// The root of project `index`, without reading the rest of a project from a source.
    fn root_of(&self, index: usize) -> &str {
        match (&self.source, self.projects[index].get()) {
            (_, Some(project)) => &project.root,
            (Some(source), None) => source.0.root(index),
            (None, None) => "",
        }
    }

    /// The index of the project whose root is `root`.
    fn by_root(&self, root: &str) -> Option<usize> {
        let Some(source) = &self.source else { return self.by_root.get(root).copied() };
        crate::sorted::search(source.0.len(), |index| source.0.root(index).cmp(root)).ok()
    }

    /// Each project's package name and root.
    pub fn packages(&self) -> Vec<(String, &str)> {
        let mut packages: Vec<(String, &str)> =
            self.by_package.iter().map(|(name, index)| (name.clone(), self.root_of(*index))).collect();
        packages.sort_unstable();
        packages
    }

    #[must_use]
    pub fn with_root_dependencies(mut self, root_dependencies: BTreeSet<String>) -> Self {
        self.root_dependencies = root_dependencies;
        self
    }

    /// Whether `package` is declared by the root `package.json` or by the project's own.
    pub fn declares(&self, project: usize, package: &str) -> bool {
        self.root_dependencies.contains(package)
            || self.get(project).package_json.as_ref().is_some_and(|manifest| declared_in(manifest, package))
    }

    pub fn get(&self, index: usize) -> &Project {
        self.projects[index].get_or_init(|| match &self.source {
            Some(source) => source.0.project(index),
            None => Project::default(),
        })
    }

    pub fn get_mut(&mut self, index: usize) -> &mut Project {
        self.get(index);
        self.projects[index].get_mut().unwrap_or_else(|| unreachable!("set by `get` just above"))
    }

    pub fn iter(&self) -> impl Iterator<Item = &Project> {
        (0..self.projects.len()).map(|index| self.get(index))
    }

    pub fn len(&self) -> usize {
        self.projects.len()
    }

    pub fn is_empty(&self) -> bool {
        self.projects.is_empty()
    }

    /// The innermost project holding the workspace-relative `file`.
    pub fn owner_of(&self, file: &str) -> Option<usize> {
        let mut dir = file;
        while let Some((parent, _)) = dir.rsplit_once('/') {
            if let Some(index) = self.by_root(parent) {
                return Some(index);
            }
            dir = parent;
        }
        self.by_root("")
    }

    /// The projects `project` declares it depends on, besides its imports: workspace packages in
    /// its `package.json` dependencies, and its `implicitDependencies` by name.
    pub fn declared_dependencies(&self, project: usize) -> Vec<usize> {
        let project_ref = self.get(project);
        project_ref
            .package_json
            .iter()
            .flat_map(declared_packages)
            .filter_map(|name| self.by_package_name(name))
            .chain(
                project_ref.implicit_dependencies.iter().filter_map(|name| self.iter().position(|p| &p.name == name)),
            )
            .filter(|target| *target != project)
            .collect()
    }

    pub fn by_package_name(&self, name: &str) -> Option<usize> {
        self.by_package.get(name).copied()
    }
}

/// The dependency fields of a `package.json`.
pub const DEPENDENCY_FIELDS: &[&str] = &["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];

fn declared_in(manifest: &serde_json::Value, package: &str) -> bool {
    DEPENDENCY_FIELDS.iter().any(|field| manifest.get(field).and_then(|deps| deps.get(package)).is_some())
}

/// Every package a `package.json` declares.
pub fn declared_packages(manifest: &serde_json::Value) -> impl Iterator<Item = &str> {
    DEPENDENCY_FIELDS
        .iter()
        .filter_map(|field| manifest.get(field).and_then(serde_json::Value::as_object))
        .flat_map(|deps| deps.keys().map(String::as_str))
}

/// The package name of a bare specifier: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`.
pub fn package_name_of(specifier: &str) -> (&str, Option<&str>) {
    let mut slashes = specifier.match_indices('/').map(|(index, _)| index);
    let cut = if specifier.starts_with('@') { slashes.nth(1) } else { slashes.next() };
    match cut {
        Some(index) => (&specifier[..index], Some(&specifier[index + 1..])),
        None => (specifier, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_names_with_scopes_and_subpaths() {
        assert_eq!(package_name_of("@nestjs/common/decorators"), ("@nestjs/common", Some("decorators")));
        assert_eq!(package_name_of("@nestjs/common"), ("@nestjs/common", None));
        assert_eq!(package_name_of("rxjs/operators"), ("rxjs", Some("operators")));
        assert_eq!(package_name_of("lodash"), ("lodash", None));
    }

    #[test]
    fn innermost_project_owns_a_file() {
        let graph = ProjectGraph::new(vec![
            Project { name: "root".into(), root: String::new(), ..Project::default() },
            Project { name: "lib".into(), root: "libs/a".into(), ..Project::default() },
            Project { name: "nested".into(), root: "libs/a/nested".into(), ..Project::default() },
        ]);
        let name = |file: &str| graph.owner_of(file).map(|index| graph.get(index).name.clone());
        assert_eq!(name("libs/a/nested/src/x.ts").as_deref(), Some("nested"));
        assert_eq!(name("libs/a/src/x.ts").as_deref(), Some("lib"));
        assert_eq!(name("tools/x.ts").as_deref(), Some("root"));
    }
}
