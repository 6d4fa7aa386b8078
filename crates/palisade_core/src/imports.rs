//! Import extraction: every dependency a module declares, with its kind, specifier and the byte
//! span of the specifier literal, read with swc's parser.

use serde::Serialize;
use swc_core::common::{BytePos, Span as SwcSpan, Spanned};
use swc_core::ecma::ast::{
    CallExpr, Callee, Expr, ImportDecl, ImportSpecifier, Lit, ModuleDecl, NamedExport, Str, TsImportEqualsDecl,
    TsImportType, TsModuleRef,
};
use swc_core::ecma::parser::{EsSyntax, Parser, StringInput, Syntax, TsSyntax};
use swc_core::ecma::visit::{Visit, VisitWith};

use crate::diagnostic::Span;

/// How a module depends on another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DependencyKind {
    /// `import x from 'm'`, `import { a } from 'm'`
    Static,
    /// `import 'm'`
    SideEffect,
    /// `import type`, `export type … from`, `import { type A }` with only type specifiers,
    /// `typeof import('m')`
    TypeOnly,
    /// `export { a } from 'm'`, `export * from 'm'`
    ExportFrom,
    /// `import('m')`
    Dynamic,
    /// `require('m')`
    Require,
    /// `import x = require('m')`
    ImportEquals,
}

/// One dependency as written in the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Import {
    pub kind: DependencyKind,
    pub specifier: String,
    /// The specifier's string literal, quotes included.
    pub span: Span,
}

/// Why a file could not be read as a module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFailure {
    pub reason: String,
    pub span: Span,
}

/// The languages Palisade reads, by file extension.
pub const SOURCE_EXTENSIONS: &[&str] = &["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"];

pub fn is_source_path(path: &str) -> bool {
    path.rsplit_once('.').is_some_and(|(_, ext)| SOURCE_EXTENSIONS.contains(&ext))
}

fn syntax_for(path: &str) -> Syntax {
    let ext = path.rsplit_once('.').map_or("", |(_, ext)| ext);
    match ext {
        "ts" | "mts" | "cts" => Syntax::Typescript(TsSyntax {
            tsx: false,
            decorators: true,
            dts: path.ends_with(".d.ts"),
            ..Default::default()
        }),
        "tsx" => Syntax::Typescript(TsSyntax { tsx: true, decorators: true, ..Default::default() }),
        _ => Syntax::Es(EsSyntax { jsx: true, decorators: true, import_attributes: true, ..Default::default() }),
    }
}

/// Every dependency of the module at `path` (the path picks the syntax), in source order.
pub fn extract_imports(path: &str, text: &str) -> Result<Vec<Import>, ParseFailure> {
    // swc reserves position 0, so the text starts at 1.
    let end = u32::try_from(text.len() + 1)
        .map_err(|_| ParseFailure { reason: "the file is larger than 4 GiB".to_string(), span: Span::default() })?;
    let input = StringInput::new(text, BytePos(1), BytePos(end));
    let mut parser = Parser::new(syntax_for(path), input, None);
    let program = parser.parse_program().map_err(|err| {
        let span = to_span(err.span());
        ParseFailure { reason: err.into_kind().msg().into_owned(), span }
    })?;
    let mut collector = Collector { imports: Vec::new() };
    program.visit_with(&mut collector);
    collector.imports.sort_by_key(|import| import.span.start);
    Ok(collector.imports)
}

fn to_span(span: SwcSpan) -> Span {
    Span { start: (span.lo.0 as usize).saturating_sub(1), end: (span.hi.0 as usize).saturating_sub(1) }
}

fn str_value(literal: &Str) -> String {
    literal.value.to_string_lossy().into_owned()
}

struct Collector {
    imports: Vec<Import>,
}

impl Collector {
    fn push(&mut self, kind: DependencyKind, literal: &Str) {
        self.imports.push(Import { kind, specifier: str_value(literal), span: to_span(literal.span) });
    }
}

