//! The fuzz properties (`palisade_native::properties`) on generated inputs, for a fixed time in
//! every test run: config texts mutated from valid ones, source texts made of JavaScript and
//! TypeScript fragments (deep nesting, unterminated strings and templates, regular expressions,
//! JSX, imports of every kind), and whole workspaces with random manifests, tsconfig files,
//! `.gitignore` and `pnpm-workspace.yaml`. Each runs a fixed range of seeds, so a run is the same
//! everywhere, within a time budget (`PALISADE_PROPERTY_SECONDS`); a failure names the seed that
//! reproduces it. Longer explorations: `PALISADE_PROPERTY_SEED` and `PALISADE_PROPERTY_COUNT`, or
//! `make fuzz`.

use std::time::{Duration, Instant};

use palisade_native::properties::{self, Seeded};

const CONFIGS: &[&str] = &[
    r#"{ "rules": { "entry-point": "error" } }"#,
    r#"{ "elements": [{ "type": "domain", "pattern": "libs/{scope}/domain/**" }], "rules": { "dependencies": ["error", { "default": "disallow", "rules": [{ "from": "domain", "allow": [{ "type": "domain", "captures": { "scope": "{{from.scope}}" } }] }] }] } }"#,
    r#"{ "ignore": ["**/*.spec.ts"], "rules": { "tags": ["warn", { "depConstraints": [{ "sourceTag": "scope:a", "onlyDependOnLibsWithTags": ["scope:a", "/^scope:s.*$/"] }] }], "no-cycle": ["error", { "typeOnly": true }] } }"#,
    "// comment\n{ \"rules\": { \"external\": [\"error\", { \"rules\": [{ \"from\": \"*\", \"disallow\": [\"@nestjs/*\"] }] }], }, }",
];
const CONFIG_PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "[]",
    "{}",
    "\"rules\"",
    "\"error\"",
    "\"off\"",
    "//",
    "/*",
    "*/",
    "\u{feff}",
    "\"rules\": []",
    "\"elements\": [[]]",
    "1e999",
    "-0",
    "\"\\u0000\"",
    "\"entry-point\"",
    "\"{scope\"",
    "\"**/{a,b}/**\"",
    "\"/[/\"",
    "\n",
    "\t",
    "é",
];

fn config_text(rng: &mut Seeded) -> String {
    let mut text: Vec<char> = rng.pick(CONFIGS).chars().collect();
    for _ in 0..=rng.below(6) {
        let at = rng.below(text.len() + 1);
        match rng.below(3) {
            0 => {
                let end = (at + rng.below(12)).min(text.len());
                text.drain(at..end);
            }
            1 => text.splice(at..at, rng.pick(CONFIG_PIECES).chars()).for_each(drop),
            _ => {
                let end = (at + rng.below(40)).min(text.len());
                let copy: Vec<char> = text[at..end].to_vec();
                text.splice(at..at, copy).for_each(drop);
            }
        }
    }
    text.into_iter().collect()
}

const SOURCE_PIECES: &[&str] = &[
    "import a from './a';\n",
    "import type { T } from '@acme/x';\n",
    "export * from '../b';\n",
    "require('./c')",
    "require.resolve('d')",
    "import('./e')",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "`",
    "${",
    "'",
    "\"",
    "/",
    "/re[/]x/g",
    "//",
    "/*",
    "*/",
    "<div>",
    "</div>",
    "<>",
    "</>",
    "<T,>",
    "!",
    "?",
    ":",
    "=",
    "=>",
    "+",
    "-",
    "++",
    ".",
    "?.",
    ";",
    ",",
    "\n",
    "\r\n",
    "if (a)",
    "else",
    "new ",
    "typeof ",
    "a",
    "b1",
    "é",
    "\u{2028}",
    "\u{feff}",
    "#!",
    "@dec",
    "0x1f",
    "1.5",
    "\\",
    "<a b=\"'\" c={1}>",
    "x < y",
    "import x = require('f')",
];

fn source_text(rng: &mut Seeded) -> String {
    let mut text = String::new();
    for _ in 0..rng.below(200) {
        let piece = rng.pick(SOURCE_PIECES);
        // Now and then a long run of one piece: deep nesting and long chains.
        let repeat = if rng.below(20) == 0 { 1 + rng.below(3_000) } else { 1 };
        for _ in 0..repeat {
            text.push_str(piece);
        }
    }
    text
}

