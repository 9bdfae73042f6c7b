//! Generates the schemas in `schema/` from the model types: the JSON Schema
//! of the data and the XML Schema of the XML export.

mod xsd;

use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, Transform};
use schemars::{JsonSchema, Schema};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Severity};
use crate::fsx;
use crate::model::{Catalog, Document, Translation};

pub use xsd::{XML_NAMESPACE, XML_NAMESPACE_XSD_FILE, XSD_FILE};

/// The `$id` of the document schema. A URN names the schema without
/// claiming a web address the project does not control; data files refer to
/// the committed copy by relative path, so nothing is ever fetched.
pub const DOCUMENT_SCHEMA_ID: &str = "urn:initiative:schema:initiative";

/// The file name of the document schema under `schema/`.
pub const DOCUMENT_SCHEMA_FILE: &str = "initiative.schema.json";

/// The `$id` of the catalog schema.
pub const CATALOG_SCHEMA_ID: &str = "urn:initiative:schema:catalog";

/// The file name of the catalog schema under `schema/`.
pub const CATALOG_SCHEMA_FILE: &str = "catalog.schema.json";

/// The `$id` of the translation schema.
pub const TRANSLATION_SCHEMA_ID: &str = "urn:initiative:schema:translation";

/// The file name of the translation schema under `schema/`.
pub const TRANSLATION_SCHEMA_FILE: &str = "translation.schema.json";

/// One generated schema file.
#[derive(Debug)]
pub struct SchemaFile {
    /// The file name under `schema/`.
    pub name: &'static str,
    /// The file's exact text.
    pub text: String,
}

/// Every schema file, in name order. Adding a schema is one line here.
pub fn schema_files() -> Vec<SchemaFile> {
    vec![
        SchemaFile {
            name: DOCUMENT_SCHEMA_FILE,
            text: render(&document_schema()),
        },
        SchemaFile {
            name: CATALOG_SCHEMA_FILE,
            text: render(&catalog_schema()),
        },
        SchemaFile {
            name: TRANSLATION_SCHEMA_FILE,
            text: render(&translation_schema()),
        },
        SchemaFile {
            name: XSD_FILE,
            text: xsd::render(),
        },
        SchemaFile {
            name: XML_NAMESPACE_XSD_FILE,
            text: xsd::XML_NAMESPACE_XSD.to_owned(),
        },
    ]
}

/// The code of a schema file that differs from the generated one.
pub const SCHEMA_STALE: &str = "schema-stale";
/// The code of a schema file that is not there.
pub const SCHEMA_MISSING: &str = "schema-missing";

/// A schema file on disk that is not what the model generates.
#[derive(Debug)]
pub struct SchemaDrift {
    /// The file.
    pub path: PathBuf,
    /// Its text on disk (lossy), or `None` when it is missing. A link or
    /// special file in its place reads as empty.
    pub committed: Option<String>,
    /// The generated text.
    pub generated: String,
}

impl SchemaDrift {
    /// The drift as an error diagnostic on the file.
    pub fn diagnostic(&self) -> Diagnostic {
        let (code, what) = match self.committed {
            Some(_) => (SCHEMA_STALE, "differs from the schema the model generates"),
            None => (SCHEMA_MISSING, "is missing"),
        };
        Diagnostic::new(
            Severity::Error,
            code,
            &self.path,
            "",
            format!("this schema {what}: run `initiative schema` to regenerate it"),
        )
        .with_hint("run `initiative schema` (or `initiative build`) and commit the result")
    }
}

/// Compares every schema under `dir` with the generated one, in the order
/// of [`schema_files`].
pub fn drift(dir: &Path) -> std::io::Result<Vec<SchemaDrift>> {
    let mut out = Vec::new();
    for file in schema_files() {
        let path = dir.join(file.name);
        let committed = match fsx::read_regular(&path, fsx::Links::Refuse) {
            Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => Some(String::new()),
            Err(e) => return Err(e),
        };
        if committed.as_deref() != Some(file.text.as_str()) {
            out.push(SchemaDrift {
                path,
                committed,
                generated: file.text,
            });
        }
    }
    Ok(out)
}

/// The document schema.
pub fn document_schema() -> Value {
    generate::<Document>(DOCUMENT_SCHEMA_ID)
}

