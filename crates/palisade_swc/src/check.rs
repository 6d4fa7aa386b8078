//! The plugin's work, apart from SWC: config in, errors out. Native tests call it directly.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use palisade_core::Workspace;
use palisade_core::snapshot::{SNAPSHOT_FILE_MAGIC, parse_snapshot};

/// One error for SWC to report: a byte range of the file's text (or the whole program) and the
/// text SWC prints above its code frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginError {
    pub span: Option<(usize, usize)>,
    pub message: String,
}

/// The workspace of the last config seen. SWC may run every file in a fresh plugin instance, or
/// reuse one; either way a config is read once per instance.
static OPENED: Mutex<Option<(u64, Arc<Workspace>)>> = Mutex::new(None);

fn config_hash(config: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    config.hash(&mut hasher);
    hasher.finish()
}

/// A snapshot as the plugin gets it: the JSON config itself, or the bytes of a snapshot file.
enum SnapshotSource<'a> {
    Json(&'a str),
    File(Vec<u8>),
}

fn workspace_for(source: SnapshotSource<'_>, cwd: &Path) -> Result<Arc<Workspace>, String> {
    let text = match &source {
        SnapshotSource::Json(json) => json.as_bytes(),
        SnapshotSource::File(bytes) => bytes,
    };
    let key = config_hash(text) ^ config_hash(cwd.to_string_lossy().as_bytes());
    if let Ok(opened) = OPENED.lock()
        && let Some((opened_key, workspace)) = opened.as_ref()
        && *opened_key == key
    {
        return Ok(Arc::clone(workspace));
    }
    let opened = match source {
        SnapshotSource::Json(json) => parse_snapshot(json).and_then(|snapshot| Workspace::from_snapshot(snapshot, cwd)),
        SnapshotSource::File(bytes) if bytes.starts_with(SNAPSHOT_FILE_MAGIC) => {
            Workspace::from_snapshot_file(bytes, cwd)
        }
        // The JSON form, as earlier versions wrote the file.
        SnapshotSource::File(bytes) => parse_snapshot(&String::from_utf8_lossy(&bytes))
            .and_then(|snapshot| Workspace::from_snapshot(snapshot, cwd)),
    };
    let workspace =
        opened.map(Arc::new).map_err(|err| format!("palisade: the SWC plugin config is not usable: {err}"))?;
    if let Ok(mut opened) = OPENED.lock() {
        *opened = Some((key, Arc::clone(&workspace)));
    }
    Ok(workspace)
}

/// A config that names a snapshot file instead of holding the snapshot (see `palisade/swc`).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SnapshotFileConfig {
    palisade_snapshot_file: String,
}

/// The snapshot file `config` names, if it names one. An inline snapshot fails at its first key.
fn snapshot_file(config: &str) -> Option<String> {
    serde_json::from_str::<SnapshotFileConfig>(config).ok().map(|config| config.palisade_snapshot_file)
}

/// The text of the snapshot `file` (absolute, or relative to SWC's working directory). SWC lets
/// a plugin read the files below its working directory, mounted at `/cwd`.
fn read_snapshot_file(file: &str, cwd: Option<&str>, working_directory: &Path) -> Result<Vec<u8>, String> {
    let path = absolute(file, cwd);
    let advice = "`swcPlugin()` from 'palisade/swc' writes it when the SWC config loads (or pass \
                  `snapshot: 'inline'`); for a .swcrc, run `npx palisade swc-config --snapshot file` again";
    let Ok(below) = path.strip_prefix(working_directory) else {
        return Err(format!(
            "palisade: the workspace snapshot {} is not below SWC's working directory {}, the only files an SWC \
             plugin may read; {advice}",
            path.display(),
            working_directory.display()
        ));
    };
    let readable = if cfg!(target_os = "wasi") { Path::new("/cwd").join(below) } else { path.clone() };
    std::fs::read(&readable)
        .map_err(|err| format!("palisade: cannot read the workspace snapshot {}: {err}; {advice}", path.display()))
}

