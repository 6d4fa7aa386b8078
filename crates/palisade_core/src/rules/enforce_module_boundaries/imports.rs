//! The checks that need only the import: everything Nx decides before it looks at the project
//! graph.

use super::paths::{entry_point_of, is_absolute_into_project, is_relative, lexical_join};
use super::{Constraint, EnforceModuleBoundaries};
use crate::diagnostic::Finding;
use crate::project::{Project, ProjectGraph};
use crate::resolve::Resolution;
use crate::rules::{Edge, Subject};

impl EnforceModuleBoundaries {
    /// The checks that need only the import: everything Nx decides before it looks at the
    /// project graph. Imports of another project by alias or package go on to `check_graph_edge`.
    pub(super) fn check_edge(&self, from: &Subject<'_>, edge: &Edge<'_>, projects: &ProjectGraph, out: &mut Vec<Finding>) {
        let import = edge.import.specifier.as_str();
        let span = edge.import.span;
        let Some(source) = from.project else { return };
        if self.allowed(import) {
            return;
        }
        let absolute_into_project = is_absolute_into_project(import);
        let lexical = if absolute_into_project {
            projects.owner_of(&format!("{}/", import.trim_start_matches('/')))
        } else if is_relative(import) {
            lexical_join(from.file, import).and_then(|path| projects.owner_of(&format!("{path}/")))
        } else {
            None
        };
        if absolute_into_project || lexical.is_some_and(|target| target != source) {
            out.push(Finding::new("noRelativeOrAbsoluteImportsAcrossLibraries", span));
            return;
        }
        let target = lexical.or_else(|| match edge.resolution {
            Resolution::Local { file } => projects.owner_of(file),
            _ => None,
        });
        let project = projects.get(source);
        if let Some(target) = target {
            if target == source
                && !self.ignores_pair(&project.name, &project.name)
                && !self.allow_circular_self
                && !is_relative(import)
                && let Resolution::Local { file } = edge.resolution
                && entry_point_of(project, file) == entry_point_of(project, from.file)
            {
                out.push(Finding::new("noSelfCircularDependencies", span).with("imp", import));
            }
            return;
        }
        match edge.resolution {
            Resolution::Npm { package, .. } => {
                if self.ban_transitive && !projects.declares(source, package) {
                    out.push(Finding::new("noTransitiveDependencies", span));
                }
                if let Some(constraint) = self.banning(project, package, import) {
                    out.push(constraint.banned_finding(span, import));
                }
            }
            Resolution::Builtin { name } => {
                let banned = self
                    .constraints_for(project)
                    .find(|c| c.banned.iter().any(|regex| regex.is_match(import) || regex.is_match(name)));
                if let Some(constraint) = banned {
                    out.push(constraint.banned_finding(span, import));
                }
            }
            _ if is_relative(import) || import.starts_with('/') => {
                out.push(Finding::new("noRelativeOrAbsoluteExternals", span));
            }
            _ => {
                if self.ban_transitive {
                    out.push(Finding::new("noTransitiveDependencies", span));
                }
            }
        }
    }

    fn banning<'a>(&'a self, project: &'a Project, package: &str, import: &str) -> Option<&'a Constraint> {
        self.constraints_for(project).find(|c| c.bans(package, import))
    }
}
