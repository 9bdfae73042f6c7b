//! The HTML export: `html/<document-id>.html`, a page to read the document
//! with its languages side by side, and `html/index.html` listing every
//! document. Each page stands alone: no scripts, fonts or stylesheets from
//! elsewhere. Every text is escaped; the document's JSON-LD is embedded for
//! search engines; each unit's id is an anchor, so a citation can link to
//! a paragraph. A language switcher works with CSS alone.
//!
//! The index is an askama template in `src/export/formats/html/`
//! (`index.html`, with the `head.html` and `style.css` it includes); its
//! `askama.toml` points askama at that folder and at [`Markup`], the
//! escaper, which escapes every value.

use std::fmt::{self, Write as _};

use askama::Template;

use super::jsonld;
use crate::export::{
    Context, DocumentFormat, Error, ExportPath, FileInfo, FileMeta, Output, OutputFile, Role,
    Scope, file_stem,
};
use crate::model::{
    Document, DocumentSummary, Language, LocalizedText, Paragraph, section_label, section_separator,
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
            page(document, context, seen).into_bytes(),
            info,
        ))])
    }

    fn finish(
        &self,
        _: &Context<'_>,
        documents: &[DocumentSummary],
        _: &[FileMeta],
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

fn escape_html(text: &str) -> String {
    const MARKUP: [char; 5] = ['&', '<', '>', '"', '\''];
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut rest = text;
    // Runs of plain text are copied whole.
    while let Some((plain, tail)) = rest.find(MARKUP).and_then(|i| rest.split_at_checked(i)) {
        out.push_str(plain);
        let mut chars = tail.chars();
        out.push_str(match chars.next() {
            Some('&') => "&amp;",
            Some('<') => "&lt;",
            Some('>') => "&gt;",
            Some('"') => "&quot;",
            _ => "&#39;",
        });
        rest = chars.as_str();
    }
    out.push_str(rest);
    out
}

/// JSON made safe inside `<script>`: `<`, `>` and `&` as `\u` escapes, so
/// no text can close the element; it parses to the same value.
fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
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

/// The `lang`, `dir` and class attributes of a text in `language`, the
/// `index`-th language of the page.
fn text_attributes(language: &Language, index: usize) -> String {
    let dir = if rtl(language) { " dir=\"rtl\"" } else { "" };
    format!(
        " lang=\"{}\"{dir} class=\"text l{index}\"",
        escape_html(language.as_str())
    )
}

const STYLE: &str = "\
:root{--gap:1.5rem;font-family:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;line-height:1.6;color:#1a1a1a;background:#fff}
body{margin:0 auto;max-width:80rem;padding:1rem 1.5rem 3rem}
a{color:#0b57a4}
.show{font-weight:600;margin-right:.5rem}
body>label{margin:0 1rem 0 .25rem}
main{border-top:1px solid #ccc;margin-top:.75rem}
.unit{position:relative;display:grid;grid-auto-flow:column;grid-auto-columns:minmax(0,1fr);column-gap:var(--gap)}
.unit>.text{margin:.4rem 0}
.anchor{position:absolute;left:-1.2rem;top:.4rem;text-decoration:none;color:#767676;font-size:.85em}
.anchor:hover,.anchor:focus{color:#0b57a4}
h1.unit,h2.unit{margin:1.2rem 0 .4rem}
.community{border-left:3px solid #b36b00;padding-left:.5rem}
.meta{color:#444}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{word-break:break-all;font-size:.85em}
@media (max-width:48rem){.unit{grid-auto-flow:row}.anchor{position:static}}
@media print{.show,body>input,body>label,.anchor{display:none}main{border:0}body{max-width:none;padding:0}a{color:inherit}section{break-inside:avoid-page}}
";

fn page(document: &Document, context: &Context<'_>, files: &[FileMeta]) -> String {
    let languages: Vec<&Language> = document.all_languages().collect();
    let iri = format!("{}{}", context.base_iri, document.id);
    let title_text = languages
        .iter()
        .filter_map(|l| document.title.get(l))
        .collect::<Vec<_>>()
        .join(" · ");
    // The same graph as the JSON-LD export: the reading page builds on
    // that format (an earlier role), not on the bytes of its file.
    let json = jsonld::graph_text(document, &iri);
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"canonical\" href=\"{}\">\n<style>\n{STYLE}",
        escape_html(&title_text),
        escape_html(&format!("{}html/{}.html", context.base_iri, document.id)),
    );
    // The switcher: showing one language hides the others' texts. The
    // radio buttons sit right in <body>, before <main>, so plain sibling
    // selectors reach the texts: no script, and no `:has()`.
    for (i, _) in languages.iter().enumerate() {
        let _ = writeln!(
            html,
            "#show-{i}:checked~main .text:not(.l{i}){{display:none}}"
        );
    }
    let _ = write!(
        html,
        "</style>\n<script type=\"application/ld+json\">\n{}\n</script>\n</head>\n<body>\n",
        script_json(&json)
    );

    html.push_str("<span class=\"show\" id=\"show\">Show</span>\n");
    html.push_str("<input type=\"radio\" name=\"show\" id=\"show-all\" aria-describedby=\"show\" checked><label for=\"show-all\">all languages side by side</label>\n");
    for (i, language) in languages.iter().enumerate() {
        let _ = writeln!(
            html,
            "<input type=\"radio\" name=\"show\" id=\"show-{i}\" aria-describedby=\"show\"><label for=\"show-{i}\" lang=\"{}\">{}</label>",
            escape_html(language.as_str()),
            escape_html(autonym(language))
        );
    }
    html.push_str("<main>\n<article>\n");

    let block = |html: &mut String,
                 element: &str,
                 text: &LocalizedText,
                 prefix: &dyn Fn(&Language) -> String| {
        for (i, language) in languages.iter().enumerate() {
            if let Some(value) = text.get(language) {
                let community = if document.community(language).is_some() {
                    " community"
                } else {
                    ""
                };
                let attributes = text_attributes(language, i)
                    .replace("class=\"text", &format!("class=\"text{community}"));
                let _ = write!(
                    html,
                    "<{element}{attributes}>{}{}</{element}>",
                    prefix(language),
                    escape_html(value)
                );
            }
        }
    };
    let none = |_: &Language| String::new();
    let anchor =
        |id: &str| format!("<a class=\"anchor\" href=\"#{id}\" aria-label=\"Link to {id}\">#</a>");
    let paragraph = |html: &mut String, p: &Paragraph| {
        let id = escape_html(p.id.as_str());
        let _ = write!(html, "<div class=\"unit\" id=\"{id}\">{}", anchor(&id));
        block(html, "p", &p.text, &none);
        html.push_str("</div>\n");
    };

    html.push_str("<h1 class=\"unit\" id=\"title\">");
    block(&mut html, "span", &document.title, &none);
    html.push_str("</h1>\n");
    let issuer = document
        .reference(&document.issuer)
        .and_then(|r| r.name.iter().next().map(|(_, n)| n.to_owned()))
        // dangling-reference guarantees the issuer is a reference.
        .unwrap_or_default();
    let _ = writeln!(
        html,
        "<p class=\"meta\">Adopted <time datetime=\"{0}\">{0}</time> in {1} ({2}) by {3}.</p>",
        escape_html(document.adopted.as_str()),
        escape_html(
            document
                .place
                .name
                .iter()
                .map(|(_, n)| n)
                .collect::<Vec<_>>()
                .join(" / ")
                .as_str()
        ),
        escape_html(&document.place.country),
        escape_html(&issuer)
    );
    if !document.preamble.is_empty() {
        html.push_str("<section id=\"preamble\" aria-label=\"Preamble\">\n");
        for p in &document.preamble {
            paragraph(&mut html, p);
        }
        html.push_str("</section>\n");
    }
    for section in &document.sections {
        let id = escape_html(section.id.as_str());
        let _ = write!(
            html,
            "<section id=\"{id}\" aria-labelledby=\"{id}__heading\">\n<h2 class=\"unit\" id=\"{id}__heading\">"
        );
        let number = |language: &Language| {
            format!(
                "{}{}",
                escape_html(&section_label(language, section.number)),
                escape_html(section_separator(language))
            )
        };
        block(&mut html, "span", &section.heading, &number);
        html.push_str("</h2>\n");
        for p in &section.paragraphs {
            paragraph(&mut html, p);
        }
        html.push_str("</section>\n");
    }
    html.push_str("</article>\n");

    references(&mut html, document);
    translations(&mut html, document);
    downloads(&mut html, document, files);
    if !document.editorial_notes.is_empty() {
        html.push_str("<section id=\"editorial-notes\">\n<h2>Editorial notes</h2>\n<p>The text was captured from the web; these spaces, lost around italics, were restored:</p>\n<ul>\n");
        for note in &document.editorial_notes {
            let _ = writeln!(
                html,
                "<li><a href=\"#{0}\">{0}</a> (<span lang=\"en\">{1}</span>): «<span lang=\"{1}\">{2}</span>» → «<span lang=\"{1}\">{3}</span>»</li>",
                escape_html(note.unit.as_str()),
                escape_html(note.language.as_str()),
                escape_html(&note.captured),
                escape_html(&note.corrected)
            );
        }
        html.push_str("</ul>\n</section>\n");
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

fn references(html: &mut String, document: &Document) {
    if document.references.is_empty() {
        return;
    }
    html.push_str("<section id=\"references\">\n<h2>References</h2>\n<ul>\n");
    for reference in &document.references {
        let _ = write!(
            html,
            "<li id=\"ref-{}\">",
            escape_html(reference.id.as_str())
        );
        let names: Vec<String> = reference
            .name
            .iter()
            .map(|(l, n)| {
                format!(
                    "<span lang=\"{}\">{}</span>",
                    escape_html(l.as_str()),
                    escape_html(n)
                )
            })
            .collect();
        let _ = write!(html, "{} ({})", names.join(" · "), reference.kind.as_str());
        if !reference.cited_by.is_empty() {
            let links: Vec<String> = reference
                .cited_by
                .iter()
                .map(|u| format!("<a href=\"#{0}\">{0}</a>", escape_html(u.as_str())))
                .collect();
            let _ = write!(html, ": named in {}", links.join(", "));
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n</section>\n");
}

fn translations(html: &mut String, document: &Document) {
    html.push_str("<section id=\"translations\">\n<h2>Languages</h2>\n<table>\n<thead><tr><th scope=\"col\">Language</th><th scope=\"col\">Status</th><th scope=\"col\">Translated from</th><th scope=\"col\">Translators</th></tr></thead>\n<tbody>\n");
    for language in &document.languages {
        let _ = writeln!(
            html,
            "<tr><td lang=\"{0}\">{1}</td><td>official</td><td></td><td></td></tr>",
            escape_html(language.as_str()),
            escape_html(autonym(language))
        );
    }
    for community in &document.community_languages {
        let names: Vec<String> = community
            .translators
            .iter()
            .map(|t| escape_html(&t.name))
            .collect();
        let _ = writeln!(
            html,
            "<tr><td lang=\"{0}\">{1}</td><td>community translation, {2}</td><td>{3}</td><td>{4}</td></tr>",
            escape_html(community.language.as_str()),
            escape_html(autonym(&community.language)),
            community.status.as_str(),
            escape_html(community.pivot.as_str()),
            names.join(", ")
        );
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
}

/// The document's own files, with their sizes and hashes, then the files
/// of every document. A shared file changes whenever any document does, so
/// its size and hash are left to `SHA256SUMS` and `datapackage.json`, and
/// this page changes only with its own document.
fn downloads(html: &mut String, document: &Document, files: &[FileMeta]) {
    html.push_str("<section id=\"downloads\">\n<h2>Downloads</h2>\n<table>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Format</th><th scope=\"col\">Bytes</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n");
    let own = Scope::Document(document.id.to_string());
    for file in files.iter().filter(|f| f.info.scope == own) {
        let _ = writeln!(
            html,
            "<tr><td><a href=\"../{0}\">{0}</a></td><td>{1}<br><small>{2}</small></td><td>{3}</td><td><code>{4}</code></td></tr>",
            escape_html(file.path.as_str()),
            escape_html(file.info.media_type),
            escape_html(&file.info.description),
            file.size,
            file.sha256
        );
    }
    html.push_str("</tbody>\n</table>\n<p>Check a download with <code>sha256sum -c SHA256SUMS</code>.</p>\n<h3>Tables of every document</h3>\n<p>These files hold every document, so their sizes and checksums are listed in <a href=\"../SHA256SUMS\">SHA256SUMS</a> and <a href=\"../datapackage.json\">datapackage.json</a>.</p>\n<table>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Format</th></tr></thead>\n<tbody>\n");
    for file in files.iter().filter(|f| f.info.scope == Scope::Corpus) {
        let _ = writeln!(
            html,
            "<tr><td><a href=\"../{0}\">{0}</a></td><td>{1}<br><small>{2}</small></td></tr>",
            escape_html(file.path.as_str()),
            escape_html(file.info.media_type),
            escape_html(&file.info.description),
        );
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
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
        assert_eq!(escape_html("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
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
}