/// The translation schema.
pub fn translation_schema() -> Value {
    generate::<Translation>(TRANSLATION_SCHEMA_ID)
}

/// The catalog schema.
pub fn catalog_schema() -> Value {
    generate::<Catalog>(CATALOG_SCHEMA_ID)
}

/// The draft 2020-12 schema of `T`, with `$id`, and with schemars' own
/// integer formats (`uint32`, …) removed: strict validators reject them, and
/// `minimum`/`maximum` already say what they mean.
fn generate<T: JsonSchema>(id: &str) -> Value {
    let mut value = model_schema::<T>();
    if let Value::Object(map) = &mut value {
        let mut ordered = serde_json::Map::new();
        if let Some(meta) = map.remove("$schema") {
            ordered.insert("$schema".into(), meta);
        }
        ordered.insert("$id".into(), Value::String(id.into()));
        ordered.extend(std::mem::take(map));
        *map = ordered;
    }
    value
}

/// The draft 2020-12 schema of `T` as every schema file states it, without
/// `$id`: the XSD reads its enumerations from here, so both schemas list the
/// values serde writes.
fn model_schema<T: JsonSchema>() -> Value {
    let mut settings = SchemaSettings::draft2020_12();
    settings.meta_schema = Some("https://json-schema.org/draft/2020-12/schema".into());
    let mut schema: Schema = settings.into_generator().into_root_schema_for::<T>();
    RecursiveTransform(drop_nonstandard_formats).transform(&mut schema);
    RecursiveTransform(unwrap_descriptions).transform(&mut schema);
    RecursiveTransform(consts_to_enum).transform(&mut schema);
    schema.to_value()
}

fn drop_nonstandard_formats(schema: &mut Schema) {
    const NONSTANDARD: &[&str] = &[
        "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float",
        "double",
    ];
    let is_nonstandard = schema
        .get("format")
        .and_then(Value::as_str)
        .is_some_and(|f| NONSTANDARD.contains(&f));
    if is_nonstandard {
        schema.remove("format");
    }
}

/// Joins the lines of a wrapped doc comment, keeping paragraph breaks, so
/// editors show descriptions as flowing text.
fn unwrap_descriptions(schema: &mut Schema) {
    if let Some(Value::String(text)) = schema.get_mut("description") {
        *text = text
            .split("\n\n")
            .map(|para| {
                para.split('\n')
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n\n");
    }
}

/// Rewrites a `oneOf` of documented `const`s (how schemars renders a
/// documented unit enum) as a plain `enum`, with each value's doc folded into
/// the description: validators then say "not one of …" instead of a `oneOf`
/// failure, and editors still offer the values.
fn consts_to_enum(schema: &mut Schema) {
    let Some(Value::Array(variants)) = schema.get("oneOf") else {
        return;
    };
    // Only a `oneOf` of string `const`s is an enum's.
    let consts: Option<Vec<(&str, &str)>> = variants
        .iter()
        .map(|v| {
            let value = v.get("const")?.as_str()?;
            // A value without a doc comment has no description: none to fold.
            let doc = v
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default();
            Some((value, doc))
        })
        .collect();
    let Some(consts) = consts else {
        return;
    };
    let lines: Vec<String> = consts
        .iter()
        .map(|(value, doc)| format!("`{value}`: {doc}"))
        .collect();
    let values: Vec<Value> = consts.iter().map(|(value, _)| (*value).into()).collect();
    let description = match schema.get("description").and_then(Value::as_str) {
        Some(d) => format!("{d}\n\n{}", lines.join("\n")),
        None => lines.join("\n"),
    };
    schema.remove("oneOf");
    schema.insert("type".into(), "string".into());
    schema.insert("enum".into(), values.into());
    schema.insert("description".into(), description.into());
}

/// The bytes written for a schema: pretty JSON and a final newline.
/// Written through `Value`'s `Display`, which cannot fail: a `Value` holds
/// nothing JSON cannot write.
pub fn render(schema: &Value) -> String {
    format!("{schema:#}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_nonstandard_formats_remain() {
        let text = render(&document_schema());
        assert!(!text.contains("\"uint"), "{text}");
        assert!(text.contains("\"format\": \"date\""));
        assert!(text.contains("\"additionalProperties\": false"));
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(render(&document_schema()), render(&document_schema()));
    }
}
