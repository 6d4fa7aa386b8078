//! Module resolution through the host: relative paths, tsconfig `paths`/`baseUrl` (with
//! `extends`), workspace packages by name (`exports`, `main`), `#imports`, Node built-ins and npm
//! packages. `oxc_resolver` does the resolving; workspace packages are modelled as
//! `node_modules/<name>` links to their folders, as a package manager would create them.

use rustc_hash::FxHashMap as HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use oxc_resolver::{
    FileMetadata, FileSystem, ResolveContext, ResolveError, ResolveOptions, ResolverGeneric, TsConfig,
    TsconfigDiscovery, TsconfigOptions, TsconfigReferences,
};

use crate::discovery::{IgnoreRules, in_skipped_dir};
use crate::host::{EntryKind, Host, MemoryHost};
use crate::imports::{SOURCE_EXTENSIONS, is_source_path};
use crate::project::package_name_of;

/// Where a specifier leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// A file of the workspace, workspace-relative.
    Local { file: String },
    /// An npm package, by name and subpath (installed or not).
    Npm { package: String, subpath: Option<String> },
    /// A Node built-in, without the `node:` prefix.
    Builtin { name: String },
    /// A local-looking specifier (relative, alias, workspace package, `#import`) with no file.
    Unresolved,
    /// A file outside the workspace or inside `node_modules` reached by path.
    Outside,
    /// A workspace package whose entry is not there (its `main` or `exports` name build output
    /// that is not built): the import leads to its project, the file is unknown.
    WorkspacePackage { package: String, subpath: Option<String>, root: String },
    /// A file that is not there, where git ignores files (generated code, such as Panda's
    /// `styled-system/` or Nest's `metadata.ts`): `path` is where it would be, `folder` the
    /// ignored folder it lies in (or its own folder, when only the file is ignored).
    Ignored { path: String, folder: String },
}

/// The host seen through `oxc_resolver`'s file system trait, plus the virtual package links.
struct HostFs {
    host: Arc<dyn Host>,
    /// `(link path, target folder)`, both absolute.
    links: Vec<(PathBuf, PathBuf)>,
}

impl HostFs {
    /// `path` with a virtual link prefix replaced by its target.
    fn real(&self, path: &Path) -> Option<PathBuf> {
        self.links.iter().find_map(|(link, target)| {
            path.strip_prefix(link)
                .ok()
                .map(|rest| if rest.as_os_str().is_empty() { target.clone() } else { target.join(rest) })
        })
    }

    /// A folder that only exists to hold virtual links (`node_modules`, `node_modules/@scope`).
    fn is_link_parent(&self, path: &Path) -> bool {
        self.links.iter().any(|(link, _)| link.starts_with(path) && link != path)
    }

    fn is_link(&self, path: &Path) -> bool {
        self.links.iter().any(|(link, _)| link == path)
    }

    fn with_real<T>(&self, path: &Path, f: impl FnOnce(&Path) -> T) -> T {
        match self.real(path) {
            Some(real) => f(&real),
            None => f(path),
        }
    }
}

fn metadata_of(kind: Option<EntryKind>, is_symlink: bool) -> io::Result<FileMetadata> {
    match kind {
        Some(EntryKind::File) => Ok(FileMetadata::new(true, false, is_symlink)),
        Some(EntryKind::Dir) => Ok(FileMetadata::new(false, true, is_symlink)),
        None => Err(io::Error::new(io::ErrorKind::NotFound, "not found")),
    }
}

impl FileSystem for HostFs {
    fn new() -> Self {
        Self { host: Arc::new(MemoryHost::new()), links: Vec::new() }
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let text = self.read_to_string(path)?;
        // oxc fails every resolution below a `package.json` it cannot parse; one it cannot read
        // is passed over. A broken manifest is reported once by discovery, and resolution goes
        // on as if it were not there, so the rest of the workspace keeps its verdicts.
        if path.file_name().is_some_and(|name| name == "package.json")
            && serde_json::from_str::<serde::de::IgnoredAny>(&text).is_err()
        {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "not valid JSON"));
        }
        Ok(text.into_bytes())
    }

    fn read_to_string(&self, path: &Path) -> io::Result<String> {
        self.with_real(path, |p| self.host.read_to_string(p))
    }

    fn metadata(&self, path: &Path) -> io::Result<FileMetadata> {
        if self.is_link_parent(path) {
            return metadata_of(Some(EntryKind::Dir), false);
        }
        self.with_real(path, |p| metadata_of(self.host.kind(p), false))
    }

    fn symlink_metadata(&self, path: &Path) -> io::Result<FileMetadata> {
        if self.is_link(path) {
            return metadata_of(Some(EntryKind::Dir), true);
        }
        if self.is_link_parent(path) && self.host.kind(path).is_none() {
            return metadata_of(Some(EntryKind::Dir), false);
        }
        self.with_real(path, |p| metadata_of(self.host.kind(p), self.host.is_symlink(p)))
    }

    fn read_link(&self, path: &Path) -> Result<PathBuf, ResolveError> {
        if let Some((_, target)) = self.links.iter().find(|(link, _)| link == path) {
            return Ok(target.clone());
        }
        self.with_real(path, |p| self.host.read_link(p)).map_err(ResolveError::from)
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        self.with_real(path, |p| self.host.canonicalize(p))
    }
}

/// Resolves specifiers for one workspace; caches everything it reads.
pub struct Resolver {
    inner: ResolverGeneric<HostFs>,
    host: Arc<dyn Host>,
    root: PathBuf,
    root_tsconfig: Option<PathBuf>,
    /// Workspace packages: name to absolute folder.
    packages: HashMap<String, PathBuf>,
    /// `root/node_modules/<name>` to each workspace package's folder.
    links: Vec<(PathBuf, PathBuf)>,
    tsconfigs: Mutex<HashMap<PathBuf, Option<Arc<TsConfig>>>>,
    /// Per alias-source tsconfig: its alias keys and what else decides resolution; `None` when
    /// it cannot be loaded.
    summaries: Mutex<HashMap<PathBuf, Option<Arc<AliasSummary>>>>,
    nearest_tsconfig: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Per tsconfig file: the config its aliases come from (see `alias_source`).
    alias_sources: Mutex<HashMap<PathBuf, PathBuf>>,
    /// Per importing folder: the tsconfig files that apply and their alias keys.
    folders: Mutex<HashMap<PathBuf, Arc<FolderContext>>>,
    /// Alias resolutions by (deciding tsconfig, specifier): an alias leads to the same file from
    /// every folder the tsconfig governs.
    aliased: Mutex<HashMap<(PathBuf, String), Resolution>>,
    warnings: Mutex<Vec<String>>,
    /// What a snapshot recorded of this work (see `ResolverRecords`).
    records: Option<Arc<dyn ResolverRecords>>,
    /// What git ignores: an import of a missing file there is generated code not generated yet.
    ignore: Arc<IgnoreRules>,
    /// Workspace packages' `package.json`, read once each (`None`: unreadable).
    manifests: Mutex<HashMap<PathBuf, Option<Arc<serde_json::Value>>>>,
}

