//! The `SQLite` export: `sqlite/initiative.sqlite`, one database of every
//! document with the tables of [`super::tables`] (the same columns, primary
//! and foreign keys as the CSV files), two views for the common questions
//! and a full-text index over every text unit in every language; and
//! `sqlite/metadata.json` beside it, the metadata Datasette 0.65 reads.
//!
//! The database is built in a private temporary file as the documents
//! stream past, inside one transaction, and handed over as bytes at the
//! end like every other file: the run, not the format, writes the export
//! tree. On disk, memory holds a bounded page cache while the documents
//! stream, and the finished file once at the end (an in-memory database
//! held the whole database two or three times over while `VACUUM` copied
//! it, and became the largest part of a build's memory). The bytes depend
//! on the rows alone: one transaction whatever the batches, the full-text
//! index built once at the end, a fixed page size, `VACUUM INTO` a fresh
//! file, no time anywhere, and the `SQLite` that `rusqlite`'s bundled build
//! pins.

use std::fmt::Write as _;

use rusqlite::Connection;
use rusqlite::types::Value;
use serde_json::{Map, Value as Json, json};

use super::tables::{Column, Datatype, SCHEMAS, TableSchema};
use super::to_json_bytes;
use crate::export::{
    Context, Error, ExportPath, FileInfo, FileMeta, Format, FormatRun, Output, OutputFile, Role,
    Scope,
};
use crate::model::{Document, DocumentSummary, LocalizedText};

/// The folder the database and its metadata go to.
const DIR: &str = "sqlite";
/// The database's file name; Datasette names the database after its stem.
const DATABASE_FILE: &str = "initiative.sqlite";
/// The database's name in Datasette (the file's stem).
const DATABASE_NAME: &str = "initiative";
/// The Datasette metadata's file name.
const METADATA_FILE: &str = "metadata.json";
/// The full-text index of `text_units`.
const FTS_TABLE: &str = "text_units_fts";
/// A page size fixed here rather than left to the build's default, so the
/// bytes do not change with how `SQLite` was compiled.
const PAGE_SIZE: u32 = 4096;

/// The `SQLite` database and its Datasette metadata.
pub(super) struct Sqlite;

impl Format for Sqlite {
    fn name(&self) -> &'static str {
        "sqlite"
    }

    fn role(&self) -> Role {
        Role::Data
    }

    fn owns(&self) -> &'static [&'static str] {
        &["sqlite/"]
    }

    fn begin(&self) -> Box<dyn FormatRun + '_> {
        Box::new(SqliteRun { db: None })
    }
}

/// One run: the database being filled, from `start` to `finish`.
struct SqliteRun {
    db: Option<Build>,
}

/// The database being built, in a temporary folder that goes with it.
struct Build {
    db: Connection,
    folder: tempfile::TempDir,
}

impl FormatRun for SqliteRun {
    /// Opens the database, and both files empty: they are filled at the
    /// end, but opened now so the reading page lists them with the tables.
    fn start(&mut self, _: &Context<'_>) -> Result<Vec<Output>, Error> {
        self.db = Some(open()?);
        Ok(vec![
            Output::Open(OutputFile::new(
                database_path()?,
                Vec::new(),
                database_info(),
            )),
            Output::Open(OutputFile::new(
                metadata_path()?,
                Vec::new(),
                metadata_info(),
            )),
        ])
    }

    fn batch(
        &mut self,
        _: &Context<'_>,
        documents: &[Document],
        _: &[Vec<FileMeta>],
    ) -> Result<Vec<Vec<Output>>, Error> {
        let build = self.db.as_ref().ok_or_else(|| not_started("batch"))?;
        for document in documents {
            insert(&build.db, document)?;
        }
        Ok(documents.iter().map(|_| Vec::new()).collect())
    }

