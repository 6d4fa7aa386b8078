//! Palisade's rule core: configuration, the workspace model (projects, elements), import
//! extraction, module resolution and the rules. It reads files only through [`host::Host`], so
//! every surface (wasm module, SWC plugin, CLI) is a thin adapter over the same verdicts.

pub mod config;
pub mod diagnostic;
pub mod discovery;
pub mod element;
pub mod gitignore;
pub mod host;
pub mod imports;
pub mod nesting;
pub mod pattern;
pub mod project;
pub mod resolve;
pub mod rules;
pub mod selector;
pub mod store;
pub mod workspace;

#[cfg(test)]
mod testing;

pub use config::{Config, ConfigError};
pub use diagnostic::{Diagnostic, LineIndex, Position, RuleMeta, Severity, Span};
pub use host::{DirEntry, EntryKind, Host, MemoryHost};
pub use workspace::{CheckReport, GraphPart, Located, PartReport, Workspace, locate_workspace};

/// The JSON Schema of `palisade.json`, pretty-printed.
pub fn config_schema() -> String {
    let schema = schemars::schema_for!(config::Config);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The JSON Schema (draft-07, self-contained) of the options of the rules other tools configure
/// directly, such as `ESLint`: `{ ruleId: schema }`.
pub fn rule_options_schemas() -> String {
    let generator = schemars::generate::SchemaSettings::draft07()
        .with(|settings| settings.inline_subschemas = true)
        .into_generator();
    let schema = generator.into_root_schema_for::<rules::enforce_module_boundaries::EnforceModuleBoundariesOptions>();
    let mut value = schema.to_value();
    if let Some(object) = value.as_object_mut() {
        object.remove("$schema");
        object.remove("title");
    }
    let all = serde_json::json!({ rules::enforce_module_boundaries::META.id: value });
    serde_json::to_string(&all).unwrap_or_default()
}
