//! A workspace without a file system: everything a per-file check reads besides the file itself
//! (the folder listings, the config, manifests and tsconfig files), recorded once by a surface
//! that has a file system and replayed by one that has not, such as the SWC plugin. A workspace
//! opened from a snapshot runs the same discovery, resolution and rules, so its verdicts are the
//! same as the original's.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Workspace;
use crate::config::ConfigError;
use crate::host::{EntryKind, Host, SnapshotHost, snapshot_listing_line, write_snapshot_tables};
use crate::pattern::{Flavor, Glob};
use crate::project::{Project, ProjectGraph, ProjectSource};
use crate::store::{Reader, push_count, push_text};

/// The format version; a snapshot of another version is refused rather than misread.
pub const SNAPSHOT_VERSION: u32 = 3;

/// Where a snapshot came from, for error messages.
const SNAPSHOT_SOURCE: &str = "the Palisade snapshot";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Snapshot {
    pub palisade_snapshot: u32,
    /// `/`-separated; absolute, or relative to the folder the snapshot is used from (SWC's
    /// working directory), so that a snapshot in a committed `.swcrc` works in every clone.
    pub root: String,
    /// Root-relative; absent for the zero-config defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_file: Option<String>,
    /// One line per folder listed: its root-relative path with a trailing `/` (nothing for the
    /// root), then a tab before each entry's name (folders end with `/`). Sorted.
    pub listings: String,
    /// Path (root-relative, or absolute outside the root) to text, for every file read besides
    /// the sources.
    pub texts: std::collections::BTreeMap<String, String>,
    /// The projects as discovery found them, with their public entries: what every check needs,
    /// worked out once, so that opening a snapshot walks nothing. (The SWC plugin opens it once per
    /// file.)
    pub projects: Vec<ProjectRecord>,
    /// What resolution worked out from the tsconfig files (alias sources, alias keys, where each
    /// exact alias leads), so that a check does not parse them again; see `ResolverRecords`.
    /// Without it, a check works it out from `texts`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub resolver: std::collections::BTreeMap<String, String>,
}

/// One project, as `Workspace::snapshot` records it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProjectRecord {
    pub name: String,
    /// Root-relative, `""` for a root project.
    pub root: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_name: Option<String>,
    /// Root-relative files that are its public entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<String>,
    /// Root-relative patterns of public files (`exports` subpath patterns).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry_globs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_specifier: Option<String>,
    /// What declares its public entries (see `Project::entry_declaration`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_declaration: Option<String>,
}

impl ProjectRecord {
    fn of(project: &Project) -> Self {
        Self {
            name: project.name.clone(),
            root: project.root.clone(),
            tags: project.tags.clone(),
            package_name: project.package_name.clone(),
            entries: project.entries.iter().cloned().collect(),
            entry_globs: project.entry_globs.iter().map(|glob| glob.as_str().to_string()).collect(),
            public_specifier: project.public_specifier.clone(),
            entry_declaration: project.entry_declaration.clone(),
        }
    }

    /// Appends this project as `decode` reads it: texts, and counted lists of texts (an absent
    /// option is an empty list).
    fn encode(&self, out: &mut Vec<u8>) {
        push_text(out, &self.name);
        push_text(out, &self.root);
        push_texts(out, &self.tags);
        push_texts(out, self.package_name.as_slice());
        push_texts(out, &self.entries);
        push_texts(out, &self.entry_globs);
        push_texts(out, self.public_specifier.as_slice());
        push_texts(out, self.entry_declaration.as_slice());
    }

    fn decode(reader: &mut Reader<'_>) -> Option<Self> {
        let name = reader.text()?.to_string();
        let root = reader.text()?.to_string();
        let tags = read_texts(reader)?;
        let package_name = read_texts(reader)?;
        let entries = read_texts(reader)?;
        let entry_globs = read_texts(reader)?;
        let public_specifier = read_texts(reader)?;
        let entry_declaration = read_texts(reader)?;
        if package_name.len() > 1 || public_specifier.len() > 1 || entry_declaration.len() > 1 {
            return None;
        }
        Some(Self {
            name,
            root,
            tags,
            package_name: package_name.into_iter().next(),
            entries,
            entry_globs,
            public_specifier: public_specifier.into_iter().next(),
            entry_declaration: entry_declaration.into_iter().next(),
        })
    }