/// The absolute path of the file SWC compiles: `filename` as the caller passed it, against `cwd`.
fn absolute(filename: &str, cwd: Option<&str>) -> PathBuf {
    let filename = filename.replace('\\', "/");
    let path = Path::new(&filename);
    if path.has_root() {
        return path.to_path_buf();
    }
    let cwd = cwd.map(|cwd| cwd.replace('\\', "/")).unwrap_or_default();
    let mut joined = PathBuf::from(cwd);
    for part in filename.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                joined.pop();
            }
            part => joined.push(part),
        }
    }
    joined
}

/// The file SWC compiles: `filename` against `cwd`, as `@swc/core`, webpack and Vite name it.
/// Turbopack names it relative to its own root (the lockfile's folder) while `cwd` is where
/// `next` started, which may lie below: so when the joined path is no file of the workspace, the
/// first folder above `cwd` against which `filename` names one is taken.
fn source_path(workspace: &Workspace, filename: &str, cwd: Option<&str>) -> PathBuf {
    let joined = absolute(filename, cwd);
    if Path::new(filename).has_root() || workspace.has_file(&joined) {
        return joined;
    }
    let cwd = absolute(".", cwd);
    cwd.ancestors()
        .skip(1)
        .map(|folder| absolute(filename, folder.to_str()))
        .find(|candidate| workspace.has_file(candidate))
        .unwrap_or(joined)
}