/// What resolution worked out from the tsconfig files, recorded with a workspace snapshot
/// (`Resolver::records`) so that a workspace opened from it does not parse them again: the SWC
/// plugin opens one for every file it compiles. Keys and values are text (see `RecordKey`).
pub trait ResolverRecords: Send + Sync {
    fn record(&self, key: &str) -> Option<&str>;
}

/// The kinds of record, each keyed by a root-relative path (absolute outside the root):
/// `source:` + a tsconfig file, to the config that decides its aliases (`alias_source`);
/// `keys:` + such a config, to `AliasSummary::to_record`; `alias:` + the first config of a
/// folder, a tab and an exact alias key, to `encode_resolution` of where the key leads.
enum RecordKey<'a> {
    Source(&'a str),
    Keys(&'a str),
    Alias(&'a str, &'a str),
}

impl RecordKey<'_> {
    fn text(&self) -> String {
        match self {
            Self::Source(tsconfig) => format!("source:{tsconfig}"),
            Self::Keys(tsconfig) => format!("keys:{tsconfig}"),
            Self::Alias(tsconfig, key) => format!("alias:{tsconfig}\t{key}"),
        }
    }
}

/// Extensions tried for extensionless specifiers, sources first.
const EXTENSIONS: &[&str] = &[".ts", ".tsx", ".d.ts", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json"];

impl Resolver {
    /// `packages` are the workspace's own packages: name and absolute folder.
    pub fn new(
        host: Arc<dyn Host>,
        root: &Path,
        root_tsconfig: Option<PathBuf>,
        packages: &[(String, PathBuf)],
        ignore: Arc<IgnoreRules>,
    ) -> Self {
        let links: Vec<(PathBuf, PathBuf)> =
            packages.iter().map(|(name, dir)| (root.join("node_modules").join(name), dir.clone())).collect();
        let options = ResolveOptions {
            extensions: EXTENSIONS.iter().map(|e| (*e).to_string()).collect(),
            extension_alias: vec![
                (".js".into(), vec![".ts".into(), ".tsx".into(), ".d.ts".into(), ".js".into()]),
                (".jsx".into(), vec![".tsx".into(), ".jsx".into()]),
                (".mjs".into(), vec![".mts".into(), ".mjs".into()]),
                (".cjs".into(), vec![".cts".into(), ".cjs".into()]),
            ],
            condition_names: vec!["types".into(), "import".into(), "require".into(), "node".into(), "default".into()],
            main_fields: vec!["types".into(), "typings".into(), "module".into(), "main".into()],
            builtin_modules: false,
            // The tsconfig is passed per call; `Manual` with references off makes oxc apply its
            // `paths` (the file named here is not read by `resolve_with_context`).
            tsconfig: Some(TsconfigDiscovery::Manual(TsconfigOptions {
                config_file: root.join("tsconfig.json"),
                references: TsconfigReferences::Disabled,
            })),
            // Canonicalising every result costs an lstat per ancestor folder; only paths through
            // `node_modules` can be links that matter, and `classify` resolves those itself.
            symlinks: false,
            ..ResolveOptions::default()
        };
        let fs = HostFs { host: Arc::clone(&host), links: links.clone() };
        Self {
            inner: ResolverGeneric::new_with_file_system(fs, options),
            host,
            root: root.to_path_buf(),
            root_tsconfig,
            packages: packages.iter().cloned().collect(),
            links,
            tsconfigs: Mutex::new(HashMap::default()),
            summaries: Mutex::new(HashMap::default()),
            nearest_tsconfig: Mutex::new(HashMap::default()),
            folders: Mutex::new(HashMap::default()),
            aliased: Mutex::new(HashMap::default()),
            alias_sources: Mutex::new(HashMap::default()),
            warnings: Mutex::new(Vec::new()),
            records: None,
            ignore,
            manifests: Mutex::new(HashMap::default()),
        }
    }

    /// Answers tsconfig questions from `records` where they hold the answer.
    pub fn use_records(&mut self, records: Arc<dyn ResolverRecords>) {
        self.records = Some(records);
    }

    fn recorded(&self, key: &RecordKey<'_>) -> Option<&str> {
        self.records.as_deref()?.record(&key.text())
    }

    /// `path` as records key it: root-relative, else absolute.
    fn shown(&self, path: &Path) -> String {
        self.relative(path).unwrap_or(path).to_string_lossy().replace('\\', "/")
    }

    /// The path a record names (`shown`'s inverse).
    fn unshown(&self, shown: &str) -> PathBuf {
        let path = Path::new(shown);
        if path.has_root() { path.to_path_buf() } else { self.root.join(path) }
    }

    /// Forgets everything read from the file system, so files created or deleted since are seen.
    pub fn clear_cache(&self) {
        self.inner.clear_cache();
        if let Ok(mut tsconfigs) = self.tsconfigs.lock() {
            tsconfigs.clear();
        }
        if let Ok(mut summaries) = self.summaries.lock() {
            summaries.clear();
        }
        if let Ok(mut nearest) = self.nearest_tsconfig.lock() {
            nearest.clear();
        }
        if let Ok(mut folders) = self.folders.lock() {
            folders.clear();
        }
        if let Ok(mut sources) = self.alias_sources.lock() {
            sources.clear();
        }
        if let Ok(mut aliased) = self.aliased.lock() {
            aliased.clear();
        }
        if let Ok(mut manifests) = self.manifests.lock() {
            manifests.clear();
        }
    }

    /// Problems met while reading tsconfig files, each once.
    pub fn warnings(&self) -> Vec<String> {
        self.warnings.lock().map(|w| w.clone()).unwrap_or_default()
    }

    fn warn(&self, message: String) {
        if let Ok(mut warnings) = self.warnings.lock()
            && !warnings.contains(&message)
        {
            warnings.push(message);
        }
    }

    fn relative<'p>(&self, path: &'p Path) -> Option<&'p Path> {
        path.strip_prefix(&self.root).ok()
    }

    fn load_tsconfig(&self, path: &Path) -> Option<Arc<TsConfig>> {
        let mut cache = self.tsconfigs.lock().ok()?;
        if let Some(found) = cache.get(path) {
            return found.clone();
        }
        let loaded = match self.inner.resolve_tsconfig(path) {
            Ok(tsconfig) => Some(tsconfig),
            Err(err) => {
                self.warn(format!(
                    "{}: cannot be used for path aliases: {}",
                    self.shown(path),
                    self.tsconfig_problem(&err)
                ));
                None
            }
        };
        cache.insert(path.to_path_buf(), loaded.clone());
        loaded
    }

    /// Why a tsconfig file cannot be loaded, in words that name its files root-relative.
    fn tsconfig_problem(&self, err: &ResolveError) -> String {
        match err {
            ResolveError::TsconfigLoadFailed { source, .. } => self.tsconfig_problem(source),
            ResolveError::Json(json) => {
                let message = json.message.rfind(" at line ").map_or(json.message.as_str(), |at| &json.message[..at]);
                format!("{}:{}:{}: not valid JSON: {message}", self.shown(&json.path), json.line, json.column + 1)
            }
            ResolveError::TsconfigNotFound(missing) => {
                format!("it extends `{}`, which does not exist", self.shown(missing))
            }
            ResolveError::TsconfigCircularExtend(_) => "its `extends` chain comes back to itself".to_string(),
            other => other.to_string().replace(&format!("{}/", self.root.display()), ""),
        }
    }

    /// What decides resolution in the alias-source tsconfig `path`: recorded, or loaded.
    fn summary(&self, path: &Path) -> Option<Arc<AliasSummary>> {
        if let Some(found) = self.summaries.lock().ok().and_then(|summaries| summaries.get(path).cloned()) {
            return found;
        }
        let recorded =
            self.recorded(&RecordKey::Keys(&self.shown(path))).and_then(AliasSummary::from_record).map(Arc::new);
        let summary =
            recorded.or_else(|| self.load_tsconfig(path).map(|tsconfig| Arc::new(AliasSummary::of(&tsconfig))));
        if let Ok(mut summaries) = self.summaries.lock() {
            summaries.insert(path.to_path_buf(), summary.clone());
        }
        summary
    }

    /// The `tsconfig.json` nearest to `dir` inside the workspace, else the root tsconfig.
    fn tsconfig_path_for(&self, dir: &Path) -> Option<PathBuf> {
        if let Ok(cache) = self.nearest_tsconfig.lock()
            && let Some(found) = cache.get(dir)
        {
            return found.clone();
        }
        let mut current = Some(dir);
        let mut found = None;
        while let Some(candidate_dir) = current {
            if !candidate_dir.starts_with(&self.root) {
                break;
            }
            let candidate = candidate_dir.join("tsconfig.json");
            if self.host.kind(&candidate) == Some(EntryKind::File) {
                found = Some(candidate);
                break;
            }
            if candidate_dir == self.root {
                break;
            }
            current = candidate_dir.parent();
        }
        let found = found.map(|path| self.cached_alias_source(&path, 0)).or_else(|| self.root_tsconfig.clone());
        if let Ok(mut cache) = self.nearest_tsconfig.lock() {
            cache.insert(dir.to_path_buf(), found.clone());
        }
        found
    }

    fn cached_alias_source(&self, path: &Path, depth: usize) -> PathBuf {
        if let Some(found) = self.alias_sources.lock().ok().and_then(|sources| sources.get(path).cloned()) {
            return found;
        }
        let recorded = self.recorded(&RecordKey::Source(&self.shown(path))).map(|source| self.unshown(source));
        let source = recorded.unwrap_or_else(|| self.alias_source(path, depth));
        if let Ok(mut sources) = self.alias_sources.lock() {
            sources.insert(path.to_path_buf(), source.clone());
        }
        source
    }

    /// The config that decides `path`'s aliases: `path` itself when it declares `paths`,
    /// `baseUrl` or `rootDirs` (or cannot be read simply), else the config it `extends` by
    /// relative path. A per-project tsconfig that only extends the base then shares the base's
    /// one load.
    fn alias_source(&self, path: &Path, depth: usize) -> PathBuf {
        const MAX_EXTENDS: usize = 8;
        let Some(head) = self.host.read_to_string(path).ok().and_then(|text| {
            jsonc_parser::parse_to_serde_value::<TsconfigHead>(&text, &jsonc_parser::ParseOptions::default()).ok()
        }) else {
            return path.to_path_buf();
        };
        let declares_aliases = head.compiler_options.is_some_and(|options| {
            options.paths.is_some() || options.base_url.is_some() || options.root_dirs.is_some()
        });
        let extends = match &head.extends {
            Some(serde_json::Value::String(parent)) => Some(parent.as_str()),
            _ => None,
        };
        match extends {
            Some(parent) if depth < MAX_EXTENDS && !declares_aliases && parent.starts_with('.') => {
                let dir = path.parent().unwrap_or(path);
                let target = normalize(&dir.join(parent));
                let target = if self.host.kind(&target) == Some(EntryKind::File) {
                    target
                } else {
                    normalize(&dir.join(format!("{parent}.json")))
                };
                if self.host.kind(&target) == Some(EntryKind::File) {
                    self.cached_alias_source(&target, depth + 1)
                } else {
                    path.to_path_buf()
                }
            }
            _ => path.to_path_buf(),
        }
    }

    /// Loads the tsconfig files that apply in `dir`, and what they extend.
    pub fn prepare(&self, dir: &Path) {
        self.folder(dir);
    }

    /// The tsconfig files that apply in `dir` (nearest first, then the root one) and their
    /// alias keys, worked out once per folder.
    fn folder(&self, dir: &Path) -> Arc<FolderContext> {
        if let Some(found) = self.folders.lock().ok().and_then(|folders| folders.get(dir).cloned()) {
            return found;
        }
        let nearest = self.tsconfig_path_for(dir);
        let root = self.root_tsconfig.as_deref().filter(|root| nearest.as_deref() != Some(*root));
        let (sources, summaries) = nearest
            .as_deref()
            .into_iter()
            .chain(root)
            .filter_map(|path| self.summary(path).map(|summary| (path.to_path_buf(), summary)))
            .unzip();
        let context = Arc::new(FolderContext { sources, summaries, tsconfigs: OnceLock::new() });
        if let Ok(mut folders) = self.folders.lock() {
            folders.insert(dir.to_path_buf(), Arc::clone(&context));
        }
        context
    }

    /// The file `specifier` names from `dir`, using `tsconfig` for aliases.
    fn resolve_path(&self, dir: &Path, specifier: &str, tsconfig: Option<&TsConfig>) -> Option<PathBuf> {
        let mut context = ResolveContext::default();
        let found = self.inner.resolve_with_context(dir, specifier, tsconfig, &mut context).ok()?;
        Some(self.through_links(found.path()))
    }

    /// The first hit of `specifier` with each tsconfig of `folder` (none when none can change
    /// where it leads, which saves loading them).
    fn resolve_with(&self, folder: &FolderContext, dir: &Path, specifier: &str) -> Option<PathBuf> {
        let tsconfigs = if folder.tsconfigs_matter(specifier) { self.tsconfigs_of(folder) } else { &[] };
        if tsconfigs.is_empty() {
            return self.resolve_path(dir, specifier, None);
        }
        tsconfigs.iter().find_map(|tsconfig| self.resolve_path(dir, specifier, Some(tsconfig)))
    }

    fn tsconfigs_of<'f>(&self, folder: &'f FolderContext) -> &'f [Arc<TsConfig>] {
        folder.tsconfigs.get_or_init(|| folder.sources.iter().filter_map(|path| self.load_tsconfig(path)).collect())
    }

    /// Where `specifier`, written in a file of the folder `dir` (absolute), leads.
    pub fn resolve_in(&self, dir: &Path, specifier: &str) -> Resolution {
        self.resolve_from(dir, specifier)
    }

    /// The root tsconfig, root-relative, when there is one.
    pub fn root_tsconfig_name(&self) -> Option<String> {
        self.root_tsconfig.as_deref().map(|path| self.shown(path))
    }

    /// The non-wildcard `paths` keys of the root tsconfig, with the file each resolves to.
    pub fn exact_aliases(&self) -> Vec<(String, PathBuf)> {
        let Some(tsconfig) = self.root_tsconfig.as_deref().and_then(|path| self.load_tsconfig(path)) else {
            return Vec::new();
        };
        let keys: Vec<String> = alias_keys(&tsconfig).filter(|key| !key.contains('*')).map(str::to_string).collect();
        keys.into_iter()
            .filter_map(|key| self.resolve_path(&self.root, &key, Some(&tsconfig)).map(|path| (key, path)))
            .collect()
    }

    /// Where `specifier`, written in the file at `importer` (absolute), leads.
    pub fn resolve(&self, importer: &Path, specifier: &str) -> Resolution {
        self.resolve_from(importer.parent().unwrap_or(&self.root), specifier)
    }

    /// What `use_records` takes: the tsconfig work done so far (`prepare` every source folder
    /// first), and where each exact alias key leads from each set of tsconfig files.
    pub fn records(&self) -> Vec<(String, String)> {
        let mut records = Vec::new();
        let sources: Vec<(PathBuf, PathBuf)> = self
            .alias_sources
            .lock()
            .map(|sources| sources.iter().map(|(path, source)| (path.clone(), source.clone())).collect())
            .unwrap_or_default();
        for (path, source) in sources {
            records.push((RecordKey::Source(&self.shown(&path)).text(), self.shown(&source)));
        }
        let summaries: Vec<(PathBuf, Arc<AliasSummary>)> = self
            .summaries
            .lock()
            .map(|summaries| {
                summaries
                    .iter()
                    .filter_map(|(path, summary)| Some((path.clone(), Arc::clone(summary.as_ref()?))))
                    .collect()
            })
            .unwrap_or_default();
        for (path, summary) in summaries {
            if let Some(record) = summary.to_record() {
                records.push((RecordKey::Keys(&self.shown(&path)).text(), record));
            }
        }
        let mut folders: Vec<(PathBuf, Arc<FolderContext>)> = self
            .folders
            .lock()
            .map(|folders| folders.iter().map(|(dir, folder)| (dir.clone(), Arc::clone(folder))).collect())
            .unwrap_or_default();
        folders.sort_by(|a, b| a.0.cmp(&b.0));
        let mut done = std::collections::HashSet::new();
        for (dir, folder) in folders {
            let Some(first) = folder.sources.first().filter(|first| done.insert((*first).clone())) else { continue };
            let first = self.shown(first);
            let keys: std::collections::BTreeSet<&str> =
                folder.summaries.iter().flat_map(|summary| summary.keys.exact()).collect();
            for key in keys {
                let resolution = self.resolve_from(&dir, key);
                records.push((RecordKey::Alias(&first, key).text(), encode_resolution(&resolution)));
            }
        }
        records
    }

    fn resolve_from(&self, dir: &Path, specifier: &str) -> Resolution {
        let folder = self.folder(dir);
        if let Some(name) = specifier.strip_prefix("node:") {
            return Resolution::Builtin { name: name.to_string() };
        }
        let relative = specifier.starts_with('.') || specifier.starts_with('/');
        let (package, subpath) = package_name_of(specifier);
        let alias = !relative && folder.summaries.iter().any(|summary| summary.keys.matches(specifier));
        let local_looking = relative || alias || specifier.starts_with('#') || self.packages.contains_key(package);
        if !local_looking {
            if is_builtin(specifier) {
                return Resolution::Builtin { name: specifier.to_string() };
            }
            // Only a `baseUrl` could make this bare specifier local; else it is named, not found.
            if !folder.has_base_url() {
                return Resolution::Npm { package: package.to_string(), subpath: subpath.map(str::to_string) };
            }
        }
        let memo_key =
            alias.then(|| folder.sources.first().map(|source| (source.clone(), specifier.to_string()))).flatten();
        if let Some(key) = &memo_key
            && let Some(found) = self.aliased.lock().ok().and_then(|aliased| aliased.get(key).cloned())
        {
            return found;
        }
        let recorded = memo_key.as_ref().and_then(|(source, _)| {
            self.recorded(&RecordKey::Alias(&self.shown(source), specifier)).and_then(decode_resolution)
        });
        let resolution = recorded.unwrap_or_else(|| self.resolve_uncached(&folder, dir, specifier, local_looking));
        if let Some(key) = memo_key
            && let Ok(mut aliased) = self.aliased.lock()
        {
            aliased.insert(key, resolution.clone());
        }
        resolution
    }

    fn resolve_uncached(&self, folder: &FolderContext, dir: &Path, specifier: &str, local_looking: bool) -> Resolution {
        let (package, subpath) = package_name_of(specifier);
        let by_name = !specifier.starts_with(['.', '/', '#']);
        let workspace_package = self.packages.get(package).filter(|_| by_name);
        let aliased = folder.summaries.iter().any(|summary| summary.keys.matches(specifier));
        // A workspace package that no tsconfig alias names: its own manifest says where its
        // source is, whether or not it has been built.
        if let Some(package_dir) = workspace_package
            && !aliased
        {
            return self.resolve_workspace_package(package, package_dir, subpath);
        }
        match self.resolve_with(folder, dir, specifier) {
            Some(path) => self.classify(&path, specifier, local_looking),
            None => match workspace_package {
                Some(package_dir) => self.resolve_workspace_package(package, package_dir, subpath),
                None if local_looking => self.missing(&self.would_be(folder, dir, specifier)),
                None => Resolution::Npm { package: package.to_string(), subpath: subpath.map(str::to_string) },
            },
        }
    }

    /// The workspace package `package` (in `package_dir`) and the `subpath` of it an import
    /// names, resolved the way Nx and bundlers reach a package of the same repository: its
    /// source first (an `exports` target or a field that names a source file, such as a `source`
    /// or custom condition, or `types` pointing into `src/`; else `src/index.*` or `index.*`),
    /// then what is built. When neither is there, the import still leads to its project.
    fn resolve_workspace_package(&self, package: &str, package_dir: &Path, subpath: Option<&str>) -> Resolution {
        let manifest = self.manifest(package_dir);
        let exports = manifest.as_deref().and_then(|manifest| manifest.get("exports"));
        let declared = match exports {
            Some(exports) => export_targets(exports, subpath),
            None if subpath.is_none() => Some(entry_fields(manifest.as_deref())),
            None => None,
        };
        let Some(targets) = declared else {
            // A subpath the package does not declare still names its file: resolving it lets
            // `entry-point` report the deep import rather than a bare "unresolved".
            let subpath = subpath.unwrap_or_default();
            return match self.resolve_path(package_dir, &format!("./{subpath}"), None) {
                Some(path) => self.classify(&path, package, true),
                None => self.missing(&[normalize(&package_dir.join(subpath))]),
            };
        };
        let paths: Vec<PathBuf> = targets.iter().map(|target| normalize(&package_dir.join(target))).collect();
        let is_file = |path: &&PathBuf| self.host.kind(path) == Some(EntryKind::File);
        let source = paths.iter().filter(is_file).find(|path| self.is_source_file(path)).cloned();
        let index = || subpath.is_none().then(|| self.conventional_index(package_dir)).flatten();
        if let Some(path) = source.or_else(index).or_else(|| paths.iter().find(is_file).cloned()) {
            return self.classify(&path, package, true);
        }
        let ignored = paths
            .iter()
            .filter(|path| !self.relative(path).is_some_and(|rest| in_skipped_dir(&rest.to_string_lossy())))
            .find_map(|path| self.ignored(path));
        ignored.unwrap_or_else(|| Resolution::WorkspacePackage {
            package: package.to_string(),
            subpath: subpath.map(str::to_string),
            root: self.relative(package_dir).map(|root| root.to_string_lossy().replace('\\', "/")).unwrap_or_default(),
        })
    }

    /// Whether `path` is a source file of the workspace (not a declaration file, not in build
    /// output or `node_modules`).
    fn is_source_file(&self, path: &Path) -> bool {
        let Some(relative) = self.relative(path) else { return false };
        let relative = relative.to_string_lossy();
        is_source_path(&relative) && !relative.ends_with(".d.ts") && !in_skipped_dir(&relative)
    }

    /// `src/index.*`, else `index.*`, of a package folder: where a package's source starts by
    /// convention.
    fn conventional_index(&self, package_dir: &Path) -> Option<PathBuf> {
        ["src/index", "index"].iter().find_map(|stem| {
            SOURCE_EXTENSIONS
                .iter()
                .map(|ext| package_dir.join(format!("{stem}.{ext}")))
                .find(|path| self.host.kind(path) == Some(EntryKind::File))
        })
    }

    /// The `package.json` of the workspace package in `package_dir`, read once.
    fn manifest(&self, package_dir: &Path) -> Option<Arc<serde_json::Value>> {
        if let Some(known) = self.manifests.lock().ok().and_then(|manifests| manifests.get(package_dir).cloned()) {
            return known;
        }
        let manifest = self
            .host
            .read_to_string(&package_dir.join("package.json"))
            .ok()
            .and_then(|text| {
                jsonc_parser::parse_to_serde_value::<serde_json::Value>(&text, &jsonc_parser::ParseOptions::default())
                    .ok()
            })
            .map(Arc::new);
        if let Ok(mut manifests) = self.manifests.lock() {
            manifests.insert(package_dir.to_path_buf(), manifest.clone());
        }
        manifest
    }

    /// What an import of a missing file is: `Ignored` when one of the places it would be lies
    /// where git ignores files, else `Unresolved`.
    fn missing(&self, would_be: &[PathBuf]) -> Resolution {
        would_be.iter().find_map(|path| self.ignored(path)).unwrap_or(Resolution::Unresolved)
    }

    /// `Ignored` when the file `path` names (as written, with a source extension, or as a folder's
    /// index) is ignored by git in the workspace.
    fn ignored(&self, path: &Path) -> Option<Resolution> {
        let relative = self.relative(path)?.to_string_lossy().replace('\\', "/");
        if relative.is_empty() || relative.starts_with("..") {
            return None;
        }
        let mut candidates = vec![relative.clone()];
        for ext in SOURCE_EXTENSIONS.iter().chain(&["json"]) {
            candidates.push(format!("{relative}.{ext}"));
            candidates.push(format!("{relative}/index.{ext}"));
        }
        let file = candidates.into_iter().find(|candidate| self.ignore.is_ignored(candidate))?;
        let folder = self
            .ignore
            .ignored_folder(&file)
            .unwrap_or_else(|| file.rsplit_once('/').map_or(String::new(), |(folder, _)| folder.to_string()));
        Some(Resolution::Ignored { path: relative, folder })
    }

    /// Where the file `specifier` names would be, for an import that found none: the path
    /// itself for a relative one, each target of the tsconfig aliases that match it.
    fn would_be(&self, folder: &FolderContext, dir: &Path, specifier: &str) -> Vec<PathBuf> {
        if specifier.starts_with('.') {
            return vec![normalize(&dir.join(specifier))];
        }
        if specifier.starts_with('#') || specifier.starts_with('/') {
            return Vec::new();
        }
        self.tsconfigs_of(folder)
            .iter()
            .flat_map(|tsconfig| tsconfig.resolve_path_alias_or_base_url(specifier))
            .map(|path| normalize(&path))
            .collect()
    }

    /// `path` with package links followed: the virtual links of workspace packages directly,
    /// real ones (a package manager's) through the host.
    fn through_links(&self, path: &Path) -> PathBuf {
        if !path.components().any(|c| c.as_os_str() == "node_modules") {
            return path.to_path_buf();
        }
        for (link, target) in &self.links {
            if let Ok(rest) = path.strip_prefix(link) {
                return target.join(rest);
            }
        }
        self.host.canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    }

    fn classify(&self, path: &Path, specifier: &str, local_looking: bool) -> Resolution {
        let in_node_modules = path.components().any(|c| c.as_os_str() == "node_modules");
        match self.relative(path) {
            Some(relative) if !in_node_modules => {
                Resolution::Local { file: relative.to_string_lossy().replace('\\', "/") }
            }
            _ if !local_looking => {
                let (package, subpath) = package_name_of(specifier);
                Resolution::Npm { package: package.to_string(), subpath: subpath.map(str::to_string) }
            }
            _ => Resolution::Outside,
        }
    }
}

