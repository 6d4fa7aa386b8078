//! Palisade's rule core: configuration, the workspace model (projects, elements), import
//! extraction, module resolution and the rules. It reads files only through [`host::Host`], so
//! every surface (wasm module, SWC plugin, CLI) is a thin adapter over the same verdicts.

pub mod config;
pub mod diagnostic;
pub mod discovery;
pub mod element;
pub mod gitignore;
pub mod graph;
pub mod host;
pub mod imports;
pub mod jsonc;
pub mod nesting;
pub mod pattern;
pub mod project;
pub mod resolve;
pub mod rules;
pub mod selector;
pub mod snapshot;
mod sorted;
pub mod workspace;

#[cfg(test)]
mod testing;

pub use config::Config;
pub use diagnostic::{Diagnostic, LineIndex, Position, RuleMeta, Severity, Span};
pub use host::{DirEntry, EntryKind, Host, MemoryHost};
pub use jsonc::ConfigError;
pub use workspace::{CheckReport, GraphPart, Located, PartReport, Workspace, locate_workspace};

/// The JSON Schema of `palisade.json`, pretty-printed.
pub fn config_schema() -> String {
    let schema = schemars::schema_for!(config::Config);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The JSON Schema (draft-07, self-contained) of the options of the rules other tools configure
/// directly, such as `ESLint`: `{ ruleId: schema }`.
pub fn rule_options_schemas() -> String {
    serde_json::to_string(&rules::eslint_options_schemas()).unwrap_or_default()
}
