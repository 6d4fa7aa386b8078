//! The host interface: the only way the core sees files. Each surface provides one (Node's `fs`
//! in the wasm module, `std::fs` natively); `MemoryHost` serves tests.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// What a path names, after following symbolic links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Dir,
}

/// One entry of a directory listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    pub kind: EntryKind,
    pub is_symlink: bool,
}

/// Read access to the files of a workspace. Paths are absolute with `/` separators.
pub trait Host: Send + Sync {
    fn read_to_string(&self, path: &Path) -> io::Result<String>;
    /// The kind of `path` after following links, or `None` when nothing is there.
    fn kind(&self, path: &Path) -> Option<EntryKind>;
    fn is_symlink(&self, path: &Path) -> bool;
    fn read_dir(&self, path: &Path) -> io::Result<Vec<DirEntry>>;
    fn read_link(&self, path: &Path) -> io::Result<PathBuf>;
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf>;
}

/// An in-memory file tree for tests: files by absolute path, directories implied.
#[derive(Debug, Default, Clone)]
pub struct MemoryHost {
    files: BTreeMap<PathBuf, String>,
}

impl MemoryHost {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file; `path` is absolute.
    #[must_use]
    pub fn with_file(mut self, path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        self.files.insert(path.into(), text.into());
        self
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.files.keys().any(|file| file.starts_with(path) && file != path)
    }
}

pub(crate) fn not_found(path: &Path) -> io::Error {
    io::Error::new(io::ErrorKind::NotFound, format!("{} does not exist", path.display()))
}

impl Host for MemoryHost {
    fn read_to_string(&self, path: &Path) -> io::Result<String> {
        self.files.get(path).cloned().ok_or_else(|| not_found(path))
    }

    fn kind(&self, path: &Path) -> Option<EntryKind> {
        if self.files.contains_key(path) {
            Some(EntryKind::File)
        } else if self.is_dir(path) {
            Some(EntryKind::Dir)
        } else {
            None
        }
    }

    fn is_symlink(&self, _path: &Path) -> bool {
        false
    }

    fn read_dir(&self, path: &Path) -> io::Result<Vec<DirEntry>> {
        let mut entries: BTreeMap<String, EntryKind> = BTreeMap::new();
        for file in self.files.keys() {
            let Ok(rest) = file.strip_prefix(path) else { continue };
            let mut parts = rest.components();
            let Some(first) = parts.next() else { continue };
            let name = first.as_os_str().to_string_lossy().into_owned();
            let kind = if parts.next().is_some() { EntryKind::Dir } else { EntryKind::File };
            entries.insert(name, kind);
        }
        if entries.is_empty() && !self.is_dir(path) {
            return Err(not_found(path));
        }
        Ok(entries.into_iter().map(|(name, kind)| DirEntry { name, kind, is_symlink: false }).collect())
    }

    fn read_link(&self, path: &Path) -> io::Result<PathBuf> {
        Err(io::Error::new(io::ErrorKind::InvalidInput, format!("{} is not a link", path.display())))
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        if self.kind(path).is_some() { Ok(path.to_path_buf()) } else { Err(not_found(path)) }
    }
}

/// A host that remembers the directory listings it has read and answers `kind` and `is_symlink`
/// for their entries without asking the file system again. Discovery lists every folder of the
/// workspace once, so the resolver's probing (`./order` → `order`, `order.ts`, `order.tsx`, …;
/// every `tsconfig.json` and `package.json` up the tree) costs no system call (and, in wasm, no
/// call into JavaScript) inside the workspace. A name missing from a listed folder does not exist:
/// lookups are exact, so a wrongly cased import fails on every platform, as it would on Linux CI.
///
/// It also keeps the text of every file it read that is not a source file (manifests, tsconfig
/// files, their `extends` bases): with the listings, that is everything a check reads besides the
/// sources, which is what a workspace snapshot is made of.
pub struct ListingHost {
    inner: std::sync::Arc<dyn Host>,
    listings: std::sync::Mutex<rustc_hash::FxHashMap<PathBuf, Listing>>,
    texts: std::sync::Mutex<rustc_hash::FxHashMap<PathBuf, String>>,
}

/// A folder's entries: name to kind and whether it is a link.
type Listing = rustc_hash::FxHashMap<String, (EntryKind, bool)>;

/// What the listings say about a path.
enum Listed {
    /// Its folder was never listed: ask the file system.
    Unknown,
    /// Its folder was listed without it.
    Missing,
    Found(EntryKind, bool),
}

impl ListingHost {
    pub fn new(inner: std::sync::Arc<dyn Host>) -> Self {
        Self { inner, listings: std::sync::Mutex::default(), texts: std::sync::Mutex::default() }
    }

    /// Every folder listed so far, with its entries' names and kinds.
    pub fn listings(&self) -> Vec<(PathBuf, Vec<(String, EntryKind)>)> {
        let Ok(listings) = self.listings.lock() else { return Vec::new() };
        listings
            .iter()
            .map(|(dir, listing)| {
                (dir.clone(), listing.iter().map(|(name, &(kind, _))| (name.clone(), kind)).collect())
            })
            .collect()
    }

    /// The non-source files read so far, with their text.
    pub fn texts(&self) -> Vec<(PathBuf, String)> {
        self.texts
            .lock()
            .map(|texts| texts.iter().map(|(path, text)| (path.clone(), text.clone())).collect())
            .unwrap_or_default()
    }

    /// Forgets every listing (files may have been created or deleted since).
    pub fn forget(&self) {
        if let Ok(mut listings) = self.listings.lock() {
            listings.clear();
        }
        if let Ok(mut texts) = self.texts.lock() {
            texts.clear();
        }
    }

    fn listed(&self, path: &Path) -> Listed {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name().and_then(|name| name.to_str())) else {
            return Listed::Unknown;
        };
        let Ok(listings) = self.listings.lock() else { return Listed::Unknown };
        match listings.get(parent) {
            None => Listed::Unknown,
            Some(listing) => listing.get(name).map_or(Listed::Missing, |&(kind, link)| Listed::Found(kind, link)),
        }
    }
}

impl Host for ListingHost {
    fn read_to_string(&self, path: &Path) -> io::Result<String> {
        let text = self.inner.read_to_string(path)?;
        if !path.to_str().is_some_and(crate::imports::is_source_path)
            && let Ok(mut texts) = self.texts.lock()
        {
            texts.insert(path.to_path_buf(), text.clone());
        }
        Ok(text)
    }

    fn kind(&self, path: &Path) -> Option<EntryKind> {
        match self.listed(path) {
            Listed::Unknown => self.inner.kind(path),
            Listed::Missing => None,
            Listed::Found(kind, _) => Some(kind),
        }
    }

    fn is_symlink(&self, path: &Path) -> bool {
        match self.listed(path) {
            Listed::Unknown => self.inner.is_symlink(path),
            Listed::Missing => false,
            Listed::Found(_, is_symlink) => is_symlink,
        }
    }

    fn read_dir(&self, path: &Path) -> io::Result<Vec<DirEntry>> {
        let entries = self.inner.read_dir(path)?;
        if let Ok(mut listings) = self.listings.lock() {
            let listing = entries.iter().map(|entry| (entry.name.clone(), (entry.kind, entry.is_symlink))).collect();
            listings.insert(path.to_path_buf(), listing);
        }
        Ok(entries)
    }

    fn read_link(&self, path: &Path) -> io::Result<PathBuf> {
        self.inner.read_link(path)
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        self.inner.canonicalize(path)
    }
}
