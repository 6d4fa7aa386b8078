//! The wasm-bindgen adapter: a `Workspace` handle built once per process and asked to check one
//! file per call, reading the workspace through Node's `fs`. Conversion in, conversion out.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use js_sys::{Error as JsError, Object, Reflect};
use palisade_core::snapshot::{SNAPSHOT_SOURCE, SnapshotError};
use palisade_core::{ConfigError, Diagnostic, DirEntry, EntryKind, Host};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type Stats;
    #[wasm_bindgen(method, js_name = isFile)]
    fn is_file(this: &Stats) -> bool;
    #[wasm_bindgen(method, js_name = isDirectory)]
    fn is_directory(this: &Stats) -> bool;
    #[wasm_bindgen(method, js_name = isSymbolicLink)]
    fn is_symbolic_link(this: &Stats) -> bool;
}

#[wasm_bindgen(module = "fs")]
extern "C" {
    // Bytes, not a string: a Buffer is copied into wasm memory in one go, where a string would be
    // re-encoded character by character.
    #[wasm_bindgen(js_name = readFileSync, catch)]
    fn read_file_sync(path: &str) -> Result<Vec<u8>, JsValue>;
    // `throwIfNoEntry: false` covers a missing path only: a link loop (ELOOP), a permission
    // error or a name too long still throw, and are caught as "nothing there".
    #[wasm_bindgen(js_name = statSync, catch)]
    fn stat_sync(path: &str, options: &JsValue) -> Result<Option<Stats>, JsValue>;
    #[wasm_bindgen(js_name = lstatSync, catch)]
    fn lstat_sync(path: &str, options: &JsValue) -> Result<Option<Stats>, JsValue>;
    #[wasm_bindgen(js_name = readlinkSync, catch)]
    fn readlink_sync(path: &str) -> Result<String, JsValue>;
    #[wasm_bindgen(js_name = realpathSync, catch)]
    fn realpath_sync(path: &str) -> Result<String, JsValue>;
}

// One call per folder instead of three per entry: the listing comes back as one string,
// `<kind><name>` entries (`d` folder, `f` file, `l` link) separated by NUL, which no name holds.
// FIFOs, sockets and devices are left out: reading one would block or never end.
#[wasm_bindgen(inline_js = "
const fs = require('fs');
module.exports.list_dir = function (path) {
  const out = [];
  for (const entry of fs.readdirSync(path, { withFileTypes: true })) {
    const kind = entry.isSymbolicLink() ? 'l' : entry.isDirectory() ? 'd' : entry.isFile() ? 'f' : '';
    if (kind !== '') {
      out.push(kind + entry.name);
    }
  }
  return out.join('\\0');
};
")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn list_dir(path: &str) -> Result<String, JsValue>;
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

thread_local! {
    // Built once: the resolver stats thousands of paths, and fresh objects feed the GC.
    static NO_THROW: JsValue = options(&[("throwIfNoEntry", JsValue::FALSE)]);
}

fn io_error(path: &Path, err: &JsValue) -> io::Error {
    let message = err.as_ref().dyn_ref::<JsError>().map(|e| String::from(e.message())).unwrap_or_default();
    io::Error::new(io::ErrorKind::NotFound, format!("{}: {message}", path.display()))
}

fn text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// `Host` over Node's synchronous `fs` calls.
struct NodeHost;

