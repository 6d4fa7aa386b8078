//! The host a snapshot replays: its listings and texts, searched where they lie.

use std::io;
use std::path::{Path, PathBuf};

use super::store::{Table, write_table};
use crate::host::{DirEntry, EntryKind, Host, not_found};
use crate::resolve::ResolverRecords;

/// A host with no file system behind it: the listings and texts a `Workspace::snapshot` recorded,
/// as two tables of one buffer (see `store`), searched where they lie. Paths under the root are
/// known from the listings (a folder never listed reads as empty); any other path exists only if
/// its text was recorded.
pub struct SnapshotHost {
    root: PathBuf,
    /// `root` as text, for the byte-wise prefix test of `relative`.
    root_text: Option<String>,
    bytes: Vec<u8>,
    /// Root-relative folder (`""` for the root, no trailing `/`) to its entries' names, each after
    /// a tab, folders ending with `/`.
    listings: Table,
    /// Keyed as recorded: root-relative, or absolute outside the root.
    texts: Table,
    /// `crate::resolve::ResolverRecords`; empty in a file written before it was recorded.
    records: Table,
}

impl SnapshotHost {
    /// The host over `bytes`, which hold the listings table, the texts table and, unless the
    /// file is older than them, the resolver records; `None` when they are damaged.
    pub fn from_tables(root: PathBuf, bytes: Vec<u8>, at: usize) -> Option<Self> {
        let (listings, at) = Table::read(&bytes, at)?;
        let (texts, at) = Table::read(&bytes, at)?;
        let records = if at < bytes.len() { Table::read(&bytes, at)?.0 } else { Table::default() };
        let root_text = root.to_str().map(|text| text.trim_end_matches('/').to_string());
        Some(Self { root, root_text, bytes, listings, texts, records })
    }

    /// The whole buffer the tables lie in.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// `path` relative to the root. Resolution asks about many paths per file, so a plain path
    /// (no `.`, `..` or empty segment) is cut by bytes; any other goes through `Path`.
    fn relative<'p>(&self, path: &'p Path) -> Option<&'p str> {
        let text = path.to_str()?;
        if let Some(rest) = self.root_text.as_deref().and_then(|root| text.strip_prefix(root)) {
            if rest.is_empty() {
                return Some("");
            }
            if let Some(rest) = rest.strip_prefix('/')
                && rest.split('/').all(|segment| !segment.is_empty() && segment != "." && segment != "..")
            {
                return Some(rest);
            }
        }
        path.strip_prefix(&self.root).ok().and_then(Path::to_str)
    }

    /// The recorded text of `path`, looked up by the key it is recorded under.
    fn text_of(&self, path: &Path) -> Option<&str> {
        self.text_at(self.relative(path).or_else(|| path.to_str())?)
    }

    /// The text recorded under `key` (root-relative, or absolute outside the root).
    fn text_at(&self, key: &str) -> Option<&str> {
        self.texts.get(&self.bytes, key)
    }

    fn listing(&self, folder: &str) -> Option<&str> {
        self.listings.get(&self.bytes, folder)
    }

    /// Whether some listed folder lies inside `folder`.
    fn holds_listed(&self, folder: &str) -> bool {
        self.listings.holds_prefix(&self.bytes, &format!("{folder}/"))
    }
}

/// Appends the tables of a snapshot to `out`: `listings` as `snapshot_listing_line` writes
/// them, `texts` keyed as `SnapshotHost` looks them up, and the resolver's `records`.
pub fn write_snapshot_tables<'a>(
    out: &mut Vec<u8>,
    listings: &'a str,
    mut texts: Vec<(&'a str, &'a str)>,
    mut records: Vec<(&'a str, &'a str)>,
) {
    let mut folders: Vec<(&str, &str)> = listings
        .lines()
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (folder, names) = line.split_once('\t').unwrap_or((line, ""));
            (folder.trim_end_matches('/'), names)
        })
        .collect();
    write_table(out, &mut folders);
    write_table(out, &mut texts);
    write_table(out, &mut records);
}

impl ResolverRecords for SnapshotHost {
    fn record(&self, key: &str) -> Option<&str> {
        self.records.get(&self.bytes, key)
    }
}

/// One line of a snapshot's `listings`, as `SnapshotHost` reads it: the root-relative `folder`
/// with a trailing `/` (nothing for the root), then a tab before each entry name, sorted, folders
/// ending with `/`.
pub fn snapshot_listing_line(folder: &str, entries: Vec<(String, EntryKind)>) -> String {
    let mut names: Vec<String> = entries
        .into_iter()
        .map(|(name, kind)| if kind == EntryKind::Dir { format!("{name}/") } else { name })
        .collect();
    names.sort_unstable();
    let mut line = if folder.is_empty() { String::new() } else { format!("{folder}/") };
    for name in names {
        line.push('\t');
        line.push_str(&name);
    }
    line
}