/// What the resolver knows about one importing folder.
struct FolderContext {
    /// The alias-source tsconfig files that apply, nearest first, then the root one.
    sources: Vec<PathBuf>,
    /// What each of `sources` says.
    summaries: Vec<Arc<AliasSummary>>,
    /// `sources` loaded, when a specifier needs them.
    tsconfigs: OnceLock<Vec<Arc<TsConfig>>>,
}

impl FolderContext {
    /// A `baseUrl` can turn any bare specifier into a local file.
    fn has_base_url(&self) -> bool {
        self.summaries.iter().any(|summary| summary.base_url)
    }

    /// Whether the tsconfig files can change where `specifier` leads: `paths` and `baseUrl` apply
    /// to bare specifiers, `rootDirs` to relative ones; `/` and `#` specifiers may lead through
    /// either.
    fn tsconfigs_matter(&self, specifier: &str) -> bool {
        if specifier.starts_with('.') {
            return self.summaries.iter().any(|summary| summary.root_dirs);
        }
        specifier.starts_with('/')
            || specifier.starts_with('#')
            || self.summaries.iter().any(|summary| summary.base_url || summary.keys.matches(specifier))
    }
}

/// What an alias-source tsconfig says that decides resolution, short of loading it.
struct AliasSummary {
    keys: AliasKeys,
    base_url: bool,
    root_dirs: bool,
}

