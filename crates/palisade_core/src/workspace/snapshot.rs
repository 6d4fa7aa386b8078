//! Recording a workspace as a snapshot, and opening one (the format is `crate::snapshot`'s): a
//! surface with a file system records everything a per-file check reads besides the file itself,
//! and one without (the SWC plugin) replays it with the same discovery, resolution and rules.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use super::Workspace;
use crate::host::{EntryKind, Host};
use crate::snapshot::{
    ProjectRecord, Replay, SNAPSHOT_VERSION, Snapshot, SnapshotError, is_resolution_input, minified, replay_file,
    snapshot_listing_line,
};

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
    pub fn from_snapshot(snapshot: Snapshot, base: &Path) -> Result<Self, SnapshotError> {
        Self::replayed(snapshot.replay(base)?)
    }

    /// Opens the workspace a snapshot file (`Snapshot::to_file_bytes`) recorded, as
    /// `from_snapshot`, leaving its listings, texts and resolver records where they lie.
    pub fn from_snapshot_file(bytes: Vec<u8>, base: &Path) -> Result<Self, SnapshotError> {
        Self::replayed(replay_file(bytes, base)?)
    }

    fn replayed(replay: Replay) -> Result<Self, SnapshotError> {
        let Replay { root, config_file, host, projects } = replay;
        let mut workspace =
            Self::open_with(Arc::clone(&host) as Arc<dyn Host>, &root, config_file.as_deref(), Some(projects), None)
                .map_err(SnapshotError::Config)?;
        workspace.resolver.use_records(host);
        Ok(workspace)
    }
}
