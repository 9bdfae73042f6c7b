//! Turns JSON Schema errors into findings a translator can act on: a stable
//! code per keyword (`schema-required`, `schema-type`, …), the offending key
//! pointed at, and a hint in plain words.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use super::Finding;
use crate::model::{LANGUAGE_FORMAT, Language};
use crate::source::Target;

/// Every schema error for `value`, as findings.
pub(super) fn findings(schema: &jsonschema::Validator, value: &Value) -> Vec<Finding> {
    let mut out = Vec::new();
    for error in schema.iter_errors(value) {
        let pointer = error.instance_path().as_str().to_owned();
        let instance = error.instance().as_ref();
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                for key in unexpected {
                    out.push(
                        Finding::error(
                            "schema-additional-properties",
                            format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1")),
                            format!("unknown field `{key}`"),
                        )
                        .at(Target::Key)
                        .hint("remove it or fix its spelling; the schema lists the fields allowed here"),
                    );
                }
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                out.push(
                    Finding::error("schema-required", pointer, format!("missing field `{name}`"))
                        .hint(format!("add \"{name}\": … to this object (see the schema's description of `{name}`)")),
                );
            }
            ValidationErrorKind::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => t.to_string(),
                    TypeKind::Multiple(set) => format!("{set:?}"),
                };
                out.push(
                    Finding::error(
                        "schema-type",
                        pointer,
                        format!(
                            "expected {} here, found {}",
                            article(&expected),
                            describe(instance)
                        ),
                    )
                    .hint(type_hint(&expected)),
                );
            }
            ValidationErrorKind::Format { format } => {
                let text = instance.as_str().unwrap_or_default();
                let (message, hint) = format_message(format, text);
                out.push(Finding::error("schema-format", pointer, message).hint(hint));
            }
            ValidationErrorKind::Pattern { pattern } => {
                let text = instance.as_str().unwrap_or_default();
                out.push(
                    Finding::error(
                        "schema-pattern",
                        pointer,
                        format!(
                            "`{}` is not a valid {}",
                            visible(text),
                            pattern_name(pattern)
                        ),
                    )
                    .hint(pattern_hint(pattern, text)),
                );
            }
            ValidationErrorKind::Enum { options } => {
                let allowed: Vec<String> = options
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(|s| format!("`{s}`"))
                            .collect()
                    })
                    .unwrap_or_default();
                out.push(
                    Finding::error(
                        "schema-enum",
                        pointer,
                        format!("{} is not one of the allowed values", describe(instance)),
                    )
                    .hint(format!("use one of {}", allowed.join(", "))),
                );
            }
            ValidationErrorKind::PropertyNames { error } => {
                // The key itself is wrong (a language tag, mostly): point at it.
                let key = error.instance().as_str().unwrap_or_default().to_owned();
                let key_pointer =
                    format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                let (message, hint) = match error.kind() {
                    ValidationErrorKind::Pattern { pattern } => (
                        format!(
                            "`{}` is not a valid {}",
                            visible(&key),
                            pattern_name(pattern)
                        ),
                        pattern_hint(pattern, &key),
                    ),
                    _ => format_message(LANGUAGE_FORMAT, &key),
                };
                out.push(
                    Finding::error("schema-property-names", key_pointer, message)
                        .at(Target::Key)
                        .hint(hint),
                );
            }
            ValidationErrorKind::MinLength { .. } if error.instance().as_str() == Some("") => {
                let hint = if pointer.starts_with("/translators/") {
                    "write the name you want to be credited with"
                } else {
                    "fill it in; the schema's description of this field says what goes here"
                };
                out.push(
                    Finding::error("schema-min-length", pointer, "this field is empty").hint(hint),
                );
            }
            _ => {
                out.push(
                    Finding::error(
                        keyword_code(error.kind().keyword()),
                        pointer,
                        error.to_string(),
                    )
                    .hint("see the schema's description of this field for what it accepts"),
                );
            }
        }
    }
    // A tag that fails the pattern fails the registry too: say it once.
    let patterned: Vec<String> = out
        .iter()
        .filter(|f| f.code == "schema-pattern")
        .map(|f| f.pointer.clone())
        .collect();
    out.retain(|f| f.code != "schema-format" || !patterned.contains(&f.pointer));
    out
}