    fn into_project(self, index: usize) -> Result<Project, ConfigError> {
        let entry_globs = self
            .entry_globs
            .iter()
            .enumerate()
            .map(|(at, pattern)| {
                Glob::new(pattern, Flavor::Text)
                    .map_err(|reason| snapshot_error(format!("`projects[{index}].entryGlobs[{at}]`: {reason}")))
            })
            .collect::<Result<_, _>>()?;
        Ok(Project {
            name: self.name,
            root: self.root,
            tags: self.tags,
            package_name: self.package_name,
            package_json: None,
            entries: self.entries.into_iter().collect(),
            entry_globs,
            public_specifier: self.public_specifier,
            entry_declaration: self.entry_declaration,
            ..Project::default()
        })
    }
}

fn push_texts(out: &mut Vec<u8>, texts: &[String]) {
    push_count(out, texts.len());
    for text in texts {
        push_text(out, text);
    }
}

/// Each text takes at least its 4-byte length.
const MIN_TEXT_LEN: usize = 4;

fn read_texts(reader: &mut Reader<'_>) -> Option<Vec<String>> {
    let count = reader.items(MIN_TEXT_LEN)?;
    (0..count).map(|_| reader.text().map(str::to_string)).collect()
}

/// Files that resolution may read on demand: recorded whether or not a check read them yet.
fn is_resolution_input(name: &str) -> bool {
    name == "package.json"
        || (Path::new(name).extension().is_some_and(|ext| ext == "json")
            && (name.starts_with("tsconfig") || name.starts_with("jsconfig")))
}

impl Workspace {
    /// Records this workspace for `from_snapshot`.
    pub fn snapshot(&self) -> Snapshot {
        // Load the tsconfig files governing every source folder, so that their `extends` chains
        // (also those into `node_modules`) are read, and recorded.
        let folders: BTreeSet<&str> =
            self.source_files().iter().map(|file| file.rsplit_once('/').map_or("", |(dir, _)| dir)).collect();
        for folder in folders {
            self.resolver.prepare(&self.root.join(folder));
        }
        let mut listings = Vec::new();
        for (dir, listing) in self.listing_host.listings() {
            let Some(relative) = self.relative(&dir) else { continue };
            for (name, kind) in &listing {
                if *kind == EntryKind::File && is_resolution_input(name) {
                    let _ = self.host.read_to_string(&dir.join(name));
                }
            }
            listings.push(snapshot_listing_line(&relative, listing));
        }
        listings.sort_unstable();
        let shown = |path: &Path| self.relative(path).unwrap_or_else(|| path.to_string_lossy().replace('\\', "/"));
        // Nx `project.json` files only feed discovery, whose result `projects` carries.
        let texts = self
            .listing_host
            .texts()
            .into_iter()
            .filter(|(path, _)| path.file_name().is_none_or(|name| name != "project.json"))
            .map(|(path, text)| {
                let text = if path.extension().is_some_and(|ext| ext == "json") { minified(text) } else { text };
                (shown(&path), text)
            })
            .collect();
        let config_file = self.config_file.as_deref().map(shown);
        let resolver = self.resolver.records().into_iter().collect();
        Snapshot {
            palisade_snapshot: SNAPSHOT_VERSION,
            root: self.root.to_string_lossy().replace('\\', "/"),
            config_file,
            listings: listings.join("\n"),
            texts,
            projects: self.projects.iter().map(ProjectRecord::of).collect(),
            resolver,
        }
    }

    /// Opens the workspace a snapshot recorded; a relative root is taken from `base`. A malformed
    /// snapshot, or a config it carries that does not load, is an error naming what is wrong.
    pub fn from_snapshot(snapshot: Snapshot, base: &Path) -> Result<Self, ConfigError> {
        let mut tables = Vec::new();
        snapshot.write_tables(&mut tables);
        let header = SnapshotHeader {
            palisade_snapshot: snapshot.palisade_snapshot,
            root: snapshot.root,
            config_file: snapshot.config_file,
            projects: None,
        };
        Self::from_snapshot_parts(header, RecordedProjects::Listed(snapshot.projects), tables, 0, base)
    }

