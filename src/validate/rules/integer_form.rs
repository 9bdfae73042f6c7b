//! Rule `integer-form`: a whole number is written as an integer (`1`), not
//! as `1.0`, `1E2` or `-0`.
//!
//! JSON Schema counts any number with a zero fractional part as an integer,
//! so the schema cannot say this: ajv, check-jsonschema and the schema
//! check here all take `"number": 1.0` where `"type": "integer"` is asked
//! for. This tool is stricter on purpose. The model reads such a number as
//! an integer type, which refuses `1.0`, as many JSON readers do; the
//! exports declare it `positiveInteger` (the XML Schema, CSVW) and
//! `integer` (the Data Package), whose lexical forms have no `1.0` or
//! `1E2`; and the canonical JSON export would write `1`,
//! so the data would not round-trip. Only the integer form reads the same
//! in every one of them. The model has no fractional numbers, so a whole
//! number anywhere else is the schema's to reject (`schema-type`), and this
//! rule stays silent there.

use serde_json::{Number, Value};

use super::{NumberRule, NumberViolation};

/// Finds whole numbers written with a fraction or an exponent.
pub(super) struct IntegerForm;

impl NumberRule for IntegerForm {
    fn code(&self) -> &'static str {
        "integer-form"
    }

    fn summary(&self) -> &'static str {
        "whole numbers are written as integers (1, not 1.0 or 1E2), though JSON Schema takes both"
    }

    fn check(&self, number: &Number) -> Option<NumberViolation> {
        whole(number)?;
        let (message, written) = match as_integer(number) {
            Some(integer) => (
                format!("the whole number {integer} is not written as an integer"),
                format!("`{integer}`"),
            ),
            None => (
                "this whole number is not written as an integer".to_owned(),
                "it with digits only".to_owned(),
            ),
        };
        Some(NumberViolation {
            message,
            hint: format!(
                "write {written}. JSON Schema (and so ajv and check-jsonschema) counts 1.0 and 1E2 as integers, but the model and the exports' integer types read only the integer form"
            ),
        })
    }
}

/// The value of `number` if it is whole but was not read as an integer.
fn whole(number: &Number) -> Option<f64> {
    number
        .as_f64()
        .filter(|v| number.is_f64() && v.fract() == 0.0)
}

/// `number` as the integer it stands for, when it is a whole number
/// written otherwise (`1.0`, `1E2`, `-0`) and fits in 64 bits.
fn as_integer(number: &Number) -> Option<Number> {
    let value = whole(number)?;
    // `{:.0}` of a whole f64 is its exact decimal digits (`-0` for -0.0).
    let digits = format!("{value:.0}");
    match digits.parse::<i64>() {
        Ok(integer) => Some(integer.into()),
        Err(_) => digits.parse::<u64>().ok().map(Number::from),
    }
}

/// Rewrites every whole number in `value` written otherwise as the integer
/// it stands for, so a file this rule has reported still reaches the model
/// and its rules in the same run.
pub(crate) fn read_as_integers(value: &mut Value) {
    match value {
        Value::Number(number) => {
            if let Some(integer) = as_integer(number) {
                *number = integer;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(read_as_integers),
        Value::Object(map) => map.values_mut().for_each(read_as_integers),
        Value::Null | Value::Bool(_) | Value::String(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Number {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn finds_whole_numbers_not_written_as_integers() {
        // See: #13
        let hint = |text: &str| IntegerForm.check(&number(text)).map(|v| v.hint);
        for (text, integer) in [
            ("1.0", "`1`"),
            ("1E2", "`100`"),
            ("-0", "`0`"),
            ("2.0e0", "`2`"),
        ] {
            let hint = hint(text).unwrap_or_else(|| panic!("{text}: no finding"));
            assert!(
                hint.starts_with(&format!("write {integer}.")),
                "{text}: {hint}"
            );
        }
        let huge = hint("1e300").unwrap_or_else(|| panic!("1e300: no finding"));
        assert!(huge.starts_with("write it with digits only."), "{huge}");
    }

    #[test]
    fn leaves_integers_and_fractions_alone() {
        for text in ["1", "0", "-3", "18446744073709551615", "1.5", "-0.25"] {
            assert!(IntegerForm.check(&number(text)).is_none(), "{text}");
        }
    }

    /// The rule leaves every number outside an integer field to the
    /// schema: that holds while the model has no fractional numbers.
    #[test]
    fn the_model_has_no_fractional_numbers() {
        fn walk(schema: &Value, out: &mut Vec<String>) {
            match schema {
                Value::Object(map) => {
                    let ty = map.get("type");
                    let number = |t: &Value| t.as_str() == Some("number");
                    if ty.is_some_and(|t| {
                        number(t) || t.as_array().is_some_and(|a| a.iter().any(number))
                    }) {
                        out.push(schema.to_string());
                    }
                    map.values().for_each(|v| walk(v, out));
                }
                Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        for schema in [
            crate::schema::document_schema(),
            crate::schema::catalog_schema(),
            crate::schema::translation_schema(),
        ] {
            walk(&schema, &mut found);
        }
        assert!(
            found.is_empty(),
            "fractional numbers in the model: {found:?}"
        );
    }

    #[test]
    fn rewrites_whole_numbers_as_integers() {
        let mut value: Value =
            serde_json::from_str(r#"{"a": [1.0, 1E2, 1.5, "1.0"], "b": {"c": -0}}"#)
                .unwrap_or_else(|e| panic!("{e}"));
        read_as_integers(&mut value);
        assert_eq!(value.to_string(), r#"{"a":[1,100,1.5,"1.0"],"b":{"c":0}}"#);
    }
}