/// The literal argument of `import('m')` / `require('m')`, also as a template without expressions.
fn literal_argument(call: &CallExpr) -> Option<(String, Span)> {
    let first = call.args.first()?;
    if first.spread.is_some() {
        return None;
    }
    match &*first.expr {
        Expr::Lit(Lit::Str(literal)) => Some((str_value(literal), to_span(literal.span))),
        Expr::Tpl(template) if template.exprs.is_empty() && template.quasis.len() == 1 => {
            let quasi = &template.quasis[0];
            let cooked = quasi.cooked.as_ref()?.to_string_lossy().into_owned();
            Some((cooked, to_span(template.span())))
        }
        _ => None,
    }
}

fn only_types(import: &ImportDecl) -> bool {
    import.type_only
        || (!import.specifiers.is_empty()
            && import.specifiers.iter().all(|specifier| match specifier {
                ImportSpecifier::Named(named) => named.is_type_only,
                _ => false,
            }))
}

impl Visit for Collector {
    fn visit_module_decl(&mut self, decl: &ModuleDecl) {
        match decl {
            ModuleDecl::Import(import) => {
                let kind = if only_types(import) {
                    DependencyKind::TypeOnly
                } else if import.specifiers.is_empty() {
                    DependencyKind::SideEffect
                } else {
                    DependencyKind::Static
                };
                self.push(kind, &import.src);
            }
            ModuleDecl::ExportNamed(NamedExport { src: Some(src), type_only, specifiers, .. }) => {
                let all_types = *type_only
                    || (!specifiers.is_empty()
                        && specifiers.iter().all(|specifier| match specifier {
                            swc_core::ecma::ast::ExportSpecifier::Named(named) => named.is_type_only,
                            _ => false,
                        }));
                let kind = if all_types { DependencyKind::TypeOnly } else { DependencyKind::ExportFrom };
                self.push(kind, src);
            }
            ModuleDecl::ExportAll(export) => {
                let kind = if export.type_only { DependencyKind::TypeOnly } else { DependencyKind::ExportFrom };
                self.push(kind, &export.src);
            }
            _ => {}
        }
        decl.visit_children_with(self);
    }

    fn visit_ts_import_equals_decl(&mut self, decl: &TsImportEqualsDecl) {
        if let TsModuleRef::TsExternalModuleRef(external) = &decl.module_ref {
            let kind = if decl.is_type_only { DependencyKind::TypeOnly } else { DependencyKind::ImportEquals };
            self.push(kind, &external.expr);
        }
    }

    fn visit_ts_import_type(&mut self, import: &TsImportType) {
        self.push(DependencyKind::TypeOnly, &import.arg);
        import.visit_children_with(self);
    }

    #[expect(
        clippy::match_wildcard_for_single_variants,
        reason = "swc's AST enums gain an `Unknown` variant when built for the SWC plugin ABI"
    )]
    fn visit_call_expr(&mut self, call: &CallExpr) {
        let kind = match &call.callee {
            Callee::Import(_) => Some(DependencyKind::Dynamic),
            Callee::Expr(callee) => match &**callee {
                Expr::Ident(ident) if &*ident.sym == "require" && call.args.len() == 1 => Some(DependencyKind::Require),
                _ => None,
            },
            _ => None,
        };
        if let Some(kind) = kind
            && let Some((specifier, span)) = literal_argument(call)
        {
            self.imports.push(Import { kind, specifier, span });
        }
        call.visit_children_with(self);
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
";
        assert_eq!(
            kinds("a.ts", text),
            vec![
                (K::Static, "static".into()),
                (K::SideEffect, "side".into()),
                (K::TypeOnly, "type-only".into()),
                (K::TypeOnly, "all-type-specifiers".into()),
                (K::Static, "mixed".into()),
                (K::TypeOnly, "export-type".into()),
                (K::ExportFrom, "export-from".into()),
                (K::ExportFrom, "export-all".into()),
                (K::ImportEquals, "import-equals".into()),
                (K::Require, "require".into()),
                (K::Dynamic, "dynamic".into()),
                (K::TypeOnly, "import-type".into()),
                (K::Require, "template".into()),
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
    fn syntax_errors_are_reported_not_panicked() {
        let failure = extract_imports("a.ts", "import { from 'x';\nconst = ;").expect_err("fails");
        assert!(!failure.reason.is_empty());
    }
}
