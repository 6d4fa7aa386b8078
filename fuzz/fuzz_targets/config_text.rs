//! `palisade.json` text: parsed or refused with a place, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    palisade_native::properties::config_text(&String::from_utf8_lossy(bytes));
});
