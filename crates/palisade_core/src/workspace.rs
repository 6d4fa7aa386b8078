//! The workspace: config, projects, elements and resolver, built once and then asked to check
//! one file at a time (or all of them).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::config::{Config, parse_config};
use crate::diagnostic::{Diagnostic, Finding, LineIndex, RuleMeta, Severity};
use crate::discovery::{IgnoreRules, discover, in_skipped_dir};
use crate::element::{ElementMatch, Elements};
use crate::graph::{GraphEdge, GraphFinding, ImportGraph, Nodes};
use crate::host::{EntryKind, Host, ListingHost};
use crate::imports::{Import, extract_imports, is_source_path};
use crate::jsonc::{ConfigError, ConfigSource, PathSegment};
use crate::pattern::{Flavor, Glob};
use crate::project::ProjectGraph;
use crate::resolve::{Resolution, Resolver};
use crate::rules::{Edge, Reported, RuleSet, Subject, parse_error};
use crate::selector::FileFacts;

mod introspect;
mod snapshot;

pub use introspect::{Architecture, ArchitectureLink, ArchitectureNode, Explanation, ImportFacts, Level};

pub const CONFIG_FILE_NAME: &str = "palisade.json";

/// The `package.json` fields that name a package's entry when it has no `exports`.
const ENTRY_FIELDS: &[&str] = &["main", "module", "types", "typings", "source"];

/// Where a workspace starts and which config governs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub root: PathBuf,
    pub config_file: Option<PathBuf>,
}

/// Walks up from `start` (a file or folder) to the nearest `palisade.json`; without one, to the
/// nearest folder that looks like a workspace root; else `start`'s folder.
pub fn locate_workspace(host: &dyn Host, start: &Path) -> Located {
    let start_dir = if host.kind(start) == Some(EntryKind::File) { start.parent().unwrap_or(start) } else { start };
    for dir in start_dir.ancestors() {
        let candidate = dir.join(CONFIG_FILE_NAME);
        if host.kind(&candidate) == Some(EntryKind::File) {
            return Located { root: dir.to_path_buf(), config_file: Some(candidate) };
        }
    }
    for dir in start_dir.ancestors() {
        let has = |name: &str| host.kind(&dir.join(name)).is_some();
        let workspaces_package = host
            .read_to_string(&dir.join("package.json"))
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .is_some_and(|package| package.get("workspaces").is_some());
        if has("nx.json") || has("pnpm-workspace.yaml") || has(".git") || workspaces_package {
            return Located { root: dir.to_path_buf(), config_file: None };
        }
    }
    Located { root: start_dir.to_path_buf(), config_file: None }
}

/// The outcome of checking every file.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Sorted by file, position, rule.
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
    /// Import edges checked.
    pub dependencies: usize,
}

/// The outcome of checking a slice of the source files: their per-file diagnostics and their
/// resolved edges, for `Workspace::finish_check` to join (slices can be checked in parallel by
/// separate instances).
#[derive(Debug, Default)]
pub struct PartReport {
    pub diagnostics: Vec<Diagnostic>,
    pub dependencies: usize,
    pub graph: GraphPart,
}

/// The slice's share of the import graph; serialisable, to travel between instances.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct GraphPart {
    pub edges: Vec<GraphEdge>,
    /// npm packages imported, by source-file index (kept only when a graph rule needs them).
    #[serde(default)]
    pub packages: Vec<(usize, String)>,
    /// A hash of each checked file's text, by source-file index.
    pub hashes: Vec<(usize, u64)>,
    /// For each import of a missing file where git ignores files, the ignored folder.
    #[serde(default)]
    pub ignored: Vec<String>,
}

fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

