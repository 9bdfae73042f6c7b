//! The data says what the source page says, word for word: every line of the
//! captured page is rebuilt from `data/` (after undoing the recorded
//! corrections), and every text in `data/` comes from the page. See: #2

use initiative::model::{Document, section_label, section_separator};

use crate::harness::repo;

const SOURCE: &str = "tests/fixtures/source/hangzhou-initiative-2026-05-12.txt";
const DOCUMENT: &str = "data/hangzhou-initiative/document.json";

/// Lines of the page that are site navigation, not publication content.
const PAGE_CHROME: &[&str] = &["标签", "更多精彩"];

fn document() -> Document {
    let text = std::fs::read_to_string(repo().join(DOCUMENT)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn source_lines() -> Vec<String> {
    std::fs::read_to_string(repo().join(SOURCE))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// The page's lines as the data rebuilds them, in page order: the Chinese
/// version first, then the English one.
fn rebuilt_lines(doc: &Document) -> Vec<String> {
    let captured = |unit: &str, language: &initiative::model::Language, text: &str| -> String {
        doc.editorial_notes
            .iter()
            .filter(|n| n.unit.as_str() == unit && &n.language == language)
            .fold(text.to_owned(), |t, n| t.replace(&n.corrected, &n.captured))
    };
    let mut lines = Vec::new();
    for (li, language) in doc.languages.iter().enumerate() {
        let get = |text: &initiative::model::LocalizedText| {
            text.get(language).unwrap_or_default().to_owned()
        };
        if li == 0 {
            lines.push(get(&doc.publication.headline));
        }
        lines.push(get(&doc.title));
        if language.primary() == "zh" {
            let (y, m, d) = doc.adopted.parts().unwrap_or_default();
            lines.push(format!("({y}年{m}月{d}日)"));
        }
        for p in &doc.preamble {
            lines.push(captured(p.id.as_str(), language, &get(&p.text)));
        }
        for s in &doc.sections {
            lines.push(format!(
                "{}{}{}",
                section_label(language, s.number),
                section_separator(language),
                get(&s.heading)
            ));
            for p in &s.paragraphs {
                lines.push(captured(p.id.as_str(), language, &get(&p.text)));
            }
        }
    }
    lines
}

#[test]
fn every_line_of_the_page_is_in_the_data() {
    let doc = document();
    let rebuilt = rebuilt_lines(&doc);
    let mut unmatched: Vec<String> = Vec::new();
    for line in source_lines() {
        if PAGE_CHROME.contains(&line.as_str()) || rebuilt.contains(&line) {
            continue;
        }
        unmatched.push(line);
    }
    // The two remaining lines are metadata, checked field by field.
    let published = doc.publication.published_at.as_str();
    let channel = doc
        .publication
        .channel
        .iter()
        .next()
        .map(|(_, t)| t)
        .unwrap_or_default();
    let publication_line = format!(
        "发布时间:{} {}来源:{channel}",
        published.get(..10).unwrap_or_default(),
        published.get(11..16).unwrap_or_default()
    );
    let related = doc
        .related
        .iter()
        .flat_map(|r| r.title.iter().map(|(_, t)| format!("»《{t}》发布")))
        .collect::<Vec<_>>();
    unmatched.retain(|line| !line.starts_with(&publication_line) && !related.contains(line));
    assert_eq!(
        unmatched,
        Vec::<String>::new(),
        "page lines not found in the data"
    );
}

#[test]
fn every_text_in_the_data_is_on_the_page() {
    let doc = document();
    let page = source_lines();
    for line in rebuilt_lines(&doc) {
        assert!(page.contains(&line), "not on the page: {line}");
    }
    let text = page.join("\n");
    for r in &doc.references {
        for (language, name) in r.name.iter() {
            assert!(text.contains(name), "{} ({language}) not on the page", r.id);
        }
    }
    for (_, name) in doc.place.name.iter() {
        assert!(text.contains(name));
    }
}

#[test]
fn the_corrections_are_the_three_lost_italic_spaces() {
    let doc = document();
    let fixes: Vec<(&str, &str)> = doc
        .editorial_notes
        .iter()
        .map(|n| (n.captured.as_str(), n.corrected.as_str()))
        .collect();
    assert_eq!(
        fixes,
        [
            (
                "theGlobal Digital Compactadopted",
                "the Global Digital Compact adopted"
            ),
            (
                "the2030 Sustainable Development Goal",
                "the 2030 Sustainable Development Goal"
            ),
            ("focusing ontransformation", "focusing on transformation"),
        ]
    );
    for (captured, corrected) in fixes {
        assert_eq!(
            captured.replace(' ', ""),
            corrected.replace(' ', ""),
            "a correction only adds spaces"
        );
    }
}

#[test]
fn the_committed_copy_of_the_page_is_verbatim() {
    let shared = repo().join("../shared/source/hangzhou-initiative-2026-05-12.txt");
    if let Ok(original) = std::fs::read(&shared) {
        assert_eq!(
            std::fs::read(repo().join(SOURCE)).unwrap_or_default(),
            original
        );
    }
}

#[test]
fn the_data_file_is_in_canonical_form() {
    let text = std::fs::read_to_string(repo().join(DOCUMENT)).unwrap_or_default();
    let mut canonical = serde_json::to_string_pretty(&document()).unwrap_or_default();
    canonical.push('\n');
    assert_eq!(text, canonical);
}
