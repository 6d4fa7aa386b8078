//! The projects of a snapshot: as JSON records, and as the block of a snapshot file that a check
//! reads one project at a time.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::SnapshotError;
use super::host::SnapshotHost;
use super::store::{Reader, push_count, push_text};
use crate::pattern::{Flavor, Glob};
use crate::project::{Project, ProjectSource};

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
    pub(crate) fn of(project: &Project) -> Self {
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

    pub(super) fn into_project(self, index: usize) -> Result<Project, SnapshotError> {
        let entry_globs = self
            .entry_globs
            .iter()
            .enumerate()
            .map(|(at, pattern)| {
                Glob::new(pattern, Flavor::Text).map_err(|reason| {
                    SnapshotError::unreadable(format!("`projects[{index}].entryGlobs[{at}]`: {reason}"))
                })
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

/// Where the projects of a snapshot being opened are.
pub(super) enum RecordedProjects {
    /// In the JSON form, or in the header of a file written before the project block.
    Listed(Vec<ProjectRecord>),
    Block(ProjectBlock),
}

/// The projects of a snapshot file, after its header: a `u32` count, a `u32` offset per project
/// (from the block's start), then each project as `ProjectRecord::encode` writes it, sorted by
/// root; read one by one when a check asks for them.
pub(super) struct ProjectBlock {
    start: usize,
    count: usize,
    pub(super) end: usize,
    package_names: Vec<(String, usize)>,
}

impl ProjectBlock {
    /// Appends the block of `projects` (sorted here by root) to `out`.
    pub(super) fn write(out: &mut Vec<u8>, projects: &[ProjectRecord]) {
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
    pub(super) fn check(bytes: &[u8], start: usize) -> Result<Self, SnapshotError> {
        let damaged = || SnapshotError::unreadable("is damaged (its projects): make it again".to_string());
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
                                SnapshotError::unreadable(format!("`projects[{index}].entryGlobs[{at}]`: {reason}"))
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
pub(super) struct SnapshotProjects {
    pub(super) host: Arc<SnapshotHost>,
    pub(super) block: ProjectBlock,
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
