//! The snapshot format, in one place. A snapshot is a workspace without a file system: everything a per-file check reads besides the file itself
//! (the folder listings, the config, manifests and tsconfig files), recorded once by a surface
//! that has a file system and replayed by one that has not, such as the SWC plugin. A workspace
//! opened from a snapshot runs the same discovery, resolution and rules, so its verdicts are the
//! same as the original's.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

mod host;
mod projects;
mod store;

pub use host::{SnapshotHost, snapshot_listing_line};
pub use projects::ProjectRecord;

use host::write_snapshot_tables;
use projects::{ProjectBlock, RecordedProjects, SnapshotProjects};
use store::push_count;

use crate::jsonc::ConfigError;
use crate::project::ProjectGraph;

/// The format version; a snapshot of another version is refused rather than misread.
pub const SNAPSHOT_VERSION: u32 = 3;

/// Where a snapshot came from, for error messages.
pub const SNAPSHOT_SOURCE: &str = "the Palisade snapshot";

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

/// Files that resolution may read on demand: recorded whether or not a check read them yet.
pub(crate) fn is_resolution_input(name: &str) -> bool {
    name == "package.json"
        || (Path::new(name).extension().is_some_and(|ext| ext == "json")
            && (name.starts_with("tsconfig") || name.starts_with("jsconfig")))
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
    pub(crate) fn write_tables(&self, out: &mut Vec<u8>) {
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
pub(crate) fn minified(text: String) -> String {
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

/// A snapshot that cannot be opened: unreadable (not a snapshot, another version, damaged), or
/// carrying a `palisade.json` that does not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    Unreadable {
        /// Dotted JSON path in the JSON form; empty for the whole snapshot.
        json_path: String,
        line: usize,
        column: usize,
        reason: String,
    },
    Config(ConfigError),
}

impl SnapshotError {
    fn unreadable(reason: String) -> Self {
        Self::Unreadable { json_path: String::new(), line: 1, column: 1, reason }
    }
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable { json_path, line, column, reason } => {
                write!(f, "{SNAPSHOT_SOURCE}:{line}:{column}: ")?;
                if !json_path.is_empty() {
                    write!(f, "{json_path}: ")?;
                }
                f.write_str(reason)
            }
            Self::Config(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// What a snapshot holds, ready for a workspace to open: its root, its config file, the host that
/// serves its listings and texts (and the resolver's records), and its projects.
pub struct Replay {
    pub root: PathBuf,
    pub config_file: Option<PathBuf>,
    pub host: Arc<SnapshotHost>,
    pub projects: ProjectGraph,
}

impl Snapshot {
    /// The snapshot ready to open; a relative root is taken from `base`.
    pub fn replay(self, base: &Path) -> Result<Replay, SnapshotError> {
        let mut tables = Vec::new();
        self.write_tables(&mut tables);
        let header = SnapshotHeader {
            palisade_snapshot: self.palisade_snapshot,
            root: self.root,
            config_file: self.config_file,
            projects: None,
        };
        replay_parts(header, RecordedProjects::Listed(self.projects), tables, 0, base)
    }
}

/// A snapshot file (`Snapshot::to_file_bytes`) ready to open, as `Snapshot::replay`: the header and
/// the projects are read, the listings, texts and resolver records left where they lie.
pub fn replay_file(bytes: Vec<u8>, base: &Path) -> Result<Replay, SnapshotError> {
    let damaged = |what: &str| SnapshotError::unreadable(format!("is damaged ({what}): make it again"));
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
    replay_parts(header, projects, bytes, tables_at, base)
}

fn replay_parts(
    header: SnapshotHeader,
    projects: RecordedProjects,
    bytes: Vec<u8>,
    tables_at: usize,
    base: &Path,
) -> Result<Replay, SnapshotError> {
    if header.palisade_snapshot != SNAPSHOT_VERSION {
        return Err(SnapshotError::unreadable(format!(
            "is version {}, this Palisade reads version {SNAPSHOT_VERSION}: make it again with this version",
            header.palisade_snapshot
        )));
    }
    let root = normalize(&base.join(&header.root));
    if !root.has_root() {
        return Err(SnapshotError::unreadable(format!(
            "`root` is `{}`, relative, and there is no absolute folder to take it from",
            header.root
        )));
    }
    let host = SnapshotHost::from_tables(root.clone(), bytes, tables_at)
        .ok_or_else(|| SnapshotError::unreadable("is damaged (its listings or texts): make it again".to_string()))?;
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
    Ok(Replay { root, config_file, host, projects })
}

/// Reads a snapshot from JSON; errors name the JSON path and position.
pub fn parse_snapshot(json: &str) -> Result<Snapshot, SnapshotError> {
    // serde reads a struct from an array too, field by field: a snapshot is an object.
    if !json.trim_start().starts_with('{') {
        return Err(SnapshotError::unreadable("expected an object (the output of `palisade swc-config`)".to_string()));
    }
    parse_json(json)
}

fn parse_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, SnapshotError> {
    // Tracking the path costs a third of the parse; only a failure needs it.
    if let Ok(value) = serde_json::from_str(json) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        SnapshotError::Unreadable {
            json_path: if path == "." || path == "?" { String::new() } else { path },
            line: inner.line(),
            column: inner.column(),
            reason: crate::jsonc::serde_in_words(without_position(&inner.to_string())),
        }
    })
}

/// `serde_json`'s message without the " at line L column C" it appends (the error carries both).
fn without_position(message: &str) -> &str {
    message.rfind(" at line ").map_or(message, |at| &message[..at])
}

#[cfg(test)]
mod tests {
    use super::{minified, push_count};
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
        push_count(&mut older, header.len());
        older.extend_from_slice(&header);
        snapshot.write_tables(&mut older);
        let opened = Workspace::from_snapshot_file(older, Path::new("/"));
        assert_eq!(opened.map(|opened| names(&opened)).ok(), Some(expected));

        // A project block cut short is damage, not a panic.
        let bytes = snapshot.to_file_bytes();
        let magic = super::SNAPSHOT_FILE_MAGIC.len();
        let header_len = bytes[magic..magic + 4].iter().rev().fold(0, |len, byte| len * 256 + usize::from(*byte));
        let cut = Workspace::from_snapshot_file(bytes[..magic + 4 + header_len + 30].to_vec(), Path::new("/"));
        assert!(cut.is_err_and(|err| err.to_string().contains("its projects")));
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
