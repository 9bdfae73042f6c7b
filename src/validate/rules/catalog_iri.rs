//! Rule `catalog-iri`: every IRI in the catalog is an absolute IRI (RFC
//! 3987) with a scheme its field allows — `http` or `https` for the base
//! IRI, landing page, publisher and licence, an e-mail address (made a
//! `mailto:` IRI) for the contact — so the exports can write it as it is.
//! The message is the one `--base-iri` prints for the same value.

use super::CatalogRule;
use crate::model::{Catalog, DocumentSummary};
use crate::validate::Finding;

/// Checks the catalog's IRIs.
pub(super) struct CatalogIri;

impl CatalogRule for CatalogIri {
    fn code(&self) -> &'static str {
        "catalog-iri"
    }

    fn summary(&self) -> &'static str {
        "catalog IRIs are absolute http(s) IRIs (the base IRI ending in `/`), the contact an e-mail address"
    }

    fn check(&self, catalog: &Catalog, _: &[DocumentSummary], out: &mut Vec<Finding>) {
        for (pointer, field, value) in catalog.iri_fields() {
            if let Err(error) = field.check(value) {
                out.push(
                    Finding::error(self.code(), pointer, error.to_string()).hint(error.hint()),
                );
            }
        }
    }
}
