//! `palisade-native check [ROOT]`: the whole-workspace check on the native file system, printing
//! the conformance report; timings go to stderr. A development aid for profiling the core
//! without the wasm boundary; users run the npm package. With `PALISADE_PARSE_ONLY=1` it only
//! reads and parses every source file and prints how long that took (the parser's share of a check).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use palisade_core::{Workspace, locate_workspace};
use palisade_native::{NativeHost, conformance_report};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("check") {
        eprintln!("usage: palisade-native check [ROOT]");
        return ExitCode::from(2);
    }
    let start = args.get(1).map_or_else(|| PathBuf::from("."), PathBuf::from);
    let start = std::fs::canonicalize(&start).unwrap_or(start);
    let host = Arc::new(NativeHost);
    let located = locate_workspace(host.as_ref(), &start);
    let began = Instant::now();
    let workspace = match Workspace::open(host, &located.root, located.config_file.as_deref()) {
        Ok(workspace) => workspace,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::from(2);
        }
    };
    let opened = began.elapsed();
    if std::env::var_os("PALISADE_PARSE_ONLY").is_some() {
        let mut imports = 0;
        for file in workspace.source_files() {
            let text = std::fs::read_to_string(located.root.join(file)).unwrap_or_default();
            imports += palisade_core::imports::extract_imports(file, &text).map_or(0, |found| found.len());
        }
        eprintln!(
            "parse only: {imports} imports in {:.0} ms",
            began.elapsed().saturating_sub(opened).as_secs_f64() * 1e3
        );
        return ExitCode::SUCCESS;
    }
    let diagnostics = workspace.check_all().diagnostics;
    let checked = began.elapsed();
    print!("{}", conformance_report(&diagnostics));
    eprintln!(
        "{} files, {} diagnostics: open {:.0} ms, check {:.0} ms",
        workspace.source_files().len(),
        diagnostics.len(),
        opened.as_secs_f64() * 1e3,
        checked.saturating_sub(opened).as_secs_f64() * 1e3
    );
    if diagnostics.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
