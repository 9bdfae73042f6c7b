//! Rule `catalog-geometry`: each geometry the catalog gives under
//! `spatial` is keyed by an ISO 3166-1 alpha-2 country code, its `bbox` is
//! a WKT polygon and its `centroid` a WKT point, longitude first, with
//! numbers in range and closed rings, so the DCAT-AP record can write them
//! as GeoSPARQL literals as they are.

use super::CatalogRule;
use crate::model::{Catalog, DocumentSummary, check_point, check_polygon, country_alpha3};
use crate::validate::Finding;

/// Checks the catalog's geometries.
pub(super) struct CatalogGeometry;

impl CatalogRule for CatalogGeometry {
    fn code(&self) -> &'static str {
        "catalog-geometry"
    }

    fn summary(&self) -> &'static str {
        "each `spatial` entry names a country and gives a WKT POLYGON bbox and POINT centroid"
    }

    fn check(&self, catalog: &Catalog, _: &[DocumentSummary], out: &mut Vec<Finding>) {
        for (country, geometry) in &catalog.spatial {
            let pointer = format!("/spatial/{country}");
            if country_alpha3(country).is_none() {
                out.push(
                    Finding::error(
                        self.code(),
                        pointer.as_str(),
                        format!("`{country}` is not an ISO 3166-1 alpha-2 country code"),
                    )
                    .hint("key each geometry by the country code the documents give as `place.country`, e.g. \"CN\""),
                );
            }
            let checks = [
                (
                    "bbox",
                    check_polygon(&geometry.bbox),
                    "POLYGON((lon lat, lon lat, lon lat, lon lat, lon lat)), the first position repeated last",
                ),
                (
                    "centroid",
                    check_point(&geometry.centroid),
                    "POINT(lon lat)",
                ),
            ];
            for (field, result, form) in checks {
                if let Err(error) = result {
                    out.push(
                        Finding::error(self.code(), format!("{pointer}/{field}"), error.to_string())
                            .hint(format!("write the {field} as {form}, in degrees, as the publisher has it from a gazetteer; nothing is computed")),
                    );
                }
            }
        }
    }
}
