//! Rule `cited-name` (warning): where the original of a unit names a
//! reference it cites, the translation names it too. The model knows which
//! units cite which reference (`cited_by`); a translation may name it in
//! the original's form, in the reference's own name in the translation's
//! language when the document gives one, or in the rendering the
//! translator recorded under `names`. Case, the kind of apostrophe and
//! runs of spaces do not count.

use super::translation_support::{sentences, unit_pointer};
use super::{TranslationRule, TranslationSubject};
use crate::model::Reference;
use crate::source::Target;
use crate::validate::Finding;

/// Finds cited names the translation has lost.
pub(super) struct CitedName;

impl TranslationRule for CitedName {
    fn code(&self) -> &'static str {
        "cited-name"
    }

    fn summary(&self) -> &'static str {
        "warning: a name the original cites is named in the translation too"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        for reference in &subject.document.references {
            let Some(name) = reference.name.get(&subject.translation.pivot) else {
                continue;
            };
            let cited = Cited::of(subject, reference, name);
            let wanted = folded(name);
            for id in &reference.cited_by {
                let id = id.as_str();
                let (Some(pivot), Some(unit)) =
                    (subject.pivots.get(id), subject.translation.units.get(id))
                else {
                    continue;
                };
                if unit.translation.trim().is_empty() || !folded(pivot).contains(&wanted) {
                    continue;
                }
                let translated = folded(&unit.translation);
                if cited.folded.iter().any(|f| translated.contains(f.as_str())) {
                    continue;
                }
                out.push(self.finding(id, (pivot, &unit.translation), &cited));
            }
        }
    }
}

impl CitedName {
    /// The warning for unit `id`, whose original `pivot` names `reference`,
    /// at the sentence of the translation that stands for the one naming
    /// it when both have as many sentences.
    fn finding(&self, id: &str, (pivot, translated): (&str, &str), cited: &Cited<'_>) -> Finding {
        let (key, forms) = (cited.key, cited.forms.as_slice());
        let name = forms.first().copied().unwrap_or_default();
        let originals = sentences(pivot);
        let place = originals
            .iter()
            .position(|s| folded(s.text).contains(&folded(name)));
        let sentence = place.map_or_else(String::new, |n| format!("sentence {} of ", n + 1));
        let looked: Vec<String> = forms.iter().map(|f| format!("«{f}»")).collect();
        let message = format!(
            "{sentence}the original names «{name}» (`{key}`), but the translation does not: found none of {}",
            looked.join(", ")
        );
        let hint = if cited.rendered {
            format!(
                "name it in the translation, or correct its rendering under \"names\" → \"{key}\" to the words the translation uses"
            )
        } else {
            format!(
                "name it in the translation, and record the words you use under \"names\" → \"{key}\" → \"translation\""
            )
        };
        let finding =
            Finding::warning(self.code(), unit_pointer(id, "translation"), message).hint(hint);
        let targets = sentences(translated);
        match place.and_then(|n| targets.get(n)) {
            Some(s) if targets.len() == originals.len() => finding.at(Target::Char(s.start)),
            _ => finding,
        }
    }
}

/// A reference as the translation may name it.
struct Cited<'a> {
    /// The reference's id.
    key: &'a str,
    /// The original's name first, then its name in the translation's
    /// language, then the translator's rendering, each once.
    forms: Vec<&'a str>,
    /// The forms as they are compared ([`folded`]), computed once.
    folded: Vec<String>,
    /// Whether the file renders the name.
    rendered: bool,
}

impl<'a> Cited<'a> {
    fn of(subject: &'a TranslationSubject<'_>, reference: &'a Reference, name: &'a str) -> Self {
        let translation = subject.translation;
        let own = reference.name.get(&translation.language);
        let rendering = translation
            .names
            .get(reference.id.as_str())
            .map(|n| n.translation.trim())
            .filter(|r| !r.is_empty());
        let mut forms = vec![name];
        for form in own.into_iter().chain(rendering) {
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
        Self {
            key: reference.id.as_str(),
            folded: forms.iter().map(|f| folded(f)).collect(),
            forms,
            rendered: rendering.is_some(),
        }
    }
}

/// `text` as names are compared: lowercase, every apostrophe `'`, every
/// run of white space one space.
fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '’' | '‘' | 'ʼ' | '`' | '´' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Language, TranslationUnit};
    use crate::validate::rules::test_support::document;

    /// The sample's `conference` cited by the preamble, whose English
    /// original names it.
    fn doc() -> crate::model::Document {
        let mut doc = document();
        if let Some(p) = doc.preamble.first_mut() {
            p.text.insert(
                Language::new("en"),
                "We thank the Conference. It met.".into(),
            );
        }
        doc
    }

    fn run(translated: &str, rendering: Option<&str>) -> Vec<Finding> {
        let doc = doc();
        let mut t = crate::translation::template(&doc, &Language::new("es"), &Language::new("en"));
        if let Some(unit) = t.units.get_mut("preamble__para_1") {
            unit.translation = translated.into();
        }
        t.names.clear();
        if let Some(rendering) = rendering {
            t.names.insert(
                "conference".into(),
                TranslationUnit {
                    source: "Conference".into(),
                    translation: rendering.into(),
                },
            );
        }
        let path = std::path::Path::new("sample/translations/es.json");
        let subject = TranslationSubject::new(&t, &doc, path);
        let mut out = Vec::new();
        CitedName.check(&subject, &mut out);
        out
    }

    #[test]
    fn a_name_lost_in_translation_is_reported_with_its_sentence() {
        let found = run("Damos las gracias. Se reunió.", Some("Conferencia"));
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(f.pointer, "/units/preamble__para_1/translation");
        assert_eq!(
            f.message,
            "sentence 1 of the original names «Conference» (`conference`), but the translation does not: found none of «Conference», «Conferencia»"
        );
    }

    #[test]
    fn the_original_form_or_the_rendering_in_any_case_will_do() {
        assert!(run("Damos las gracias a la Conference. Se reunió.", None).is_empty());
        assert!(
            run(
                "Damos las gracias a la conferencia. Se reunió.",
                Some("Conferencia")
            )
            .is_empty()
        );
        assert_eq!(
            run("Damos las gracias a la conferencia. Se reunió.", None).len(),
            1
        );
        assert_eq!(
            run("Damos las gracias a la conferencia.", Some("")).len(),
            1
        );
    }

    #[test]
    fn a_unit_whose_original_does_not_spell_the_name_is_not_judged() {
        let mut doc = doc();
        if let Some(p) = doc.preamble.first_mut() {
            p.text.insert(Language::new("en"), "It met.".into());
        }
        let mut t = crate::translation::template(&doc, &Language::new("es"), &Language::new("en"));
        if let Some(unit) = t.units.get_mut("preamble__para_1") {
            unit.translation = "Se reunió.".into();
        }
        let subject = TranslationSubject::new(&t, &doc, std::path::Path::new("es.json"));
        let mut out = Vec::new();
        CitedName.check(&subject, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn folding_ignores_case_apostrophes_and_spacing() {
        assert_eq!(folded(" L’Alliance  Ouverte "), "l'alliance ouverte");
    }
}
