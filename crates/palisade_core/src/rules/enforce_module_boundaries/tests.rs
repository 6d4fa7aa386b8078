use super::paths::lexical_join;
use super::*;
use crate::testing::{check_with_graph, tagged_workspace};

#[test]
fn nx_categories_on_a_tagged_workspace() {
    let policy = r#"{ "rules": { "enforce-module-boundaries": ["error", { "depConstraints": [
        { "sourceTag": "scope:orders", "onlyDependOnLibsWithTags": ["scope:orders", "scope:shared"],
          "bannedExternalImports": ["lodash*"] },
        { "sourceTag": "scope:shared", "onlyDependOnLibsWithTags": ["scope:shared"] },
        { "sourceTag": "scope:billing", "notDependOnLibsWithTags": ["scope:orders"] }
    ] }] } }"#;
    let cases: &[(&str, &str, &[&str])] = &[
        ("libs/orders-app/src/a.ts", "@acme/shared", &[]),
        ("libs/orders-app/src/a.ts", "@acme/billing", &["onlyTagsConstraintViolation"]),
        ("libs/orders-app/src/a.ts", "../../billing/src/index", &["noRelativeOrAbsoluteImportsAcrossLibraries"]),
        ("libs/orders-app/src/a.ts", "libs/billing/src/index", &["noRelativeOrAbsoluteImportsAcrossLibraries"]),
        ("libs/orders-app/src/a.ts", "../../../tools/x", &["noRelativeOrAbsoluteExternals"]),
        ("libs/orders-app/src/a.ts", "@acme/shared/src/lib/internal", &["noDeepImports"]),
        ("libs/orders-app/src/a.ts", "@acme/orders-app", &["noSelfCircularDependencies"]),
        ("libs/orders-app/src/a.ts", "./local", &[]),
        ("libs/orders-app/src/a.ts", "lodash/get", &["bannedExternalImportsViolation"]),
        ("libs/billing/src/index.ts", "@acme/orders-app", &["notTagsConstraintViolation"]),
        ("libs/untagged/src/a.ts", "@acme/shared", &["projectWithoutTagsCannotHaveDependencies"]),
    ];
    for (file, specifier, expected) in cases {
        let found = check_with_graph(tagged_workspace(policy), file, &format!("import x from '{specifier}';"));
        let expected: Vec<String> = expected.iter().map(|id| format!("enforce-module-boundaries/{id}")).collect();
        assert_eq!(found, expected, "{file} importing {specifier}");
    }
}

#[test]
fn whole_workspace_check_reports_cycles_and_lazy_loads() {
    use std::path::Path;
    use std::sync::Arc;
    let project = |name: &str| format!(r#"{{"name":"{name}","projectType":"library"}}"#);
    let host = crate::host::MemoryHost::new()
        .with_file("/w/nx.json", "{}")
        .with_file("/w/palisade.json", r#"{ "rules": { "enforce-module-boundaries": ["error", {}] } }"#)
        .with_file(
            "/w/tsconfig.base.json",
            r#"{"compilerOptions":{"paths":{"@acme/a":["libs/a/src/index.ts"],"@acme/b":["libs/b/src/index.ts"],"@acme/c":["libs/c/src/index.ts"]}}}"#,
        )
        .with_file("/w/libs/a/project.json", project("a"))
        .with_file("/w/libs/a/src/index.ts", "import { b } from '@acme/b';\nexport const a = b;\n")
        .with_file("/w/libs/b/project.json", project("b"))
        .with_file("/w/libs/b/src/index.ts", "import { a } from '@acme/a';\nexport const b = 1;\n")
        .with_file("/w/libs/c/project.json", project("c"))
        .with_file("/w/libs/c/src/index.ts", "export const load = () => import('@acme/a');\n")
        .with_file("/w/libs/c/src/eager.ts", "import { a } from '@acme/a';\nexport { a };\n");
    let workspace = crate::Workspace::open(Arc::new(host), Path::new("/w"), Some(Path::new("/w/palisade.json")))
        .expect("config");
    let found: Vec<(String, String)> =
        workspace.check_all().diagnostics.into_iter().map(|d| (d.file, d.message_id.to_string())).collect();
    let expected = [
        ("libs/a/src/index.ts", "noCircularDependencies"),
        ("libs/b/src/index.ts", "noCircularDependencies"),
        ("libs/c/src/eager.ts", "noImportsOfLazyLoadedLibraries"),
    ];
    assert_eq!(found, expected.map(|(file, id)| (file.to_string(), id.to_string())));
    // One project at a time, with only what it reaches read, the same verdicts.
    for (root, expected) in [("libs/a", &expected[..1]), ("libs/b", &expected[1..2]), ("libs/c", &expected[2..])] {
        let scoped: Vec<(String, String)> = workspace
            .check_scope(&[root.to_string()])
            .diagnostics
            .into_iter()
            .map(|d| (d.file, d.message_id.to_string()))
            .collect();
        let expected: Vec<(String, String)> =
            expected.iter().map(|(file, id)| ((*file).to_string(), (*id).to_string())).collect();
        assert_eq!(scoped, expected, "{root}");
    }
}

#[test]
fn allow_entries_match_as_in_nx() {
    let cases = [
        ("@acme/legacy/**", "@acme/legacy/a/b", true),
        ("@acme/legacy/**", "@acme/legacy", false),
        ("@acme/legacy/*", "@acme/legacy/a", true),
        ("@acme/legacy/*", "@acme/legacy/a/b", false),
        ("@acme/**/testing", "@acme/orders/testing", true),
        ("@acme/**/testing", "@acme/orders/index", false),
        ("@acme/shared", "@acme/shared-util", true),
        ("^@acme/shared$", "@acme/shared-util", false),
    ];
    for (pattern, import, expected) in cases {
        assert_eq!(ImportMatcher::new(pattern).expect("valid").is_match(import), expected, "{pattern} vs {import}");
    }
}

#[test]
fn external_globs_match_the_whole_import() {
    let cases = [
        ("@nestjs/*", "@nestjs/common", true),
        ("@nestjs/*", "@nestjs", false),
        ("lodash", "lodash/get", false),
        ("lodash*", "lodash/get", true),
        ("rxjs/.*", "rxjs/operators", true),
    ];
    for (pattern, import, expected) in cases {
        assert_eq!(external_glob(pattern).expect("valid").is_match(import), expected, "{pattern} vs {import}");
    }
}

#[test]
fn lexical_paths() {
    assert_eq!(lexical_join("libs/a/src/x.ts", "../../b/src").as_deref(), Some("libs/b/src"));
    assert_eq!(lexical_join("libs/a/src/x.ts", "./y").as_deref(), Some("libs/a/src/y"));
    assert_eq!(lexical_join("x.ts", "../y"), None);
}