impl AliasSummary {
    fn of(tsconfig: &TsConfig) -> Self {
        let options = &tsconfig.compiler_options;
        Self {
            keys: AliasKeys::new(alias_keys(tsconfig)),
            base_url: options.base_url.is_some(),
            root_dirs: options.root_dirs.is_some(),
        }
    }

    /// A line of flags (`baseUrl`, `rootDirs`, space-separated), then one line per alias key;
    /// `None` for a key with a line break, which the record could not hold.
    fn to_record(&self) -> Option<String> {
        let flags = [("baseUrl", self.base_url), ("rootDirs", self.root_dirs)];
        let flags: Vec<&str> = flags.iter().filter(|(_, on)| *on).map(|(flag, _)| *flag).collect();
        let mut keys: Vec<String> = self.keys.exact().map(str::to_string).collect();
        keys.extend(self.keys.wildcards.iter().map(|(prefix, suffix)| format!("{prefix}*{suffix}")));
        keys.sort_unstable();
        if keys.iter().any(|key| key.contains('\n')) {
            return None;
        }
        Some(std::iter::once(flags.join(" ")).chain(keys).collect::<Vec<_>>().join("\n"))
    }

    fn from_record(record: &str) -> Option<Self> {
        let mut lines = record.split('\n');
        let flags: Vec<&str> = lines.next()?.split(' ').collect();
        Some(Self {
            keys: AliasKeys::new(lines),
            base_url: flags.contains(&"baseUrl"),
            root_dirs: flags.contains(&"rootDirs"),
        })
    }
}