    fn finish(
        &mut self,
        context: &Context<'_>,
        documents: &[DocumentSummary],
        _: &[&FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let build = self.db.take().ok_or_else(|| not_started("finish"))?;
        let languages = corpus_languages(&build.db)?;
        let (source, folder) = complete(build, &languages)?;
        Ok(vec![
            Output::AppendFrom {
                path: database_path()?,
                source,
                folder,
            },
            Output::Append {
                path: metadata_path()?,
                bytes: metadata(context, documents, &languages)?,
            },
        ])
    }
}

/// Where the database goes.
fn database_path() -> Result<ExportPath, Error> {
    ExportPath::new(DIR)?.join(DATABASE_FILE)
}

/// Where its Datasette metadata goes, beside it.
fn metadata_path() -> Result<ExportPath, Error> {
    ExportPath::new(DIR)?.join(METADATA_FILE)
}

/// The error of a stage called before `start` (a bug in the run).
fn not_started(stage: &str) -> Error {
    Error::Contract {
        format: "sqlite",
        message: format!("was called at {stage} before start"),
    }
}

/// The error of the step `what`, for `map_err`.
fn failed(what: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Sqlite { what, source }
}

/// What the database is.
fn database_info() -> FileInfo {
    // The EU file-type list has no entry for `SQLite`; its IANA media type
    // says exactly what the file is.
    FileInfo::new(
        "sqlite",
        ("application/vnd.sqlite3", "BIN"),
        Scope::Corpus,
        "SQLite database of every table of the CSV export, with views and a full-text \
         index (FTS5, trigram) over every text unit in every language.",
    )
    .conforming(&["https://www.sqlite.org/fileformat.html"])
}

/// What the Datasette metadata is.
fn metadata_info() -> FileInfo {
    FileInfo::new(
        "sqlite",
        ("application/json", "JSON"),
        Scope::Corpus,
        "Datasette metadata of the SQLite database: titles, descriptions of every table, \
         view and column, and its full-text search.",
    )
}

/// The temporary database's file name in its folder.
const BUILD_FILE: &str = "build.sqlite";
/// The page cache's cap, in KiB (a negative `cache_size`), what the build
/// holds in memory while the documents stream past.
const CACHE_KIB: u32 = 32 * 1024;

/// An empty database in a new temporary folder, with every table, its keys
/// and indexes, in a transaction that `complete` commits. Nothing reads
/// the file while it is built and it is thrown away after, so it needs no
/// journal and no syncing.
fn open() -> Result<Build, Error> {
    let folder = tempfile::TempDir::new().map_err(|source| Error::Io {
        action: "create a temporary folder for the SQLite database in",
        path: std::env::temp_dir(),
        source,
    })?;
    let db = Connection::open(folder.path().join(BUILD_FILE)).map_err(failed("open"))?;
    let mut sql = format!(
        "PRAGMA page_size = {PAGE_SIZE};\n\
         PRAGMA journal_mode = OFF;\n\
         PRAGMA synchronous = OFF;\n\
         PRAGMA locking_mode = EXCLUSIVE;\n\
         PRAGMA cache_size = -{CACHE_KIB};\n\
         PRAGMA foreign_keys = ON;\n\
         BEGIN;\n"
    );
    for schema in SCHEMAS {
        sql.push_str(&create_table(schema));
        for index in indexes(schema) {
            sql.push_str(&index);
        }
    }
    sql.push_str(COVERAGE_VIEW);
    db.execute_batch(&sql)
        .map_err(failed("create the tables"))?;
    Ok(Build { db, folder })
}

/// `name` as an SQL identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `text` as an SQL string literal.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Identifiers separated by commas.
fn ident_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| ident(n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `CREATE TABLE` of a table: a `STRICT` table with the columns,
/// datatypes and keys of its description, each column's description as a
/// comment (`SQLite` keeps it in the schema, where `.schema` shows it). The
/// foreign keys are checked when the build commits.
fn create_table(schema: &TableSchema) -> String {
    let mut sql = format!("CREATE TABLE {} (\n", ident(schema.name));
    for column in schema.columns {
        let description = column.description.replace('\n', " ");
        // Writing to a `String` cannot fail.
        let _ = writeln!(sql, "  {}, -- {description}", column_definition(column));
    }
    let mut constraints = vec![format!(
        "  PRIMARY KEY ({})",
        ident_list(schema.primary_key)
    )];
    constraints.extend(schema.foreign_keys.iter().map(|key| {
        format!(
            "  FOREIGN KEY ({}) REFERENCES {} ({}) DEFERRABLE INITIALLY DEFERRED",
            ident_list(key.columns),
            ident(key.table),
            ident_list(key.references)
        )
    }));
    sql.push_str(&constraints.join(",\n"));
    sql.push_str("\n) STRICT;\n");
    sql
}

/// One column: whole numbers as `INTEGER` of 1 or more, dates as ISO 8601
/// `TEXT` that `SQLite`'s `date()` reads back unchanged, everything else as
/// `TEXT`; an optional column is `NULL` where the CSV cell is empty.
fn column_definition(column: &Column) -> String {
    let name = ident(column.name);
    let (datatype, check) = match column.datatype {
        Datatype::PositiveInteger => ("INTEGER", format!(" CHECK ({name} >= 1)")),
        Datatype::Date => ("TEXT", format!(" CHECK ({name} IS date({name}))")),
        Datatype::String | Datatype::DateTime | Datatype::LanguageList => ("TEXT", String::new()),
    };
    let null = if column.required { " NOT NULL" } else { "" };
    format!("{name} {datatype}{null}{check}")
}

/// An index for each foreign key its primary key does not already start
/// with: the columns people join on.
fn indexes(schema: &TableSchema) -> impl Iterator<Item = String> + '_ {
    schema
        .foreign_keys
        .iter()
        .filter(|key| !schema.primary_key.starts_with(key.columns))
        .map(|key| {
            let name = format!("{}_by_{}", schema.name, key.columns.join("_"));
            format!(
                "CREATE INDEX {} ON {} ({});\n",
                ident(&name),
                ident(schema.name),
                ident_list(key.columns)
            )
        })
}

/// How much of each document each language covers.
const COVERAGE_VIEW: &str = "\
CREATE VIEW translation_coverage AS
SELECT t.document_id,
  t.language,
  CASE WHEN c.language IS NULL THEN 'official' ELSE 'community' END AS kind,
  c.status AS status,
  count(*) AS units_with_text,
  u.units AS units,
  round(100.0 * count(*) / u.units, 1) AS percent
FROM text_units AS t
JOIN (SELECT document_id, count(*) AS units FROM units GROUP BY document_id) AS u
  ON u.document_id = t.document_id
LEFT JOIN community_languages AS c
  ON c.document_id = t.document_id AND c.language = t.language
GROUP BY t.document_id, t.language
ORDER BY t.document_id, t.language;
";

/// Adds one document's rows, in the order of [`SCHEMAS`].
fn insert(db: &Connection, document: &Document) -> Result<(), Error> {
    for (schema, rows) in SCHEMAS.iter().zip(super::tables::document_rows(document)) {
        let placeholders = vec!["?"; schema.columns.len()].join(", ");
        let sql = format!("INSERT INTO {} VALUES ({placeholders})", ident(schema.name));
        let mut statement = db
            .prepare_cached(&sql)
            .map_err(failed("prepare an insert"))?;
        for row in rows {
            let values = schema
                .columns
                .iter()
                .zip(row)
                .map(|(column, cell)| value(schema, column, cell))
                .collect::<Result<Vec<_>, Error>>()?;
            statement
                .execute(rusqlite::params_from_iter(values))
                .map_err(failed("insert a row"))?;
        }
    }
    Ok(())
}

/// A CSV cell as the column's SQL value.
fn value(schema: &TableSchema, column: &Column, cell: String) -> Result<Value, Error> {
    if cell.is_empty() && !column.required {
        return Ok(Value::Null);
    }
    if column.datatype != Datatype::PositiveInteger {
        return Ok(Value::Text(cell));
    }
    cell.parse::<i64>()
        .map(Value::Integer)
        .map_err(|_| Error::Contract {
            format: "sqlite",
            message: format!(
                "was given `{cell}` for the whole number {}.{}",
                schema.name, column.name
            ),
        })
}

/// The finished database: the side-by-side view and the full-text index
/// added, the transaction committed (which checks every foreign key), and
/// the whole copied compactly by `VACUUM INTO` a fresh file, opened for
/// reading once the build is closed, with the temporary folder it is in.
fn complete(
    build: Build,
    languages: &[String],
) -> Result<(std::fs::File, tempfile::TempDir), Error> {
    let Build { db, folder } = build;
    let sql = format!(
        "{}\
         CREATE VIRTUAL TABLE {fts} USING fts5(\n\
         \x20 document_id UNINDEXED, unit_id UNINDEXED, language UNINDEXED, text,\n\
         \x20 content=\"text_units\", tokenize=\"trigram\"\n\
         );\n\
         INSERT INTO {fts}({fts}) VALUES ('rebuild');\n\
         COMMIT;",
        unit_texts_view(languages),
        fts = FTS_TABLE,
    );
    db.execute_batch(&sql)
        .map_err(failed("complete the database"))?;
    let finished = folder.path().join(DATABASE_FILE);
    let target = finished.to_str().ok_or_else(|| Error::Io {
        action: "use as the SQLite database's temporary copy",
        path: finished.clone(),
        source: std::io::Error::other("the path is not UTF-8"),
    })?;
    db.execute("VACUUM INTO ?1", [target])
        .map_err(failed("copy the database"))?;
    drop(db);
    let file = std::fs::File::open(&finished).map_err(|source| Error::Io {
        action: "read the SQLite database back from",
        path: finished,
        source,
    })?;
    Ok((file, folder))
}

/// Every language with a text, in tag order.
fn corpus_languages(db: &Connection) -> Result<Vec<String>, Error> {
    let mut statement = db
        .prepare("SELECT DISTINCT language FROM text_units ORDER BY language")
        .map_err(failed("list the languages"))?;
    let rows = statement
        .query_map([], |row| row.get(0))
        .map_err(failed("list the languages"))?;
    rows.collect::<Result<_, _>>()
        .map_err(failed("list the languages"))
}

/// Every unit with its text in each language of the corpus side by side,
/// one column per language (empty where a unit has no text in it).
fn unit_texts_view(languages: &[String]) -> String {
    let mut columns = String::new();
    for language in languages {
        // Writing to a `String` cannot fail.
        let _ = write!(
            columns,
            ",\n  max(CASE WHEN t.language = {} THEN t.text END) AS {}",
            literal(language),
            ident(language)
        );
    }
    format!(
        "CREATE VIEW unit_texts AS\n\
         SELECT u.document_id, u.unit_id, u.kind, u.section_number, u.position{columns}\n\
         FROM units AS u\n\
         LEFT JOIN text_units AS t ON t.document_id = u.document_id AND t.unit_id = u.unit_id\n\
         GROUP BY u.document_id, u.unit_id\n\
         ORDER BY u.document_id, u.position;\n"
    )
}

/// The Datasette metadata: the catalog's title, description, licence and
/// source where it states them, and a description of every table, view
/// and column.
fn metadata(
    context: &Context<'_>,
    documents: &[DocumentSummary],
    languages: &[String],
) -> Result<Vec<u8>, Error> {
    let mut top = Map::new();
    let joined = |text: &LocalizedText, separator: &str| {
        text.iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join(separator)
    };
    if let Some(catalog) = context.catalog {
        let iris = catalog.iris().map_err(Error::Iri)?;
        top.insert("title".into(), json!(joined(&catalog.title, " / ")));
        top.insert(
            "description".into(),
            json!(joined(&catalog.description, "\n\n")),
        );
        if let Some(license) = &iris.license {
            top.insert("license".into(), json!(license.as_str()));
            top.insert("license_url".into(), json!(license.as_str()));
        }
        top.insert(
            "source".into(),
            json!(joined(&catalog.publisher.name, " / ")),
        );
        top.insert("source_url".into(), json!(iris.landing_page.as_str()));
    } else {
        let titles: Vec<&str> = documents
            .iter()
            .flat_map(|d| d.languages.iter().filter_map(|l| d.title.get(l)))
            .collect();
        top.insert("title".into(), json!(titles.join(" / ")));
    }
    top.insert(
        "databases".into(),
        json!({ DATABASE_NAME: database_metadata(languages) }),
    );
    to_json_bytes(&Json::Object(top), METADATA_FILE)
}

/// The database's part of the metadata.
fn database_metadata(languages: &[String]) -> Json {
    let mut tables = Map::new();
    for schema in SCHEMAS {
        let columns: Map<String, Json> = schema
            .columns
            .iter()
            .map(|c| (c.name.to_owned(), json!(c.description)))
            .collect();
        let mut table = json!({ "description": schema.description, "columns": columns });
        if schema.name == "text_units" {
            super::set(&mut table, "fts_table", json!(FTS_TABLE));
        }
        tables.insert(schema.name.to_owned(), table);
    }
    tables.insert("unit_texts".into(), unit_texts_metadata(languages));
    tables.insert("translation_coverage".into(), coverage_metadata());
    tables.insert(
        FTS_TABLE.into(),
        json!({
            "description": "The full-text index of text_units.text (FTS5, trigram tokenizer): \
                            a MATCH finds any run of three or more characters in any script.",
        }),
    );
    json!({
        "description": "Every table of the CSV export, with their primary and foreign keys, \
                        two views and a full-text index of every text unit in every language.",
        "tables": tables,
        "queries": queries(),
    })
}

/// The `unit_texts` view's part of the metadata.
fn unit_texts_metadata(languages: &[String]) -> Json {
    let mut columns = Map::new();
    for name in [
        "document_id",
        "unit_id",
        "kind",
        "section_number",
        "position",
    ] {
        let description = SCHEMAS
            .iter()
            .find(|s| s.name == "units")
            .and_then(|s| s.columns.iter().find(|c| c.name == name))
            .map_or("", |c| c.description);
        columns.insert(name.into(), json!(description));
    }
    for language in languages {
        columns.insert(
            language.clone(),
            json!(format!(
                "The unit's text in {language}; empty where it has none."
            )),
        );
    }
    json!({
        "description": "Every text unit with its text in each language side by side, \
                        one column per language, in reading order.",
        "columns": columns,
    })
}

/// The `translation_coverage` view's part of the metadata.
fn coverage_metadata() -> Json {
    json!({
        "description": "How many of each document's text units have a text in each language.",
        "columns": {
            "document_id": "The stable id of the document.",
            "language": "A BCP 47 language tag.",
            "kind": "official (a language the document was adopted in) or community \
                     (a contributed translation).",
            "status": "For a community translation: reviewed or draft.",
            "units_with_text": "The units with a text in the language.",
            "units": "The document's units.",
            "percent": "units_with_text as a percentage of units, to one decimal.",
        },
    })
}

/// Canned queries Datasette lists with the database: full-text search, and
/// the plain substring search that also finds one- and two-character words.
fn queries() -> Json {
    json!({
        "search": {
            "title": "Search every text unit",
            "description": "Full-text search (FTS5 syntax) over every language. Terms of \
                            three or more characters, in any script; use `contains` for \
                            shorter ones.",
            "sql": format!(
                "SELECT t.document_id, t.unit_id, t.language, t.text\n\
                 FROM {FTS_TABLE} JOIN text_units AS t ON t.rowid = {FTS_TABLE}.rowid\n\
                 WHERE {FTS_TABLE} MATCH :query\n\
                 ORDER BY t.rowid"
            ),
        },
        "contains": {
            "title": "Text units containing a string",
            "description": "Every text unit whose text contains the string, of any length \
                            (a scan of the table, without the index).",
            "sql": "SELECT document_id, unit_id, language, text\n\
                    FROM text_units\n\
                    WHERE instr(text, :text) > 0\n\
                    ORDER BY rowid",
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_texts_are_quoted_for_sql() {
        assert_eq!(ident("zh-Hans"), "\"zh-Hans\"");
        assert_eq!(ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(literal("l'IA"), "'l''IA'");
    }

    #[test]
    fn a_foreign_key_that_names_nothing_fails_the_build() {
        let build = open().unwrap();
        build
            .db
            .execute("INSERT INTO sections VALUES ('nowhere', 'sec_1', 1)", [])
            .unwrap();
        let error = complete(build, &[]).unwrap_err().to_string();
        assert!(error.contains("FOREIGN KEY constraint failed"), "{error}");
    }

    #[test]
    fn a_cell_that_is_not_a_whole_number_is_refused() {
        let sections = &SCHEMAS[2];
        let number = &sections.columns[2];
        assert_eq!(number.name, "number");
        assert_eq!(
            value(sections, number, "2".into()).unwrap(),
            Value::Integer(2)
        );
        let error = value(sections, number, "II".into()).unwrap_err();
        assert!(error.to_string().contains("sections.number"), "{error}");
    }

    #[test]
    fn an_empty_optional_cell_is_null() {
        let units = &SCHEMAS[3];
        let section = &units.columns[3];
        assert_eq!(section.name, "section_number");
        assert_eq!(value(units, section, String::new()).unwrap(), Value::Null);
    }
}