impl Host for NodeHost {
    fn read_to_string(&self, path: &Path) -> io::Result<String> {
        let bytes = read_file_sync(&text(path)).map_err(|err| io_error(path, &err))?;
        // Invalid UTF-8 is replaced as Node's `utf8` decoding does.
        Ok(String::from_utf8(bytes).unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned()))
    }

    fn kind(&self, path: &Path) -> Option<EntryKind> {
        let stats = NO_THROW.with(|no_throw| stat_sync(&text(path), no_throw)).ok().flatten()?;
        if stats.is_directory() {
            Some(EntryKind::Dir)
        } else if stats.is_file() {
            Some(EntryKind::File)
        } else {
            None
        }
    }

    fn is_symlink(&self, path: &Path) -> bool {
        NO_THROW.with(|no_throw| lstat_sync(&text(path), no_throw)).ok().flatten().is_some_and(|s| s.is_symbolic_link())
    }

    fn read_dir(&self, path: &Path) -> io::Result<Vec<DirEntry>> {
        let listing = list_dir(&text(path)).map_err(|err| io_error(path, &err))?;
        let mut out = Vec::new();
        for entry in listing.split('\0').filter(|entry| !entry.is_empty()) {
            let (tag, name) = entry.split_at(1);
            let is_symlink = tag == "l";
            let kind = if is_symlink {
                match self.kind(&path.join(name)) {
                    Some(kind) => kind,
                    None => continue,
                }
            } else if tag == "d" {
                EntryKind::Dir
            } else {
                EntryKind::File
            };
            out.push(DirEntry { name: name.to_string(), kind, is_symlink });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    fn read_link(&self, path: &Path) -> io::Result<PathBuf> {
        let target = PathBuf::from(readlink_sync(&text(path)).map_err(|err| io_error(path, &err))?);
        Ok(if target.has_root() { target } else { path.parent().unwrap_or(path).join(target) })
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        realpath_sync(&text(path)).map(PathBuf::from).map_err(|err| io_error(path, &err))
    }
}

/// Heap reserved at start-up. The allocator grows wasm memory in small steps, and every
/// `memory.grow` costs a detach of JavaScript's views of it plus garbage for the GC; taking the
/// room once keeps a whole-workspace run from growing thousands of times. Untouched pages are
/// not resident, so this costs address space, not memory.
const RESERVED_HEAP_BYTES: usize = 96 << 20;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
    drop(Vec::<u8>::with_capacity(RESERVED_HEAP_BYTES));
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&serializer).unwrap_or(JsValue::UNDEFINED)
}

/// A diagnostic as JavaScript sees it: `ESLint` positions flattened beside the byte span.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsDiagnostic<'a> {
    rule: &'a str,
    message_id: &'a str,
    severity: &'a str,
    file: &'a str,
    message: &'a str,
    help: &'a str,
    data: &'a std::collections::BTreeMap<String, String>,
    docs_url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    specifier: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    cycle: &'a [String],
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

fn diagnostics_to_js(diagnostics: &[Diagnostic]) -> JsValue {
    let out: Vec<JsDiagnostic<'_>> = diagnostics
        .iter()
        .map(|d| JsDiagnostic {
            rule: d.rule,
            message_id: d.message_id,
            severity: d.severity.as_str(),
            file: &d.file,
            message: &d.message,
            help: &d.help,
            data: &d.data,
            docs_url: &d.docs_url,
            specifier: d.specifier.as_deref(),
            cycle: &d.cycle,
            start: d.span.start,
            end: d.span.end,
            line: d.start.line,
            column: d.start.column,
            end_line: d.end.line,
            end_column: d.end.column,
        })
        .collect();
    to_js(&out)
}

fn config_error_to_js(err: &ConfigError) -> JsValue {
    located_error_to_js(&err.to_string(), &err.file, &err.json_path, err.line, err.column)
}

/// A snapshot that cannot be opened, as the `PalisadeConfigError` JS callers expect of a bad config.
fn snapshot_error_to_js(err: &SnapshotError) -> JsValue {
    match err {
        SnapshotError::Config(config) => config_error_to_js(config),
        SnapshotError::Unreadable { json_path, line, column, .. } => {
            located_error_to_js(&err.to_string(), SNAPSHOT_SOURCE, json_path, *line, *column)
        }
    }
}

/// A `PalisadeConfigError`: `message`, and where in which file.
fn located_error_to_js(message: &str, file: &str, json_path: &str, line: usize, column: usize) -> JsValue {
    let error = JsError::new(message);
    error.set_name("PalisadeConfigError");
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&error, &JsValue::from_str(key), &value);
    };
    set("file", JsValue::from_str(file));
    set("jsonPath", JsValue::from_str(json_path));
    set("line", JsValue::from(u32::try_from(line).unwrap_or(u32::MAX)));
    set("column", JsValue::from(u32::try_from(column).unwrap_or(u32::MAX)));
    error.into()
}

