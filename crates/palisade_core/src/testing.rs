//! Small in-memory workspaces shared by the rules' pass/fail tables.

use std::path::Path;
use std::sync::Arc;

use crate::host::MemoryHost;
use crate::workspace::Workspace;

/// `libs/{orders,billing,legacy}/{domain,application}` files, plus `palisade.json`.
pub fn layered_workspace(config: &str) -> MemoryHost {
    let mut host = MemoryHost::new().with_file("/w/package.json", "{}").with_file("/w/palisade.json", config);
    for scope in ["orders", "billing", "legacy"] {
        host = host
            .with_file(format!("/w/libs/{scope}/domain/d.ts"), "")
            .with_file(format!("/w/libs/{scope}/domain/e.ts"), "")
            .with_file(format!("/w/libs/{scope}/application/a.ts"), "");
    }
    host
}

/// Tagged Nx projects with path aliases and one workspace package.
pub fn tagged_workspace(config: &str) -> MemoryHost {
    let project = |name: &str, tags: &[&str]| format!(r#"{{"name":"{name}","tags":{}}}"#, serde_json::json!(tags));
    MemoryHost::new()
        .with_file("/w/package.json", r#"{"workspaces":["packages/*"]}"#)
        .with_file("/w/palisade.json", config)
        .with_file(
            "/w/tsconfig.base.json",
            r#"{"compilerOptions":{"paths":{
                "@acme/shared":["libs/shared/src/index.ts"], "@acme/shared/*":["libs/shared/*"],
                "@acme/billing":["libs/billing/src/index.ts"], "@acme/orders-app":["libs/orders-app/src/index.ts"],
                "@acme/orders-infra":["libs/orders-infra/src/index.ts"], "@acme/legacy":["libs/legacy/src/index.ts"]}}}"#,
        )
        .with_file("/w/libs/shared/project.json", project("shared", &["scope:shared"]))
        .with_file("/w/libs/shared/src/index.ts", "")
        .with_file("/w/libs/shared/src/testing.ts", "")
        .with_file("/w/libs/shared/src/lib/internal.ts", "")
        .with_file("/w/libs/billing/project.json", project("billing", &["scope:billing"]))
        .with_file("/w/libs/billing/src/index.ts", "")
        .with_file("/w/libs/orders-app/project.json", project("orders-app", &["scope:orders", "type:app"]))
        .with_file("/w/libs/orders-app/src/index.ts", "")
        .with_file("/w/libs/orders-app/src/a.ts", "")
        .with_file("/w/libs/orders-app/src/local.ts", "")
        .with_file("/w/libs/orders-domain/project.json", project("orders-domain", &["scope:orders", "type:domain"]))
        .with_file("/w/libs/orders-domain/src/a.ts", "")
        .with_file("/w/libs/orders-infra/project.json", project("orders-infra", &["scope:orders", "type:infra"]))
        .with_file("/w/libs/orders-infra/src/index.ts", "")
        .with_file("/w/libs/untagged/project.json", project("untagged", &[]))
        .with_file("/w/libs/untagged/src/a.ts", "")
        .with_file("/w/libs/legacy/project.json", project("legacy", &[]))
        .with_file("/w/libs/legacy/src/index.ts", "")
        .with_file("/w/packages/pkg/package.json", r#"{"name":"@acme/pkg","exports":{".":"./src/index.ts","./feature":"./src/feature.ts"}}"#)
        .with_file("/w/packages/pkg/src/index.ts", "")
        .with_file("/w/packages/pkg/src/feature.ts", "")
        .with_file("/w/packages/pkg/src/hidden.ts", "")
}

/// `rule/messageId` of every diagnostic on `file` (workspace-relative) with `text`.
pub fn check(host: MemoryHost, file: &str, text: &str) -> Vec<String> {
    let workspace = Workspace::open(Arc::new(host), Path::new("/w"), Some(Path::new("/w/palisade.json")))
        .unwrap_or_else(|err| panic!("config: {err}"));
    workspace
        .check_file(&Path::new("/w").join(file), text)
        .into_iter()
        .map(|d| format!("{}/{}", d.rule, d.message_id))
        .collect()
}

/// `check`, plus the whole-graph diagnostics of the same file.
pub fn check_with_graph(host: MemoryHost, file: &str, text: &str) -> Vec<String> {
    let workspace = Workspace::open(Arc::new(host), Path::new("/w"), Some(Path::new("/w/palisade.json")))
        .unwrap_or_else(|err| panic!("config: {err}"));
    let path = Path::new("/w").join(file);
    let mut found = workspace.check_file(&path, text);
    found.extend(workspace.check_graph(&path, text));
    found.into_iter().map(|d| format!("{}/{}", d.rule, d.message_id)).collect()
}
