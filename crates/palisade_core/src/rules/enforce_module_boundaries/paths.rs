//! Nx's tests on import paths, and the secondary entry point a file belongs to.

use crate::project::Project;

pub(super) fn is_relative(import: &str) -> bool {
    import.starts_with("./") || import.starts_with("../") || import == "." || import == ".."
}

/// Nx's `isAbsoluteImportIntoAnotherProject`, with the default `libs` and `apps` folders.
pub(super) fn is_absolute_into_project(import: &str) -> bool {
    ["libs/", "/libs/", "apps/", "/apps/"].iter().any(|prefix| import.starts_with(prefix))
}

/// `import` (relative) joined to the folder of `file`, both workspace-relative; `None` above the
/// workspace root.
pub(super) fn lexical_join(file: &str, import: &str) -> Option<String> {
    let folder = std::path::Path::new(file).parent().unwrap_or_else(|| std::path::Path::new(""));
    let joined = crate::resolve::normalize(&folder.join(import));
    if joined.components().next() == Some(std::path::Component::ParentDir) {
        return None;
    }
    Some(joined.to_string_lossy().replace('\\', "/"))
}

/// The secondary entry point (a `package.json` `exports` subpath) a file of `project` belongs to:
/// the subpath's file itself, or anything below the subpath's folder. `None` for the main entry.
pub(super) fn entry_point_of(project: &Project, file: &str) -> Option<String> {
    let exports = project.package_json.as_ref()?.get("exports")?.as_object()?;
    let base = |path: &str| {
        let path = path.trim_start_matches("./");
        if project.root.is_empty() { path.to_string() } else { format!("{}/{path}", project.root) }
    };
    let entries: Vec<(String, String)> = exports
        .iter()
        .filter(|(key, _)| key.starts_with("./") && !key.contains('*'))
        .filter_map(|(key, value)| {
            let target = match value {
                serde_json::Value::String(target) => target.as_str(),
                serde_json::Value::Object(conditions) => ["default", "import", "require", "node"]
                    .iter()
                    .find_map(|c| conditions.get(*c).and_then(serde_json::Value::as_str))?,
                _ => return None,
            };
            Some((base(key), base(target)))
        })
        .collect();
    if let Some((_, target)) = entries.iter().find(|(_, target)| target == file) {
        return Some(target.clone());
    }
    let mut dir = file;
    while let Some((parent, _)) = dir.rsplit_once('/') {
        if parent == project.root {
            break;
        }
        if let Some((_, target)) = entries.iter().find(|(path, _)| path == parent) {
            return Some(target.clone());
        }
        dir = parent;
    }
    None
}