/// Where the workspace holding `start` begins: `{ root, configFile? }`.
#[wasm_bindgen(js_name = locateWorkspace)]
pub fn locate_workspace(start: &str) -> JsValue {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Out {
        root: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        config_file: Option<String>,
    }
    let located = palisade_core::locate_workspace(&NodeHost, Path::new(start));
    to_js(&Out { root: text(&located.root), config_file: located.config_file.as_deref().map(text) })
}

/// A loaded workspace; open once per process and reuse for every file.
#[wasm_bindgen(js_name = Workspace)]
pub struct WorkspaceHandle {
    inner: palisade_core::Workspace,
}

#[wasm_bindgen(js_class = Workspace)]
impl WorkspaceHandle {
    /// Loads the workspace at `root`; throws a `PalisadeConfigError` for a bad config.
    #[expect(clippy::needless_pass_by_value, reason = "wasm-bindgen passes optional strings owned")]
    pub fn open(root: &str, config_file: Option<String>) -> Result<WorkspaceHandle, JsValue> {
        let host: Arc<dyn Host> = Arc::new(NodeHost);
        palisade_core::Workspace::open(host, Path::new(root), config_file.as_deref().map(Path::new))
            .map(|inner| WorkspaceHandle { inner })
            .map_err(|err| config_error_to_js(&err))
    }

    /// `open`, with the config's `rules` replaced by `rules` (JSON of a `rules` object); `origin`
    /// names where they come from in errors (e.g. an `ESLint` rule's options).
    #[wasm_bindgen(js_name = openWithRules)]
    #[expect(clippy::needless_pass_by_value, reason = "wasm-bindgen passes optional strings owned")]
    pub fn open_with_rules(
        root: &str,
        config_file: Option<String>,
        rules: &str,
        origin: &str,
    ) -> Result<WorkspaceHandle, JsValue> {
        let host: Arc<dyn Host> = Arc::new(NodeHost);
        palisade_core::Workspace::open_with_rules(
            host,
            Path::new(root),
            config_file.as_deref().map(Path::new),
            rules,
            origin,
        )
        .map(|inner| WorkspaceHandle { inner })
        .map_err(|err| config_error_to_js(&err))
    }

    #[wasm_bindgen(getter)]
    pub fn root(&self) -> String {
        text(self.inner.root())
    }

    /// Everything a per-file check reads besides the file itself, as JSON: the config of the SWC
    /// plugin, which has no file system.
    pub fn snapshot(&self) -> String {
        serde_json::to_string(&self.inner.snapshot()).unwrap_or_default()
    }

    /// Diagnostics for the file at `path` (absolute) whose current text is `text`.
    #[wasm_bindgen(js_name = checkFile)]
    pub fn check_file(&self, path: &str, text: &str) -> JsValue {
        diagnostics_to_js(&self.inner.check_file(Path::new(path), text))
    }

    /// Reads and checks every source file of the workspace:
    /// `{ diagnostics, files, dependencies }`.
    #[wasm_bindgen(js_name = checkAll)]
    pub fn check_all(&self) -> JsValue {
        report_to_js(&self.inner.check_all())
    }

    /// Checks the source files under `scope` (root-relative folders or files, `/`-separated),
    /// reading only what they reach: `{ diagnostics, files, dependencies }` for those files, with
    /// the verdicts of a whole check.
    #[wasm_bindgen(js_name = checkScope)]
    #[allow(clippy::needless_pass_by_value, reason = "wasm-bindgen hands arrays over by value")]
    pub fn check_scope(&self, scope: Vec<String>) -> JsValue {
        report_to_js(&self.inner.check_scope(&scope))
    }

