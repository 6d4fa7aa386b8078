//! Import extraction: every dependency a module declares, with its kind, specifier and the byte
//! span of the specifier literal, read with oxc's parser. Each thread keeps one arena for the
//! syntax trees and resets it after every file, so a parse allocates almost nothing.

use std::cell::RefCell;

use oxc_allocator::Allocator;
use oxc_ast::ast::{
    CallExpression, ExportAllDeclaration, ExportFromDeclaration, Expression, ImportDeclaration,
    ImportDeclarationSpecifier, ImportExpression, ImportOrExportKind, StringLiteral, TSImportEqualsDeclaration,
    TSImportType, TSModuleReference, TSTypeQuery, TSTypeQueryExprName,
};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::{ParseOptions, Parser};
use oxc_span::SourceType;
use serde::Serialize;

use crate::diagnostic::Span;

/// How a module depends on another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DependencyKind {
    /// `import x from 'm'`, `import { a } from 'm'`
    Static,
    /// `import 'm'`
    SideEffect,
    /// `import type`, `export type … from`, `export type *`, `import type x = require()`, and
    /// `import('m').T` in a type: a declaration marked `type`
    TypeOnly,
    /// `import { type A, type B } from 'm'`, `export { type A } from 'm'`: every name marked
    /// `type`, the declaration not. Erased by default; kept as `import 'm'` under
    /// `verbatimModuleSyntax`.
    TypeSpecifiers,
    /// `typeof import('m')` in a type
    TypeofImport,
    /// `export { a } from 'm'`, `export * from 'm'`
    ExportFrom,
    /// `import('m')`
    Dynamic,
    /// `require('m')`
    Require,
    /// `require.resolve('m')`: names the module without loading it (Nx counts it).
    RequireResolve,
    /// `import x = require('m')`
    ImportEquals,
}

/// The kind of import a policy can select (`"kind"` in `dependencies`, `entry-point` and
/// `external` rules): as eslint-plugin-boundaries' `dependency.kind` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ImportKind {
    /// Every import not marked `type` (`import { type A }` included: its module may still load).
    Value,
    /// A declaration marked `type` (`import type`, `export type … from`), `import('m').T`.
    Type,
    /// `typeof import('m')`.
    Typeof,
}

impl DependencyKind {
    /// Which kind a policy's `"kind"` selects it as.
    pub fn import_kind(self) -> ImportKind {
        match self {
            Self::TypeOnly => ImportKind::Type,
            Self::TypeofImport => ImportKind::Typeof,
            _ => ImportKind::Value,
        }
    }

    /// Whether the dependency is gone at runtime (by default TypeScript settings).
    pub fn is_type_only(self) -> bool {
        matches!(self, Self::TypeOnly | Self::TypeSpecifiers | Self::TypeofImport)
    }
}

/// One dependency as written in the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Import {
    pub kind: DependencyKind,
    pub specifier: String,
    /// The specifier's string literal, quotes included.
    pub span: Span,
    /// The names imported from the module by name: `useEffect` of
    /// `import { useEffect as e } from 'react'` or `export { useEffect } from 'react'` (not a
    /// default or namespace import).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
}

/// Why a file could not be read as a module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFailure {
    pub reason: String,
    pub span: Span,
    /// The text may be valid, but it nests deeper than Palisade reads (see `nesting`): a host
    /// whose own parser read it must still report it.
    pub too_deep: bool,
}

/// The languages Palisade reads, by file extension.
pub const SOURCE_EXTENSIONS: &[&str] = &["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"];

pub fn is_source_path(path: &str) -> bool {
    path.rsplit_once('.').is_some_and(|(_, ext)| SOURCE_EXTENSIONS.contains(&ext))
}

/// The syntax for `path`: TypeScript (`.d.ts` as declarations) or JavaScript with JSX; a
/// JavaScript file is a module when it has `import` or `export`, else a script, whatever its
/// extension says (`.cjs` files with `import` exist, and tools accept them).
fn source_type_for(path: &str) -> SourceType {
    let ext = path.rsplit_once('.').map_or("", |(_, ext)| ext);
    match ext {
        "ts" | "mts" | "cts" => SourceType::ts().with_typescript_definition(path.ends_with(".d.ts")),
        "tsx" => SourceType::tsx(),
        _ => SourceType::jsx().with_unambiguous(true),
    }
}