    /// Opens the workspace a snapshot file (`Snapshot::to_file_bytes`) recorded, as
    /// `from_snapshot`: it reads the header and the projects, and leaves the listings, texts and
    /// resolver records where they lie.
    pub fn from_snapshot_file(bytes: Vec<u8>, base: &Path) -> Result<Self, ConfigError> {
        let damaged = |what: &str| snapshot_error(format!("is damaged ({what}): make it again"));
        let rest = bytes.strip_prefix(SNAPSHOT_FILE_MAGIC).ok_or_else(|| damaged("it does not start as one"))?;
        let header_len = rest
            .get(..4)
            .and_then(|word| word.try_into().ok())
            .map(u32::from_le_bytes)
            .and_then(|len| usize::try_from(len).ok())
            .ok_or_else(|| damaged("no header length"))?;
        let header_at = SNAPSHOT_FILE_MAGIC.len() + 4;
        let header = bytes.get(header_at..header_at + header_len).ok_or_else(|| damaged("its header is cut short"))?;
        let mut header: SnapshotHeader =
            parse_json(std::str::from_utf8(header).map_err(|_| damaged("its header is not UTF-8"))?)?;
        let after_header = header_at + header_len;
        // Projects in the header: the layout before the project block.
        let (projects, tables_at) = if let Some(projects) = header.projects.take() {
            (RecordedProjects::Listed(projects), after_header)
        } else {
            let block = ProjectBlock::check(&bytes, after_header)?;
            let end = block.end;
            (RecordedProjects::Block(block), end)
        };
        Self::from_snapshot_parts(header, projects, bytes, tables_at, base)
    }

    fn from_snapshot_parts(
        header: SnapshotHeader,
        projects: RecordedProjects,
        bytes: Vec<u8>,
        tables_at: usize,
        base: &Path,
    ) -> Result<Self, ConfigError> {
        if header.palisade_snapshot != SNAPSHOT_VERSION {
            return Err(snapshot_error(format!(
                "is version {}, this Palisade reads version {SNAPSHOT_VERSION}: make it again with this version",
                header.palisade_snapshot
            )));
        }
        let root = normalize(&base.join(&header.root));
        if !root.has_root() {
            return Err(snapshot_error(format!(
                "`root` is `{}`, relative, and there is no absolute folder to take it from",
                header.root
            )));
        }
        let host = SnapshotHost::from_tables(root.clone(), bytes, tables_at)
            .ok_or_else(|| snapshot_error("is damaged (its listings or texts): make it again".to_string()))?;
        let host = Arc::new(host);
        let config_file = header.config_file.map(|path| normalize(&root.join(path)));
        let projects = match projects {
            RecordedProjects::Listed(records) => ProjectGraph::new(
                records
                    .into_iter()
                    .enumerate()
                    .map(|(index, record)| record.into_project(index))
                    .collect::<Result<_, _>>()?,
            ),
            RecordedProjects::Block(block) => {
                ProjectGraph::from_source(Arc::new(SnapshotProjects { host: Arc::clone(&host), block }))
            }
        };
        let mut workspace =
            Self::open_with(Arc::clone(&host) as Arc<dyn Host>, &root, config_file.as_deref(), Some(projects), None)?;
        workspace.resolver.use_records(host);
        Ok(workspace)
    }
}

/// Where the projects of a snapshot being opened are.
enum RecordedProjects {
    /// In the JSON form, or in the header of a file written before the project block.
    Listed(Vec<ProjectRecord>),
    Block(ProjectBlock),
}

/// The projects of a snapshot file, after its header: a `u32` count, a `u32` offset per project
/// (from the block's start), then each project as `ProjectRecord::encode` writes it, sorted by
/// root; read one by one when a check asks for them.
struct ProjectBlock {
    start: usize,
    count: usize,
    end: usize,
    package_names: Vec<(String, usize)>,
}

impl ProjectBlock {
    /// Appends the block of `projects` (sorted here by root) to `out`.
    fn write(out: &mut Vec<u8>, projects: &[ProjectRecord]) {
        let mut sorted: Vec<&ProjectRecord> = projects.iter().collect();
        sorted.sort_by(|a, b| a.root.cmp(&b.root));
        let mut records = Vec::new();
        let mut offsets = Vec::with_capacity(sorted.len());
        let header_len = 4 + 4 * sorted.len();
        for project in sorted {
            offsets.push(header_len + records.len());
            project.encode(&mut records);
        }
        push_count(out, offsets.len());
        for offset in offsets {
            push_count(out, offset);
        }
        out.extend_from_slice(&records);
    }

