//! A workspace of `\0`-separated `path\ntext` records, opened and checked whole and file by file.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    palisade_native::properties::workspace(&palisade_native::properties::files_of(bytes));
});