thread_local! {
    static ARENA: RefCell<Allocator> = RefCell::new(Allocator::default());
}

/// Every dependency of the module at `path` (the path picks the syntax), in source order.
pub fn extract_imports(path: &str, text: &str) -> Result<Vec<Import>, ParseFailure> {
    if u32::try_from(text.len()).is_err() {
        return Err(ParseFailure {
            reason: "the file is larger than 4 GiB".to_string(),
            span: Span::default(),
            too_deep: false,
        });
    }
    if let Some(at) = crate::nesting::too_deep(text, source_type_for(path).is_jsx()) {
        let end = text.ceil_char_boundary(at + 1);
        return Err(ParseFailure {
            reason: "more than 250 levels of brackets, or as long a chain of operators".to_string(),
            span: Span { start: at, end },
            too_deep: true,
        });
    }
    ARENA.with(|arena| match arena.try_borrow_mut() {
        Ok(mut arena) => {
            let found = extract_in(&arena, path, text);
            arena.reset();
            found
        }
        // Only reachable through re-entrance; a fresh arena keeps it correct.
        Err(_) => extract_in(&Allocator::default(), path, text),
    })
}

fn extract_in(arena: &Allocator, path: &str, text: &str) -> Result<Vec<Import>, ParseFailure> {
    let parsed = Parser::new(arena, text, source_type_for(path)).with_options(ParseOptions::default()).parse();
    if let Some(error) = parsed.diagnostics.first() {
        let span = error.labels.first().map_or_else(Span::default, |label| to_span(label.span()));
        // oxc can point into the middle of a character (an unterminated string ending in `é`).
        let start = text.floor_char_boundary(span.start.min(text.len()));
        let span = Span { start, end: text.ceil_char_boundary(span.end.clamp(start, text.len())) };
        return Err(ParseFailure { reason: error.message.to_string(), span, too_deep: false });
    }
    let mut collector = Collector { imports: Vec::new() };
    collector.visit_program(&parsed.program);
    collector.imports.sort_by_key(|import| import.span.start);
    Ok(collector.imports)
}

fn to_span(span: oxc_span::Span) -> Span {
    Span { start: span.start as usize, end: span.end as usize }
}

struct Collector {
    imports: Vec<Import>,
}

impl Collector {
    fn push(&mut self, kind: DependencyKind, literal: &StringLiteral) {
        self.push_named(kind, literal, Vec::new());
    }

    fn push_named(&mut self, kind: DependencyKind, literal: &StringLiteral, names: Vec<String>) {
        self.imports.push(Import { kind, specifier: literal.value.to_string(), span: to_span(literal.span), names });
    }
}

/// The literal in `import('m')` / `require('m')`, also as a template without expressions.
fn literal_expression(expression: &Expression) -> Option<(String, Span)> {
    match expression {
        Expression::StringLiteral(literal) => Some((literal.value.to_string(), to_span(literal.span))),
        Expression::TemplateLiteral(template) if template.expressions.is_empty() && template.quasis.len() == 1 => {
            let cooked = template.quasis[0].value.cooked.as_ref()?;
            Some((cooked.to_string(), to_span(template.span)))
        }
        _ => None,
    }
}

/// `kind`, or `TypeOnly` for a declaration marked `type`.
fn unless_type(marked: ImportOrExportKind, kind: DependencyKind) -> DependencyKind {
    if marked == ImportOrExportKind::Type { DependencyKind::TypeOnly } else { kind }
}

/// Every name of the import marked `type` (not the declaration).
fn only_type_specifiers(import: &ImportDeclaration) -> bool {
    import.specifiers.as_ref().is_some_and(|specifiers| {
        !specifiers.is_empty()
            && specifiers.iter().all(|specifier| match specifier {
                ImportDeclarationSpecifier::ImportSpecifier(named) => named.import_kind == ImportOrExportKind::Type,
                _ => false,
            })
    })
}

impl<'a> Visit<'a> for Collector {
    fn visit_import_declaration(&mut self, import: &ImportDeclaration<'a>) {
        let kind = if import.import_kind == ImportOrExportKind::Type {
            DependencyKind::TypeOnly
        } else if only_type_specifiers(import) {
            DependencyKind::TypeSpecifiers
        } else if import.specifiers.as_ref().is_none_or(|specifiers| specifiers.is_empty()) {
            DependencyKind::SideEffect
        } else {
            DependencyKind::Static
        };
        let names = import
            .specifiers
            .iter()
            .flatten()
            .filter_map(|specifier| match specifier {
                ImportDeclarationSpecifier::ImportSpecifier(named) => Some(named.imported.name().to_string()),
                _ => None,
            })
            .collect();
        self.push_named(kind, &import.source, names);
    }

