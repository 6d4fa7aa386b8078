//! Source text in each syntax: imports or one parse failure, spans on the text, no stack overflow.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let (syntax, text) = bytes.split_first().unwrap_or((&0, &[]));
    let name = ["a.ts", "a.tsx", "a.js", "a.mjs", "a.d.ts"][usize::from(*syntax) % 5];
    palisade_native::properties::source_text(name, &String::from_utf8_lossy(text));
});
