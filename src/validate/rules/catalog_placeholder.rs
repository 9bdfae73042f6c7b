//! Rule `catalog-placeholder` (warning): an IRI or e-mail address in the
//! catalog is still a placeholder under a domain reserved for examples
//! (RFC 2606: `example.org`, `.example`, `.test`, `.invalid`), which a
//! portal would publish as is.

use super::CatalogRule;
use crate::model::{Catalog, DocumentSummary};
use crate::validate::Finding;

/// Flags placeholder IRIs and addresses.
pub(super) struct CatalogPlaceholder;

/// Whether `value` (an IRI or an e-mail address) is under a reserved domain.
fn is_placeholder(value: &str) -> bool {
    let rest = value.split_once("://").map_or(value, |(_, rest)| rest);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    let host = rest
        .split_once(['/', ':', '?', '#'])
        .map_or(rest, |(host, _)| host);
    let host = host.to_ascii_lowercase();
    ["example.org", "example.com", "example.net"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || [".example", ".test", ".invalid", ".localhost"]
            .iter()
            .any(|tld| host.ends_with(tld))
}

impl CatalogRule for CatalogPlaceholder {
    fn code(&self) -> &'static str {
        "catalog-placeholder"
    }

    fn summary(&self) -> &'static str {
        "warning: a catalog IRI or e-mail address is not an example placeholder"
    }

    fn check(&self, catalog: &Catalog, _: &[DocumentSummary], out: &mut Vec<Finding>) {
        let fields = [
            ("/base_iri", Some(&catalog.base_iri)),
            ("/landing_page", Some(&catalog.landing_page)),
            ("/publisher/iri", Some(&catalog.publisher.iri)),
            ("/contact_point/email", Some(&catalog.contact_point.email)),
            ("/license", catalog.license.as_ref()),
        ];
        for (pointer, value) in fields {
            if let Some(value) = value
                && is_placeholder(value)
            {
                out.push(
                    Finding::warning(
                        self.code(),
                        pointer,
                        format!("`{value}` is a placeholder: portals would publish it as is"),
                    )
                    .hint("set the publisher's real value before publishing, and remove the matching line from `assumptions`"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_domains_are_placeholders() {
        for value in [
            "https://example.org/initiative/",
            "open-data@example.org",
            "https://data.example.com/x",
            "http://host.test/",
        ] {
            assert!(is_placeholder(value), "{value}");
        }
        for value in [
            "https://data.europa.eu/",
            "someone@moe.gov.cn",
            "https://notexample.org/",
        ] {
            assert!(!is_placeholder(value), "{value}");
        }
    }
}