/// A loaded workspace, ready to check files.
pub struct Workspace {
    host: Arc<dyn Host>,
    /// The same host, for forgetting its directory listings.
    listing_host: Arc<ListingHost>,
    /// Canonical: resolved paths are canonical, so they are made relative to this.
    root: PathBuf,
    /// The root as the caller spelt it, for paths the caller hands in.
    given_root: PathBuf,
    /// Under the canonical root; `None` for the zero-config defaults.
    config_file: Option<PathBuf>,
    elements: Elements,
    projects: ProjectGraph,
    resolver: Resolver,
    rules: RuleSet,
    ignore: Arc<IgnoreRules>,
    /// Workspace-relative source files, sorted, and what the walk that found them could not
    /// read. A workspace opened from a snapshot walks only when asked.
    discovered: OnceLock<(Vec<String>, Vec<String>)>,
    /// Primary element per workspace-relative file: every import target is classified once.
    elements_of: Mutex<rustc_hash::FxHashMap<String, Option<Arc<ElementMatch>>>>,
    /// Built on first use by a whole-graph check.
    graph: Mutex<Option<ImportGraph>>,
    /// The last check's imports of missing files where git ignores files, by ignored folder.
    ignored_imports: Mutex<std::collections::BTreeMap<String, usize>>,
}

fn normalise(path: &str) -> String {
    path.replace('\\', "/").trim_start_matches("./").to_string()
}

impl Workspace {
    /// Loads the workspace at `root` (absolute), with `config_file` or, without one, the
    /// zero-config defaults.
    pub fn open(host: Arc<dyn Host>, given_root: &Path, config_file: Option<&Path>) -> Result<Self, ConfigError> {
        Self::open_with(host, given_root, config_file, None, None)
    }

    /// `open`, with the config's `rules` replaced by `rules` (the JSON of a `rules` object, as
    /// another tool's settings give it; `origin` names that tool's settings in errors). The rest of
    /// the config (`tsconfig`, `ignore`, `elements`) still comes from `config_file`.
    pub fn open_with_rules(
        host: Arc<dyn Host>,
        given_root: &Path,
        config_file: Option<&Path>,
        rules: &str,
        origin: &str,
    ) -> Result<Self, ConfigError> {
        Self::open_with(host, given_root, config_file, None, Some((rules, origin)))
    }

