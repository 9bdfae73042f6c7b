//! Reads a JSON object into a `BTreeMap`, refusing a key that repeats.
//!
//! `serde`'s own map reading keeps the last of two equal keys without a
//! word, so a translator's second `"en"` would replace the first. The
//! validator reports each repeat with its place (`duplicate-key`); this
//! makes every other reader of the model refuse one too.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

/// Deserializes a map whose keys are all different; use with
/// `#[serde(deserialize_with = "…")]`.
pub(crate) fn deserialize<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord,
    V: Deserialize<'de>,
{
    d.deserialize_map(Unique(PhantomData))
}

struct Unique<K, V>(PhantomData<(K, V)>);

impl<'de, K, V> Visitor<'de> for Unique<K, V>
where
    K: Deserialize<'de> + Ord,
    V: Deserialize<'de>,
{
    type Value = BTreeMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object whose keys are all different")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some((key, value)) = access.next_entry()? {
            if map.insert(key, value).is_some() {
                return Err(de::Error::custom("a key appears more than once"));
            }
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "deserialize")]
        map: BTreeMap<String, u32>,
    }

    #[test]
    fn a_repeated_key_is_refused_and_distinct_keys_are_read() {
        let read = |text: &str| serde_json::from_str::<Holder>(text).map(|h| h.map.len());
        assert_eq!(read(r#"{"map": {"a": 1, "b": 2}}"#).ok(), Some(2));
        let error = read(r#"{"map": {"a": 1, "a": 2}}"#)
            .err()
            .map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.contains("more than once")));
    }
}