    /// The whole-graph diagnostics (`no-cycle`, the project-graph part of
    /// `enforce-module-boundaries`) of the file at `path` whose current text is
    /// `text`: the graph is built on the first call, then only this file's edges are refreshed.
    #[wasm_bindgen(js_name = checkGraph)]
    pub fn check_graph(&self, path: &str, text: &str) -> JsValue {
        diagnostics_to_js(&self.inner.check_graph(Path::new(path), text))
    }

    /// Checks the source files `start..end` with the per-file rules:
    /// `{ diagnostics, dependencies, graph }`, `graph` being the slice's edges as JSON for
    /// `finishCheck` (possibly in another instance of the same workspace).
    #[wasm_bindgen(js_name = checkSlice)]
    pub fn check_slice(&self, start: usize, end: usize) -> JsValue {
        let part = self.inner.check_slice(start, end);
        let out = Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = Reflect::set(&out, &JsValue::from_str(key), value);
        };
        set("diagnostics", &diagnostics_to_js(&part.diagnostics));
        set("dependencies", &JsValue::from(u32::try_from(part.dependencies).unwrap_or(u32::MAX)));
        set("graph", &JsValue::from_str(&serde_json::to_string(&part.graph).unwrap_or_default()));
        out.into()
    }

    /// Joins the `graph` strings of every slice and returns the whole-graph diagnostics.
    #[wasm_bindgen(js_name = finishCheck)]
    pub fn finish_check(&self, graphs: Vec<String>) -> Result<JsValue, JsValue> {
        let mut parts = Vec::with_capacity(graphs.len());
        for graph in graphs {
            let graph = serde_json::from_str(&graph).map_err(|err| JsError::new(&format!("bad graph part: {err}")))?;
            parts.push(palisade_core::PartReport { graph, ..palisade_core::PartReport::default() });
        }
        Ok(diagnostics_to_js(&self.inner.finish_check(parts).diagnostics))
    }

    /// Why the file at `path` (absolute, current text `text`) gets its verdicts: project,
    /// element and captures, the rules that apply, each import with kind, resolution and
    /// diagnostics.
    pub fn explain(&self, path: &str, text: &str) -> JsValue {
        to_js(&self.inner.explain(Path::new(path), text))
    }

    /// The workspace as a graph at `level` (`project`, `element` or `file`): `{ nodes, links }`,
    /// each link with its import count and the rules that report imports along it.
    pub fn architecture(&self, level: &str) -> Result<JsValue, JsValue> {
        let level = palisade_core::workspace::Level::parse(level)
            .ok_or_else(|| JsError::new(&format!("unknown level `{level}`: project, element or file")))?;
        Ok(to_js(&self.inner.architecture(level)))
    }

    /// Absolute paths of every source file, sorted.
    #[wasm_bindgen(js_name = sourceFiles)]
    pub fn source_files(&self) -> Vec<String> {
        self.inner.source_files().iter().map(|file| text(&self.inner.root().join(file))).collect()
    }

    /// The root (workspace-relative, `""` for a root project) of the project owning each source
    /// file, in `sourceFiles` order; `undefined` for a file no project owns. A file belongs to the
    /// deepest project holding it.
    #[wasm_bindgen(js_name = sourceOwners)]
    pub fn source_owners(&self) -> JsValue {
        let projects = self.inner.projects();
        let owners: Vec<Option<&str>> = self
            .inner
            .source_files()
            .iter()
            .map(|file| projects.owner_of(file).map(|index| projects.get(index).root.as_str()))
            .collect();
        to_js(&owners)
    }

    /// Forgets cached file-system facts, so files created or deleted since are seen.
    pub fn refresh(&self) {
        self.inner.refresh();
    }

    /// Problems that did not stop the load (unreadable manifests, unusable tsconfig files).
    pub fn warnings(&self) -> Vec<String> {
        self.inner.warnings()
    }
}

