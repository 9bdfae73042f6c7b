//! The HTML export: `html/<document-id>.html`, a page to read the document
//! with its languages side by side, and `html/index.html` listing every
//! document. Each page stands alone: no scripts, fonts or stylesheets from
//! elsewhere. The document's JSON-LD is embedded for search engines; each
//! unit's id is an anchor, so a citation can link to a paragraph. A
//! language switcher works with CSS alone.
//!
//! The markup is in askama templates beside this file, in
//! `src/export/formats/html/`: `page.html` and `index.html`, the
//! `head.html` and `style.css` they share, and `askama.toml`, which points
//! askama at that folder and at [`Markup`], the escaper. Templates escape
//! every value unless marked `safe`, which only the JSON-LD is (it is made
//! safe for `<script>` by `script_json`). This file gathers what the
//! templates show; the templates decide how it is laid out, byte for byte.

use std::fmt;

use askama::Template;

use super::jsonld;
use crate::export::{
    Context, DocumentFormat, Error, ExportPath, FileInfo, FileMeta, Output, OutputFile, Role,
    Scope, file_stem, iri,
};
use crate::model::{
    Document, DocumentSummary, Language, LocalizedText, section_label, section_separator,
};

/// The folder of the pages, under the export folder.
const HTML_DIR: &str = "html";

/// Writes one page per document and an index.
pub(super) struct Html;

impl DocumentFormat for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn role(&self) -> Role {
        Role::Page
    }

    fn owns(&self) -> &'static [&'static str] {
        &["html/"]
    }

    fn document(
        &self,
        context: &Context<'_>,
        document: &Document,
        seen: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let stem = file_stem(document.id.as_str())?;
        let info = FileInfo::new(
            "html",
            ("text/html", "HTML"),
            Scope::Document(document.id.to_string()),
            "A page to read the document, its languages side by side.",
        )
        .conforming(&["https://html.spec.whatwg.org/"]);
        Ok(vec![Output::File(OutputFile::new(
            ExportPath::new(HTML_DIR)?.join(&format!("{stem}.html"))?,
            render(&Page::new(document, context, seen)?)?,
            info,
        ))])
    }

    fn finish(
        &self,
        _: &Context<'_>,
        documents: &[DocumentSummary],
        _: &[&FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let info = FileInfo::new(
            "html",
            ("text/html", "HTML"),
            Scope::Catalog,
            "A list of the documents, linking their reading pages.",
        );
        Ok(vec![Output::File(OutputFile::new(
            ExportPath::new(HTML_DIR)?.join("index.html")?,
            render(&Index { documents })?,
            info,
        ))])
    }
}

/// A template's bytes. Writing into a `String` cannot fail, nor can the
/// values' `Display`s: an error here is a bug in a template.
fn render(template: &impl Template) -> Result<Vec<u8>, Error> {
    template
        .render()
        .map(String::into_bytes)
        .map_err(|e| Error::Contract {
            format: "html",
            message: format!("cannot render its page: {e}"),
        })
}

/// The page's escaper: `&`, `<`, `>`, `"` and `'` as named or decimal
/// references, as the pages have always had them (askama's own HTML
/// escaper writes `&#60;` for `<`). `html/askama.toml` names it.
#[derive(Clone, Copy)]
struct Markup;

impl askama::filters::Escaper for Markup {
    fn write_escaped_str<W: fmt::Write>(&self, mut dest: W, text: &str) -> fmt::Result {
        let mut rest = text;
        // Runs of plain text are copied whole.
        while let Some((plain, tail)) = rest
            .find(['&', '<', '>', '"', '\''])
            .and_then(|i| rest.split_at_checked(i))
        {
            dest.write_str(plain)?;
            let mut chars = tail.chars();
            dest.write_str(match chars.next() {
                Some('&') => "&amp;",
                Some('<') => "&lt;",
                Some('>') => "&gt;",
                Some('"') => "&quot;",
                _ => "&#39;",
            })?;
            rest = chars.as_str();
        }
        dest.write_str(rest)
    }
}

/// JSON made safe inside `<script>`: `<`, `>` and `&` as `\u` escapes, so
/// no text can close the element; it parses to the same value.
fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Whether `iri` is an `http` or `https` address, which a link may follow.
fn is_web_address(iri: &str) -> bool {
    iri.split_once("://").is_some_and(|(scheme, _)| {
        scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
    })
}

/// Whether `language` is written right to left.
fn rtl(language: &Language) -> bool {
    matches!(
        language.primary(),
        "ar" | "fa" | "ur" | "he" | "yi" | "ps" | "ckb" | "dv" | "sd" | "ug"
    ) || language.as_str().contains("-Arab")
        || language.as_str().contains("-Hebr")
}

/// A language's name in itself, for the switcher; the tag when unknown.
fn autonym(language: &Language) -> &str {
    match language.as_str() {
        "zh-Hans" => "简体中文",
        "zh-Hant" => "繁體中文",
        "en" => "English",
        "fr" => "Français",
        "es" => "Español",
        "ar" => "العربية",
        "ru" => "Русский",
        "pt" => "Português",
        "de" => "Deutsch",
        "sw" => "Kiswahili",
        other => other,
    }
}

