//! Reads a data file's text straight into a model type, in one pass, with
//! every string value handed to a check as the parser meets it.
//!
//! This is the reader for the common case, a valid file: no
//! `serde_json::Value` is built, so each string is parsed, checked and
//! moved into the model once. The check sees each string value (never an
//! object key) while it is still in the cache. Anything the reader cannot
//! vouch for (a string the check refuses, a type the model does not take,
//! a repeated key) ends the read with `None`, and the caller falls back
//! to the full reader, which finds, locates and explains every problem.
//!
//! Repeated keys: `serde`'s derived structs refuse a repeated field, and
//! the model's maps refuse a repeated key (see `model::unique_map`), so a
//! repeat never gets through silently.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

/// Reads `text` as a `T`, passing every string value to `check`. `None`
/// when the text is not JSON, is not a `T`, or `check` refused a string.
pub fn read_checked<T, F>(text: &str, check: &F) -> Option<T>
where
    T: de::DeserializeOwned,
    F: Fn(&str) -> bool,
{
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Checked { de: &mut de, check }).ok()?;
    de.end().ok()?;
    Some(value)
}

/// The message of the error that ends a read when `check` refuses a
/// string. Never shown: the caller only sees `None`.
const REFUSED: &str = "a string the check refused";

/// A deserializer that hands every string value it gives out to `check`.
struct Checked<'c, D, F> {
    de: D,
    check: &'c F,
}

/// A visitor that checks the strings it is given before passing them on.
struct Watch<'c, V, F> {
    visitor: V,
    check: &'c F,
}

/// A seed whose deserializer is [`Checked`].
struct Seed<'c, S, F> {
    seed: S,
    check: &'c F,
}

/// The items of an array, each read through [`Checked`].
struct Items<'c, A, F> {
    access: A,
    check: &'c F,
}

/// The members of an object, each value read through [`Checked`]; keys go
/// unchecked (the schema's patterns and the model's names judge them).
struct Members<'c, A, F> {
    access: A,
    check: &'c F,
}

/// Forwards each `deserialize_*` method, with the arguments it takes
/// before the visitor, to the inner deserializer, the visitor watched.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(
                self,
                $($arg: $ty,)*
                visitor: V,
            ) -> Result<V::Value, Self::Error> {
                self.de.$method($($arg,)* Watch { visitor, check: self.check })
            }
        )*
    };
}

impl<'de, D, F> Deserializer<'de> for Checked<'_, D, F>
where
    D: Deserializer<'de>,
    F: Fn(&str) -> bool,
{
    type Error = D::Error;

    forward! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_seq();
        deserialize_map();
        deserialize_identifier();
        deserialize_ignored_any();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

impl<F: Fn(&str) -> bool> Watch<'_, (), F> {
    /// `Ok` when `check` takes `text`, else the error that ends the read.
    fn take<E: de::Error>(check: &F, text: &str) -> Result<(), E> {
        if check(text) {
            Ok(())
        } else {
            Err(E::custom(REFUSED))
        }
    }
}

impl<'de, V, F> Visitor<'de> for Watch<'_, V, F>
where
    V: Visitor<'de>,
    F: Fn(&str) -> bool,
{
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        Watch::take(self.check, v)?;
        self.visitor.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        Watch::take(self.check, v)?;
        self.visitor.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        Watch::take(self.check, &v)?;
        self.visitor.visit_string(v)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<V::Value, E> {
        self.visitor.visit_bool(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        self.visitor.visit_i64(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        self.visitor.visit_u64(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        self.visitor.visit_f64(v)
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let check = self.check;
        self.visitor.visit_some(Checked { de: d, check })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let check = self.check;
        self.visitor.visit_newtype_struct(Checked { de: d, check })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, access: A) -> Result<V::Value, A::Error> {
        let check = self.check;
        self.visitor.visit_seq(Items { access, check })
    }

    fn visit_map<A: MapAccess<'de>>(self, access: A) -> Result<V::Value, A::Error> {
        let check = self.check;
        self.visitor.visit_map(Members { access, check })
    }

    // The model's enums are unit variants written as fixed names; a name
    // the enum does not know fails on its own, so nothing is checked here.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(data)
    }
}

impl<'de, S, F> DeserializeSeed<'de> for Seed<'_, S, F>
where
    S: DeserializeSeed<'de>,
    F: Fn(&str) -> bool,
{
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let check = self.check;
        self.seed.deserialize(Checked { de: d, check })
    }
}

impl<'de, A, F> SeqAccess<'de> for Items<'_, A, F>
where
    A: SeqAccess<'de>,
    F: Fn(&str) -> bool,
{
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let check = self.check;
        self.access.next_element_seed(Seed { seed, check })
    }

    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}

impl<'de, A, F> MapAccess<'de> for Members<'_, A, F>
where
    A: MapAccess<'de>,
    F: Fn(&str) -> bool,
{
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.access.next_key_seed(seed)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let check = self.check;
        self.access.next_value_seed(Seed { seed, check })
    }

    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    use super::*;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        name: String,
        tags: Vec<String>,
        note: Option<String>,
        texts: BTreeMap<String, String>,
        count: u32,
    }

    const TEXT: &str = r#"{"name": "a", "tags": ["b", "c\u0041"], "note": "d",
        "texts": {"key": "e"}, "count": 7}"#;

    #[test]
    fn every_string_value_is_checked_and_no_key() {
        let seen = RefCell::new(Vec::new());
        let check = |s: &str| {
            seen.borrow_mut().push(s.to_owned());
            true
        };
        let read: Option<Sample> = read_checked(TEXT, &check);
        assert_eq!(read.map(|s| s.count), Some(7));
        assert_eq!(*seen.borrow(), ["a", "b", "cA", "d", "e"]);
    }

    #[test]
    fn a_refused_string_ends_the_read() {
        let check = |s: &str| s != "e";
        assert_eq!(read_checked::<Sample, _>(TEXT, &check), None);
    }

    #[test]
    fn what_the_type_or_json_refuses_ends_the_read() {
        let check = |_: &str| true;
        for text in [
            TEXT.replace('7', "7.0"),
            TEXT.replace('7', "-0"),
            TEXT.replace(r#""name": "a","#, r#""name": "a", "name": "b","#),
            TEXT.replace("\"count\"", "\"other\": 1, \"count\""),
            format!("{TEXT} {{}}"),
            TEXT.replace('}', ""),
        ] {
            assert_eq!(read_checked::<Sample, _>(&text, &check), None, "{text}");
        }
    }
}