/// A resolution as a record's value: a letter for the kind, then its fields, tab-separated.
fn encode_resolution(resolution: &Resolution) -> String {
    match resolution {
        Resolution::Local { file } => format!("L{file}"),
        Resolution::Npm { package, subpath: None } => format!("N{package}"),
        Resolution::Npm { package, subpath: Some(subpath) } => format!("N{package}\t{subpath}"),
        Resolution::Builtin { name } => format!("B{name}"),
        Resolution::Unresolved => "U".to_string(),
        Resolution::Outside => "O".to_string(),
        Resolution::WorkspacePackage { package, subpath, root } => {
            format!("W{package}\t{root}\t{}", subpath.as_deref().unwrap_or_default())
        }
        Resolution::Ignored { path, folder } => format!("I{path}\t{folder}"),
    }
}

fn decode_resolution(record: &str) -> Option<Resolution> {
    let rest = record.get(1..)?;
    Some(match record.as_bytes().first()? {
        b'L' => Resolution::Local { file: rest.to_string() },
        b'N' => match rest.split_once('\t') {
            Some((package, subpath)) => {
                Resolution::Npm { package: package.to_string(), subpath: Some(subpath.to_string()) }
            }
            None => Resolution::Npm { package: rest.to_string(), subpath: None },
        },
        b'B' => Resolution::Builtin { name: rest.to_string() },
        b'U' => Resolution::Unresolved,
        b'O' => Resolution::Outside,
        b'W' => {
            let mut fields = rest.splitn(3, '\t');
            let (package, root, subpath) = (fields.next()?, fields.next()?, fields.next()?);
            Resolution::WorkspacePackage {
                package: package.to_string(),
                subpath: (!subpath.is_empty()).then(|| subpath.to_string()),
                root: root.to_string(),
            }
        }
        b'I' => {
            let (path, folder) = rest.split_once('\t')?;
            Resolution::Ignored { path: path.to_string(), folder: folder.to_string() }
        }
        _ => return None,
    })
}

