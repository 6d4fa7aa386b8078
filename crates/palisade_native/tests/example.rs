//! The example workspace gives exactly the diagnostics its README documents.

use std::path::Path;

use palisade_native::run_scenario;

#[test]
fn example_reports_its_documented_violations() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/nx-nest");
    let expected = std::fs::read_to_string(example.join("expected.txt")).expect("examples/nx-nest/expected.txt");
    let readme = std::fs::read_to_string(example.join("README.md")).expect("examples/nx-nest/README.md");
    assert!(readme.contains(&expected), "the README's seeded-violations block differs from expected.txt");
    assert_eq!(run_scenario(&example), expected);
}

#[test]
#[ignore = "debugging aid: prints a folder's report; PALISADE_DIR=path cargo test -- --ignored"]
fn print_report() {
    if let Some(dir) = std::env::var_os("PALISADE_DIR") {
        print!("{}", run_scenario(Path::new(&dir)));
    }
}