    /// The block at `start` of `bytes`, every record checked (texts inside it and UTF-8, offsets
    /// where the records start, entry patterns that compile), so that reading one later cannot
    /// fail.
    fn check(bytes: &[u8], start: usize) -> Result<Self, ConfigError> {
        let damaged = || snapshot_error("is damaged (its projects): make it again".to_string());
        let mut reader = Reader::new(bytes, start);
        let count = reader.items(8).ok_or_else(damaged)?;
        let offsets: Vec<usize> = (0..count).map(|_| reader.count()).collect::<Option<_>>().ok_or_else(damaged)?;
        let mut package_names = Vec::new();
        let mut previous_root: Option<&str> = None;
        for (index, offset) in offsets.into_iter().enumerate() {
            if reader.at() != start + offset {
                return Err(damaged());
            }
            // The fields of `ProjectRecord::encode`, read without keeping them but for the root,
            // the package name and the entry patterns, which must compile.
            let (_name, root) = (reader.text().ok_or_else(damaged)?, reader.text().ok_or_else(damaged)?);
            if previous_root.is_some_and(|previous| previous > root) {
                return Err(damaged());
            }
            previous_root = Some(root);
            for field in [
                Field::Tags,
                Field::PackageName,
                Field::Entries,
                Field::EntryGlobs,
                Field::PublicSpecifier,
                Field::EntryDeclaration,
            ] {
                let texts = reader.items(MIN_TEXT_LEN).ok_or_else(damaged)?;
                if texts > 1 && matches!(field, Field::PackageName | Field::PublicSpecifier | Field::EntryDeclaration) {
                    return Err(damaged());
                }
                for at in 0..texts {
                    let text = reader.text().ok_or_else(damaged)?;
                    match field {
                        Field::PackageName => package_names.push((text.to_string(), index)),
                        Field::EntryGlobs => {
                            Glob::new(text, Flavor::Text).map_err(|reason| {
                                snapshot_error(format!("`projects[{index}].entryGlobs[{at}]`: {reason}"))
                            })?;
                        }
                        Field::Tags | Field::Entries | Field::PublicSpecifier | Field::EntryDeclaration => {}
                    }
                }
            }
        }
        Ok(Self { start, count, end: reader.at(), package_names })
    }
}

/// The lists of a project record after its name and root, in `ProjectRecord::encode`'s order.
#[derive(Clone, Copy)]
enum Field {
    Tags,
    PackageName,
    Entries,
    EntryGlobs,
    PublicSpecifier,
    EntryDeclaration,
}

/// The projects of a snapshot file, read from its bytes one by one.
struct SnapshotProjects {
    host: Arc<SnapshotHost>,
    block: ProjectBlock,
}

impl SnapshotProjects {
    fn reader_at(&self, index: usize) -> Reader<'_> {
        let bytes = self.host.bytes();
        let offset = Reader::new(bytes, self.block.start + 4 + 4 * index).count().unwrap_or(0);
        Reader::new(bytes, self.block.start + offset)
    }
}

impl ProjectSource for SnapshotProjects {
    fn len(&self) -> usize {
        self.block.count
    }

    fn root(&self, index: usize) -> &str {
        let mut reader = self.reader_at(index);
        reader.text();
        reader.text().unwrap_or_default()
    }

    fn project(&self, index: usize) -> Project {
        // Checked when the block was opened: neither step can fail here.
        ProjectRecord::decode(&mut self.reader_at(index))
            .and_then(|record| record.into_project(index).ok())
            .unwrap_or_default()
    }

    fn package_names(&self) -> Vec<(String, usize)> {
        self.block.package_names.clone()
    }
}

/// What a snapshot file starts with; the JSON form of a snapshot starts with `{`.
pub const SNAPSHOT_FILE_MAGIC: &[u8] = b"palisade-snapshot\n";

/// The JSON header of a snapshot file: what is left of a snapshot without its projects,
/// listings, texts and resolver records.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SnapshotHeader {
    palisade_snapshot: u32,
    root: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    config_file: Option<String>,
    /// The projects, in files written before they followed the header as a block of texts
    /// (parsing them as JSON cost more than the rest of opening the file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    projects: Option<Vec<ProjectRecord>>,
}

