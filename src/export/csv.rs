//! The CSV export: `csv/<table>.csv` for every table in [`super::tables`],
//! RFC 4180 with CRLF line ends, UTF-8 (with a BOM only when asked), plus
//! the metadata that describes them: `csv/csv-metadata.json` (CSV on the
//! Web) and `datapackage.json` (Frictionless Data Package v2).

use std::path::PathBuf;

use super::tables::{self, Table};
use super::{Context, Error, Exporter, OutputFile, csvw, datapackage};

/// The folder the tables go to, under the export folder.
pub(super) const CSV_DIR: &str = "csv";

/// The UTF-8 byte order mark spreadsheet programs look for.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes the tables and their metadata.
pub(super) struct Csv;

impl Exporter for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }

    fn export(&self, context: &Context<'_>, _: &[OutputFile]) -> Result<Vec<OutputFile>, Error> {
        let tables = tables::tables(context.documents);
        let mut files = Vec::with_capacity(tables.len() + 2);
        for table in &tables {
            let bytes = render(table, context.csv_bom, context.csv_excel_safe)?;
            // Hashed here, once: the Data Package lists these hashes.
            let sha256 = super::sha256_hex(&bytes);
            files.push(OutputFile {
                path: PathBuf::from(CSV_DIR).join(file_name(table)),
                bytes,
                sha256,
            });
        }
        let csvw = csvw::metadata(context, &tables)?;
        let package = datapackage::descriptor(context, &tables, &files)?;
        files.push(csvw);
        files.push(package);
        Ok(files)
    }
}

/// The file name of a table.
pub(super) fn file_name(table: &Table) -> String {
    format!("{}.csv", table.schema.name)
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

/// One table as RFC 4180 CSV: a header row, then every row; fields quoted
/// only when they must be, lines ended with CRLF.
fn render(table: &Table, bom: bool, excel_safe: bool) -> Result<Vec<u8>, Error> {
    let mut bytes = if bom { BOM.to_vec() } else { Vec::new() };
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(&mut bytes);
    let failed = |source: ::csv::Error| Error::Csv {
        table: table.schema.name,
        source,
    };
    writer
        .write_record(table.schema.columns.iter().map(|c| c.name))
        .map_err(failed)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(|c| cell(c, excel_safe).into_owned()))
            .map_err(failed)?;
    }
    writer.flush().map_err(|e| failed(e.into()))?;
    drop(writer);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tables::SCHEMAS;

    fn sample() -> Table {
        Table {
            schema: &SCHEMAS[1],
            rows: vec![vec![
                "doc".into(),
                "place_name".into(),
                "en".into(),
                "a \"quoted\", text".into(),
            ]],
        }
    }

    #[test]
    fn quotes_only_when_needed_and_ends_lines_with_crlf() {
        let bytes = render(&sample(), false, false).unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&bytes),
            "document_id,field,language,text\r\ndoc,place_name,en,\"a \"\"quoted\"\", text\"\r\n"
        );
    }

    #[test]
    fn formulas_are_kept_unless_excel_safe_is_asked_for() {
        let mut table = sample();
        table.rows[0][3] = "=HYPERLINK(\"http://x\")".into();
        let verbatim =
            String::from_utf8_lossy(&render(&table, false, false).unwrap_or_default()).into_owned();
        assert!(
            verbatim.ends_with(",\"=HYPERLINK(\"\"http://x\"\")\"\r\n"),
            "{verbatim}"
        );
        let safe =
            String::from_utf8_lossy(&render(&table, false, true).unwrap_or_default()).into_owned();
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
        let bytes = render(&sample(), true, false).unwrap_or_default();
        assert!(bytes.starts_with(BOM));
        assert!(
            !render(&sample(), false, false)
                .unwrap_or_default()
                .starts_with(BOM)
        );
    }
}
