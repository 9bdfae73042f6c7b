//! Rule `catalog-recommended` (warning): the catalog leaves unset a field
//! DCAT-AP recommends that only the publisher can fill in: how long the
//! files stay available, what kind of body the publisher is, and the
//! period each dataset covers. One finding per field; nothing is guessed.

use super::CatalogRule;
use crate::model::{Catalog, DocumentSummary};
use crate::validate::Finding;

/// Flags each recommended catalog field left unset.
pub(super) struct CatalogRecommended;

impl CatalogRule for CatalogRecommended {
    fn code(&self) -> &'static str {
        "catalog-recommended"
    }

    fn summary(&self) -> &'static str {
        "warning: the catalog gives the availability, the publisher's type and each dataset's period"
    }

    fn check(&self, catalog: &Catalog, _: &[DocumentSummary], out: &mut Vec<Finding>) {
        if catalog.availability.is_none() {
            out.push(
                Finding::warning(
                    self.code(),
                    "",
                    "the catalog does not say how long the files stay available (DCAT-AP availability)",
                )
                .hint("add \"availability\": one of STABLE, AVAILABLE, EXPERIMENTAL or TEMPORARY, as the publisher plans"),
            );
        }
        if catalog.publisher.kind.is_none() {
            out.push(
                Finding::warning(
                    self.code(),
                    "/publisher",
                    "the publisher has no type: portals cannot tell what kind of body publishes the data",
                )
                .hint("add \"type\" to the publisher: its ADMS publisher type, e.g. \"NonProfitOrganisation\", \"NationalAuthority\" or \"SupraNationalAuthority\""),
            );
        }
        for (i, dataset) in catalog.datasets.iter().enumerate() {
            if dataset.temporal.is_none() {
                out.push(
                    Finding::warning(
                        self.code(),
                        format!("/datasets/{i}"),
                        format!("the dataset of `{}` gives no period it covers", dataset.document),
                    )
                    .hint("add \"temporal\": {\"start\": \"YYYY-MM-DD\", \"end\": \"YYYY-MM-DD\"}, the dates the text applies to (either may be left out)"),
                );
            }
        }
    }
}