const PATHS: &[&str] = &[
    "package.json",
    "palisade.json",
    "tsconfig.json",
    "tsconfig.base.json",
    ".gitignore",
    "pnpm-workspace.yaml",
    "nx.json",
    "libs/a/package.json",
    "libs/a/project.json",
    "libs/a/tsconfig.json",
    "libs/a/src/index.ts",
    "libs/a/src/x.ts",
    "libs/a/.gitignore",
    "libs/b/package.json",
    "libs/b/src/index.tsx",
    "apps/web/src/main.ts",
    "apps/web/project.json",
    "tools/x.mjs",
    "src/a.cts",
    "libs/a/dist/index.js",
];
const TEXTS: &[&str] = &[
    "{}",
    "{ \"name\": \"@acme/a\", \"main\": \"dist/index.js\" }",
    "{ \"name\": \"@acme/b\", \"exports\": { \".\": { \"source\": \"./src/index.tsx\" }, \"./*\": \"./src/*.ts\" } }",
    "{ \"workspaces\": [\"libs/*\"] }",
    "{ \"compilerOptions\": { \"paths\": { \"@acme/*\": [\"libs/*/src\"], \"@a\": [\"libs/a/src/index.ts\"] } } }",
    "{ \"extends\": \"../../tsconfig.base.json\" }",
    "{ \"extends\": \"./tsconfig.json\" }",
    "{ \"name\": \"a\", \"tags\": [\"scope:a\"] }",
    "packages:\n  - 'libs/*'\n",
    "packages: [libs/*",
    "dist\n!libs/a/dist\n/\n\\\n*.gen.ts\n",
    "import '@acme/a';\nimport '@acme/b/x';\n",
    "import './x';\nexport * from '../../b/src';\n",
    "require('@a');\nimport('@acme/a/src/x');\n",
    "{ broken",
    "",
];

fn workspace_files(rng: &mut Seeded) -> Vec<(String, String)> {
    (0..=rng.below(12))
        .map(|_| {
            let path = rng.pick(PATHS).to_string();
            let text = if rng.below(4) == 0 { config_text(rng) } else { rng.pick(TEXTS).to_string() };
            let text = if path == "palisade.json" && rng.below(2) == 0 { rng.pick(CONFIGS).to_string() } else { text };
            (path, text)
        })
        .collect()
}

/// The most time one property may take (`PALISADE_PROPERTY_SECONDS`, default 30): a slow machine
/// checks fewer of the seeds.
fn budget() -> Duration {
    let seconds = std::env::var("PALISADE_PROPERTY_SECONDS").ok().and_then(|text| text.parse().ok()).unwrap_or(30);
    Duration::from_secs(seconds)
}

/// Runs `check` on the inputs of seeds `first..first + count` (`PALISADE_PROPERTY_SEED` sets
/// `first`, default 1; `PALISADE_PROPERTY_COUNT` overrides `count`), the same ones in every run,
/// while the budget lasts; a failure names its seed.
fn for_seeds(name: &str, count: u64, mut check: impl FnMut(&mut Seeded) -> String) {
    let start = Instant::now();
    let first: u64 = std::env::var("PALISADE_PROPERTY_SEED").ok().and_then(|text| text.parse().ok()).unwrap_or(1);
    let count: u64 = std::env::var("PALISADE_PROPERTY_COUNT").ok().and_then(|text| text.parse().ok()).unwrap_or(count);
    let mut seed = first;
    while seed < first + count && (start.elapsed() < budget() || seed == first) {
        if std::env::var_os("PALISADE_PROPERTY_TRACE").is_some() {
            eprintln!("{name}: seed {seed}");
        }
        let mut rng = Seeded(seed);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&mut rng)));
        if let Err(panic) = outcome {
            let mut rng = Seeded(seed);
            let input = check_input(name, &mut rng);
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()));
            panic!("{name}: seed {seed} fails: {}\ninput: {input:?}", message.unwrap_or_default());
        }
        seed += 1;
    }
    println!("{name}: seeds {first}..{seed} in {:?}", start.elapsed());
}

/// The input seed `rng` generates for `name`, for the failure message.
fn check_input(name: &str, rng: &mut Seeded) -> String {
    match name {
        "config" => config_text(rng),
        "source" => source_text(rng).chars().take(2_000).collect(),
        _ => format!("{:?}", workspace_files(rng)),
    }
}

#[test]
fn config_texts_are_parsed_or_refused_with_a_place() {
    for_seeds("config", 200_000, |rng| {
        let text = config_text(rng);
        properties::config_text(&text);
        text
    });
}

#[test]
fn inputs_the_fuzzers_found() {
    // A string value quoting `JSONError`: the message quotes the text, which is no Rust internal.
    palisade_native::properties::config_text("';\"yy,yyy \u{0}JSONError\u{0}.yyyyyy\u{fffd}yyyyyyyy2yyyyy'");
}

#[test]
fn source_texts_give_imports_or_one_parse_error_on_a_small_stack() {
    for_seeds("source", 10_000, |rng| {
        let text = source_text(rng);
        let name = ["a.ts", "a.tsx", "a.js", "a.mjs", "a.d.ts"][rng.below(5)];
        properties::source_text(name, &text);
        text
    });
}

#[test]
fn workspaces_are_checked_without_a_panic() {
    for_seeds("workspace", 20_000, |rng| {
        let files = workspace_files(rng);
        properties::workspace(&files);
        format!("{files:?}")
    });
}
