//! What every input must keep, whatever its bytes: no panic, no stack overflow, no hang, and
//! answers that stay inside the input (spans on the text, sorted diagnostics). The fuzz targets
//! (`fuzz/`) feed these functions arbitrary bytes; `tests/properties.rs` feeds them generated
//! inputs for a fixed time in every test run.

use std::path::Path;
use std::sync::Arc;

use palisade_core::config::parse_config;
use palisade_core::imports::extract_imports;
use palisade_core::jsonc::ConfigSource;
use palisade_core::{MemoryHost, Workspace};

/// `palisade.json` text: parsed or refused with a located error, never a panic.
///
/// # Panics
/// When the property does not hold: that is what a fuzzer looks for.
pub fn config_text(text: &str) {
    match parse_config(&ConfigSource { file: "palisade.json", text }) {
        Ok(config) => {
            let json = serde_json::to_string(&config).unwrap_or_default();
            let again = parse_config(&ConfigSource { file: "palisade.json", text: &json });
            assert!(again.is_ok(), "a config that parsed does not parse once written back: {json}");
        }
        Err(err) => {
            assert!(err.line >= 1 && err.column >= 1, "an error without a place: {err}");
            // Rust's words, unless the message quotes them from the text itself.
            for internal in ["struct ", "JSONError"] {
                assert!(text.contains(internal) || !err.reason.contains(internal), "Rust internals: {err}");
            }
        }
    }
}

/// The stack a parse of valid code runs on here. The nesting gauge keeps what it lets through
/// within a third of what the wasm module's 1 MB under V8 holds (tests/stress checks that on the
/// real module); an optimised build gets half of that 1 MB, so valid code the gauge misses
/// overflows here first. An unoptimised build's frames are several times larger: it gets 4 MB.
pub const PARSE_STACK: usize = if cfg!(debug_assertions) { 4 * 1024 * 1024 } else { 512 * 1024 };

/// Room enough for any parse of a text the size the generators and fuzzers make.
const ROOMY_STACK: usize = 256 * 1024 * 1024;

/// Source text under a name that picks its syntax: its imports or one parse failure, with spans
/// on character boundaries of the text. A text that parses without error (the only kind whose
/// syntax the nesting gauge can follow as the parser does: a parser recovering from an error may
/// read what follows as anything) is also parsed again on a small stack.
///
/// # Panics
/// When the property does not hold: that is what a fuzzer looks for.
pub fn source_text(name: &str, text: &str) {
    let valid = on_stack(ROOMY_STACK, name, text);
    if valid {
        on_stack(PARSE_STACK, name, text);
    }
}

/// Extracts the imports of `text` on a thread with `stack` bytes of stack, checks their spans,
/// and says whether the text parsed.
fn on_stack(stack: usize, name: &str, text: &str) -> bool {
    let (name, text) = (name.to_string(), text.to_string());
    let thread = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let found = extract_imports(&name, &text);
            let spans: Vec<(usize, usize)> = match &found {
                Ok(imports) => imports.iter().map(|import| (import.span.start, import.span.end)).collect(),
                Err(failure) => vec![(failure.span.start, failure.span.end)],
            };
            for (start, end) in spans {
                assert!(start <= end && end <= text.len(), "span {start}..{end} outside {} bytes", text.len());
                assert!(
                    text.is_char_boundary(start) && text.is_char_boundary(end),
                    "span {start}..{end} splits a character"
                );
            }
            found.is_ok()
        })
        .unwrap_or_else(|err| panic!("cannot start a thread: {err}"));
    match thread.join() {
        Ok(parsed) => parsed,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// A whole workspace in memory: its files as `(path, text)`, checked whole and file by file;
/// a broken config is refused, anything else is checked without a panic.
///
/// # Panics
/// When the property does not hold: that is what a fuzzer looks for.
pub fn workspace(files: &[(String, String)]) {
    // On a roomy stack: a source with syntax errors may nest past what the gauge sees (see
    // `source_text`); what this checks is everything else.
    let files = files.to_vec();
    let thread = std::thread::Builder::new()
        .stack_size(ROOMY_STACK)
        .spawn(move || workspace_checked(&files))
        .unwrap_or_else(|err| panic!("cannot start a thread: {err}"));
    if let Err(panic) = thread.join() {
        std::panic::resume_unwind(panic);
    }
}

fn workspace_checked(files: &[(String, String)]) {
    let mut host = MemoryHost::new();
    for (path, text) in files {
        let path = path.trim_start_matches('/').replace('\\', "/");
        if path.is_empty() || path.split('/').any(|segment| segment.is_empty() || segment == "." || segment == "..") {
            continue;
        }
        host = host.with_file(Path::new("/w").join(path), text.clone());
    }
    let config = files.iter().any(|(path, _)| path == "palisade.json").then(|| Path::new("/w/palisade.json"));
    let host = Arc::new(host);
    let Ok(workspace) = Workspace::open(Arc::clone(&host) as Arc<dyn palisade_core::Host>, Path::new("/w"), config)
    else {
        return;
    };
    let report = workspace.check_all();
    let keys: Vec<_> = report.diagnostics.iter().map(palisade_core::Diagnostic::sort_key).collect();
    assert!(keys.windows(2).all(|pair| pair[0] <= pair[1]), "diagnostics out of order");
    for diagnostic in &report.diagnostics {
        assert!(
            !diagnostic.file.starts_with('/') && !diagnostic.file.contains('\\'),
            "path not relative: {}",
            diagnostic.file
        );
    }
    for file in workspace.source_files() {
        let path = Path::new("/w").join(file);
        let text = palisade_core::Host::read_to_string(host.as_ref(), &path).unwrap_or_default();
        for diagnostic in workspace.check_file(&path, &text) {
            assert!(diagnostic.span.end <= text.len(), "{file}: span past the end");
        }
    }
    let _ = workspace.warnings();
}

/// A small deterministic generator for the generated-input tests (no `rand` in the workspace:
/// the core must not depend on an entropy source, and the tests want seeds that reproduce).
pub struct Seeded(pub u64);

impl Seeded {
    pub fn draw(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.draw()).unwrap_or_default() % n.max(1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Splits fuzz bytes into files: `\0`-separated `path\ntext` records.
pub fn files_of(bytes: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(bytes)
        .split('\0')
        .filter_map(|record| record.split_once('\n'))
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .take(64)
        .collect()
}