/// Checks the file `filename` (relative to `cwd`, or absolute) whose original text is `source`,
/// against the workspace in `config`. A missing or unusable config is one error; a file SWC
/// compiles without a name, or outside the workspace, gets no verdict.
pub fn check_source(config: Option<&str>, filename: Option<&str>, cwd: Option<&str>, source: &str) -> Vec<PluginError> {
    let config = config.map(str::trim).filter(|config| !config.is_empty() && *config != "null" && *config != "{}");
    let Some(config) = config else {
        return vec![PluginError {
            span: None,
            message: "palisade: the SWC plugin needs its workspace config: in JS config use `swcPlugin()` from \
                      'palisade/swc'; in .swcrc paste the output of `npx palisade swc-config`"
                .to_string(),
        }];
    };
    let working_directory = absolute(".", cwd);
    let snapshot = match snapshot_file(config) {
        Some(file) => match read_snapshot_file(&file, cwd, &working_directory) {
            Ok(bytes) => SnapshotSource::File(bytes),
            Err(message) => return vec![PluginError { span: None, message }],
        },
        None => SnapshotSource::Json(config),
    };
    let workspace = match workspace_for(snapshot, &working_directory) {
        Ok(workspace) => workspace,
        Err(message) => return vec![PluginError { span: None, message }],
    };
    let Some(filename) = filename.filter(|name| !name.is_empty()) else { return Vec::new() };
    let path = source_path(&workspace, filename, cwd);
    // The core counts offsets after a byte-order mark, as ESLint does; SWC's text may keep it.
    let bom = if source.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    workspace
        .check_file(&path, source)
        .into_iter()
        .map(|diagnostic| PluginError {
            span: Some((diagnostic.span.start + bom, diagnostic.span.end + bom)),
            message: format!(
                "palisade/{}: {}:{}:{}: {}\n  help: {}",
                diagnostic.rule,
                diagnostic.file,
                diagnostic.start.line,
                diagnostic.start.column + 1,
                diagnostic.message,
                diagnostic.help
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_names_are_joined_to_the_working_directory() {
        assert_eq!(absolute("src/a.ts", Some("/w/app")), PathBuf::from("/w/app/src/a.ts"));
        assert_eq!(absolute("./src/../lib/a.ts", Some("/w")), PathBuf::from("/w/lib/a.ts"));
        assert_eq!(absolute("C:\\w\\a.ts", None), PathBuf::from("C:/w/a.ts").components().collect::<PathBuf>());
        assert_eq!(absolute("/abs/a.ts", Some("/w")), PathBuf::from("/abs/a.ts"));
    }

    #[test]
    fn a_missing_config_is_one_readable_error() {
        let errors = check_source(None, Some("a.ts"), Some("/w"), "import x from 'y';");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("swcPlugin()"), "{}", errors[0].message);
    }

    #[test]
    fn a_snapshot_file_is_read_below_the_working_directory() {
        let folder = std::env::temp_dir().join(format!("palisade-swc-snapshot-{}", std::process::id()));
        let file = folder.join("node_modules/.cache/palisade/swc-snapshot.json");
        std::fs::create_dir_all(file.parent().unwrap_or(&folder)).ok();
        let snapshot =
            r#"{"palisadeSnapshot": 3, "root": ".", "listings": "\ta.ts\tb.ts", "texts": {}, "projects": []}"#;
        let cwd = folder.to_string_lossy().into_owned();
        let config = r#"{"palisadeSnapshotFile": "node_modules/.cache/palisade/swc-snapshot.json"}"#;
        let binary = parse_snapshot(snapshot).map(|snapshot| snapshot.to_file_bytes()).unwrap_or_default();
        // The file form, and the JSON form earlier versions wrote.
        for contents in [binary.clone(), snapshot.as_bytes().to_vec()] {
            std::fs::write(&file, contents).ok();
            assert_eq!(check_source(Some(config), Some("a.ts"), Some(&cwd), "import './b';"), Vec::new());
            let errors = check_source(Some(config), Some("a.ts"), Some(&cwd), "import './c';");
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert!(errors[0].message.contains("palisade/no-unresolved-local"), "{}", errors[0].message);
        }
        for cut in [binary.len() - 3, SNAPSHOT_FILE_MAGIC.len() + 6] {
            std::fs::write(&file, &binary[..cut]).ok();
            let errors = check_source(Some(config), Some("a.ts"), Some(&cwd), "import './b';");
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert!(errors[0].message.contains("is damaged"), "{}", errors[0].message);
        }

        let missing = r#"{"palisadeSnapshotFile": "gone.json"}"#;
        let errors = check_source(Some(missing), Some("a.ts"), Some(&cwd), "");
        assert!(errors[0].message.contains("cannot read the workspace snapshot"), "{}", errors[0].message);
        assert!(errors[0].message.contains("gone.json"), "{}", errors[0].message);
        let outside = r#"{"palisadeSnapshotFile": "/elsewhere/snapshot.json"}"#;
        let errors = check_source(Some(outside), Some("a.ts"), Some(&cwd), "");
        assert!(errors[0].message.contains("is not below SWC's working directory"), "{}", errors[0].message);
        std::fs::remove_dir_all(&folder).ok();
    }

    #[test]
    fn a_file_named_from_a_folder_above_the_working_directory_is_found() {
        // Turbopack started in `apps/web` names files relative to the workspace root above it.
        let config = r#"{"palisadeSnapshot": 3, "root": "../..", "texts": {}, "projects": [],
            "listings": "\ta.ts\tapps/\napps/\tweb/\napps/web/\tpage.ts\tlocal.ts"}"#;
        let cwd = Some("/w/apps/web");
        for filename in ["apps/web/page.ts", "page.ts", "/w/apps/web/page.ts"] {
            assert_eq!(check_source(Some(config), Some(filename), cwd, "import './local';"), Vec::new(), "{filename}");
            let errors = check_source(Some(config), Some(filename), cwd, "import './gone';");
            assert_eq!(errors.len(), 1, "{filename}: {errors:?}");
            assert!(errors[0].message.contains("apps/web/page.ts:1:8"), "{}", errors[0].message);
        }
    }

    #[test]
    fn a_broken_config_names_what_is_wrong() {
        let errors = check_source(
            Some(r#"{"palisadeSnapshot": 3, "root": "/w", "listings": 3, "texts": {}, "projects": []}"#),
            Some("a.ts"),
            None,
            "",
        );
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("listings"), "{}", errors[0].message);
        let errors = check_source(
            Some(r#"{"palisadeSnapshot": 3, "root": "/w", "listings": "", "texts": {}, "projects": [], "extra": 1}"#),
            Some("a.ts"),
            None,
            "",
        );
        assert!(errors[0].message.contains("extra"), "{}", errors[0].message);
        let errors = check_source(Some("{not json"), Some("a.ts"), None, "");
        assert!(errors[0].message.contains("the Palisade snapshot:1:2: key must be a string"), "{}", errors[0].message);
    }
}