/// The targets a package's `exports` gives `subpath` (`None`: the package itself), best first:
/// targets under a condition naming a source (`source`, or a custom one such as
/// `@acme/source`), then `types`, then the rest; `None` when `exports` does not declare it.
fn export_targets(exports: &serde_json::Value, subpath: Option<&str>) -> Option<Vec<String>> {
    use serde_json::Value;
    let key = subpath.map_or_else(|| ".".to_string(), |rest| format!("./{rest}"));
    let entry = match exports {
        Value::Object(map) if map.keys().any(|name| name.starts_with('.')) => {
            if let Some(entry) = map.get(&key) {
                entry.clone()
            } else {
                // The longest pattern key matching the subpath, as Node picks it.
                let (pattern, star) = map
                    .iter()
                    .filter_map(|(name, value)| {
                        let (prefix, suffix) = name.split_once('*')?;
                        let star = key.strip_prefix(prefix)?.strip_suffix(suffix)?;
                        Some(((prefix.len(), value), star))
                    })
                    .max_by_key(|((prefix, _), _)| *prefix)?;
                substitute(pattern.1, star)
            }
        }
        // A string, an array, or conditions: all for the package itself.
        other if subpath.is_none() => other.clone(),
        _ => return None,
    };
    let mut leaves = Vec::new();
    collect_targets(&entry, 2, &mut leaves);
    leaves.sort_by_key(|(rank, _)| *rank);
    Some(leaves.into_iter().map(|(_, target)| target).collect())
}

/// `value` with every `*` of its string leaves replaced by `star`.
fn substitute(value: &serde_json::Value, star: &str) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::String(target) => Value::String(target.replace('*', star)),
        Value::Array(items) => Value::Array(items.iter().map(|item| substitute(item, star)).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(key, item)| (key.clone(), substitute(item, star))).collect())
        }
        other => other.clone(),
    }
}

/// The string leaves of an `exports` entry, each ranked by the conditions above it (0 for a
/// source condition, 1 for `types`, else `rank`).
fn collect_targets(value: &serde_json::Value, rank: u8, out: &mut Vec<(u8, String)>) {
    use serde_json::Value;
    match value {
        Value::String(target) => out.push((rank, target.clone())),
        Value::Array(items) => items.iter().for_each(|item| collect_targets(item, rank, out)),
        Value::Object(conditions) => {
            for (condition, item) in conditions {
                let inner = if condition.contains("source") {
                    0
                } else if condition == "types" || condition == "typings" {
                    rank.min(1)
                } else {
                    rank
                };
                collect_targets(item, inner, out);
            }
        }
        _ => {}
    }
}

/// The entry fields of a `package.json` without `exports`: `source` first, then the type
/// declarations (which may be TypeScript sources), then `module` and `main`.
fn entry_fields(manifest: Option<&serde_json::Value>) -> Vec<String> {
    ["source", "types", "typings", "module", "main"]
        .iter()
        .filter_map(|field| manifest?.get(field)?.as_str().map(str::to_string))
        .collect()
}

/// The `paths` keys of a tsconfig file, ready to test a specifier: exact keys by binary search.
struct AliasKeys {
    /// The exact keys, sorted and deduplicated, one after another (one allocation for all: the
    /// SWC plugin builds these for every file it compiles).
    text: String,
    /// Where each exact key ends in `text`.
    ends: Vec<usize>,
    /// `(prefix, suffix)` of each key with a `*`.
    wildcards: Vec<(String, String)>,
}