    fn visit_export_from_declaration(&mut self, export: &ExportFromDeclaration<'a>) {
        let type_specifiers = !export.specifiers.is_empty()
            && export.specifiers.iter().all(|specifier| specifier.export_kind == ImportOrExportKind::Type);
        let kind = if export.export_kind == ImportOrExportKind::Type {
            DependencyKind::TypeOnly
        } else if type_specifiers {
            DependencyKind::TypeSpecifiers
        } else {
            DependencyKind::ExportFrom
        };
        let names = export.specifiers.iter().map(|specifier| specifier.local.name().to_string()).collect();
        self.push_named(kind, &export.source, names);
    }

    fn visit_export_all_declaration(&mut self, export: &ExportAllDeclaration<'a>) {
        self.push(unless_type(export.export_kind, DependencyKind::ExportFrom), &export.source);
    }

    fn visit_ts_import_equals_declaration(&mut self, declaration: &TSImportEqualsDeclaration<'a>) {
        if let TSModuleReference::ExternalModuleReference(external) = &declaration.module_reference {
            self.push(unless_type(declaration.import_kind, DependencyKind::ImportEquals), &external.expression);
        }
    }

    fn visit_ts_type_query(&mut self, query: &TSTypeQuery<'a>) {
        if let TSTypeQueryExprName::TSImportType(import) = &query.expr_name {
            self.push(DependencyKind::TypeofImport, &import.source);
            // Its type arguments may hold more imports; itself is pushed above.
            walk::walk_ts_import_type(self, import);
            if let Some(arguments) = &query.type_arguments {
                self.visit_ts_type_parameter_instantiation(arguments);
            }
            return;
        }
        walk::walk_ts_type_query(self, query);
    }

    fn visit_ts_import_type(&mut self, import: &TSImportType<'a>) {
        self.push(DependencyKind::TypeOnly, &import.source);
        walk::walk_ts_import_type(self, import);
    }

    fn visit_import_expression(&mut self, import: &ImportExpression<'a>) {
        if let Some((specifier, span)) = literal_expression(&import.source) {
            self.imports.push(Import { kind: DependencyKind::Dynamic, specifier, span, names: Vec::new() });
        }
        walk::walk_import_expression(self, import);
    }

    fn visit_call_expression(&mut self, call: &CallExpression<'a>) {
        let kind = match &call.callee {
            Expression::Identifier(callee) if callee.name == "require" => Some(DependencyKind::Require),
            Expression::StaticMemberExpression(member)
                if member.property.name == "resolve"
                    && matches!(&member.object, Expression::Identifier(object) if object.name == "require") =>
            {
                Some(DependencyKind::RequireResolve)
            }
            _ => None,
        };
        // The first argument, as Nx reads it: `require.resolve('m', { paths })` names `m`.
        if let Some(kind) = kind
            && let Some(expression) = call.arguments.first().and_then(|argument| argument.as_expression())
            && let Some((specifier, span)) = literal_expression(expression)
        {
            self.imports.push(Import { kind, specifier, span, names: Vec::new() });
        }
        walk::walk_call_expression(self, call);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(path: &str, text: &str) -> Vec<(DependencyKind, String)> {
        extract_imports(path, text).expect("parses").into_iter().map(|import| (import.kind, import.specifier)).collect()
    }

    #[test]
    fn every_kind_of_dependency() {
        use DependencyKind as K;
        let text = r"
import a from 'static';
import 'side';
import type { T } from 'type-only';
import { type A, type B } from 'all-type-specifiers';
import { type C, d } from 'mixed';
export type { X } from 'export-type';
export { e } from 'export-from';
export * from 'export-all';
import f = require('import-equals');
const g = require('require');
const h = import('dynamic');
type I = typeof import('import-type');
const j = require(`template`);
const k = require(variable);
const l = require.resolve('require-resolve', { paths: [__dirname] });
const m = require.resolve(variable);
const n = other.resolve('not-require');
";
        assert_eq!(
            kinds("a.ts", text),
            vec![
                (K::Static, "static".into()),
                (K::SideEffect, "side".into()),
                (K::TypeOnly, "type-only".into()),
                (K::TypeSpecifiers, "all-type-specifiers".into()),
                (K::Static, "mixed".into()),
                (K::TypeOnly, "export-type".into()),
                (K::ExportFrom, "export-from".into()),
                (K::ExportFrom, "export-all".into()),
                (K::ImportEquals, "import-equals".into()),
                (K::Require, "require".into()),
                (K::Dynamic, "dynamic".into()),
                (K::TypeofImport, "import-type".into()),
                (K::Require, "template".into()),
                (K::RequireResolve, "require-resolve".into()),
            ]
        );
    }

    #[test]
    fn names_imported_by_name() {
        let text = "import React, { useEffect as e, type FC, 'quoted' as q } from 'react';\nimport * as all from 'all';\nexport { map as m, filter } from 'lodash';\nexport * from 'star';\nconst r = require('r');";
        let names: Vec<(String, Vec<String>)> = extract_imports("a.ts", text)
            .expect("parses")
            .into_iter()
            .map(|import| (import.specifier, import.names))
            .collect();
        let owned = |names: &[&str]| names.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            names,
            vec![
                ("react".to_string(), owned(&["useEffect", "FC", "quoted"])),
                ("all".to_string(), Vec::new()),
                ("lodash".to_string(), owned(&["map", "filter"])),
                ("star".to_string(), Vec::new()),
                ("r".to_string(), Vec::new()),
            ]
        );
    }

