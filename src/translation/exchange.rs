//! What the exchange formats (XLIFF, PO, TMX) share about the names a
//! translation renders: each travels as one more unit after the text
//! units, in the document's order of references, under the exchange id
//! `name.<reference-id>` (a unit id never holds a `.`, so the two never
//! meet), with a note telling the translator what it is.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Document, Language, Reference, Translation, TranslationUnit};

/// What starts the exchange id of a name.
pub const NAME_PREFIX: &str = "name.";

/// The exchange id of the name of reference `reference`.
pub fn name_id(reference: &str) -> String {
    format!("{NAME_PREFIX}{reference}")
}

/// The reference id an exchange id names, if it is a name's.
pub fn reference_of(id: &str) -> Option<&str> {
    id.strip_prefix(NAME_PREFIX)
}

/// A name as the exchange formats carry it.
pub struct Name<'a> {
    /// Its exchange id, `name.<reference-id>`.
    pub id: String,
    /// The reference named.
    pub reference: &'a Reference,
    /// The name in the pivot language.
    pub source: &'a str,
}

/// The names a translation of `document` from `pivot` renders, in the
/// document's order of references (those the template writes).
pub fn names<'a>(document: &'a Document, pivot: &'a Language) -> impl Iterator<Item = Name<'a>> {
    document
        .references
        .iter()
        .filter(|r| !r.cited_by.is_empty())
        .filter_map(move |reference| {
            let source = reference.name.get(pivot)?;
            let id = name_id(reference.id.as_str());
            Some(Name {
                id,
                reference,
                source,
            })
        })
}

/// What a translator is told about the name of `reference`.
pub fn note(reference: &Reference) -> String {
    format!(
        "The name of a reference the text cites ({}): render it as the translation names it.",
        reference.kind.as_str()
    )
}

/// Every id an exchange file may give, each with its text in `pivot`
/// (`None` where the pivot lacks it): the text units, then the name of
/// each reference.
pub fn sources<'a>(document: &'a Document, pivot: &Language) -> HashMap<String, Option<&'a str>> {
    let units = document
        .text_units()
        .into_iter()
        .map(|(id, text)| (id.as_str().to_owned(), text.get(pivot)));
    let names = document
        .references
        .iter()
        .map(|r| (name_id(r.id.as_str()), r.name.get(pivot)));
    units.chain(names).collect()
}

/// What `translation` holds for exchange id `id`: a unit or a name.
pub fn own<'t>(translation: &'t Translation, id: &str) -> Option<&'t TranslationUnit> {
    match reference_of(id) {
        Some(reference) => translation.names.get(reference),
        None => translation.units.get(id),
    }
}

/// Where `translation` keeps exchange id `id`: the map (`units` or
/// `names`) and the key in it.
pub fn place<'t, 'i>(
    translation: &'t mut Translation,
    id: &'i str,
) -> (&'t mut BTreeMap<String, TranslationUnit>, &'i str) {
    match reference_of(id) {
        Some(reference) => (&mut translation.names, reference),
        None => (&mut translation.units, id),
    }
}

/// Why an exchange file naming `id` is refused when the document lacks
/// it.
pub fn unknown(id: &str) -> String {
    match reference_of(id) {
        Some(reference) => {
            format!("`{id}` names reference `{reference}`, which the document does not have")
        }
        None => format!("unit `{id}` does not exist in the document"),
    }
}

/// How many units and names an import changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Text units.
    pub units: usize,
    /// Names.
    pub names: usize,
}

impl Changes {
    /// What changed from `before` to `after`.
    pub fn between(before: &Translation, after: &Translation) -> Self {
        let count = |old: &BTreeMap<String, TranslationUnit>,
                     new: &BTreeMap<String, TranslationUnit>| {
            new.iter()
                .filter(|(id, unit)| old.get(*id) != Some(*unit))
                .count()
        };
        Self {
            units: count(&before.units, &after.units),
            names: count(&before.names, &after.names),
        }
    }
}

impl std::fmt::Display for Changes {
    /// `13 units changed`, or `13 units and 7 names changed`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.names {
            0 => write!(f, "{} units changed", self.units),
            names => write!(f, "{} units and {names} names changed", self.units),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_id_is_the_reference_id_after_name_dot() {
        assert_eq!(
            name_id("global-digital-compact"),
            "name.global-digital-compact"
        );
        assert_eq!(reference_of("name.unesco"), Some("unesco"));
        assert_eq!(reference_of("sec_1__para_1"), None);
    }

    #[test]
    fn changes_count_names_only_when_there_are_some() {
        let counted = |units, names| Changes { units, names }.to_string();
        assert_eq!(counted(13, 0), "13 units changed");
        assert_eq!(counted(0, 7), "0 units and 7 names changed");
    }
}