impl AliasKeys {
    fn new<'a>(keys: impl Iterator<Item = &'a str>) -> Self {
        let mut exact = Vec::new();
        let mut wildcards = Vec::new();
        for key in keys {
            match key.split_once('*') {
                Some((prefix, suffix)) => wildcards.push((prefix.to_string(), suffix.to_string())),
                None => exact.push(key),
            }
        }
        exact.sort_unstable();
        exact.dedup();
        wildcards.sort();
        wildcards.dedup();
        let mut text = String::with_capacity(exact.iter().map(|key| key.len()).sum());
        let ends = exact
            .iter()
            .map(|key| {
                text.push_str(key);
                text.len()
            })
            .collect();
        Self { text, ends, wildcards }
    }

    /// The exact keys, sorted.
    fn exact(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).map(|index| self.exact_key(index))
    }

    fn exact_key(&self, index: usize) -> &str {
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        &self.text[start..self.ends[index]]
    }

    fn matches(&self, specifier: &str) -> bool {
        crate::sorted::search(self.ends.len(), |index| self.exact_key(index).cmp(specifier)).is_ok()
            || self.wildcards.iter().any(|(prefix, suffix)| {
                specifier.len() >= prefix.len() + suffix.len()
                    && specifier.starts_with(prefix.as_str())
                    && specifier.ends_with(suffix.as_str())
            })
    }
}

fn alias_keys(tsconfig: &TsConfig) -> impl Iterator<Item = &str> {
    tsconfig.compiler_options.paths.iter().flat_map(|paths| paths.keys().map(String::as_str))
}

/// `path` with `.` and `..` folded away, so one file has one cache key; `..` above the start is
/// kept.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(component);
                }
            }
            _ => out.push(component),
        }
    }
    out
}

/// Node built-ins that may be written without `node:`.
pub fn is_builtin(specifier: &str) -> bool {
    nodejs_built_in_modules::BUILTINS.contains(&specifier)
}

/// What `alias_source` reads of a tsconfig: whether it declares aliases, and what it extends.
/// The values of `paths`, `baseUrl` and `rootDirs` are skipped, not built.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct TsconfigHead {
    extends: Option<serde_json::Value>,
    compiler_options: Option<CompilerOptionsHead>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct CompilerOptionsHead {
    #[serde(default, deserialize_with = "present")]
    paths: Option<()>,
    #[serde(default, deserialize_with = "present")]
    base_url: Option<()>,
    #[serde(default, deserialize_with = "present")]
    root_dirs: Option<()>,
}

