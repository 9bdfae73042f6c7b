//! Rule `catalog-dataset`: the catalog describes every document's dataset,
//! in every official language of the document, and nothing else. DCAT-AP
//! requires a description of each dataset.

use super::CatalogRule;
use crate::model::{Catalog, DocumentSummary};
use crate::validate::Finding;

/// Matches the catalog's dataset entries with the documents.
pub(super) struct CatalogDataset;

impl CatalogRule for CatalogDataset {
    fn code(&self) -> &'static str {
        "catalog-dataset"
    }

    fn summary(&self) -> &'static str {
        "the catalog describes each document, in each of its official languages"
    }

    fn check(&self, catalog: &Catalog, documents: &[DocumentSummary], out: &mut Vec<Finding>) {
        for document in documents {
            let Some((i, dataset)) = catalog
                .datasets
                .iter()
                .enumerate()
                .find(|(_, d)| d.document == document.id)
            else {
                out.push(
                    Finding::error(
                        self.code(),
                        "/datasets",
                        format!("no dataset entry describes document `{}`", document.id),
                    )
                    .hint(format!(
                        "add {{\"document\": \"{}\", \"description\": {{…}}}} to `datasets`",
                        document.id
                    )),
                );
                continue;
            };
            for language in &document.languages {
                if dataset.description.get(language).is_none() {
                    out.push(
                        Finding::error(
                            self.code(),
                            format!("/datasets/{i}/description"),
                            format!(
                                "the description of `{}` has no `{language}` text, an official language of the document",
                                document.id
                            ),
                        )
                        .hint(format!("add \"{language}\": \"…\" to this description")),
                    );
                }
            }
        }
        for (i, dataset) in catalog.datasets.iter().enumerate() {
            if !documents.iter().any(|d| d.id == dataset.document) {
                out.push(
                    Finding::error(
                        self.code(),
                        format!("/datasets/{i}/document"),
                        format!("no document has the id `{}`", dataset.document),
                    )
                    .hint("use the id of a document under data/, or remove this entry"),
                );
            }
        }
    }
}
