//! Turns JSON Schema errors into findings a translator can act on: a stable
//! code per keyword (`schema-required`, `schema-type`, …), the offending key
//! pointed at, and a hint in plain words.

use std::collections::HashSet;
use std::io;

use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use super::Finding;
use crate::model::{LANGUAGE_FORMAT, Language};
use crate::source::{Target, pointer};

/// Every schema error for `value`, as findings.
pub(super) fn findings(schema: &jsonschema::Validator, value: &Value) -> Vec<Finding> {
    let mut out = Vec::new();
    for error in schema.iter_errors(value) {
        error_findings(&error, &mut out);
    }
    // A tag that fails the pattern fails the registry too: say it once.
    let patterned: HashSet<String> = out
        .iter()
        .filter(|f| f.code == "schema-pattern")
        .map(|f| f.pointer.clone())
        .collect();
    out.retain(|f| f.code != "schema-format" || !patterned.contains(&f.pointer));
    out
}

/// The findings of one schema error: one per unknown field, else one.
fn error_findings(error: &ValidationError<'_>, out: &mut Vec<Finding>) {
    let at = error.instance_path().as_str().to_owned();
    let instance = error.instance().as_ref();
    let finding = match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            out.extend(unexpected.iter().map(|key| unknown_field(&at, key)));
            return;
        }
        ValidationErrorKind::Required { property } => missing_field(at, property),
        ValidationErrorKind::Type { kind } => wrong_type(at, kind, instance),
        ValidationErrorKind::Format { format } => {
            // `format` applies to strings only: the instance is one.
            let text = instance.as_str().unwrap_or_default();
            let (message, hint) = format_message(format, text);
            Finding::error("schema-format", at, message).hint(hint)
        }
        ValidationErrorKind::Pattern { pattern } => {
            // `pattern` applies to strings only: the instance is one.
            let text = instance.as_str().unwrap_or_default();
            Finding::error("schema-pattern", at, pattern_message(pattern, text))
                .hint(pattern_hint(pattern, text))
        }
        ValidationErrorKind::Enum { options } => not_allowed(at, options, instance),
        ValidationErrorKind::PropertyNames { error } => bad_key(&at, error),
        ValidationErrorKind::MinLength { .. } if instance.as_str() == Some("") => empty_field(at),
        _ => {
            // jsonschema's own message, with the value it is about cut
            // short: a list of a thousand paragraphs is not repeated.
            let message = error.masked_with(json_excerpt(instance)).to_string();
            Finding::error(keyword_code(error.kind().keyword()), at, message)
                .hint("see the schema's description of this field for what it accepts")
        }
    };
    out.push(finding);
}

/// `schema-additional-properties`, at the unknown key `key` of the object
/// at `at`.
fn unknown_field(at: &str, key: &str) -> Finding {
    Finding::error(
        "schema-additional-properties",
        pointer::join(at, key),
        format!("unknown field `{}`", shown(key)),
    )
    .at(Target::Key)
    .hint("remove it or fix its spelling; the schema lists the fields allowed here")
}

/// `schema-required`: the object at `at` lacks `property`.
fn missing_field(at: String, property: &Value) -> Finding {
    // `required` lists property names, which are strings.
    let name = property.as_str().unwrap_or_default();
    Finding::error("schema-required", at, format!("missing field `{name}`")).hint(format!(
        "add \"{name}\": … to this object (see the schema's description of `{name}`)"
    ))
}

/// `schema-type`: `instance` is not of the type `kind` names.
fn wrong_type(at: String, kind: &TypeKind, instance: &Value) -> Finding {
    let expected = match kind {
        TypeKind::Single(t) => t.to_string(),
        TypeKind::Multiple(set) => format!("{set:?}"),
    };
    Finding::error(
        "schema-type",
        at,
        format!(
            "expected {} here, found {}",
            article(&expected),
            describe(instance)
        ),
    )
    .hint(type_hint(&expected))
}

/// `schema-enum`: `instance` is none of `options`.
fn not_allowed(at: String, options: &Value, instance: &Value) -> Finding {
    // `enum` is an array in every schema; a value in it that is not a
    // string is not offered.
    // An `enum` keyword always holds an array; any other value names no
    // allowed value, and the finding still says which is wrong.
    let allowed: Vec<String> = options
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(|s| format!("`{s}`"))
                .collect()
        })
        .unwrap_or_default();
    Finding::error(
        "schema-enum",
        at,
        format!("{} is not one of the allowed values", describe(instance)),
    )
    .hint(format!("use one of {}", allowed.join(", ")))
}

