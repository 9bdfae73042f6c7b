//! Finds where in the text a JSON Pointer points, for files that have
//! diagnostics.
//!
//! Built on demand from a jsonc-parser syntax tree with every lenient option
//! off, so valid files are parsed once (by `serde_json`) and only files with
//! something to report pay for positions. Objects with many keys get a map
//! from name to property, so a file with a finding for each of its keys
//! costs time in proportion to its size, not to its size squared.

use std::collections::HashMap;

use jsonc_parser::ast::{Object, ObjectProp, ObjectPropName, Value};
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

use crate::work::{self, Work};

/// Up to this many properties, an object is searched in order; a larger one
/// is looked up in its map.
const SCAN_LIMIT: usize = 32;

/// What part of the value at a pointer a diagnostic is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The value itself.
    Value,
    /// The key of the last pointer segment (an unknown field, say).
    Key,
    /// The character at this 0-based index of a string value.
    Char(usize),
    /// The `n`th repeat (1 for the second occurrence) of the key named by
    /// the last pointer segment.
    DuplicateKey(usize),
}

/// A syntax tree of one file, for looking up byte ranges by pointer.
pub struct SpanIndex<'a> {
    text: &'a str,
    root: Option<Value<'a>>,
    /// For each object with more than [`SCAN_LIMIT`] properties, keyed by
    /// the byte it starts at: the indexes of its properties by name, in
    /// order (a repeated key has more than one).
    keys: HashMap<usize, HashMap<String, Vec<usize>>>,
}

impl<'a> SpanIndex<'a> {
    /// Parses `text` strictly. A text that does not parse gives an index that
    /// finds nothing (its syntax error is reported by the loader already).
    pub fn new(text: &'a str) -> Self {
        let strict = ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
            allow_missing_commas: false,
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
            allow_bare_decimal_point_numbers: false,
            allow_non_finite_numbers: false,
            allow_extended_string_escapes: false,
        };
        let root = parse_to_ast(text, &CollectOptions::default(), &strict)
            .ok()
            .and_then(|r| r.value);
        let keys = root.as_ref().map_or_else(HashMap::new, key_maps);
        Self { text, root, keys }
    }

    /// The byte offset `target` of the value at `pointer` starts at, or the
    /// nearest existing ancestor's if the pointer leads nowhere (a missing
    /// field is reported on the object that lacks it).
    pub fn offset(&self, pointer: &str, target: Target) -> usize {
        let Some(root) = &self.root else {
            return 0;
        };
        let segments: Vec<String> = super::pointer::split(pointer);
        let mut node = root;
        let mut key_start = None;
        for (depth, segment) in segments.iter().enumerate() {
            let is_last = depth + 1 == segments.len();
            match node {
                Value::Object(object) => {
                    if let (true, Target::DuplicateKey(n)) = (is_last, target) {
                        return self
                            .property(object, segment, n)
                            .map_or(object.range.start, |p| p.range.start);
                    }
                    let Some(prop) = self.property(object, segment, 0) else {
                        return value_start(node);
                    };
                    key_start = Some(prop.range.start);
                    node = &prop.value;
                }
                Value::Array(array) => {
                    let Some(element) = segment
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| array.elements.get(i))
                    else {
                        return value_start(node);
                    };
                    key_start = None;
                    node = element;
                }
                _ => return value_start(node),
            }
        }
        match target {
            Target::Key => key_start.unwrap_or_else(|| value_start(node)),
            Target::Char(n) => match node {
                Value::StringLit(lit) => char_offset(self.text, lit.range.start, n),
                _ => value_start(node),
            },
            Target::Value | Target::DuplicateKey(_) => value_start(node),
        }
    }

    /// The `nth` property named `name` of `object` (0 for the first).
    fn property<'v>(
        &self,
        object: &'v Object<'a>,
        name: &str,
        nth: usize,
    ) -> Option<&'v ObjectProp<'a>> {
        if let Some(keys) = self.keys.get(&object.range.start) {
            work::add(Work::PropertyProbes, 1);
            let index = keys.get(name).and_then(|found| found.get(nth))?;
            return object.properties.get(*index);
        }
        let mut probes = 0;
        let found = object
            .properties
            .iter()
            .inspect(|_| probes += 1)
            .filter(|p| prop_name(&p.name) == name)
            .nth(nth);
        work::add(Work::PropertyProbes, probes);
        found
    }
}

/// The maps of every object in `root` with more than [`SCAN_LIMIT`]
/// properties, keyed by the byte the object starts at. The tree is walked
/// with a stack, not by recursion.
fn key_maps(root: &Value<'_>) -> HashMap<usize, HashMap<String, Vec<usize>>> {
    let mut maps = HashMap::new();
    let mut pending = vec![root];
    while let Some(value) = pending.pop() {
        match value {
            Value::Object(object) => {
                if object.properties.len() > SCAN_LIMIT {
                    let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
                    for (i, p) in object.properties.iter().enumerate() {
                        keys.entry(prop_name(&p.name).to_owned())
                            .or_default()
                            .push(i);
                    }
                    maps.insert(object.range.start, keys);
                }
                pending.extend(object.properties.iter().map(|p| &p.value));
            }
            Value::Array(array) => pending.extend(array.elements.iter()),
            _ => {}
        }
    }
    maps
}

