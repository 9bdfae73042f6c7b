//! The CSV export: `csv/<table>.csv` for every table in [`super::tables`],
//! RFC 4180 with CRLF line ends, UTF-8 (with a BOM only when asked), plus
//! the metadata that describes them: `csv/csv-metadata.json` (CSV on the
//! Web) and `datapackage.json` (Frictionless Data Package v2).

use super::tables::{self, CSV_DIR, SCHEMAS, TableSchema};
use super::{csvw, datapackage};
use crate::export::{
    Context, DocumentFormat, Error, ExportPath, FileInfo, FileMeta, Output, OutputFile, Scope,
};
use crate::model::{Document, DocumentSummary};

/// The UTF-8 byte order mark spreadsheet programs look for.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes the tables, a document's rows at a time, and their metadata.
pub(super) struct Csv;

impl DocumentFormat for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }

    fn owns(&self) -> &'static [&'static str] {
        &["csv/", datapackage::DESCRIPTOR_FILE]
    }

    /// Opens every table with its header, and the two files that describe
    /// them, which are written at the end.
    fn start(&self, context: &Context<'_>) -> Result<Vec<Output>, Error> {
        let mut outputs = SCHEMAS
            .iter()
            .map(|schema| {
                let header = schema.columns.iter().map(|c| c.name);
                let mut bytes = if context.csv_bom {
                    BOM.to_vec()
                } else {
                    Vec::new()
                };
                bytes.extend(records(schema, std::iter::once(header), false)?);
                Ok(Output::Open(OutputFile::new(
                    schema.path()?,
                    bytes,
                    table_info(context, schema),
                )))
            })
            .collect::<Result<Vec<_>, Error>>()?;
        outputs.push(Output::Open(OutputFile::new(
            csvw::path()?,
            Vec::new(),
            csvw::info(),
        )));
        outputs.push(Output::Open(OutputFile::new(
            ExportPath::new(datapackage::DESCRIPTOR_FILE)?,
            Vec::new(),
            datapackage::info(),
        )));
        Ok(outputs)
    }

    fn document(
        &self,
        context: &Context<'_>,
        document: &Document,
        _: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let mut outputs = Vec::new();
        for (schema, rows) in SCHEMAS.iter().zip(tables::document_rows(document)) {
            if rows.is_empty() {
                continue;
            }
            let rows = rows.iter().map(|row| row.iter().map(String::as_str));
            outputs.push(Output::Append {
                path: schema.path()?,
                bytes: records(schema, rows, context.csv_excel_safe)?,
            });
        }
        Ok(outputs)
    }

    fn finish(
        &self,
        context: &Context<'_>,
        documents: &[DocumentSummary],
        files: &[&FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let mut tables: Vec<(&TableSchema, &FileMeta)> = Vec::new();
        for schema in SCHEMAS {
            let path = schema.path()?;
            tables.extend(files.iter().find(|f| f.path == path).map(|f| (schema, *f)));
        }
        Ok(vec![
            Output::Append {
                path: csvw::path()?,
                bytes: csvw::metadata(documents, context.base_iri)?,
            },
            Output::Append {
                path: ExportPath::new(datapackage::DESCRIPTOR_FILE)?,
                bytes: datapackage::descriptor(context, documents, &tables)?,
            },
        ])
    }
}

/// What a table is: a CSV file of every document, with its own
/// description.
fn table_info(context: &Context<'_>, schema: &TableSchema) -> FileInfo {
    FileInfo::new(
        "csv",
        ("text/csv", "CSV"),
        Scope::Corpus,
        schema.description,
    )
    .conforming(&[&format!(
        "{}{CSV_DIR}/{}",
        context.base_iri,
        csvw::METADATA_FILE
    )])
}

/// The first characters that make a spreadsheet read a cell as a formula
/// (OWASP's CSV-injection list).
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// `cell`, with a leading `'` when `excel_safe` is set and a spreadsheet
/// would run it as a formula.
fn cell(cell: &str, excel_safe: bool) -> std::borrow::Cow<'_, str> {
    if excel_safe && cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Rows of a table as RFC 4180 CSV: fields quoted only when they must
/// be, lines ended with CRLF.
fn records<'r>(
    schema: &TableSchema,
    rows: impl Iterator<Item = impl Iterator<Item = &'r str>>,
    excel_safe: bool,
) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(&mut bytes);
    let failed = |source: ::csv::Error| Error::Csv {
        table: schema.name,
        source,
    };
    for row in rows {
        writer
            .write_record(
                row.map(|c| cell(c, excel_safe))
                    .map(std::borrow::Cow::into_owned),
            )
            .map_err(failed)?;
    }
    writer.flush().map_err(|e| failed(e.into()))?;
    drop(writer);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: [&str; 4] = ["doc", "place_name", "en", "a \"quoted\", text"];

    /// The `document_texts` table (header from `start`) with one row.
    fn render(row: &[&str], bom: bool, excel_safe: bool) -> Vec<u8> {
        let context = Context {
            catalog: None,
            base_iri: &crate::model::Iri::default_base(),
            csv_bom: bom,
            csv_excel_safe: excel_safe,
            created: None,
        };
        let mut bytes = match Csv.start(&context).unwrap_or_default().into_iter().nth(1) {
            Some(Output::Open(file)) => file.bytes,
            _ => Vec::new(),
        };
        let rows = std::iter::once(row.iter().copied());
        bytes.extend(records(&SCHEMAS[1], rows, excel_safe).unwrap_or_default());
        bytes
    }

    #[test]
    fn quotes_only_when_needed_and_ends_lines_with_crlf() {
        let bytes = render(&SAMPLE, false, false);
        assert_eq!(
            String::from_utf8_lossy(&bytes),
            "document_id,field,language,text\r\ndoc,place_name,en,\"a \"\"quoted\"\", text\"\r\n"
        );
    }

    #[test]
    fn formulas_are_kept_unless_excel_safe_is_asked_for() {
        let mut row = SAMPLE;
        row[3] = "=HYPERLINK(\"http://x\")";
        let verbatim = String::from_utf8_lossy(&render(&row, false, false)).into_owned();
        assert!(
            verbatim.ends_with(",\"=HYPERLINK(\"\"http://x\"\")\"\r\n"),
            "{verbatim}"
        );
        let safe = String::from_utf8_lossy(&render(&row, false, true)).into_owned();
        assert!(
            safe.ends_with(",\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"),
            "{safe}"
        );
        assert_eq!(cell("plain", true), "plain");
        assert_eq!(cell("-1", true), "'-1");
        assert_eq!(cell("@SUM", false), "@SUM");
    }

    #[test]
    fn the_bom_is_opt_in() {
        assert!(render(&SAMPLE, true, false).starts_with(BOM));
        assert!(!render(&SAMPLE, false, false).starts_with(BOM));
    }
}
