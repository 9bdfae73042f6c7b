//! Parses JSON text into a `serde_json::Value` in one pass, noting every
//! duplicate object key on the way.
//!
//! `serde_json` silently keeps the last of two equal keys, which would let a
//! translator's second `"en"` overwrite the first without a word. This
//! visitor builds the same `Value` and records each repeated key instead.

use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// A key that occurs more than once in one object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The JSON Pointer of the object holding the key.
    pub object: String,
    /// The repeated key.
    pub key: String,
}

/// Text that is not JSON: `serde_json`'s error, and where in the value the
/// reading stopped.
#[derive(Debug)]
pub struct SyntaxError {
    /// What `serde_json` met, with its line and byte column.
    pub error: serde_json::Error,
    /// The JSON Pointer of the innermost value being read when the error
    /// came: the object or array whose punctuation is wrong, or the member
    /// whose value is (`""` when the text fails before or after the value).
    pub pointer: String,
}

/// Parses `text` as strict JSON (RFC 8259). Returns the value (first
/// occurrence wins for repeated keys) and the repeated keys, in text order.
pub fn parse_json(text: &str) -> Result<(Value, Vec<DuplicateKey>), SyntaxError> {
    let mut state = State::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = ValueSeed {
        path: &ValuePath::Root,
        state: &mut state,
    }
    .deserialize(&mut de)
    .and_then(|value| de.end().map(|()| value));
    match parsed {
        Ok(value) => Ok((value, state.duplicates)),
        Err(error) => Err(SyntaxError {
            error,
            // No value noted the error: it is before or after the value,
            // and `""` is the whole text's pointer.
            pointer: state.failed_at.unwrap_or_default(),
        }),
    }
}

/// What a parse notes on its way: repeated keys, and where it failed.
#[derive(Default)]
struct State {
    duplicates: Vec<DuplicateKey>,
    /// Set once, by the innermost value an error passes through.
    failed_at: Option<String>,
}

impl State {
    /// Notes `path` as the place of the error `result` carries, unless a
    /// value inside it was noted first.
    fn note<T, E>(&mut self, path: &ValuePath<'_>, result: Result<T, E>) -> Result<T, E> {
        if result.is_err() && self.failed_at.is_none() {
            self.failed_at = Some(path.pointer());
        }
        result
    }
}

/// Where a walk through a JSON value is, as a chain of borrowed segments:
/// no allocation per node, and a JSON Pointer is only built when a finding
/// needs one.
pub enum ValuePath<'a> {
    /// The whole value.
    Root,
    /// A member of the object at the parent path.
    Key(&'a ValuePath<'a>, &'a str),
    /// An item of the array at the parent path.
    Index(&'a ValuePath<'a>, usize),
}

impl ValuePath<'_> {
    /// The JSON Pointer (RFC 6901) of this place.
    pub fn pointer(&self) -> String {
        match self {
            ValuePath::Root => String::new(),
            ValuePath::Key(parent, key) => super::pointer::join(&parent.pointer(), key),
            ValuePath::Index(parent, index) => format!("{}/{index}", parent.pointer()),
        }
    }
}

struct ValueSeed<'p, 's> {
    path: &'p ValuePath<'p>,
    state: &'s mut State,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number is not finite"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let item = seq.next_element_seed(ValueSeed {
                path: &ValuePath::Index(self.path, items.len()),
                state: self.state,
            });
            // A comma or bracket out of place is the array's.
            match self.state.note(self.path, item)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        loop {
            let key = map.next_key::<String>();
            let Some(key) = self.state.note(self.path, key)? else {
                return Ok(Value::Object(object));
            };
            let path = ValuePath::Key(self.path, &key);
            let value = map.next_value_seed(ValueSeed {
                path: &path,
                state: self.state,
            });
            let value = self.state.note(&path, value)?;
            if object.contains_key(&key) {
                self.state.duplicates.push(DuplicateKey {
                    object: self.path.pointer(),
                    key,
                });
            } else {
                object.insert(key, value);
            }
        }
    }
}

impl fmt::Debug for ValuePath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.pointer())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_duplicate_and_keeps_the_first() {
        let text = r#"{"a": 1, "b": {"x": 1, "x": 2, "x": 3}, "a": 4}"#;
        let (value, dups) = parse_json(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(value["a"], 1);
        assert_eq!(value["b"]["x"], 1);
        let found: Vec<(&str, &str)> = dups
            .iter()
            .map(|d| (d.object.as_str(), d.key.as_str()))
            .collect();
        assert_eq!(found, [("/b", "x"), ("/b", "x"), ("", "a")]);
    }

    #[test]
    fn escapes_pointer_segments() {
        let text = r#"{"a/b": {"k": 1, "k": 2}}"#;
        let (_, dups) = parse_json(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(dups[0].object, "/a~1b");
    }

    #[test]
    fn a_syntax_error_names_the_value_being_read() {
        let pointer = |text: &str| parse_json(text).err().map(|e| e.pointer);
        // A trailing comma is the object's or the array's. See: #13
        let text = "{\"units\": {\"title\": {\"source\": \"a\",\n}}}";
        assert_eq!(pointer(text).as_deref(), Some("/units/title"));
        assert_eq!(pointer(r#"{"a": [1, 2,]}"#).as_deref(), Some("/a"));
        // A bad value is its member's.
        assert_eq!(pointer(r#"{"a": {"b": tru}}"#).as_deref(), Some("/a/b"));
        assert_eq!(pointer(r#"{"a": 1} x"#).as_deref(), Some(""));
        assert_eq!(pointer("[").as_deref(), Some(""));
    }

    #[test]
    fn rejects_lone_surrogates_and_trailing_data() {
        assert!(parse_json(r#"{"a": "\uD800"}"#).is_err());
        assert!(parse_json("{} {}").is_err());
    }
}