fn prop_name<'b>(name: &'b ObjectPropName<'_>) -> &'b str {
    match name {
        ObjectPropName::String(lit) => lit.value.as_ref(),
        ObjectPropName::Word(lit) => lit.value,
    }
}

fn value_start(value: &Value<'_>) -> usize {
    match value {
        Value::StringLit(v) => v.range.start,
        Value::NumberLit(v) => v.range.start,
        Value::BooleanLit(v) => v.range.start,
        Value::Object(v) => v.range.start,
        Value::Array(v) => v.range.start,
        Value::NullKeyword(v) => v.range.start,
    }
}

/// The byte offset of decoded character `n` of the string literal whose
/// opening quote is at `start`, walking escapes as one character each.
fn char_offset(text: &str, start: usize, n: usize) -> usize {
    let Some(raw) = text.get(start + 1..) else {
        return start;
    };
    let mut chars = raw.char_indices().peekable();
    let mut count = 0;
    while let Some((i, c)) = chars.next() {
        // The character just past the last is the closing quote: where a
        // text that goes on elsewhere (an added sentence) differs.
        if count == n {
            return start + 1 + i;
        }
        if c == '"' {
            break;
        }
        if c == '\\'
            && let Some((_, 'u')) = chars.next()
        {
            let hex: String = (0..4)
                .filter_map(|_| chars.next().map(|(_, c)| c))
                .collect();
            let is_high =
                u32::from_str_radix(&hex, 16).is_ok_and(|u| (0xD800..0xDC00).contains(&u));
            if is_high && raw.get(i + 6..i + 8) == Some("\\u") {
                for _ in 0..6 {
                    chars.next();
                }
            }
        }
        count += 1;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "{\n  \"a\": [1, {\"b\": \"x\\u00e9\\ud83d\\ude00y\"}],\n  \"c\": 2,\n  \"c\": 3\n}";

    fn at(pointer: &str, target: Target) -> &'static str {
        let index = SpanIndex::new(TEXT);
        TEXT.get(index.offset(pointer, target)..)
            .unwrap_or_else(|| panic!("{pointer}: not at a character"))
    }

    #[test]
    fn finds_values_keys_and_ancestors() {
        assert!(at("/a/0", Target::Value).starts_with("1,"));
        assert!(at("/a/1/b", Target::Key).starts_with("\"b\":"));
        assert!(at("/a/1/missing", Target::Value).starts_with("{\"b\""));
        assert!(at("/c", Target::DuplicateKey(1)).starts_with("\"c\": 3"));
    }

    #[test]
    fn large_objects_are_looked_up_by_name() {
        let keys: String = (0..100)
            .map(|i| format!("\"k{i}\": {i}, "))
            .collect::<Vec<_>>()
            .concat();
        let text = format!("{{\"o\": {{{keys}\"k7\": \"again\", \"k\\u00e9\": [true]}}}}");
        let index = SpanIndex::new(&text);
        assert_eq!(index.keys.len(), 1);
        let at = |pointer: &str, target| {
            text.get(index.offset(pointer, target)..)
                .unwrap_or_else(|| panic!("{pointer}: not at a character"))
        };
        assert!(at("/o/k99", Target::Value).starts_with("99,"));
        assert!(at("/o/k42", Target::Key).starts_with("\"k42\": 42"));
        assert!(at("/o/k7", Target::DuplicateKey(1)).starts_with("\"k7\": \"again\""));
        assert!(at("/o/k1/0", Target::Value).starts_with("1,"));
        assert!(at("/o/k\u{e9}/0", Target::Value).starts_with("true"));
        assert!(at("/o/missing", Target::Value).starts_with("{\"k0\""));
        assert!(at("/o/k7", Target::DuplicateKey(2)).starts_with("{\"k0\""));
    }

    #[test]
    fn counts_escapes_as_one_character() {
        assert!(at("/a/1/b", Target::Char(0)).starts_with("x\\u00e9"));
        assert!(at("/a/1/b", Target::Char(1)).starts_with("\\u00e9"));
        assert!(at("/a/1/b", Target::Char(2)).starts_with("\\ud83d\\ude00"));
        assert!(at("/a/1/b", Target::Char(3)).starts_with("y\""));
        assert!(at("/a/1/b", Target::Char(4)).starts_with('"'));
        assert!(at("/a/1/b", Target::Char(5)).starts_with("\"x\\u00e9"));
    }
}
