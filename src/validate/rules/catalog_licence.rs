//! Rule `catalog-licence` (warning): the catalog names no licence, so
//! portals show the data as having no known terms of reuse.

use super::CatalogRule;
use crate::model::{Catalog, DocumentSummary};
use crate::validate::Finding;

/// Flags a catalog without a licence.
pub(super) struct CatalogLicence;

impl CatalogRule for CatalogLicence {
    fn code(&self) -> &'static str {
        "catalog-licence"
    }

    fn summary(&self) -> &'static str {
        "warning: the catalog names the licence the exports are published under"
    }

    fn check(&self, catalog: &Catalog, _: &[DocumentSummary], out: &mut Vec<Finding>) {
        if catalog.license.is_none() {
            out.push(
                Finding::warning(
                    self.code(),
                    "",
                    "the catalog names no licence: portals will list the data with no known terms of reuse",
                )
                .hint("add \"license\": the IRI of the licence the publisher grants, e.g. http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"),
            );
        }
    }
}