/// The kind of entry `name` in a recorded listing line's names (tab-separated, as the listings
/// table holds them), found by substring search rather than by splitting the line (folders of a
/// large workspace list hundreds of entries).
fn listed_kind(names: &str, name: &str) -> Option<EntryKind> {
    if name.is_empty() || name.contains(['\t', '/']) {
        return None;
    }
    let bytes = names.as_bytes();
    let ends_entry = |at: usize| matches!(bytes.get(at), None | Some(b'\t'));
    let mut from = 0;
    while let Some(found) = names.get(from..).and_then(|rest| rest.find(name)) {
        let start = from + found;
        let end = start + name.len();
        if start == 0 || bytes[start - 1] == b'\t' {
            if ends_entry(end) {
                return Some(EntryKind::File);
            }
            if bytes.get(end) == Some(&b'/') && ends_entry(end + 1) {
                return Some(EntryKind::Dir);
            }
        }
        // A match starts the line or follows a tab, which `name` holds none of: none starts
        // inside this one.
        from = end;
    }
    None
}

/// The entries of a recorded listing line's names (after its folder).
fn listed_entries(names: &str) -> impl Iterator<Item = (&str, EntryKind)> {
    names.split('\t').filter(|name| !name.is_empty()).map(|name| match name.strip_suffix('/') {
        Some(folder) => (folder, EntryKind::Dir),
        None => (name, EntryKind::File),
    })
}

impl Host for SnapshotHost {
    fn read_to_string(&self, path: &Path) -> io::Result<String> {
        self.text_of(path).map(str::to_string).ok_or_else(|| not_found(path))
    }

    fn kind(&self, path: &Path) -> Option<EntryKind> {
        let relative = self.relative(path);
        if self.text_at(relative.or_else(|| path.to_str())?).is_some() {
            return Some(EntryKind::File);
        }
        match relative {
            Some("") => Some(EntryKind::Dir),
            Some(relative) => {
                let (parent, name) = relative.rsplit_once('/').unwrap_or(("", relative));
                match self.listing(parent) {
                    Some(names) => listed_kind(names, name),
                    None => (self.listing(relative).is_some() || self.holds_listed(relative)).then_some(EntryKind::Dir),
                }
            }
            // Folders holding recorded files outside the root (`node_modules/@tsconfig/…`).
            None => {
                let folder = path.to_str().map(|path| format!("{}/", path.trim_end_matches('/')))?;
                self.texts.holds_prefix(&self.bytes, &folder).then_some(EntryKind::Dir)
            }
        }
    }

    fn is_symlink(&self, _path: &Path) -> bool {
        false
    }

    fn read_dir(&self, path: &Path) -> io::Result<Vec<DirEntry>> {
        let Some(relative) = self.relative(path) else { return Err(not_found(path)) };
        // A folder never listed reads as empty, as it did when the snapshot was made.
        Ok(listed_entries(self.listing(relative).unwrap_or_default())
            .map(|(name, kind)| DirEntry { name: name.to_string(), kind, is_symlink: false })
            .collect())
    }

    fn read_link(&self, path: &Path) -> io::Result<PathBuf> {
        Err(io::Error::new(io::ErrorKind::InvalidInput, format!("{} is not a link", path.display())))
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        if self.kind(path).is_some() { Ok(path.to_path_buf()) } else { Err(not_found(path)) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_entries_are_found_by_name_and_kind() {
        let names = "a\taa.ts\tab/\tb.ts\tdé.ts\tx.ts/\té/";
        let kind = |name| listed_kind(names, name);
        assert_eq!(kind("a"), Some(EntryKind::File));
        assert_eq!(kind("aa.ts"), Some(EntryKind::File));
        assert_eq!(kind("ab"), Some(EntryKind::Dir));
        assert_eq!(kind("é"), Some(EntryKind::Dir));
        assert_eq!(kind("dé.ts"), Some(EntryKind::File));
        assert_eq!(kind("x.ts"), Some(EntryKind::Dir));
        for missing in ["", "aa", "b", "é.ts", "ts", "ab/", "a\taa.ts"] {
            assert_eq!(kind(missing), None, "{missing:?}");
        }
        // The same answers as splitting the line.
        for name in ["a", "aa.ts", "ab", "b.ts", "dé.ts", "x.ts", "é", "zz"] {
            assert_eq!(kind(name), listed_entries(names).find(|(entry, _)| *entry == name).map(|(_, kind)| kind));
        }
    }

    #[test]
    fn paths_are_made_relative_by_bytes_or_by_components() {
        let host = SnapshotHost::from_tables(
            PathBuf::from("/w/r"),
            {
                let mut bytes = Vec::new();
                write_snapshot_tables(&mut bytes, "", Vec::new(), Vec::new());
                bytes
            },
            0,
        );
        let Some(host) = host else { panic!("tables") };
        assert_eq!(host.relative(Path::new("/w/r")), Some(""));
        assert_eq!(host.relative(Path::new("/w/r/a/b.ts")), Some("a/b.ts"));
        assert_eq!(host.relative(Path::new("/w/r/./a/b.ts")), Some("a/b.ts"));
        assert_eq!(host.relative(Path::new("/w/rr/a.ts")), None);
        assert_eq!(host.relative(Path::new("/w/a.ts")), None);
    }
}
