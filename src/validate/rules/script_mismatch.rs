//! Rule `script-mismatch`: the letters of a translation are mostly in the
//! script its language is written in (Arabic for `ar`, Cyrillic for `ru`,
//! Han for `zh-*`, Latin for `fr` or `es`), so a text pasted in the wrong
//! language is caught. Names and acronyms in another script are fine as
//! long as they are a minority.

use unicode_script::{Script, UnicodeScript};

use super::translation_support::{compared, unit_pointer};
use super::{TranslationRule, TranslationSubject};
use crate::model::Language;
use crate::validate::Finding;

/// Compares the script of each translation with its language's.
pub(super) struct ScriptMismatch;

/// The scripts `language` is written in, from its script subtag or else
/// its primary language; empty when unknown (the check is skipped).
pub(super) fn expected_scripts(language: &Language) -> Vec<Script> {
    let subtag = language
        .as_str()
        .split('-')
        .skip(1)
        .find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()));
    if let Some(subtag) = subtag {
        return match subtag {
            "Hans" | "Hant" => vec![Script::Han],
            "Cyrl" => vec![Script::Cyrillic],
            "Latn" => vec![Script::Latin],
            "Arab" => vec![Script::Arabic],
            _ => Vec::new(),
        };
    }
    match language.primary() {
        "ar" | "fa" | "ur" | "ps" | "ckb" => vec![Script::Arabic],
        "ru" | "uk" | "be" | "bg" | "mk" | "kk" | "ky" | "mn" | "tg" | "sr" => {
            vec![Script::Cyrillic]
        }
        "zh" | "yue" => vec![Script::Han],
        "ja" => vec![Script::Han, Script::Hiragana, Script::Katakana],
        "ko" => vec![Script::Hangul, Script::Han],
        "el" => vec![Script::Greek],
        "he" | "yi" => vec![Script::Hebrew],
        "hi" | "mr" | "ne" => vec![Script::Devanagari],
        "bn" => vec![Script::Bengali],
        "ta" => vec![Script::Tamil],
        "th" => vec![Script::Thai],
        "am" | "ti" => vec![Script::Ethiopic],
        "ka" => vec![Script::Georgian],
        "hy" => vec![Script::Armenian],
        "en" | "fr" | "es" | "pt" | "de" | "it" | "nl" | "sw" | "id" | "ms" | "tr" | "vi"
        | "pl" | "ro" | "cs" | "sk" | "hu" | "sv" | "da" | "no" | "nb" | "fi" | "et" | "lv"
        | "lt" | "hr" | "sl" | "sq" | "ha" | "yo" | "ig" | "zu" | "xh" | "so" | "tl" | "uz"
        | "az" | "ca" | "eu" | "gl" | "ga" | "cy" | "mt" | "is" | "af" => vec![Script::Latin],
        _ => Vec::new(),
    }
}

/// (share of letters in `scripts`, the most common script) of `text`.
/// The script of a letter, or `None` for anything else: the common blocks
/// answered directly, the rest looked up.
fn letter_script(c: char) -> Option<Script> {
    let script = match c {
        'a'..='z' | 'A'..='Z' => Script::Latin,
        '\0'..='\u{7F}' => return None,
        '\u{0410}'..='\u{044F}' => Script::Cyrillic,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => Script::Arabic,
        '\u{4E00}'..='\u{9FFF}' => Script::Han,
        _ if c.is_alphabetic() => c.script(),
        _ => return None,
    };
    (!matches!(script, Script::Common | Script::Inherited | Script::Unknown)).then_some(script)
}

fn share(text: &str, scripts: &[Script]) -> (f64, Option<Script>) {
    let mut total = 0_u32;
    let mut expected = 0_u32;
    let mut counts: Vec<(Script, u32)> = Vec::new();
    for script in text.chars().filter_map(letter_script) {
        total += 1;
        if scripts.contains(&script) {
            expected += 1;
        }
        match counts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    let top = counts.iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s);
    if total == 0 {
        return (1.0, top);
    }
    (f64::from(expected) / f64::from(total), top)
}

impl TranslationRule for ScriptMismatch {
    fn code(&self) -> &'static str {
        "script-mismatch"
    }

    fn summary(&self) -> &'static str {
        "a translation is written mostly in its language's script"
    }

    fn check(&self, subject: &TranslationSubject<'_>, out: &mut Vec<Finding>) {
        let translation = subject.translation;
        let scripts = expected_scripts(&translation.language);
        let Some(first) = scripts.first() else {
            return;
        };
        let pivots = &subject.pivots;
        for (id, unit, _) in compared(translation, pivots) {
            let (fraction, top) = share(&unit.translation, &scripts);
            if fraction >= 0.5 {
                continue;
            }
            let found = top.map_or("none".to_owned(), |s| s.full_name().to_owned());
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let percent = (fraction * 100.0).round() as u32;
            out.push(
                Finding::error(
                    self.code(),
                    unit_pointer(id, "translation"),
                    format!(
                        "only {percent}% of the letters are {} script, which `{}` is written in; most are {found}",
                        first.full_name(),
                        translation.language
                    ),
                )
                .hint("was the text pasted in another language? Paste the translation into this language"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shortcuts_agree_with_the_unicode_tables() {
        for c in ('\0'..='\u{FFFF}').filter(|c| !(0xD800..=0xDFFF).contains(&u32::from(*c))) {
            let full = Some(c.script())
                .filter(|_| c.is_alphabetic())
                .filter(|s| !matches!(s, Script::Common | Script::Inherited | Script::Unknown));
            assert_eq!(letter_script(c), full, "{:04X}", u32::from(c));
        }
    }

    #[test]
    fn knows_the_script_of_common_languages() {
        assert_eq!(expected_scripts(&Language::new("ar")), [Script::Arabic]);
        assert_eq!(expected_scripts(&Language::new("sr-Latn")), [Script::Latin]);
        assert_eq!(expected_scripts(&Language::new("zh-Hant")), [Script::Han]);
        assert!(expected_scripts(&Language::new("tlh")).is_empty());
    }

    #[test]
    fn measures_the_share_of_letters() {
        let (fraction, top) = share("Привет всем, UNESCO", &[Script::Cyrillic]);
        assert!((fraction - 0.625).abs() < 1e-9, "{fraction}");
        assert_eq!(top, Some(Script::Cyrillic));
        assert!((share("2030!", &[Script::Arabic]).0 - 1.0).abs() < f64::EPSILON);
    }
}