/// Every rule's id, description, docs URL, zero-config default and message templates.
/// A `CheckReport` as `{ diagnostics, files, dependencies }`.
fn report_to_js(report: &palisade_core::CheckReport) -> JsValue {
    let out = Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = Reflect::set(&out, &JsValue::from_str(key), value);
    };
    set("diagnostics", &diagnostics_to_js(&report.diagnostics));
    set("files", &JsValue::from(u32::try_from(report.files).unwrap_or(u32::MAX)));
    set("dependencies", &JsValue::from(u32::try_from(report.dependencies).unwrap_or(u32::MAX)));
    out.into()
}

#[wasm_bindgen(js_name = ruleMetadata)]
pub fn rule_metadata() -> JsValue {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Texts {
        message: &'static str,
        help: &'static str,
        /// The one line `ESLint` shows: the message, then the help.
        eslint: String,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Meta {
        id: &'static str,
        description: &'static str,
        docs_url: String,
        recommended: bool,
        /// `per-import`, `per-file` or `graph` (needs the whole import graph).
        kind: &'static str,
        messages: std::collections::BTreeMap<&'static str, Texts>,
    }
    let all: Vec<Meta> = palisade_core::rules::ALL
        .iter()
        .map(|meta| Meta {
            id: meta.id,
            description: meta.description,
            docs_url: meta.docs_url(),
            recommended: meta.recommended,
            kind: meta.kind.as_str(),
            messages: meta
                .messages
                .iter()
                .map(|m| {
                    let eslint = meta.eslint_template(m.id).unwrap_or_default();
                    (m.id, Texts { message: m.message, help: m.help, eslint })
                })
                .collect(),
        })
        .collect();
    to_js(&all)
}

/// An `ESLint` message of rule `rule_id` (`messageId` `message_id`) as `[message, help]`, split
/// where its templates put the help; `undefined` when it is not one of the rule's messages.
#[wasm_bindgen(js_name = splitEslintMessage)]
pub fn split_eslint_message(rule_id: &str, message_id: &str, text: &str) -> Option<Vec<String>> {
    let (message, help) = palisade_core::rules::meta(rule_id)?.split_eslint_message(message_id, text)?;
    Some(vec![message, help])
}

/// The indices of `diagnostics` (as checks give them) in the engine's report order: file, byte
/// span, rule, message id. The CLI joins the diagnostics its threads checked with it.
#[wasm_bindgen(js_name = diagnosticOrder)]
pub fn diagnostic_order(diagnostics: JsValue) -> Result<Vec<u32>, JsValue> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Key {
        file: String,
        start: usize,
        end: usize,
        rule: String,
        message_id: String,
    }
    fn order_of(key: &Key) -> (&str, palisade_core::Span, &str, &str) {
        palisade_core::diagnostic::report_order(
            &key.file,
            palisade_core::Span { start: key.start, end: key.end },
            &key.rule,
            &key.message_id,
        )
    }
    let keys: Vec<Key> = serde_wasm_bindgen::from_value(diagnostics)?;
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| order_of(&keys[a]).cmp(&order_of(&keys[b])));
    Ok(order.into_iter().map(|index| u32::try_from(index).unwrap_or(u32::MAX)).collect())
}

/// The snapshot file the SWC plugin reads (see `Snapshot::to_file_bytes`) for a snapshot in its
/// JSON form (`Workspace.snapshot()`, perhaps with another `root`).
#[wasm_bindgen(js_name = snapshotFileBytes)]
pub fn snapshot_file_bytes(snapshot_json: &str) -> Result<Vec<u8>, JsValue> {
    palisade_core::snapshot::parse_snapshot(snapshot_json)
        .map(|snapshot| snapshot.to_file_bytes())
        .map_err(|err| snapshot_error_to_js(&err))
}

/// The JSON Schema of `palisade.json`.
/// `{ ruleId: JSON Schema }` of the options of the rules `ESLint` configures directly.
#[wasm_bindgen(js_name = ruleOptionsSchemas)]
pub fn rule_options_schemas() -> String {
    palisade_core::rule_options_schemas()
}

#[wasm_bindgen(js_name = configSchema)]
pub fn config_schema() -> String {
    palisade_core::config_schema()
}