/// `Some` for a key that is there, whatever its value (`null` included).
fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<()>, D::Error> {
    <serde::de::IgnoredAny as serde::Deserialize>::deserialize(deserializer).map(|_| Some(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolver(host: MemoryHost) -> Resolver {
        let host: Arc<dyn Host> = Arc::new(host);
        let ignore = Arc::new(IgnoreRules::new(Arc::clone(&host), Path::new("/w"), &[]));
        Resolver::new(
            host,
            Path::new("/w"),
            Some(PathBuf::from("/w/tsconfig.base.json")),
            &[("@acme/pkg".into(), PathBuf::from("/w/packages/pkg"))],
            ignore,
        )
    }

    fn workspace() -> MemoryHost {
        MemoryHost::new()
            .with_file("/w/tsconfig.base.json", r#"{"compilerOptions":{"paths":{"@acme/lib":["libs/lib/src/index.ts"],"@acme/lib/*":["libs/lib/*"]}}}"#)
            .with_file("/w/libs/lib/tsconfig.json", r#"{"extends":"../../tsconfig.base.json","files":[]}"#)
            .with_file("/w/libs/lib/src/index.ts", "")
            .with_file("/w/libs/lib/src/internal.ts", "")
            .with_file("/w/apps/app/src/main.ts", "")
            .with_file("/w/apps/app/src/util/index.ts", "")
            .with_file("/w/apps/app/src/esm.ts", "")
            .with_file("/w/packages/pkg/package.json", r##"{"name":"@acme/pkg","exports":{".":{"types":"./src/index.ts","default":"./dist/index.js"},"./features/*":"./src/features/*.ts"},"imports":{"#internal":"./src/internal.ts"}}"##)
            .with_file("/w/packages/pkg/src/index.ts", "")
            .with_file("/w/packages/pkg/src/internal.ts", "")
            .with_file("/w/packages/pkg/src/features/a.ts", "")
    }

    fn local(file: &str) -> Resolution {
        Resolution::Local { file: file.to_string() }
    }

    #[test]
    fn resolves_every_kind() {
        let r = resolver(workspace());
        let main = Path::new("/w/apps/app/src/main.ts");
        assert_eq!(r.resolve(main, "./util"), local("apps/app/src/util/index.ts"));
        assert_eq!(r.resolve(main, "./esm.js"), local("apps/app/src/esm.ts"));
        assert_eq!(r.resolve(main, "./missing"), Resolution::Unresolved);
        assert_eq!(r.resolve(main, "@acme/lib"), local("libs/lib/src/index.ts"));
        assert_eq!(r.resolve(main, "@acme/lib/src/internal"), local("libs/lib/src/internal.ts"));
        assert_eq!(r.resolve(main, "@acme/lib/src/nope"), Resolution::Unresolved);
        assert_eq!(r.resolve(main, "@acme/pkg"), local("packages/pkg/src/index.ts"));
        assert_eq!(r.resolve(main, "@acme/pkg/features/a"), local("packages/pkg/src/features/a.ts"));
        assert_eq!(
            r.resolve(Path::new("/w/packages/pkg/src/index.ts"), "#internal"),
            local("packages/pkg/src/internal.ts")
        );
        assert_eq!(r.resolve(main, "fs"), Resolution::Builtin { name: "fs".into() });
        assert_eq!(r.resolve(main, "node:fs/promises"), Resolution::Builtin { name: "fs/promises".into() });
        assert_eq!(
            r.resolve(main, "@nestjs/common/decorators"),
            Resolution::Npm { package: "@nestjs/common".into(), subpath: Some("decorators".into()) }
        );
        // Through the per-project tsconfig that extends the base.
        assert_eq!(r.resolve(Path::new("/w/libs/lib/src/internal.ts"), "@acme/lib"), local("libs/lib/src/index.ts"));
    }

    #[test]
    fn workspace_packages_resolve_to_their_source_built_or_not() {
        let host = MemoryHost::new()
            .with_file("/w/.gitignore", "dist\nstyled-system\n")
            .with_file("/w/libs/dal/package.json", r#"{"name":"@n/dal","main":"dist/index.js","types":"dist/index.d.ts"}"#)
            .with_file("/w/libs/dal/src/index.ts", "")
            .with_file(
                "/w/libs/ui/package.json",
                r#"{"name":"@n/ui","exports":{".":{"source":"./src/index.ts","import":"./dist/index.mjs"},"./css":"./styled-system/css/index.mjs","./icons":{"import":{"@n/source":"./src/icons/index.ts","default":"./dist/icons.js"}}}}"#,
            )
            .with_file("/w/libs/ui/src/index.ts", "")
            .with_file("/w/libs/ui/src/icons/index.ts", "")
            .with_file("/w/libs/ui/dist/index.mjs", "")
            .with_file("/w/libs/fw/package.json", r#"{"name":"@n/fw","exports":{".":"./dist/index.js","./internal":"./dist/internal.js"}}"#)
            .with_file("/w/libs/fw/README.md", "")
            .with_file("/w/apps/api/src/main.ts", "");
        let host: Arc<dyn Host> = Arc::new(host);
        let ignore = Arc::new(IgnoreRules::new(Arc::clone(&host), Path::new("/w"), &[]));
        let packages: Vec<(String, PathBuf)> = [("@n/dal", "libs/dal"), ("@n/ui", "libs/ui"), ("@n/fw", "libs/fw")]
            .iter()
            .map(|(name, dir)| ((*name).to_string(), Path::new("/w").join(dir)))
            .collect();
        let r = Resolver::new(host, Path::new("/w"), None, &packages, ignore);
        let main = Path::new("/w/apps/api/src/main.ts");
        assert_eq!(r.resolve(main, "@n/dal"), local("libs/dal/src/index.ts"));
        assert_eq!(r.resolve(main, "@n/ui"), local("libs/ui/src/index.ts"));
        assert_eq!(r.resolve(main, "@n/ui/icons"), local("libs/ui/src/icons/index.ts"));
        assert_eq!(
            r.resolve(main, "@n/ui/css"),
            Resolution::Ignored {
                path: "libs/ui/styled-system/css/index.mjs".into(),
                folder: "libs/ui/styled-system".into()
            }
        );
        let unbuilt = |subpath: Option<&str>| Resolution::WorkspacePackage {
            package: "@n/fw".into(),
            subpath: subpath.map(str::to_string),
            root: "libs/fw".into(),
        };
        assert_eq!(r.resolve(main, "@n/fw"), unbuilt(None));
        assert_eq!(r.resolve(main, "@n/fw/internal"), unbuilt(Some("internal")));
        assert_eq!(r.resolve(main, "@n/dal/src/missing"), Resolution::Unresolved);
        assert_eq!(
            r.resolve(main, "../../../libs/ui/styled-system/jsx"),
            Resolution::Ignored { path: "libs/ui/styled-system/jsx".into(), folder: "libs/ui/styled-system".into() }
        );
        assert_eq!(r.resolve(main, "./missing"), Resolution::Unresolved);
    }

    #[test]
    fn a_broken_package_json_does_not_break_resolution_below_it() {
        let host = MemoryHost::new()
            .with_file("/w/package.json", "{ \"name\": \"root\", \"workspaces\": [ broken")
            .with_file("/w/scripts/a.js", "")
            .with_file("/w/scripts/b.mjs", "");
        let r = resolver(host);
        let a = Path::new("/w/scripts/a.js");
        assert_eq!(r.resolve(a, "./b.mjs"), local("scripts/b.mjs"));
        assert_eq!(r.resolve(a, "./missing"), Resolution::Unresolved);
    }

    #[test]
    fn tsconfig_problems_read_as_words_with_root_relative_files() {
        let host = MemoryHost::new()
            .with_file("/w/tsconfig.base.json", "{ \"compilerOptions\": { \"paths\": ")
            .with_file(
                "/w/libs/a/tsconfig.json",
                r#"{ "extends": "../../tsconfig.gone.json", "compilerOptions": { "baseUrl": "." } }"#,
            )
            .with_file("/w/libs/a/x.ts", "")
            .with_file("/w/apps/x.ts", "");
        let r = resolver(host);
        r.resolve(Path::new("/w/apps/x.ts"), "@acme/lib");
        r.resolve(Path::new("/w/libs/a/x.ts"), "y");
        let warnings = r.warnings().join("\n");
        assert!(
            warnings.contains("tsconfig.base.json: cannot be used for path aliases: tsconfig.base.json:"),
            "{warnings}"
        );
        assert!(warnings.contains("not valid JSON"), "{warnings}");
        assert!(warnings.contains("it extends `tsconfig.gone.json`, which does not exist"), "{warnings}");
        assert!(!warnings.contains("JSONError") && !warnings.contains("/w/"), "{warnings}");
    }

    #[test]
    fn a_tsconfig_that_only_extends_shares_the_base() {
        let host = MemoryHost::new()
            .with_file("/w/tsconfig.base.json", r#"{"compilerOptions":{"paths":{"@a/b":["libs/b/src/index.ts"]}}}"#)
            .with_file("/w/libs/b/tsconfig.json", r#"{ "extends": "../../tsconfig.base", "include": ["src"] }"#)
            .with_file(
                "/w/libs/c/tsconfig.json",
                r#"{ "extends": "../../tsconfig.base.json", "compilerOptions": { "paths": {} } }"#,
            )
            .with_file("/w/libs/b/src/index.ts", "");
        let host: Arc<dyn Host> = Arc::new(host);
        let ignore = Arc::new(IgnoreRules::new(Arc::clone(&host), Path::new("/w"), &[]));
        let r = Resolver::new(host, Path::new("/w"), Some(PathBuf::from("/w/tsconfig.base.json")), &[], ignore);
        assert_eq!(
            r.cached_alias_source(Path::new("/w/libs/b/tsconfig.json"), 0),
            PathBuf::from("/w/tsconfig.base.json")
        );
        assert_eq!(
            r.cached_alias_source(Path::new("/w/libs/c/tsconfig.json"), 0),
            PathBuf::from("/w/libs/c/tsconfig.json")
        );
    }

    #[test]
    fn normalize_folds_dots() {
        assert_eq!(normalize(Path::new("/w/libs/a/../../tsconfig.base.json")), PathBuf::from("/w/tsconfig.base.json"));
        assert_eq!(normalize(Path::new("/w/./a/b/..")), PathBuf::from("/w/a"));
    }

    #[test]
    fn alias_keys_match_like_typescript() {
        let keys = AliasKeys::new(["@acme/*", "@acme/lib", "~/*.css", "@b/y", "@a/x", "@c/z", "@b/y"].into_iter());
        for exact in ["@a/x", "@b/y", "@c/z"] {
            assert!(keys.matches(exact), "{exact}");
        }
        assert!(!keys.matches("@b"));
        assert_eq!(keys.exact().collect::<Vec<_>>(), ["@a/x", "@acme/lib", "@b/y", "@c/z"]);
        assert!(keys.matches("@acme/x/y"));
        assert!(keys.matches("@acme/lib"));
        assert!(keys.matches("~/a/b.css"));
        assert!(!keys.matches("~/a/b.ts"));
        assert!(!keys.matches("lodash"));
    }
}
