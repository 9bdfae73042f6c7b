//! Rule `catalog-recommended` (warning): the catalog leaves unset a field
//! DCAT-AP recommends that only the publisher can fill in: how long the
//! files stay available, what kind of body the publisher is, what kind of
//! licence the licence is (once there is one), the geometry of each
//! country the datasets cover, and the period each dataset covers. One
//! finding per field; nothing is guessed.

use super::CatalogRule;
use crate::model::{Catalog, DocumentSummary, country_alpha3};
use crate::validate::Finding;

/// Flags each recommended catalog field left unset.
pub(super) struct CatalogRecommended;

impl CatalogRule for CatalogRecommended {
    fn code(&self) -> &'static str {
        "catalog-recommended"
    }

    fn summary(&self) -> &'static str {
        "warning: the catalog gives the availability, the publisher's and licence's types, each country's geometry and each dataset's period"
    }

    fn check(&self, catalog: &Catalog, documents: &[DocumentSummary], out: &mut Vec<Finding>) {
        geometries(self.code(), catalog, documents, out);
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
        if catalog.license.is_some() && catalog.license_type.is_none() {
            out.push(
                Finding::warning(
                    self.code(),
                    "/license",
                    "the licence has no type: portals cannot tell what it allows (DCAT-AP licence type)",
                )
                .hint("add \"license_type\": the licence's ADMS licence type, e.g. \"Attribution\" for CC BY or \"PublicDomain\" for CC0"),
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

/// One warning for each country the documents were adopted in that
/// `spatial` gives no geometry for, at `spatial` or, without it, the
/// catalog.
fn geometries(
    code: &'static str,
    catalog: &Catalog,
    documents: &[DocumentSummary],
    out: &mut Vec<Finding>,
) {
    let mut countries: Vec<&str> = documents
        .iter()
        .map(|d| d.country.as_str())
        .filter(|c| country_alpha3(c).is_some() && !catalog.spatial.contains_key(*c))
        .collect();
    countries.sort_unstable();
    countries.dedup();
    let pointer = if catalog.spatial.is_empty() {
        ""
    } else {
        "/spatial"
    };
    for country in countries {
        out.push(
            Finding::warning(
                code,
                pointer,
                format!("the catalog gives no bounding box or centroid for `{country}`, the country the data covers (DCAT-AP dcat:bbox, dcat:centroid)"),
            )
            .hint(format!("add \"spatial\": {{\"{country}\": {{\"bbox\": \"POLYGON((…))\", \"centroid\": \"POINT(lon lat)\"}}}}, from an authoritative gazetteer; nothing is computed")),
        );
    }
}