    #[test]
    fn spans_cover_the_literal_with_quotes() {
        let text = "// é\nimport x from './y';";
        let imports = extract_imports("a.js", text).expect("parses");
        assert_eq!(&text[imports[0].span.start..imports[0].span.end], "'./y'");
    }

    #[test]
    fn jsx_tsx_and_decorators_parse() {
        assert_eq!(kinds("a.tsx", "import R from 'react';\nexport const A = () => <div/>;").len(), 1);
        assert_eq!(kinds("a.jsx", "import R from 'react';\nexport const A = () => <div/>;").len(), 1);
        let nest = "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class S { constructor(private readonly r: R) {} }";
        assert_eq!(kinds("a.ts", nest).len(), 1);
    }

    #[test]
    fn type_only_forms_of_typescript() {
        use DependencyKind as K;
        let text = "export type * from 'all-types';\nimport type T = require('type-equals');\nexport { type A } from 'type-specifiers';\ntype Q = typeof import('query', { with: {} });\ntype R = import('reference').R<typeof import('inner')>;";
        assert_eq!(
            kinds("a.ts", text),
            vec![
                (K::TypeOnly, "all-types".into()),
                (K::TypeOnly, "type-equals".into()),
                (K::TypeSpecifiers, "type-specifiers".into()),
                (K::TypeofImport, "query".into()),
                (K::TypeOnly, "reference".into()),
                (K::TypeofImport, "inner".into()),
            ]
        );
        let selected: Vec<_> = [K::Static, K::TypeSpecifiers, K::TypeOnly, K::TypeofImport, K::Require]
            .iter()
            .map(|kind| kind.import_kind())
            .collect();
        assert_eq!(
            selected,
            [ImportKind::Value, ImportKind::Value, ImportKind::Type, ImportKind::Typeof, ImportKind::Value]
        );
    }

    #[test]
    fn javascript_is_a_module_or_a_script_by_its_content() {
        assert_eq!(kinds("a.cjs", "import x from './y';\nmodule.exports = x;").len(), 1);
        assert_eq!(kinds("a.js", "with (o) { require('./z'); }").len(), 1);
    }

    #[test]
    fn the_arena_is_reused_between_files() {
        for _ in 0..3 {
            assert_eq!(kinds("a.ts", "import a from 'a';").len(), 1);
            assert!(extract_imports("b.ts", "import {").is_err());
        }
    }

    #[test]
    fn a_parse_error_span_never_splits_a_character() {
        let text = "const a = `é";
        let failure = extract_imports("a.ts", text).expect_err("unterminated");
        assert!(
            text.is_char_boundary(failure.span.start) && text.is_char_boundary(failure.span.end),
            "{:?}",
            failure.span
        );
    }

    #[test]
    fn syntax_errors_are_reported_not_panicked() {
        let failure = extract_imports("a.ts", "import { from 'x';\nconst = ;").expect_err("fails");
        assert!(!failure.reason.is_empty());
    }
}