    /// `open`, with the projects (and their entries) already known, as a snapshot records them:
    /// then nothing is walked until a whole-workspace question needs the source files.
    fn open_with(
        host: Arc<dyn Host>,
        given_root: &Path,
        config_file: Option<&Path>,
        known_projects: Option<ProjectGraph>,
        rules_override: Option<(&str, &str)>,
    ) -> Result<Self, ConfigError> {
        let listing_host = Arc::new(ListingHost::new(host));
        let host: Arc<dyn Host> = Arc::clone(&listing_host) as Arc<dyn Host>;
        let canonical_root = host.canonicalize(given_root).unwrap_or_else(|_| given_root.to_path_buf());
        let root = canonical_root.as_path();
        let config_file = config_file
            .map(|path| path.strip_prefix(given_root).map_or_else(|_| path.to_path_buf(), |rest| root.join(rest)));
        let config_file = config_file.as_deref();
        let (config, text, shown) = match config_file {
            Some(path) => {
                let shown = path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/");
                let text = host.read_to_string(path).map_err(|err| ConfigError {
                    file: shown.clone(),
                    json_path: String::new(),
                    line: 1,
                    column: 1,
                    reason: format!("cannot be read: {err}"),
                })?;
                let config = parse_config(&ConfigSource { file: &shown, text: &text })?;
                (config, text, shown)
            }
            None => (Config::default(), String::new(), CONFIG_FILE_NAME.to_string()),
        };
        let source = ConfigSource { file: &shown, text: &text };
        let elements = Elements::compile(&config.elements, &source)?;
        let rules = match rules_override {
            Some((rules, origin)) => {
                let text = format!("{{\"rules\": {rules}}}");
                let source = ConfigSource { file: origin, text: &text };
                let mut config = config.clone();
                config.rules = parse_config(&source)?.rules;
                RuleSet::new(&config, false, &source)?
            }
            None => RuleSet::new(&config, config_file.is_none(), &source)?,
        };
        // A workspace opened from a snapshot answers for one file at a time.
        let rules = if known_projects.is_some() { rules.without_graph_rules() } else { rules };
        let mut configured_ignores = Vec::new();
        for (index, pattern) in config.ignore.iter().enumerate() {
            let glob = Glob::new(&normalise(pattern), Flavor::Path).map_err(|reason| {
                source.error_at(&[PathSegment::Key("ignore".into()), PathSegment::Index(index)], reason)
            })?;
            configured_ignores.push(glob);
        }
        let root_tsconfig = match &config.tsconfig {
            Some(name) => {
                let path = root.join(normalise(name));
                if host.kind(&path) != Some(EntryKind::File) {
                    return Err(
                        source.error_at(&[PathSegment::Key("tsconfig".into())], format!("`{name}` does not exist"))
                    );
                }
                Some(path)
            }
            None => ["tsconfig.base.json", "tsconfig.json"]
                .iter()
                .map(|name| root.join(name))
                .find(|path| host.kind(path) == Some(EntryKind::File)),
        };
        let ignore = Arc::new(IgnoreRules::new(Arc::clone(&host), root, &configured_ignores));
        let entries_known = known_projects.is_some();
        let (projects, discovered) = if let Some(projects) = known_projects {
            (projects, OnceLock::new())
        } else {
            let found = discover(host.as_ref(), root, &ignore);
            let projects = ProjectGraph::new(found.projects).with_root_dependencies(found.root_dependencies);
            (projects, OnceLock::from((found.source_files, found.warnings)))
        };
        let packages: Vec<(String, PathBuf)> =
            projects.packages().into_iter().map(|(name, project_root)| (name, root.join(project_root))).collect();
        let resolver = Resolver::new(Arc::clone(&host), root, root_tsconfig, &packages, Arc::clone(&ignore));
        let mut workspace = Self {
            host,
            listing_host,
            root: root.to_path_buf(),
            given_root: given_root.to_path_buf(),
            config_file: config_file.map(Path::to_path_buf),
            elements,
            projects,
            resolver,
            rules,
            ignore,
            discovered,
            elements_of: Mutex::default(),
            graph: Mutex::new(None),
            ignored_imports: Mutex::default(),
        };
        if !entries_known {
            workspace.find_entries();
        }
        Ok(workspace)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn projects(&self) -> &ProjectGraph {
        &self.projects
    }

    /// Workspace-relative source files, sorted.
    pub fn source_files(&self) -> &[String] {
        &self.discovered().0
    }

    fn discovered(&self) -> &(Vec<String>, Vec<String>) {
        self.discovered.get_or_init(|| {
            let found = discover(self.host.as_ref(), &self.root, &self.ignore);
            (found.source_files, found.warnings)
        })
    }

    /// Problems that did not stop the load (unreadable manifests, unusable tsconfig files), and
    /// what the last check left unchecked: imports of missing files where git ignores files,
    /// once per ignored folder.
    pub fn warnings(&self) -> Vec<String> {
        let mut all = self.discovered().1.clone();
        all.extend(self.resolver.warnings());
        if let Ok(ignored) = self.ignored_imports.lock() {
            all.extend(ignored.iter().map(|(folder, count)| {
                let shown = if folder.is_empty() { "." } else { folder.as_str() };
                let what = if *count == 1 {
                    "1 import leads to a missing file that git ignores (generated code not generated yet?); it is".to_string()
                } else {
                    format!("{count} imports lead to missing files that git ignores (generated code not generated yet?); they are")
                };
                format!("{shown}: {what} not checked")
            }));
        }
        all
    }

    fn relative(&self, absolute: &Path) -> Option<String> {
        absolute
            .strip_prefix(&self.root)
            .or_else(|_| absolute.strip_prefix(&self.given_root))
            .ok()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
    }

    /// Works out every project's public entries, public specifier and the declaration that makes
    /// them its entries: `exports` or an entry field of its `package.json`, else an exact path
    /// alias of the root tsconfig that lands in it. A project without one (reached by wildcard
    /// aliases only, say) declares no single entry.
    fn find_entries(&mut self) {
        let local = |resolution: Resolution| match resolution {
            Resolution::Local { file } => Some(file),
            _ => None,
        };
        for index in 0..self.projects.len() {
            let project = self.projects.get(index);
            let dir = self.root.join(&project.root);
            let mut entries = Vec::new();
            let mut globs = Vec::new();
            let mut declaration = None;
            if let (Some(name), Some(package)) = (project.package_name.clone(), project.package_json.clone()) {
                let manifest = if project.root.is_empty() {
                    "package.json".to_string()
                } else {
                    format!("{}/package.json", project.root)
                };
                let mut specifiers = vec![name.clone()];
                if let Some(exports) = package.get("exports") {
                    declaration = Some(format!("`exports` in `{manifest}`"));
                    if let serde_json::Value::Object(exports) = exports {
                        for (key, target) in exports.iter().filter(|(key, _)| key.starts_with('.')) {
                            if key.contains('*') {
                                let mut leaves = Vec::new();
                                collect_strings(target, &mut leaves);
                                let base =
                                    if project.root.is_empty() { String::new() } else { format!("{}/", project.root) };
                                globs.extend(leaves.iter().filter_map(|leaf| {
                                    Glob::new(&format!("{base}{}", leaf.trim_start_matches("./")), Flavor::Text).ok()
                                }));
                            } else if key != "." {
                                specifiers.push(format!("{name}{}", &key[1..]));
                            }
                        }
                    }
                } else if let Some(field) = ENTRY_FIELDS.iter().find(|field| package.get(**field).is_some()) {
                    declaration = Some(format!("`{field}` in `{manifest}`"));
                }
                for specifier in specifiers {
                    entries.extend(local(self.resolver.resolve_in(&self.root, &specifier)));
                }
                for field in ENTRY_FIELDS {
                    if let Some(value) = package.get(*field).and_then(serde_json::Value::as_str) {
                        let specifier = format!("./{}", value.trim_start_matches("./"));
                        entries.extend(local(self.resolver.resolve_in(&dir, &specifier)));
                    }
                }
            }
            let project = self.projects.get_mut(index);
            project.entries.extend(entries);
            project.entry_globs = globs;
            project.public_specifier = project.package_name.clone();
            project.entry_declaration = declaration;
        }
        let tsconfig = self.resolver.root_tsconfig_name().unwrap_or_default();
        for (alias, path) in self.resolver.exact_aliases() {
            let Some(file) = self.relative(&path) else { continue };
            let Some(owner) = self.projects.owner_of(&file) else { continue };
            let project = self.projects.get_mut(owner);
            project.entries.insert(file);
            if project.public_specifier.is_none() {
                project.public_specifier = Some(alias.clone());
            }
            if project.entry_declaration.is_none() {
                project.entry_declaration = Some(format!("the path alias `{alias}` in `{tsconfig}`"));
            }
        }
        for index in 0..self.projects.len() {
            let project = self.projects.get(index);
            if !project.entries.is_empty() || !project.entry_globs.is_empty() {
                continue;
            }
            let prefix = if project.root.is_empty() { String::new() } else { format!("{}/", project.root) };
            let fallback: Vec<String> = self
                .source_files()
                .iter()
                .filter(|file| {
                    file.strip_prefix(&prefix).is_some_and(|rest| {
                        let stem = rest.strip_prefix("src/").unwrap_or(rest);
                        !stem.contains('/') && stem.rsplit_once('.').is_some_and(|(name, _)| name == "index")
                    })
                })
                .cloned()
                .collect();
            self.projects.get_mut(index).entries.extend(fallback);
        }
    }

    /// Forgets cached file-system facts (an editor calls this after a pause, so files created or
    /// deleted since are seen). Projects and config are kept: reopen the workspace for those.
    pub fn refresh(&self) {
        self.listing_host.forget();
        self.resolver.clear_cache();
        if let Ok(mut graph) = self.graph.lock()
            && let Some(graph) = graph.as_mut()
        {
            graph.stale = true;
        }
    }

    /// Whether the workspace-relative `file` is one Palisade checks.
    /// Whether `path` (absolute) is a file of the workspace as its host sees it (a snapshot's
    /// listings, for one opened from a snapshot).
    pub fn has_file(&self, path: &Path) -> bool {
        self.host.kind(path) == Some(EntryKind::File)
    }

    pub fn is_checked(&self, file: &str) -> bool {
        is_source_path(file) && !file.ends_with(".d.ts") && !in_skipped_dir(file) && !self.ignore.is_ignored(file)
    }

    fn element_of(&self, file: &str) -> Option<Arc<ElementMatch>> {
        if self.elements.is_empty() {
            return None;
        }
        let Ok(mut cache) = self.elements_of.lock() else { return self.elements.classify(file).map(Arc::new) };
        if let Some(found) = cache.get(file) {
            return found.clone();
        }
        let found = self.elements.classify(file).map(Arc::new);
        cache.insert(file.to_string(), found.clone());
        found
    }

    fn subject<'a>(&'a self, file: &'a str, element: Option<&'a ElementMatch>) -> Subject<'a> {
        let project = self.projects.owner_of(file);
        let facts = FileFacts { file: Some(file), element, project: project.map(|index| self.projects.get(index)) };
        Subject { file, project, facts }
    }

    /// Checks the file at `path` (absolute) whose current text is `text`. Files outside the
    /// workspace, ignored, or in a language Palisade does not read give nothing.
    pub fn check_file(&self, path: &Path, text: &str) -> Vec<Diagnostic> {
        self.check_text(path, text, None).0
    }

    /// `check_file`, plus how many dependencies the file declares; with `edges`, also the
    /// file's resolved workspace-internal edges for the whole-graph rules.
    fn check_text(&self, path: &Path, text: &str, graph: Option<&mut GraphPart>) -> (Vec<Diagnostic>, usize) {
        let Some(file) = self.relative(path) else { return (Vec::new(), 0) };
        if !self.is_checked(&file) {
            return (Vec::new(), 0);
        }
        // ESLint hands rules the text without its byte-order mark; count as it does.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut findings: Vec<(&'static RuleMeta, Severity, Finding)> = Vec::new();
        let mut dependencies = 0;
        match extract_imports(&file, text) {
            Err(failure) => findings.push((
                &parse_error::META,
                Severity::Error,
                Finding::new(if failure.too_deep { "tooDeep" } else { "parseError" }, failure.span)
                    .with("file", file.clone())
                    .with("reason", failure.reason),
            )),
            Ok(imports) => {
                dependencies = imports.len();
                self.check_imports(path, &file, &imports, &mut findings, graph);
            }
        }
        if findings.is_empty() {
            return (Vec::new(), dependencies);
        }
        let lines = LineIndex::new(text);
        let mut diagnostics: Vec<Diagnostic> = findings
            .into_iter()
            .map(|(meta, severity, finding)| Diagnostic::render(meta, severity, &file, finding, &lines))
            .collect();
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        (diagnostics, dependencies)
    }

    fn check_imports(
        &self,
        path: &Path,
        file: &str,
        imports: &[Import],
        findings: &mut Vec<(&'static RuleMeta, Severity, Finding)>,
        mut graph: Option<&mut GraphPart>,
    ) {
        // Only the whole-graph rules need the file's index (and so the list of source files).
        let from_index = if graph.is_some() { self.index_of(file) } else { None };
        let keep_packages = self.rules.records_packages();
        let element = self.element_of(file);
        let from = self.subject(file, element.as_deref());
        self.rules.check_file(&from, !self.elements.is_empty(), findings);
        for import in imports {
            let resolution = self.resolver.resolve(path, &import.specifier);
            // A workspace package whose entry is unknown is its project's folder to the rules.
            let target_file = match &resolution {
                Resolution::Local { file } | Resolution::WorkspacePackage { root: file, .. } => Some(file.as_str()),
                _ => None,
            };
            let target_element = target_file.and_then(|file| self.element_of(file));
            let target = target_file.map(|file| match &resolution {
                Resolution::WorkspacePackage { root, .. } => {
                    let project = self.projects.owner_of(&format!("{root}/"));
                    let facts = FileFacts {
                        file: None,
                        element: target_element.as_deref(),
                        project: project.map(|index| self.projects.get(index)),
                    };
                    Subject { file, project, facts }
                }
                _ => self.subject(file, target_element.as_deref()),
            });
            let edge = Edge { import, resolution: &resolution, target };
            self.rules.check_import(&from, &edge, &self.projects, findings);
            if let (Some(graph), Some(from)) = (graph.as_deref_mut(), from_index) {
                graph.edges.extend(self.graph_edge(from, import, &resolution));
                match &resolution {
                    Resolution::Npm { package, .. } if keep_packages => graph.packages.push((from, package.clone())),
                    Resolution::Ignored { folder, .. } => graph.ignored.push(folder.clone()),
                    _ => {}
                }
            }
        }
    }

    fn index_of(&self, file: &str) -> Option<usize> {
        self.source_files().binary_search_by(|f| f.as_str().cmp(file)).ok()
    }

    /// The graph edge for `import` of source file `from`, when it leads to a source file.
    fn graph_edge(&self, from: usize, import: &Import, resolution: &Resolution) -> Option<GraphEdge> {
        let Resolution::Local { file } = resolution else { return None };
        Some(GraphEdge {
            from,
            to: self.index_of(file)?,
            kind: import.kind,
            specifier: import.specifier.clone(),
            span: import.span,
        })
    }

    /// The resolved edges of source file `from`, whose text is `text` (no BOM), and the npm
    /// packages it imports when a graph rule needs them; none when it does not parse.
    fn edges_of(&self, from: usize, text: &str) -> (Vec<GraphEdge>, Vec<String>) {
        let file = &self.source_files()[from];
        let Ok(imports) = extract_imports(file, text) else { return (Vec::new(), Vec::new()) };
        let path = self.root.join(file);
        let keep_packages = self.rules.records_packages();
        let mut edges = Vec::new();
        let mut packages = Vec::new();
        for import in &imports {
            let resolution = self.resolver.resolve(&path, &import.specifier);
            edges.extend(self.graph_edge(from, import, &resolution));
            if let Resolution::Npm { package, .. } = resolution
                && keep_packages
            {
                packages.push(package);
            }
        }
        (edges, packages)
    }

    /// Reads and checks every source file; diagnostics sorted by file, position, rule.
    pub fn check_all(&self) -> CheckReport {
        let part = self.check_slice(0, self.source_files().len());
        self.finish_check(vec![part])
    }

    /// Reads and checks the source files `start..end` (indices into `source_files`) with the
    /// per-file rules, collecting their edges for the whole-graph ones.
    pub fn check_slice(&self, start: usize, end: usize) -> PartReport {
        let mut part = PartReport::default();
        let end = end.min(self.source_files().len());
        for index in start..end {
            let (diagnostics, dependencies) = self.check_source_file(index, &mut part.graph);
            part.diagnostics.extend(diagnostics);
            part.dependencies += dependencies;
        }
        part
    }

    /// Reads and checks source file `index` with the per-file rules, adding its edges and text
    /// hash to `graph`; a file that cannot be read is one `parse-error`.
    fn check_source_file(&self, index: usize, graph: &mut GraphPart) -> (Vec<Diagnostic>, usize) {
        let file = &self.source_files()[index];
        let path = self.root.join(file);
        match self.host.read_to_string(&path) {
            Ok(text) => {
                let checked = self.check_text(&path, &text, Some(graph));
                graph.hashes.push((index, text_hash(text.strip_prefix('\u{feff}').unwrap_or(&text))));
                checked
            }
            Err(err) => {
                let finding = Finding::new("parseError", crate::diagnostic::Span::default())
                    .with("file", file.clone())
                    .with("reason", format!("cannot be read: {err}"));
                let diagnostic =
                    Diagnostic::render(&parse_error::META, Severity::Error, file, finding, &LineIndex::new(""));
                (vec![diagnostic], 0)
            }
        }
    }

    /// Checks the source files under `scope` (root-relative folders or files; `""` is the whole
    /// workspace), answering the whole-graph rules from what they can reach: every file of each
    /// project they reach through imports or declared project dependencies, transitively (files
    /// outside any project one by one). A cycle through a scoped file, and a project dependency
    /// path from its project, lie inside that closure, so the scoped files get the verdicts a
    /// whole-workspace check gives them, while files outside it are never read. This is what an
    /// Nx task for one project needs (its inputs are the project and its dependencies).
    pub fn check_scope(&self, scope: &[String]) -> CheckReport {
        let files = self.source_files();
        let in_scope = |file: &str| {
            scope.iter().any(|folder| {
                let folder = folder.trim_end_matches('/');
                folder.is_empty()
                    || file.strip_prefix(folder).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
        };
        let owners: Vec<Option<usize>> = files.iter().map(|file| self.projects.owner_of(file)).collect();
        let mut files_of = vec![Vec::new(); self.projects.len()];
        for (index, owner) in owners.iter().enumerate() {
            if let Some(project) = owner {
                files_of[*project].push(index);
            }
        }
        let mut reached_files = vec![false; files.len()];
        let mut reached_projects = vec![false; self.projects.len()];
        let mut queue = std::collections::VecDeque::new();
        let mut reach = |file: usize, queue: &mut std::collections::VecDeque<usize>| {
            let mut projects = vec![owners[file]];
            while let Some(Some(project)) = projects.pop() {
                if std::mem::replace(&mut reached_projects[project], true) {
                    continue;
                }
                queue.extend(files_of[project].iter().filter(|&&f| !std::mem::replace(&mut reached_files[f], true)));
                projects.extend(self.projects.declared_dependencies(project).into_iter().map(Some));
            }
            if !std::mem::replace(&mut reached_files[file], true) {
                queue.push_back(file);
            }
        };
        for index in (0..files.len()).filter(|index| in_scope(&files[*index])) {
            reach(index, &mut queue);
        }
        let mut part = PartReport::default();
        let mut scoped_files = 0;
        while let Some(index) = queue.pop_front() {
            let edges_before = part.graph.edges.len();
            let (diagnostics, dependencies) = self.check_source_file(index, &mut part.graph);
            if in_scope(&files[index]) {
                scoped_files += 1;
                part.diagnostics.extend(diagnostics);
                part.dependencies += dependencies;
            }
            let targets: Vec<usize> = part.graph.edges[edges_before..].iter().map(|edge| edge.to).collect();
            for target in targets {
                reach(target, &mut queue);
            }
        }
        let mut report = self.join_graph(vec![part], false);
        report.diagnostics.retain(|diagnostic| in_scope(&diagnostic.file));
        report.files = scoped_files;
        report
    }

    /// Joins the slices of a whole-workspace check: keeps their graph for later whole-graph
    /// questions and adds the whole-graph diagnostics. Sorted by file, position, rule.
    pub fn finish_check(&self, parts: Vec<PartReport>) -> CheckReport {
        self.join_graph(parts, true)
    }

    /// `finish_check`; the graph is kept for later `check_graph` calls only when `whole` (it
    /// has every file's edges).
    fn join_graph(&self, parts: Vec<PartReport>, whole: bool) -> CheckReport {
        let mut report = CheckReport { files: self.source_files().len(), ..CheckReport::default() };
        let mut graph = ImportGraph::new(self.owners(), false);
        let mut ignored = Vec::new();
        for part in parts {
            report.diagnostics.extend(part.diagnostics);
            report.dependencies += part.dependencies;
            for edge in part.graph.edges {
                graph.add_edge(edge);
            }
            for (file, package) in part.graph.packages {
                graph.add_package(file, package);
            }
            for (index, hash) in part.graph.hashes {
                graph.set_hash(index, hash);
            }
            ignored.extend(part.graph.ignored);
        }
        if let Ok(mut counts) = self.ignored_imports.lock() {
            counts.clear();
            for folder in ignored {
                *counts.entry(folder).or_default() += 1;
            }
        }
        if self.rules.has_graph_rules() {
            let found = self.graph_findings(&graph, Nodes::All);
            report.diagnostics.extend(self.graph_diagnostics(found, None));
        }
        if whole && let Ok(mut slot) = self.graph.lock() {
            *slot = Some(graph);
        }
        report.diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        report
    }

    /// The whole-graph diagnostics (`no-cycle`, and the project-graph part of
    /// `enforce-module-boundaries`) of the file at `path` whose current text is `text`. The graph
    /// is built on the first call (every file read from disk); later calls refresh only this
    /// file's edges, from `text`.
    pub fn check_graph(&self, path: &Path, text: &str) -> Vec<Diagnostic> {
        if !self.rules.has_graph_rules() {
            return Vec::new();
        }
        let Some(file) = self.relative(path) else { return Vec::new() };
        let Some(node) = self.index_of(&file).filter(|_| self.is_checked(&file)) else { return Vec::new() };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let Ok(mut slot) = self.graph.lock() else { return Vec::new() };
        let graph = slot.get_or_insert_with(|| self.read_graph());
        if graph.stale {
            self.reread_graph(graph);
        }
        self.update_file(graph, node, text);
        let found = self.graph_findings(graph, Nodes::One(node));
        let mut diagnostics = self.graph_diagnostics(found, Some(text));
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        diagnostics
    }

    /// Each source file's project.
    fn owners(&self) -> Vec<Option<usize>> {
        self.source_files().iter().map(|file| self.projects.owner_of(file)).collect()
    }

    /// The graph rules' findings on the imports of `nodes`.
    fn graph_findings(&self, graph: &ImportGraph, nodes: Nodes) -> Vec<Reported<GraphFinding>> {
        let mut found = Vec::new();
        self.rules.check_graph(&graph.view(self.source_files(), &self.projects), nodes, &mut found);
        found
    }

    /// Reads every source file and resolves its imports.
    fn read_graph(&self) -> ImportGraph {
        let mut graph = ImportGraph::new(self.owners(), true);
        self.reread_graph(&mut graph);
        graph
    }

    /// Re-reads every source file, re-resolving the imports of those whose text changed.
    fn reread_graph(&self, graph: &mut ImportGraph) {
        for node in 0..self.source_files().len() {
            let text = self.host.read_to_string(&self.root.join(&self.source_files()[node])).unwrap_or_default();
            self.update_file(graph, node, text.strip_prefix('\u{feff}').unwrap_or(&text));
        }
        graph.stale = false;
    }

    /// Brings source file `node`'s edges up to date with `text`.
    fn update_file(&self, graph: &mut ImportGraph, node: usize, text: &str) {
        let hash = text_hash(text);
        if graph.is_current(node, hash) {
            return;
        }
        let (edges, packages) = self.edges_of(node, text);
        graph.replace_file(node, edges, packages, hash);
    }

    /// Renders whole-graph findings; `text` is the text of the file they are on when the caller
    /// has it, else each file is read.
    fn graph_diagnostics(&self, found: Vec<Reported<GraphFinding>>, text: Option<&str>) -> Vec<Diagnostic> {
        let mut texts: HashMap<usize, String> = HashMap::new();
        found
            .into_iter()
            .map(|(meta, severity, found)| {
                let file = &self.source_files()[found.file];
                let text = texts.entry(found.file).or_insert_with(|| {
                    let text = text.map_or_else(
                        || self.host.read_to_string(&self.root.join(file)).unwrap_or_default(),
                        str::to_string,
                    );
                    text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)
                });
                let lines = &LineIndex::new(text);
                let mut diagnostic = Diagnostic::render(meta, severity, file, found.finding, lines);
                diagnostic.cycle = found.cycle;
                diagnostic
            })
            .collect()
    }
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text) => out.push(text.clone()),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}
