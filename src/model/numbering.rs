//! Derives section labels in each language's own numbering.
//!
//! The model stores integers; the label a reader sees (一 or I) and the
//! separator after it (、 or ". ") are properties of the language, so no one
//! types them and they cannot disagree between exports.

use super::Language;

/// The label of section `number` in `language`: Chinese numerals for Chinese
/// (一, 二, … 十一), Roman numerals otherwise (I, II, … XI).
pub fn section_label(language: &Language, number: u32) -> String {
    match language.primary() {
        "zh" | "ja" => chinese(number),
        _ => roman(number),
    }
}

/// What follows the label before the heading: `、` in Chinese, `. ` otherwise.
pub fn section_separator(language: &Language) -> &'static str {
    match language.primary() {
        "zh" | "ja" => "、",
        _ => ". ",
    }
}

fn chinese(number: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    // Every call below passes one decimal digit, which `DIGITS` holds.
    let digit = |d: u32| DIGITS.get(d as usize).copied().unwrap_or_default();
    match number {
        0..=9 => digit(number).to_owned(),
        10..=19 => format!("十{}", if number == 10 { "" } else { digit(number % 10) }),
        20..=99 => format!(
            "{}十{}",
            digit(number / 10),
            if number.is_multiple_of(10) {
                ""
            } else {
                digit(number % 10)
            }
        ),
        _ => format!(
            "{}百{}",
            chinese(number / 100),
            match number % 100 {
                0 => String::new(),
                rest @ 1..=9 => format!("零{}", digit(rest)),
                rest @ 10..=19 => format!("一{}", chinese(rest)),
                rest => chinese(rest),
            }
        ),
    }
}

fn roman(mut number: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, symbol) in TABLE {
        while number >= value {
            out.push_str(symbol);
            number -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_labels() {
        let zh = Language::new("zh-Hans");
        let labels: Vec<String> = [1, 2, 3, 4, 5, 10, 11, 20, 21, 99, 100, 101, 110, 999]
            .into_iter()
            .map(|n| section_label(&zh, n))
            .collect();
        assert_eq!(
            labels,
            [
                "一",
                "二",
                "三",
                "四",
                "五",
                "十",
                "十一",
                "二十",
                "二十一",
                "九十九",
                "一百",
                "一百零一",
                "一百一十",
                "九百九十九"
            ]
        );
    }

    #[test]
    fn roman_labels() {
        let en = Language::new("en");
        let labels: Vec<String> = [1, 4, 5, 9, 14, 40, 90, 400, 999]
            .into_iter()
            .map(|n| section_label(&en, n))
            .collect();
        assert_eq!(
            labels,
            ["I", "IV", "V", "IX", "XIV", "XL", "XC", "CD", "CMXCIX"]
        );
    }
}