/// `schema-property-names`, at the key itself (a language tag, mostly) of
/// the object at `at`.
fn bad_key(at: &str, error: &ValidationError<'_>) -> Finding {
    // The instance of a `propertyNames` error is the key, a string.
    let key = error.instance().as_str().unwrap_or_default();
    let (message, hint) = match error.kind() {
        ValidationErrorKind::Pattern { pattern } => {
            (pattern_message(pattern, key), pattern_hint(pattern, key))
        }
        _ => format_message(LANGUAGE_FORMAT, key),
    };
    Finding::error("schema-property-names", pointer::join(at, key), message)
        .at(Target::Key)
        .hint(hint)
}

/// `schema-min-length` for an empty string.
fn empty_field(at: String) -> Finding {
    let hint = if at.starts_with("/translators/") {
        "write the name you want to be credited with"
    } else {
        "fill it in; the schema's description of this field says what goes here"
    };
    Finding::error("schema-min-length", at, "this field is empty").hint(hint)
}

fn pattern_message(pattern: &str, text: &str) -> String {
    format!("`{}` is not a valid {}", shown(text), pattern_name(pattern))
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
            format!("`{}` is not a valid date", shown(text)),
            "write a calendar date as YYYY-MM-DD, e.g. 2026-05-12".into(),
        ),
        "date-time" => (
            format!("`{}` is not a valid date and time", shown(text)),
            "write YYYY-MM-DDThh:mm:ss with the UTC offset, e.g. 2026-05-12T22:39:00+08:00".into(),
        ),
        f if f == LANGUAGE_FORMAT => {
            let hint = match Language::suggestion(text) {
                Some(s) => format!(
                    "did you mean `{}`? Language tags are BCP 47: `en`, `zh-Hans`, `fr-CA`",
                    shown(s.as_str())
                ),
                _ => "use a registered BCP 47 tag such as `en`, `zh-Hans`, `fr`, `ar`".into(),
            };
            (
                format!("`{}` is not a registered BCP 47 language tag", shown(text)),
                hint,
            )
        }
        other => (
            format!("`{}` is not a valid {other}", shown(text)),
            format!("see the `{other}` format"),
        ),
    }
}

/// The most characters of a value a message shows; the rest becomes an
/// ellipsis, so a message stays one line however large its value.
const SHOWN_CHARS: usize = 80;

/// `text` as a message shows it: [`visible`], cut after [`SHOWN_CHARS`]
/// characters.
fn shown(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", visible(text.get(..cut).unwrap_or(text))),
        None => visible(text),
    }
}

/// `value` as compact JSON, as a message shows it (see [`shown`]). Writing
/// stops once there is more than can be shown, so a large value costs no
/// more than a small one.
fn json_excerpt(value: &Value) -> String {
    // Room for one character more than is shown, however many bytes each
    // takes: a JSON text that fills it is cut, one that does not is whole.
    let mut start = Capped {
        bytes: Vec::new(),
        room: 4 * (SHOWN_CHARS + 1),
    };
    // The only error is `Capped` being full, and then it holds the start of
    // the JSON text, which is all that is wanted.
    let _ = serde_json::to_writer(&mut start, value);
    shown(&String::from_utf8_lossy(&start.bytes))
}

/// A writer that keeps the first `room` bytes written to it, then fails.
struct Capped {
    bytes: Vec<u8>,
    room: usize,
}

impl io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let take = buf.len().min(self.room - self.bytes.len());
        if take == 0 && !buf.is_empty() {
            return Err(io::ErrorKind::WriteZero.into());
        }
        self.bytes.extend(buf.iter().take(take));
        Ok(take)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
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
            Some(s) => format!("did you mean `{}`? Tags are in BCP 47 case: language lower, script title, region upper", shown(s.as_str())),
            None => "write a language, then a script, region or variant if needed, e.g. `en`, `zh-Hans`, `pt-BR`; extensions (-u-…) and private use (-x-…) are not taken".into(),
        },
        "country code" => "use an ISO 3166-1 alpha-2 code in capitals, e.g. CN".into(),
        "id" => "ids are lowercase letters and digits joined by single hyphens, e.g. hangzhou-initiative".into(),
        _ => format!("the value must match {pattern}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_cut_to_an_ellipsis() {
        let small = serde_json::json!({"a": [1, "b\u{200B}"]});
        assert_eq!(json_excerpt(&small), "{\"a\":[1,\"b\\u{200b}\"]}");
        let big = Value::Array(vec![Value::String("人".repeat(1000)); 1000]);
        let excerpt = json_excerpt(&big);
        assert_eq!(excerpt.chars().count(), SHOWN_CHARS + 1);
        assert!(excerpt.starts_with("[\"人人") && excerpt.ends_with("人…"));
        assert_eq!(shown(&"x".repeat(SHOWN_CHARS)), "x".repeat(SHOWN_CHARS));
        assert_eq!(
            shown(&"x".repeat(SHOWN_CHARS + 1)),
            format!("{}…", "x".repeat(SHOWN_CHARS))
        );
    }
}