impl Snapshot {
    /// The snapshot as a file the SWC plugin opens without parsing all of it: the magic line, a
    /// `u32` header length, the header (JSON: version, root, config file), the projects (a count,
    /// then each project's fields as `ProjectRecord::encode` writes them), then the listings,
    /// texts and resolver records as tables (see `store`). The JSON form holds the same.
    pub fn to_file_bytes(&self) -> Vec<u8> {
        let header = SnapshotHeader {
            palisade_snapshot: self.palisade_snapshot,
            root: self.root.clone(),
            config_file: self.config_file.clone(),
            projects: None,
        };
        let header = serde_json::to_vec(&header).unwrap_or_default();
        let mut out = SNAPSHOT_FILE_MAGIC.to_vec();
        push_count(&mut out, header.len());
        out.extend_from_slice(&header);
        ProjectBlock::write(&mut out, &self.projects);
        self.write_tables(&mut out);
        out
    }

    /// Appends the listings, texts and resolver records as the tables `SnapshotHost` searches.
    fn write_tables(&self, out: &mut Vec<u8>) {
        write_snapshot_tables(out, &self.listings, pairs(&self.texts), pairs(&self.resolver));
    }
}

fn pairs(map: &std::collections::BTreeMap<String, String>) -> Vec<(&str, &str)> {
    map.iter().map(|(key, value)| (key.as_str(), value.as_str())).collect()
}

/// A JSON (or JSONC) file's text as the same JSON without comments, trailing commas or spaces
/// between tokens: what the file says, in key order, at a fraction of the length to read again
/// for every file the SWC plugin checks. A file that does not parse is kept as it is, so that its
/// error still points into it.
fn minified(text: String) -> String {
    // JSON with comments and trailing commas, nothing looser: what is left after removing them
    // is plain JSON.
    let options = jsonc_parser::ParseOptions {
        allow_comments: true,
        allow_trailing_commas: true,
        allow_loose_object_property_names: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    if jsonc_parser::parse_to_value(&text, &options).is_err() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push(c);
                while let Some(c) = chars.next() {
                    out.push(c);
                    match c {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '/' if chars.peek() == Some(&'/') => while chars.next_if(|&c| c != '\n').is_some() {},
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
            }
            '}' | ']' => {
                if out.ends_with(',') {
                    out.pop();
                }
                out.push(c);
            }
            c if c.is_whitespace() || c == '\u{feff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `path` without `.` and `..` segments (no file system to ask).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn snapshot_error(reason: String) -> ConfigError {
    ConfigError { file: SNAPSHOT_SOURCE.to_string(), json_path: String::new(), line: 1, column: 1, reason }
}

/// Reads a snapshot from JSON; errors name the JSON path and position.
pub fn parse_snapshot(json: &str) -> Result<Snapshot, ConfigError> {
    // serde reads a struct from an array too, field by field: a snapshot is an object.
    if !json.trim_start().starts_with('{') {
        return Err(snapshot_error("expected an object (the output of `palisade swc-config`)".to_string()));
    }
    parse_json(json)
}

fn parse_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, ConfigError> {
    // Tracking the path costs a third of the parse; only a failure needs it.
    if let Ok(value) = serde_json::from_str(json) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        ConfigError {
            file: SNAPSHOT_SOURCE.to_string(),
            json_path: if path == "." || path == "?" { String::new() } else { path },
            line: inner.line(),
            column: inner.column(),
            reason: crate::config::serde_in_words(without_position(&inner.to_string())),
        }
    })
}

/// `serde_json`'s message without the " at line L column C" it appends (the error carries both).
fn without_position(message: &str) -> &str {
    message.rfind(" at line ").map_or(message, |at| &message[..at])
}

#[cfg(test)]
mod tests {
    use super::minified;
    use crate::Workspace;
    use crate::testing::tagged_workspace;
    use std::path::Path;
    use std::sync::Arc;

