//! Rule `script-mismatch`: the letters of a translation are mostly in the
//! script its language is written in (Arabic for `ar`, Cyrillic for `ru`,
//! Han for `zh-*`, Latin for `fr` or `es`), so a text pasted in the wrong
//! language is caught. Names and acronyms in another script are fine as
//! long as they are a minority.

use unicode_script::{Script, UnicodeScript};

use super::translation_support::unit_pointer;
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
        '\0'..='\u{7F}' | '×' | '÷' => return None,
        // Latin-1 and Latin Extended-A and B: letters all (accented
        // letters, without a look at the tables).
        'À'..='\u{024F}' => Script::Latin,
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => Script::Cyrillic,
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
    // ASCII letters are counted apart, and added to Latin (listed where
    // the first stood) at the end.
    let mut ascii_letters = 0_u32;
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                if ascii_letters == 0 && !counts.iter().any(|(s, _)| *s == Script::Latin) {
                    counts.push((Script::Latin, 0));
                }
                ascii_letters += 1;
            }
            continue;
        }
        let Some(script) = letter_script(c) else {
            continue;
        };
        total += 1;
        if scripts.contains(&script) {
            expected += 1;
        }
        match counts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    if let Some((_, n)) = counts.iter_mut().find(|(s, _)| *s == Script::Latin) {
        *n += ascii_letters;
    }
    total += ascii_letters;
    if scripts.contains(&Script::Latin) {
        expected += ascii_letters;
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
        for (id, unit, _) in subject.compared() {
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

    /// `share` with every letter looked up in turn.
    fn share_by_letters(text: &str, scripts: &[Script]) -> (f64, Option<Script>) {
        let letters: Vec<Script> = text.chars().filter_map(letter_script).collect();
        let mut counts: Vec<(Script, u32)> = Vec::new();
        for script in &letters {
            match counts.iter_mut().find(|(s, _)| s == script) {
                Some((_, n)) => *n += 1,
                None => counts.push((*script, 1)),
            }
        }
        let top = counts.iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s);
        let expected = letters.iter().filter(|s| scripts.contains(s)).count();
        #[allow(clippy::cast_precision_loss)]
        let fraction = expected as f64 / letters.len().max(1) as f64;
        (if letters.is_empty() { 1.0 } else { fraction }, top)
    }

    #[test]
    fn ascii_letters_counted_apart_give_the_same_share() {
        let pieces = ["a", "Z", "é", "ж", "人", "ب", "1", " ", ".", "ß"];
        for scripts in [
            vec![Script::Latin],
            vec![Script::Han],
            vec![Script::Cyrillic],
        ] {
            for a in pieces {
                for b in pieces {
                    for c in pieces {
                        for d in pieces {
                            let text = format!("{a}{b}{c}{d}");
                            let (want, have) =
                                (share_by_letters(&text, &scripts), share(&text, &scripts));
                            assert_eq!(want, have, "{text:?} {scripts:?}");
                        }
                    }
                }
            }
        }
    }

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
