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

/// Parses `text` as strict JSON (RFC 8259). Returns the value (first
/// occurrence wins for repeated keys) and the repeated keys, in text order.
pub fn parse_json(text: &str) -> Result<(Value, Vec<DuplicateKey>), serde_json::Error> {
    let mut duplicates = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let value = ValueSeed {
        path: &Path::Root,
        duplicates: &mut duplicates,
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok((value, duplicates))
}

/// Where a walk through a JSON value is, as a chain of borrowed segments:
/// no allocation per node, and a JSON Pointer is only built when a finding
/// needs one.
pub enum Path<'a> {
    /// The whole value.
    Root,
    /// A member of the object at the parent path.
    Key(&'a Path<'a>, &'a str),
    /// An item of the array at the parent path.
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The JSON Pointer (RFC 6901) of this place.
    pub fn pointer(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => {
                format!(
                    "{}/{}",
                    parent.pointer(),
                    key.replace('~', "~0").replace('/', "~1")
                )
            }
            Path::Index(parent, index) => format!("{}/{index}", parent.pointer()),
        }
    }
}

struct ValueSeed<'p, 'd> {
    path: &'p Path<'p>,
    duplicates: &'d mut Vec<DuplicateKey>,
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
        while let Some(item) = seq.next_element_seed(ValueSeed {
            path: &Path::Index(self.path, items.len()),
            duplicates: self.duplicates,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(ValueSeed {
                path: &Path::Key(self.path, &key),
                duplicates: self.duplicates,
            })?;
            if object.contains_key(&key) {
                self.duplicates.push(DuplicateKey {
                    object: self.path.pointer(),
                    key,
                });
            } else {
                object.insert(key, value);
            }
        }
        Ok(Value::Object(object))
    }
}

impl fmt::Debug for Path<'_> {
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
        let (value, dups) = parse_json(text).unwrap_or_else(|e| panic!("{e}"));
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
        let (_, dups) = parse_json(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(dups[0].object, "/a~1b");
    }

    #[test]
    fn rejects_lone_surrogates_and_trailing_data() {
        assert!(parse_json(r#"{"a": "\uD800"}"#).is_err());
        assert!(parse_json("{} {}").is_err());
    }
}