/// The stable code of a schema keyword without a message of its own.
fn keyword_code(keyword: &str) -> &'static str {
    match keyword {
        "minItems" => "schema-min-items",
        "maxItems" => "schema-max-items",
        "minLength" => "schema-min-length",
        "maxLength" => "schema-max-length",
        "minimum" => "schema-minimum",
        "maximum" => "schema-maximum",
        "minProperties" => "schema-min-properties",
        "uniqueItems" => "schema-unique-items",
        "const" => "schema-const",
        "oneOf" => "schema-one-of",
        "anyOf" => "schema-any-of",
        _ => "schema",
    }
}

fn article(type_name: &str) -> String {
    match type_name {
        "object" | "array" | "integer" => format!("an {type_name}"),
        "null" => "null".into(),
        _ => format!("a {type_name}"),
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let more = if s.chars().count() > 40 { "…" } else { "" };
            format!("the text \"{short}{more}\"")
        }
        Value::Array(_) => "a list [ … ]".into(),
        Value::Object(_) => "an object { … }".into(),
    }
}

fn type_hint(expected: &str) -> String {
    match expected {
        "integer" => "write a whole number without quotes, e.g. 3".into(),
        "string" => "put the text in double quotes".into(),
        "object" => "this needs { \"key\": value, … }".into(),
        "array" => "this needs a list: [ … ]".into(),
        other => format!("change it to {}", article(other)),
    }
}

fn format_message(format: &str, text: &str) -> (String, String) {
    match format {
        "date" => (
            format!("`{}` is not a valid date", visible(text)),
            "write a calendar date as YYYY-MM-DD, e.g. 2026-05-12".into(),
        ),
        "date-time" => (
            format!("`{}` is not a valid date and time", visible(text)),
            "write YYYY-MM-DDThh:mm:ss with the UTC offset, e.g. 2026-05-12T22:39:00+08:00".into(),
        ),
        f if f == LANGUAGE_FORMAT => {
            let hint = match Language::suggestion(text) {
                Some(s) => format!(
                    "did you mean `{s}`? Language tags are BCP 47: `en`, `zh-Hans`, `fr-CA`"
                ),
                _ => "use a registered BCP 47 tag such as `en`, `zh-Hans`, `fr`, `ar`".into(),
            };
            (
                format!(
                    "`{}` is not a registered BCP 47 language tag",
                    visible(text)
                ),
                hint,
            )
        }
        other => (
            format!("`{}` is not a valid {other}", visible(text)),
            format!("see the `{other}` format"),
        ),
    }
}

/// `text` as it can be shown in a message: control and invisible format
/// characters written as `\u{…}` escapes, so a hostile value cannot
/// corrupt a terminal or hide what is wrong with it.
pub(super) fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}') {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn pattern_name(pattern: &str) -> &'static str {
    if pattern.contains("preamble__para") {
        "unit id"
    } else if pattern == crate::model::LANGUAGE_PATTERN {
        "language tag"
    } else if pattern.contains("[A-Z]{2}$") && pattern.len() < 12 {
        "country code"
    } else if pattern.contains("[a-z0-9]+(-[a-z0-9]+)*") {
        "id"
    } else {
        "value"
    }
}

fn pattern_hint(pattern: &str, text: &str) -> String {
    match pattern_name(pattern) {
        "unit id" => "unit ids look like preamble__para_1, sec_2 or sec_2__para_1".into(),
        "language tag" => match Language::suggestion(text) {
            Some(s) => format!("did you mean `{s}`? Tags are in BCP 47 case: language lower, script title, region upper"),
            None => "write a language, then a script, region or variant if needed, e.g. `en`, `zh-Hans`, `pt-BR`; extensions (-u-…) and private use (-x-…) are not taken".into(),
        },
        "country code" => "use an ISO 3166-1 alpha-2 code in capitals, e.g. CN".into(),
        "id" => "ids are lowercase letters and digits joined by single hyphens, e.g. hangzhou-initiative".into(),
        _ => format!("the value must match {pattern}"),
    }
}