    #[test]
    fn the_file_form_holds_the_projects_and_reads_the_older_layout() {
        let host = tagged_workspace(r#"{"rules": {"tags": ["error", {"depConstraints": []}]}}"#);
        let workspace = Workspace::open(Arc::new(host), Path::new("/w"), Some(Path::new("/w/palisade.json")))
            .unwrap_or_else(|err| panic!("config: {err}"));
        let snapshot = workspace.snapshot();
        let names = |opened: &Workspace| {
            opened
                .projects()
                .iter()
                .map(|project| format!("{} {} {:?} {:?}", project.name, project.root, project.tags, project.entries))
                .collect::<Vec<_>>()
        };
        let expected = names(&workspace);
        assert!(expected.len() > 5, "{expected:?}");
        let opened = Workspace::from_snapshot_file(snapshot.to_file_bytes(), Path::new("/"));
        assert_eq!(opened.map(|opened| names(&opened)).ok(), Some(expected.clone()));

        // Projects in the JSON header, as files written before the block had them.
        let header = super::SnapshotHeader {
            palisade_snapshot: snapshot.palisade_snapshot,
            root: snapshot.root.clone(),
            config_file: snapshot.config_file.clone(),
            projects: Some(snapshot.projects.clone()),
        };
        let header = serde_json::to_vec(&header).unwrap_or_default();
        let mut older = super::SNAPSHOT_FILE_MAGIC.to_vec();
        crate::store::push_count(&mut older, header.len());
        older.extend_from_slice(&header);
        snapshot.write_tables(&mut older);
        let opened = Workspace::from_snapshot_file(older, Path::new("/"));
        assert_eq!(opened.map(|opened| names(&opened)).ok(), Some(expected));

        // A project block cut short is damage, not a panic.
        let bytes = snapshot.to_file_bytes();
        let magic = super::SNAPSHOT_FILE_MAGIC.len();
        let header_len = bytes[magic..magic + 4].iter().rev().fold(0, |len, byte| len * 256 + usize::from(*byte));
        let cut = Workspace::from_snapshot_file(bytes[..magic + 4 + header_len + 30].to_vec(), Path::new("/"));
        assert!(cut.is_err_and(|err| err.reason.contains("its projects")));
    }

    #[test]
    fn aliases_are_recorded_and_answer_without_the_tsconfig() {
        let host = tagged_workspace(r#"{"rules": {"no-unresolved-local": "error"}}"#);
        let workspace = Workspace::open(Arc::new(host), Path::new("/w"), Some(Path::new("/w/palisade.json")))
            .unwrap_or_else(|err| panic!("config: {err}"));
        let mut snapshot = workspace.snapshot();
        let record = |key: &str| snapshot.resolver.get(key).cloned();
        assert_eq!(record("alias:tsconfig.base.json\t@acme/billing").as_deref(), Some("Llibs/billing/src/index.ts"));
        let keys = record("keys:tsconfig.base.json").unwrap_or_default();
        assert!(keys.starts_with('\n') && keys.contains("\n@acme/shared/*"), "{keys:?}");

        // With the tsconfig's text gone, exact aliases still resolve (from the records) and a
        // wildcard alias, which needs the tsconfig, does not.
        snapshot.texts.remove("tsconfig.base.json");
        let opened = Workspace::from_snapshot_file(snapshot.to_file_bytes(), Path::new("/"))
            .unwrap_or_else(|err| panic!("snapshot: {err}"));
        let file = Path::new("/w/libs/orders-app/src/a.ts");
        let found = |text: &str| opened.check_file(file, text).into_iter().map(|d| d.rule).collect::<Vec<_>>();
        assert_eq!(found("import '@acme/billing';"), Vec::<&str>::new());
        assert_eq!(found("import '@acme/shared/src/testing';"), vec!["no-unresolved-local"]);
    }

    #[test]
    fn json_texts_are_recorded_without_comments_commas_or_spaces() {
        let text =
            "{\n  // paths\n  \"a\": [1, 2,], /* b */ \"b\": \"x // not a comment, /* nor this */ \\\" }\",\n}\n";
        let out = minified(text.to_string());
        assert_eq!(out, r#"{"a":[1,2],"b":"x // not a comment, /* nor this */ \" }"}"#);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&out).map(|v| v["a"][1].clone()).ok(), Some(2.into()));
        for kept in ["{\"a\": }", "{a: 1}", "not json"] {
            assert_eq!(minified(kept.to_string()), kept);
        }
    }

    #[test]
    fn a_malformed_snapshot_is_described_in_json_words() {
        for (json, expected) in [
            ("[1, 2, 3, 4, 5, 6, 7]", "expected an object"),
            ("{\"palisadeSnapshot\": 3, \"root\": 1}", "root: expected a string, found the number 1"),
            ("{not json", "key must be a string"),
        ] {
            let err = super::parse_snapshot(json).expect_err(json);
            let text = err.to_string();
            assert!(text.contains(expected), "{json}: {text}");
            assert!(
                !text.contains("struct") && !text.contains("sequence") && !text.contains(" at line "),
                "{json}: {text}"
            );
        }
    }
}