/// A language of the page, as its switcher and its texts name it.
struct PageLanguage<'a> {
    language: &'a Language,
    tag: &'a str,
    autonym: &'a str,
    rtl: bool,
    /// A community translation, not an official text.
    community: bool,
    /// Its place on the page, which the switcher's classes (`l0`, `l1`) use.
    index: usize,
}

impl<'a> PageLanguage<'a> {
    /// The document's languages, official then community, in page order.
    fn all(document: &'a Document) -> Vec<Self> {
        document
            .all_languages()
            .enumerate()
            .map(|(index, language)| PageLanguage {
                language,
                tag: language.as_str(),
                autonym: autonym(language),
                rtl: rtl(language),
                community: document.community(language).is_some(),
                index,
            })
            .collect()
    }
}

/// One language's text of a unit: a section heading's number, then the text.
struct Text<'a> {
    language: &'a PageLanguage<'a>,
    prefix: String,
    value: &'a str,
}

/// The reading page of one document (`html/page.html`).
#[derive(Template)]
#[template(path = "page.html", config = "src/export/formats/html/askama.toml")]
struct Page<'a> {
    document: &'a Document,
    languages: Vec<PageLanguage<'a>>,
    /// The titles in every language, for `<title>`.
    title: String,
    canonical: String,
    /// The document's JSON-LD, made safe inside `<script>`.
    json: String,
    /// The names of the place, in every language.
    place: String,
    issuer: &'a str,
    /// The IRI of the licence the catalog names, and whether it is a web
    /// address the page can link (no `javascript:` or `data:` link).
    license: Option<&'a str>,
    license_linked: bool,
    /// The files of this document, then those of every document.
    own_files: Vec<&'a FileMeta>,
    corpus_files: Vec<&'a FileMeta>,
}

impl<'a> Page<'a> {
    fn new(
        document: &'a Document,
        context: &Context<'a>,
        files: &'a [FileMeta],
    ) -> Result<Self, Error> {
        let languages = PageLanguage::all(document);
        let title = languages
            .iter()
            .filter_map(|l| document.title.get(l.language))
            .collect::<Vec<_>>()
            .join(" · ");
        // The same graph as the JSON-LD export: the reading page builds on
        // that format (an earlier role), not on the bytes of its file, and
        // sees the files it lists, and that file itself.
        let links = jsonld::Links::new(context, document, files)?;
        let json = script_json(&jsonld::graph_text(document, &links)?);
        let issuer = document
            .reference(&document.issuer)
            .and_then(|r| r.name.iter().next().map(|(_, name)| name))
            // dangling-reference guarantees the issuer is a reference.
            .unwrap_or_default();
        let own = Scope::Document(document.id.to_string());
        let license = context.license();
        Ok(Page {
            document,
            languages,
            title,
            canonical: iri::page(context.base_iri, document.id.as_str()),
            json,
            place: document
                .place
                .name
                .iter()
                .map(|(_, name)| name)
                .collect::<Vec<_>>()
                .join(" / "),
            issuer,
            license,
            license_linked: license.is_some_and(is_web_address),
            own_files: files.iter().filter(|f| f.info.scope == own).collect(),
            corpus_files: files
                .iter()
                .filter(|f| f.info.scope == Scope::Corpus)
                .collect(),
        })
    }

    /// The texts of a unit in the page's languages that it has; a section
    /// heading's start with the section's number in each language.
    fn texts<'b>(&'b self, text: &'b LocalizedText, number: Option<&u32>) -> Vec<Text<'b>> {
        self.languages
            .iter()
            .filter_map(|language| {
                let value = text.get(language.language)?;
                let prefix = number.map_or_else(String::new, |&n| {
                    let label = section_label(language.language, n);
                    label + section_separator(language.language)
                });
                Some(Text {
                    language,
                    prefix,
                    value,
                })
            })
            .collect()
    }
}

/// The list of every document (`html/index.html`).
#[derive(Template)]
#[template(path = "index.html", config = "src/export/formats/html/askama.toml")]
struct Index<'a> {
    documents: &'a [DocumentSummary],
}

/// A document's title in one language, on the index.
struct Title<'a> {
    language: &'a Language,
    rtl: bool,
    text: &'a str,
}

/// A document's titles in each of its languages that has one.
fn titles(document: &DocumentSummary) -> Vec<Title<'_>> {
    document
        .all_languages()
        .filter_map(|language| {
            document.title.get(language).map(|text| Title {
                language,
                rtl: rtl(language),
                text,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_script_breakers() {
        let escaped = askama::filters::escape("a<b>&\"c'", Markup).unwrap();
        assert_eq!(escaped.to_string(), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(
            script_json("\"</script><!--\""),
            "\"\\u003c/script\\u003e\\u003c!--\""
        );
    }

    #[test]
    fn knows_right_to_left_languages() {
        assert!(rtl(&Language::new("ar")));
        assert!(rtl(&Language::new("az-Arab")));
        assert!(!rtl(&Language::new("en")));
    }

    #[test]
    fn links_only_web_addresses() {
        assert!(is_web_address(
            "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
        ));
        assert!(is_web_address(
            "HTTPS://creativecommons.org/licenses/by/4.0/"
        ));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("urn:example:licence"));
    }
}
